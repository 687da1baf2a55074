//! Label/value blocks: "Name: Acme GmbH" / "Address: …" lines, or a label on its own line with
//! its value on the next. A new block starts where a name label comes again. A block without a
//! name label is named by the line right above it when that reads as a company name: the
//! heading an annex gives each entry ("3. Acme GmbH", then "Sede legale: …").

use super::draft::{Draft, Origin};
use super::header::{self, Column};
use super::names;
use std::ops::Range;

/// A record being read: its first line, the line after its last, its labelled values and the
/// name-like line above it.
struct Record {
    start: usize,
    end: usize,
    values: Vec<(Column, String)>,
    /// Values under labels we do not know: more about the entry, but no proof of one.
    extra: Vec<String>,
    heading: Option<String>,
}

/// The records of label/value blocks, each with the lines it spans. A record needs a name and
/// at least one other labelled value.
pub(super) fn drafts(lines: &[String], claimed: &[bool]) -> Vec<(Range<usize>, Draft)> {
    let mut found = Vec::new();
    let mut current: Option<Record> = None;
    let mut i = 0;
    while i < lines.len() {
        let Some((column, value, used)) = labelled(lines, claimed, i) else {
            // A label we do not know ("Categories of personal data: …") inside a record is
            // more about the same entry, not its end.
            if let Some(record) = current.as_mut()
                && let Some(value) = unknown_label_value(&lines[i])
                && !claimed[i]
            {
                record.end = i + 1;
                record.extra.push(value);
                i += 1;
                continue;
            }
            if let Some(record) = current.take() {
                found.extend(finish(record));
            }
            i += 1;
            continue;
        };
        let restart = column == Column::Name
            && current
                .as_ref()
                .is_some_and(|r| r.values.iter().any(|(c, _)| *c == Column::Name));
        if restart {
            found.extend(current.take().and_then(finish));
        }
        let record = current.get_or_insert_with(|| Record {
            start: i,
            end: i,
            values: Vec::new(),
            extra: Vec::new(),
            heading: heading(lines, claimed, i),
        });
        record.end = i + used;
        record.values.push((column, value));
        i += used;
    }
    found.extend(current.and_then(finish));
    found
}

/// The line above line `i` when it reads as a company's name.
fn heading(lines: &[String], claimed: &[bool], i: usize) -> Option<String> {
    let above = i.checked_sub(1)?;
    let name = names::clean_name(&lines[above]);
    let reads_as_name = names::legal_form_end(&name).is_some() || names::looks_like_name(&name);
    (!claimed[above] && reads_as_name && header::column(&name).is_none()).then_some(name)
}

/// The label, value and number of lines of a labelled value at line `i`.
fn labelled(lines: &[String], claimed: &[bool], i: usize) -> Option<(Column, String, usize)> {
    if claimed[i] {
        return None;
    }
    let line = lines[i].trim();
    if let Some((label, value)) = line.split_once(':') {
        let (label, value) = (unnumbered(label), value.trim());
        if label.split_whitespace().count() <= 4 && !value.is_empty() {
            return header::column(label).map(|c| (c, value.to_string(), 1));
        }
    }
    // A label alone on its line, its value on the next (which must not be a label itself).
    let column = header::column(line)?;
    let next = lines.get(i + 1)?;
    if claimed[i + 1]
        || line.split_whitespace().count() > 4
        || header::column(next).is_some()
        || inline(next)
    {
        return None;
    }
    Some((column, next.trim().to_string(), 2))
}

/// A label without the list and section numbers in front of it: "1. 1.1 Company" is "Company".
fn unnumbered(label: &str) -> &str {
    static NUMBERING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^\s*(?:(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s*|\d+(?:\.\d+)+\s+|[-*•]\s+)*",
        )
        .expect("the numbering pattern is valid")
    });
    let start = NUMBERING.find(label).map_or(0, |m| m.end());
    label[start..].trim()
}

/// The value of a "Label: value" line whose label is short but not one we know.
fn unknown_label_value(line: &str) -> Option<String> {
    let (label, value) = line.split_once(':')?;
    let label = unnumbered(label);
    let value = value.trim();
    (!label.is_empty() && label.split_whitespace().count() <= 5 && !value.is_empty())
        .then(|| value.to_string())
}

/// Whether a line is a "Label: value" line.
fn inline(line: &str) -> bool {
    line.split_once(':').is_some_and(|(label, value)| {
        let label = unnumbered(label);
        label.split_whitespace().count() <= 4
            && !value.trim().is_empty()
            && header::column(label).is_some()
    })
}

fn finish(record: Record) -> Option<(Range<usize>, Draft)> {
    let Record {
        mut start,
        end,
        mut values,
        extra,
        heading,
    } = record;
    // Two labelled values at least, so that a title followed by one "Stand: …" line is none.
    if !values.iter().any(|(c, _)| *c == Column::Name)
        && values.len() >= 2
        && let Some(name) = heading
    {
        values.insert(0, (Column::Name, name));
        start -= 1;
    }
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
    draft.context = [get(Column::Description), extra.join("; ")]
        .into_iter()
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    if draft.service.is_empty() {
        draft.service = std::mem::take(&mut draft.context);
    }
    Some((start..end, draft))
}
