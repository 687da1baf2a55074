//! Tables flattened into text with their cells run together by spaces, as a web page's table
//! reads once copied: a header line of column names ("Provider Country Purpose Data processed
//! DPA"), then one line a row ("Stripe Inc. US Subscription payments … link"). A row is read
//! as the name, the country right after it, and the rest in the order of the header.

use super::draft::{Draft, Origin};
use super::header::{self, Column};
use crate::{country, mechanism};
use std::ops::Range;

/// The rows under each header line of such a table, with the lines they span.
pub(super) fn drafts(lines: &[String], claimed: &[bool]) -> Vec<(Range<usize>, Vec<Draft>)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(columns) = header_columns(&lines[i]).filter(|_| !claimed[i]) else {
            i += 1;
            continue;
        };
        let start = i;
        let mut rows = Vec::new();
        i += 1;
        while i < lines.len() && !claimed[i] {
            match row(&lines[i], &columns) {
                Some(draft) => rows.push(draft),
                None => break,
            }
            i += 1;
        }
        if rows.len() >= 2 {
            found.push((start..i, rows));
        }
    }
    found
}

/// The columns a header line names, read word by word (a column name may be up to three
/// words), when it names the subprocessor first and a country after, and nothing else.
fn header_columns(line: &str) -> Option<Vec<Column>> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(3..=16).contains(&words.len()) || line.contains([':', '.', ',', '|']) {
        return None;
    }
    let mut columns = Vec::new();
    let mut at = 0;
    while at < words.len() {
        // The shortest run of words that is a header: the matching is not anchored, so a
        // longer run would swallow the next column's name.
        let found = (1..=3)
            .filter(|n| at + n <= words.len())
            .find_map(|n| header::column(&words[at..at + n].join(" ")).map(|c| (c, n)));
        match found {
            Some((column, n)) => {
                columns.push(column);
                at += n;
            }
            // A word no header knows ("treatment" after "Description of") belongs to the
            // column before it.
            None if !columns.is_empty() => at += 1,
            None => return None,
        }
    }
    (columns.len() >= 3
        && columns.first() == Some(&Column::Name)
        && columns.get(1) == Some(&Column::Country))
    .then_some(columns)
}

/// One row: the name up to the country that follows it, then the cells after the country.
fn row(line: &str, columns: &[Column]) -> Option<Draft> {
    let line = line.trim();
    let (country_at, country_end) = first_country(line)?;
    let name = line[..country_at].trim();
    if name.is_empty() || name.split_whitespace().count() > 8 {
        return None;
    }
    let mut rest = line[country_end..].trim();
    let mut draft = Draft::new(Origin::FlatTable, name, line);
    draft.country = line[country_at..country_end].to_string();
    // A transfer-tool column right after the country holds its phrase first.
    if columns.get(2) == Some(&Column::Mechanism)
        && let Some(m) = mechanism::mentions(rest).first().filter(|m| m.start == 0)
    {
        draft.mechanism = rest[..m.end].to_string();
        rest = rest[m.end..].trim();
    }
    // An agreement column last: a link or a tick at the end of the line.
    if columns.last() == Some(&Column::Agreement)
        && let Some((before, last)) = rest.rsplit_once(char::is_whitespace)
        && [
            "link", "yes", "ja", "oui", "si", "sì", "tak", "✓", "✔", "✅", "signed",
        ]
        .contains(&last.to_lowercase().as_str())
    {
        draft.agreement = true;
        rest = before.trim();
    }
    draft.service = rest.to_string();
    draft.context = rest.to_string();
    Some(draft)
}

/// The first country in a row after the name: a code ("US", "US/UK") or a country's name.
fn first_country(line: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for word in line.split_whitespace() {
        let at = offset + line[offset..].find(word)?;
        offset = at + word.len();
        if at == 0 {
            continue;
        }
        let code_like = word.len() <= 7
            && word.chars().all(|c| c.is_ascii_uppercase() || c == '/')
            && word.split('/').all(|p| country::from_cell(p).is_some());
        if code_like {
            return Some((at, offset));
        }
        if country::name_mentions(word)
            .first()
            .is_some_and(|m| m.start == 0 && m.end == word.len())
        {
            return Some((at, offset));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_table_flattened_by_spaces_reads_by_its_header() {
        let text = lines(
            "Provider Country Purpose Data processed DPA\n\
             Stripe Inc. US Subscription payments processing Billing email link\n\
             Hetzner Online GmbH DE VPS hosting All tenant data at-rest link\n\
             Telegram LLC US/UK Admin notifications link",
        );
        let found = drafts(&text, &vec![false; text.len()]);
        assert_eq!(found.len(), 1);
        let (range, rows) = &found[0];
        assert_eq!(*range, 0..4);
        let names: Vec<&str> = rows.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            ["Stripe Inc.", "Hetzner Online GmbH", "Telegram LLC"]
        );
        assert_eq!(rows[1].country, "DE");
        assert!(rows.iter().all(|d| d.agreement));
        assert_eq!(rows[2].country, "US/UK");
    }

    #[test]
    fn a_transfer_tool_column_after_the_country_is_read_first() {
        let text = lines(
            "Subcontractor Country Legal Basis Function Description of treatment\n\
             Stripe USA Privacy Shield Subscription Payment Stripe handles payments.\n\
             DigitalOcean England   Server hosting DigitalOcean hosts the servers.",
        );
        let found = drafts(&text, &vec![false; text.len()]);
        let rows = &found[0].1;
        assert_eq!(rows[0].mechanism, "Privacy Shield");
        assert_eq!(rows[1].name, "DigitalOcean");
        assert_eq!(rows[1].country, "England");
    }
}
