//! Label/value blocks: "Name: Acme GmbH" / "Address: …" lines, or a label on its own line with
//! its value on the next. A new block starts where a name label comes again.

use super::draft::{Draft, Origin};
use super::header::{self, Column};
use super::names;
use std::ops::Range;

/// The records of label/value blocks, each with the lines it spans. A record needs a name and
/// at least one other labelled value.
/// A record being read: its first line, the line after its last, and its labelled values.
type Record = (usize, usize, Vec<(Column, String)>);

pub(super) fn drafts(lines: &[String], claimed: &[bool]) -> Vec<(Range<usize>, Draft)> {
    let mut found = Vec::new();
    let mut current: Option<Record> = None;
    let mut i = 0;
    while i < lines.len() {
        let Some((column, value, used)) = labelled(lines, claimed, i) else {
            if let Some(record) = current.take() {
                found.extend(finish(record));
            }
            i += 1;
            continue;
        };
        let restart = column == Column::Name
            && current
                .as_ref()
                .is_some_and(|(_, _, values)| values.iter().any(|(c, _)| *c == Column::Name));
        if restart {
            found.extend(current.take().and_then(finish));
        }
        let record = current.get_or_insert((i, i, Vec::new()));
        record.1 = i + used;
        record.2.push((column, value));
        i += used;
    }
    found.extend(current.and_then(finish));
    found
}

/// The label, value and number of lines of a labelled value at line `i`.
fn labelled(lines: &[String], claimed: &[bool], i: usize) -> Option<(Column, String, usize)> {
    if claimed[i] {
        return None;
    }
    let line = lines[i].trim();
    if let Some((label, value)) = line.split_once(':') {
        let value = value.trim();
        if label.split_whitespace().count() <= 4 && !value.is_empty() {
            return header::column(label).map(|c| (c, value.to_string(), 1));
        }
    }
    // A label alone on its line, its value on the next (which must not be a label itself).
    let column = header::column(line)?;
    let next = lines.get(i + 1)?;
    if claimed[i + 1] || line.split_whitespace().count() > 4 || header::column(next).is_some() {
        return None;
    }
    Some((column, next.trim().to_string(), 2))
}

fn finish((start, end, values): Record) -> Option<(Range<usize>, Draft)> {
    let get = |wanted: Column| {
        values
            .iter()
            .filter(|(c, _)| *c == wanted)
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let name_value = get(Column::Name);
    if name_value.is_empty() || values.len() < 2 {
        return None;
    }
    let (name, address) = names::split_name_address(&name_value);
    let source = values
        .iter()
        .map(|(_, v)| v.as_str())
        .collect::<Vec<_>>()
        .join(" | ");
    let mut draft = Draft::new(Origin::Labels, &name, &source);
    draft.address = [address, get(Column::Address)]
        .into_iter()
        .filter(|a| !a.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    draft.country = get(Column::Country);
    draft.service = get(Column::Service);
    draft.location = get(Column::Location);
    draft.mechanism = get(Column::Mechanism);
    draft.certifications = get(Column::Certifications)
        .split([',', ';'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    draft.context = get(Column::Description);
    if draft.service.is_empty() {
        draft.service = std::mem::take(&mut draft.context);
    }
    Some((start..end, draft))
}
