//! Tables flattened to one line a cell, as web pages copied as text leave them: the header
//! labels one per line ("Entity", "Scope", "Area", "Certifications"), then each row's cells one
//! (or several) per line. Rows start at a line opening with a company name; the lines of a row
//! are then told apart by what they hold (address, area, certification, mechanism, service,
//! description), not by their position, since empty cells leave no line.

use super::draft::{Draft, Origin, certifications_in};
use super::header;
use super::names;
use crate::{country, mechanism};
use std::ops::Range;

/// The rows of each one-cell-a-line table in the lines, with the lines each table spans.
pub(super) fn drafts(lines: &[String]) -> Vec<(Range<usize>, Vec<Draft>)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let headers = header_run(lines, i);
        if headers < 3 {
            if let Some((range, drafts)) = headless(lines, i) {
                i = range.end.max(i + 1);
                found.push((range, drafts));
            } else {
                i += 1;
            }
            continue;
        }
        let body = i + headers;
        let starts: Vec<usize> = (body..lines.len())
            .take_while(|&j| header_run(lines, j) < 3)
            .filter(|&j| starts_row(lines, j))
            .collect();
        let Some(&first) = starts.first() else {
            i = body;
            continue;
        };
        let block_end = (body..lines.len())
            .find(|&j| header_run(lines, j) >= 3)
            .unwrap_or(lines.len());
        let mut drafts = Vec::new();
        let mut end = first;
        for (k, &start) in starts.iter().enumerate() {
            let next = starts.get(k + 1).copied().unwrap_or(block_end);
            let (draft, used) = row(&lines[start..next], k + 1 == starts.len());
            end = start + used;
            drafts.push(draft);
        }
        found.push((i..end, drafts));
        i = end.max(i + 1);
    }
    found
}

/// Rows one cell a line without header labels, right after the sentence that introduces
/// them ("… können zum Einsatz kommen:"): each a company's name and a few cells.
fn headless(lines: &[String], i: usize) -> Option<(Range<usize>, Vec<Draft>)> {
    let introduced = i > 0 && lines[i - 1].trim_end().ends_with(':');
    if !introduced || !starts_row(lines, i) {
        return None;
    }
    let end = (i..lines.len())
        .find(|&j| lines[j].split_whitespace().count() > 20)
        .unwrap_or(lines.len());
    // A row has a cell at least under its name: a name-like cell right under another is
    // part of that row.
    let mut starts: Vec<usize> = Vec::new();
    for j in (i..end).filter(|&j| starts_row(lines, j)) {
        if starts.last().is_none_or(|&s| j >= s + 2) {
            starts.push(j);
        }
    }
    // A few cells a row: paragraphs under names are no table.
    if starts.len() < 2 || !starts.windows(2).all(|w| w[1] - w[0] <= 6) {
        return None;
    }
    let mut drafts = Vec::new();
    let mut last_end = i;
    for (k, &start) in starts.iter().enumerate() {
        let next = starts.get(k + 1).copied().unwrap_or(end);
        let (draft, used) = row(&lines[start..next], k + 1 == starts.len());
        last_end = start + used;
        drafts.push(draft);
    }
    Some((i..last_end, drafts))
}

/// How many header labels, one per line, start at line `i`.
fn header_run(lines: &[String], i: usize) -> usize {
    lines[i..]
        .iter()
        .take_while(|l| l.split_whitespace().count() <= 5 && header::column(l).is_some())
        .count()
}

/// A row starts at a company name with a legal form, or a short name followed by an address.
fn starts_row(lines: &[String], j: usize) -> bool {
    let line = &lines[j];
    if names::leading_company(line).is_some() && line.split_whitespace().count() <= 16 {
        return true;
    }
    names::looks_like_name(line)
        && lines
            .get(j + 1)
            .is_some_and(|n| names::looks_like_address(n))
}

/// One row from its lines, and how many of them it used: the last row of a table stops after
/// its first description, as whatever prose follows the table is no cell of it.
fn row(lines: &[String], last: bool) -> (Draft, usize) {
    let (name, address) = names::split_name_address(&lines[0]);
    let mut draft = Draft::new(Origin::FlatTable, &name, "");
    let mut addresses = vec![address]
        .into_iter()
        .filter(|a| !a.is_empty())
        .collect::<Vec<_>>();
    let mut descriptions: Vec<&str> = Vec::new();
    let mut used = 1;
    for line in &lines[1..] {
        let words = line.split_whitespace().count();
        if last && !descriptions.is_empty() && words > 6 {
            break;
        }
        used += 1;
        let certs = certifications_in(line);
        if draft.service.is_empty() && descriptions.is_empty() && names::looks_like_address(line) {
            addresses.push(line.trim().to_string());
        } else if words <= 12 && !mechanism::mentions(line).is_empty() {
            // "PCI DSS, EU-Standardvertragsklauseln": the tool, with a certification beside it.
            draft.mechanism = join(&draft.mechanism, line);
            draft.certifications.extend(certs);
        } else if words <= 6 && (country::area(line).is_some() || country::detect(line).is_some()) {
            draft.location = join(&draft.location, line);
        } else if !certs.is_empty() && words <= 8 {
            draft.certifications.push(line.trim().to_string());
        } else if draft.service.is_empty() && descriptions.is_empty() && words <= 20 {
            draft.service = line.trim().to_string();
        } else {
            descriptions.push(line);
        }
    }
    draft.address = addresses.join(", ");
    draft.context = descriptions.join("\n");
    draft.source = lines[..used].join("\n");
    (draft, used)
}

fn join(existing: &str, more: &str) -> String {
    if existing.is_empty() {
        more.trim().to_string()
    } else {
        format!("{existing}, {}", more.trim())
    }
}

#[cfg(test)]
mod headless_tests {
    use super::*;

    #[test]
    fn rows_one_cell_a_line_after_their_introduction() {
        let lines: Vec<String> = "Die folgenden Subprozessoren können zum Einsatz kommen:\nBeanerio GmbH\nEntwicklung und Supportleistungen\nDeutschland\nAllgemeine AVV\nStripe Payments Europe Ltd. (SPEL)\nZahlungsabwicklung\nIrland (EU) / USA\nPCI DSS, EU-Standardvertragsklauseln\n3. Datenstandorte\nDie primäre Verarbeitung und Speicherung personenbezogener Daten erfolgt in Rechenzentren innerhalb der Europäischen Union und nirgends sonst auf der ganzen Welt."
            .lines()
            .map(str::to_string)
            .collect();
        let found = drafts(&lines);
        assert_eq!(found.len(), 1, "{found:?}");
        let rows = &found[0].1;
        assert_eq!(rows[0].name, "Beanerio GmbH");
        assert_eq!(rows[0].location, "Deutschland");
        assert_eq!(rows[0].service, "Entwicklung und Supportleistungen");
        assert!(rows[1].mechanism.contains("Standardvertragsklauseln"));
    }
}
