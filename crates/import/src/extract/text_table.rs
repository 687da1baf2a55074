//! Tables typed as text: Markdown pipe tables ("| Name | Country |") and tab-separated lines
//! pasted from a spreadsheet.

use std::ops::Range;

/// The tables among the lines of a text block: which lines each spans and its rows.
pub(super) fn find(lines: &[String]) -> Vec<(Range<usize>, Vec<Vec<String>>)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(kind) = kind(&lines[i]) else {
            i += 1;
            continue;
        };
        let start = i;
        let mut rows = Vec::new();
        while i < lines.len() && self::kind(&lines[i]) == Some(kind) {
            if !is_rule(&lines[i]) {
                rows.push(cells(&lines[i], kind));
            }
            i += 1;
        }
        // One line with separators is a sentence with a "|" in it, not a table.
        if rows.len() >= 2 {
            found.push((start..i, rows));
        }
    }
    found
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Pipes,
    Tabs,
}

fn kind(line: &str) -> Option<Kind> {
    if line.matches('|').count() >= 2 {
        Some(Kind::Pipes)
    } else if line.contains('\t') {
        Some(Kind::Tabs)
    } else {
        None
    }
}

/// Markdown's "|---|:---:|" line under the header.
fn is_rule(line: &str) -> bool {
    line.chars()
        .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+' | '='))
}

fn cells(line: &str, kind: Kind) -> Vec<String> {
    let line = line.trim();
    let parts: Vec<&str> = match kind {
        Kind::Pipes => line
            .strip_prefix('|')
            .unwrap_or(line)
            .strip_suffix('|')
            .unwrap_or_else(|| line.strip_prefix('|').unwrap_or(line))
            .split('|')
            .collect(),
        Kind::Tabs => line.split('\t').collect(),
    };
    // "<br>" is how Markdown tables break a line inside a cell.
    parts
        .into_iter()
        .map(|c| {
            c.replace("<br>", "\n")
                .replace("<br/>", "\n")
                .trim()
                .to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pipe_and_tab_tables() {
        let lines: Vec<String> = [
            "Intro",
            "| Name | Country |",
            "|---|---|",
            "| Acme GmbH | DE |",
            "after",
            "Name\tCountry",
            "Acme Inc.\tUS",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let found = find(&lines);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, 1..4);
        assert_eq!(found[0].1[1], vec!["Acme GmbH", "DE"]);
        assert_eq!(found[1].1[1], vec!["Acme Inc.", "US"]);
    }
}
