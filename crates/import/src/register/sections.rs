//! Registers kept as documents: a heading per activity, its items as "Label: value" lines,
//! as sub-headings with the value under them (a checklist, a paragraph), or as a two-column
//! table under the heading. A heading whose section gives two items or more of a register,
//! one of them purposes, categories, a legal basis or a description, is an activity.

use super::outline::Piece;
use super::{Entry, Found, RegisterField, Shape, labels, tables};
use std::collections::BTreeSet;

/// The activities of every section, and of every two-column table outside one; true as
/// well when sections or tables give a register's items with nothing filled in.
pub(crate) fn activities(pieces: &[Piece]) -> (Vec<Found>, bool) {
    let mut found = Vec::new();
    let mut template = false;
    let mut used_tables = BTreeSet::new();
    // Where an activity's section runs: a heading inside it that names an item is that
    // activity's, not another one.
    let mut claimed_until = 0;
    for (i, piece) in pieces.iter().enumerate() {
        let Piece::Heading { level, text } = piece else {
            continue;
        };
        if i < claimed_until && labels::field_of(text).is_some() {
            continue;
        }
        let section = read_section(pieces, i, *level, &mut used_tables);
        let fields = fields_of(&section.entries);
        if qualifies(&fields) {
            if section.kv_activities.len() > 1 {
                for (n, entries) in section.kv_activities.into_iter().enumerate() {
                    found.push(Found {
                        heading: None,
                        entries,
                        at: format!("section “{text}”, column {}", n + 2),
                        shape: Shape::TablePerActivity,
                    });
                }
                continue;
            }
            claimed_until = claimed_until.max(end_of(pieces, i, *level));
            found.push(Found {
                heading: Some(text.clone()),
                entries: section.entries,
                at: format!("section “{text}”"),
                shape: if section.from_table {
                    Shape::TablePerActivity
                } else {
                    Shape::SectionPerActivity
                },
            });
        } else if section.labels_only >= 3 {
            template = true;
        }
    }
    // Two-column tables no heading claimed: each is an activity of its own, named by the
    // line or heading just above it when it names itself nowhere.
    let mut table_no = 0;
    for (i, piece) in pieces.iter().enumerate() {
        let Piece::Table(rows) = piece else { continue };
        table_no += 1;
        if used_tables.contains(&i) || !tables::is_key_value(rows) {
            continue;
        }
        let groups = tables::key_value_activities(rows, &format!("table {table_no}"));
        if groups.is_empty() {
            template = true;
        }
        let title = title_above(pieces, i);
        for entries in groups {
            found.push(Found {
                heading: title.clone(),
                entries,
                at: format!("table {table_no}"),
                shape: Shape::TablePerActivity,
            });
        }
    }
    (found, template)
}

fn fields_of(entries: &[Entry]) -> BTreeSet<RegisterField> {
    entries
        .iter()
        .filter_map(|e| labels::field_of(&e.label))
        .collect()
}

fn qualifies(fields: &BTreeSet<RegisterField>) -> bool {
    fields.len() >= 2 && fields.iter().any(|f| f.is_core())
}

struct Section {
    entries: Vec<Entry>,
    /// Activities of a table under the heading with an activity per column.
    kv_activities: Vec<Vec<Entry>>,
    from_table: bool,
    /// Labels of a register's items seen with nothing after them.
    labels_only: usize,
}

/// The items directly in the section the heading at `start` opens: its lines and tables up
/// to the next heading, and the sub-sections whose heading names an item. A sub-section whose
/// heading names nothing is read as its own section (it may be an activity), and its text is
/// kept in this section's notes when it is not.
fn read_section(
    pieces: &[Piece],
    start: usize,
    level: u8,
    used_tables: &mut BTreeSet<usize>,
) -> Section {
    let mut section = Section {
        entries: Vec::new(),
        kv_activities: Vec::new(),
        from_table: false,
        labels_only: 0,
    };
    let Piece::Heading { text: title, .. } = &pieces[start] else {
        return section;
    };
    let mut key_tables: Vec<(usize, &Vec<Vec<String>>)> = Vec::new();
    let mut i = start + 1;
    while i < pieces.len() {
        match &pieces[i] {
            Piece::Heading { level: l, .. } if *l <= level => break,
            Piece::Heading { level: l, text } => {
                let end = end_of(pieces, i, *l);
                let body = body_text(&pieces[i + 1..end]);
                let named = labels::field_of(text).is_some();
                let nested = !named && has_activity_inside(pieces, i, *l);
                if !nested {
                    if body.trim().is_empty() {
                        section.labels_only += usize::from(named);
                    } else {
                        section.entries.push(Entry {
                            label: text.clone(),
                            text: body,
                            at: format!("section “{title}”, “{text}”"),
                        });
                    }
                }
                i = end;
                continue;
            }
            Piece::Line(line) | Piece::Item(line) => {
                if let Some((label, value)) = key_value(line) {
                    if value.is_empty() {
                        section.labels_only += usize::from(labels::field_of(&label).is_some());
                    } else {
                        section.entries.push(Entry {
                            label,
                            text: value,
                            at: format!("section “{title}”"),
                        });
                    }
                } else if let Some(last) = section
                    .entries
                    .last_mut()
                    .filter(|_| !matches!(pieces[i], Piece::Item(_)))
                {
                    // A line wrapped from the item above (text without Markdown's structure).
                    last.text.push('\n');
                    last.text.push_str(line);
                }
            }
            Piece::Table(rows) if tables::is_key_value(rows) => key_tables.push((i, rows)),
            Piece::Table(_) => {}
        }
        i += 1;
    }
    // One two-column table is the activity the heading names. Several under one heading
    // are an activity each: they are left to be read on their own, each named by the line
    // above it.
    if let [(at, rows)] = key_tables[..] {
        used_tables.insert(at);
        let groups = tables::key_value_activities(rows, &format!("section “{title}”"));
        if groups.is_empty() {
            section.labels_only += 3;
        }
        if groups.len() > 1 {
            section.kv_activities = groups.clone();
        }
        section.from_table = true;
        section.entries.extend(groups.into_iter().flatten());
    }
    section
}

fn end_of(pieces: &[Piece], start: usize, level: u8) -> usize {
    pieces[start + 1..]
        .iter()
        .position(|p| matches!(p, Piece::Heading { level: l, .. } if *l <= level))
        .map(|p| start + 1 + p)
        .unwrap_or(pieces.len())
}

fn has_activity_inside(pieces: &[Piece], start: usize, level: u8) -> bool {
    let mut scratch = BTreeSet::new();
    let own = read_section(pieces, start, level, &mut scratch);
    if qualifies(&fields_of(&own.entries)) {
        return true;
    }
    let end = end_of(pieces, start, level);
    (start + 1..end).any(|j| match &pieces[j] {
        Piece::Heading { level: l, .. } => qualifies(&fields_of(
            &read_section(pieces, j, *l, &mut scratch).entries,
        )),
        _ => false,
    })
}

/// A sub-section's content as one cell: a line per line, item or table row.
fn body_text(pieces: &[Piece]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Heading { text, .. } | Piece::Line(text) | Piece::Item(text) => {
                lines.push(text.clone())
            }
            Piece::Table(rows) => {
                for row in rows {
                    let cells: Vec<&str> = row
                        .iter()
                        .map(|c| c.trim())
                        .filter(|c| !c.is_empty())
                        .collect();
                    lines.push(cells.join(" | "));
                }
            }
        }
    }
    lines.join("\n")
}

/// "Label: value", "**Label:** value", "Label : value", "Label – value" where the label names
/// an item of a register or is short enough to be a label (kept in the notes).
fn key_value(line: &str) -> Option<(String, String)> {
    let plain = line.trim();
    let (label, value) = if let Some(rest) = plain.strip_prefix("**") {
        let (label, value) = rest.split_once("**")?;
        (
            label.to_string(),
            value.trim_start_matches([':', ' ']).to_string(),
        )
    } else {
        let (label, value) = plain.split_once(':')?;
        (label.to_string(), value.to_string())
    };
    let label = label
        .replace("**", "")
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_string();
    let words = label.split_whitespace().count();
    if words == 0 || words > 8 || label.contains("http") {
        return None;
    }
    let value = value.trim().to_string();
    if labels::field_of(&label).is_none() && (words > 6 || value.is_empty()) {
        return None;
    }
    Some((label, value))
}

/// The heading or short line just above a table, as its title.
fn title_above(pieces: &[Piece], table: usize) -> Option<String> {
    pieces[..table].iter().rev().take(3).find_map(|p| match p {
        Piece::Heading { text, .. } => Some(text.clone()),
        Piece::Line(text) if text.split_whitespace().count() <= 12 && key_value(text).is_none() => {
            Some(text.clone())
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(rows: &[(&str, &str)]) -> Piece {
        Piece::Table(
            rows.iter()
                .map(|(l, v)| vec![l.to_string(), v.to_string()])
                .collect(),
        )
    }

    #[test]
    fn two_column_tables_under_one_heading_are_an_activity_each() {
        let pieces = vec![
            Piece::Heading {
                level: 1,
                text: "Records of processing".into(),
            },
            Piece::Line("Payroll".into()),
            kv(&[
                ("Purpose", "Paying salaries"),
                ("Legal basis", "Art. 6(1)(c)"),
                ("Data subjects", "Employees"),
            ]),
            Piece::Line("Recruiting".into()),
            kv(&[
                ("Purpose", "Hiring"),
                ("Legal basis", "Art. 6(1)(b)"),
                ("Data subjects", "Applicants"),
            ]),
        ];
        let (found, _) = activities(&pieces);
        let names: Vec<Option<&str>> = found.iter().map(|f| f.heading.as_deref()).collect();
        assert_eq!(names, [Some("Payroll"), Some("Recruiting")]);
        assert!(found.iter().all(|f| f.entries.len() == 3));
    }

    #[test]
    fn one_table_under_a_heading_is_the_heading_s_activity() {
        let pieces = vec![
            Piece::Heading {
                level: 2,
                text: "Activity 1: Payroll".into(),
            },
            kv(&[
                ("Purpose", "Paying salaries"),
                ("Legal basis", "Art. 6(1)(c)"),
                ("Data subjects", "Employees"),
            ]),
        ];
        let (found, _) = activities(&pieces);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].heading.as_deref(), Some("Activity 1: Payroll"));
        assert_eq!(found[0].shape, Shape::TablePerActivity);
    }
}
