//! CSV and TSV (and `;`- or `|`-separated text): the delimiter is the one that splits the
//! first lines into the same number of fields; quoting follows the `csv` crate. Cells that a
//! spreadsheet would take for formulas stay plain text, with a warning.

use super::grid::clean_cell;
use crate::{Block, Document, Format, ImportError, ImportResult, Watch};
use csv::ReaderBuilder;

const DELIMITERS: [u8; 4] = [b'\t', b';', b',', b'|'];
const SAMPLE_BYTES: usize = 64 * 1024;
const SAMPLE_RECORDS: usize = 50;

/// The delimiter that splits the start of `text` into a consistent number (two or more) of
/// fields per record, over at least two records; `None` when no delimiter does.
pub(super) fn detect(text: &str) -> Option<u8> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let cut = end < text.len();
    // Highest share of consistent records first, then most fields; ties keep the order of
    // `DELIMITERS` (a tab or semicolon rarely occurs inside values, a comma often does).
    let mut best: Option<((f32, usize), u8)> = None;
    for delimiter in DELIMITERS {
        if let Some(s) = score(sample, delimiter, cut)
            && best.is_none_or(|(b, _)| s > b)
        {
            best = Some((s, delimiter));
        }
    }
    best.map(|(_, delimiter)| delimiter)
}

/// For a file named as a CSV with one record only (a header row, nothing under it), where
/// no delimiter can prove itself consistent: the one that splits that record most.
fn splitting_first_line(text: &str) -> Option<u8> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    DELIMITERS
        .into_iter()
        .map(|d| (first.bytes().filter(|b| *b == d).count(), d))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, d)| d)
}

/// (share of records with the most common field count, that count), when it is worth taking.
fn score(sample: &str, delimiter: u8, cut: bool) -> Option<(f32, usize)> {
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(sample.as_bytes());
    let mut counts: Vec<usize> = reader
        .records()
        .take(SAMPLE_RECORDS)
        .filter_map(Result::ok)
        .filter(|record| record.iter().any(|field| !field.trim().is_empty()))
        .map(|record| record.len())
        .collect();
    if cut && counts.len() == SAMPLE_RECORDS {
        // The last record read may have been cut short by the sample's end.
        counts.pop();
    }
    let mut freq = std::collections::BTreeMap::<usize, usize>::new();
    for &count in &counts {
        *freq.entry(count).or_default() += 1;
    }
    let (&fields, &hits) = freq.iter().max_by_key(|&(&fields, &hits)| (hits, fields))?;
    let share = hits as f32 / counts.len() as f32;
    (fields >= 2 && counts.len() >= 2 && share >= 0.8).then_some((share, fields))
}

pub(super) fn read(text: &str, delimiter: Option<u8>, watch: &Watch) -> ImportResult<Document> {
    let delimiter = delimiter
        .or_else(|| detect(text))
        .or_else(|| splitting_first_line(text))
        .unwrap_or(b',');
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut formulas = 0usize;
    for (i, record) in reader.records().enumerate() {
        if i.is_multiple_of(1024) {
            watch.check()?;
        }
        let record = record.map_err(|e| ImportError::Malformed {
            format: "CSV",
            detail: e.to_string(),
        })?;
        let row: Vec<String> = record.iter().map(clean_cell).collect();
        if row.iter().all(String::is_empty) {
            continue;
        }
        formulas += row.iter().filter(|cell| looks_like_formula(cell)).count();
        rows.push(row);
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, String::new());
    }
    let mut warnings = Vec::new();
    if formulas > 0 {
        warnings.push(format!(
            "{formulas} cell(s) start like a spreadsheet formula (=, +, - or @); they were kept as plain text and nothing was evaluated."
        ));
    }
    Ok(Document {
        format: Format::Csv,
        blocks: vec![Block::Table { rows }],
        warnings,
    })
}

/// What a spreadsheet would evaluate if the file were opened there (CSV injection). Signs
/// before plain numbers and phone numbers ("-5", "+49 30 1234") are left alone.
fn looks_like_formula(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=' | '@') => cell.len() > 1,
        Some('+' | '-') => {
            let rest = chars.as_str();
            rest.contains('(') || rest.starts_with('=') || rest.contains('!')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_told_apart() {
        assert_eq!(detect("a;b;c\n1;2,5;3\n4;5;6\n"), Some(b';'));
        assert_eq!(detect("a,b\n\"x, y\",z\n"), Some(b','));
        assert_eq!(detect("a\tb\n1\t2\n"), Some(b'\t'));
        assert_eq!(detect("a|b|c\n1|2|3\n"), Some(b'|'));
        assert_eq!(detect("one line, only"), None);
        assert_eq!(detect("Prose, with commas.\nAnd a line without.\n"), None);
    }

    #[test]
    fn formulas_are_flagged_not_numbers() {
        assert!(looks_like_formula("=HYPERLINK(\"http://x\",\"y\")"));
        assert!(looks_like_formula("@SUM(A1)"));
        assert!(looks_like_formula("+cmd|' /C calc'!A0"));
        assert!(!looks_like_formula("-5"));
        assert!(!looks_like_formula("+49 30 1234"));
        assert!(!looks_like_formula("- hosting"));
    }
}
