//! Registers kept as tables: one row per activity under a header (which may span two rows,
//! with notes above it and explanations under it), or the items of one activity down the
//! first column of a two-column table (the CNIL's model, many German and Polish templates).

use super::outline::Piece;
use super::{Entry, Found, RegisterField, Shape, labels, values};
use crate::fold::fold;
use std::collections::BTreeSet;

/// How far down a table its header may start (title and notes rows above it).
const HEADER_SEARCH: usize = 8;

/// The activities of every table with a register's header; true as well when a header was
/// found with no activity under it (a blank template).
pub(crate) fn rows_per_activity(pieces: &[Piece]) -> (Vec<Found>, bool) {
    let mut found = Vec::new();
    let mut template = false;
    let mut table_no = 0;
    for piece in pieces {
        let Piece::Table(rows) = piece else { continue };
        table_no += 1;
        if is_key_value(rows) {
            continue;
        }
        let Some(header) = header_of(rows) else {
            continue;
        };
        let before = found.len();
        let mut previous: Option<(String, usize)> = None;
        for (r, row) in rows.iter().enumerate().skip(header.first_data) {
            if is_guidance_row(row) || row_is_banner(row) {
                continue;
            }
            let entries: Vec<Entry> = header
                .labels
                .iter()
                .enumerate()
                .filter_map(|(c, label)| {
                    let text = row.get(c)?.trim();
                    (!label.is_empty() && !text.is_empty()).then(|| Entry {
                        label: label.clone(),
                        text: text.to_string(),
                        at: format!("table {table_no}, row {}, column {}", r + 1, c + 1),
                    })
                })
                .collect();
            if entries.is_empty() {
                continue;
            }
            let key = row_key(&header, row);
            // A value merged down several rows (one activity, a row per purpose) is copied
            // into each row: rows with the same name are one activity.
            if let Some((last, index)) = &previous
                && !key.is_empty()
                && key == *last
            {
                let into: &mut Found = &mut found[*index];
                for e in entries {
                    if !into
                        .entries
                        .iter()
                        .any(|x| x.label == e.label && x.text == e.text)
                    {
                        into.entries.push(e);
                    }
                }
                continue;
            }
            found.push(Found {
                heading: None,
                entries,
                at: format!("table {table_no}, row {}", r + 1),
                shape: Shape::RowPerActivity,
            });
            previous = Some((key, found.len() - 1));
        }
        if found.len() == before {
            template = true;
        }
    }
    (found, template)
}

struct Header {
    labels: Vec<String>,
    first_data: usize,
    name_column: Option<usize>,
}

fn fields_of(row: &[String]) -> BTreeSet<RegisterField> {
    row.iter().filter_map(|c| labels::field_of(c)).collect()
}

/// Enough fields, with one only a register has, to be sure the row heads a register.
fn is_register_header(fields: &BTreeSet<RegisterField>) -> bool {
    fields.len() >= 3 && fields.iter().any(|f| f.is_register_only())
}

fn header_of(rows: &[Vec<String>]) -> Option<Header> {
    let (h, fields) = rows
        .iter()
        .take(HEADER_SEARCH)
        .enumerate()
        .map(|(i, row)| (i, fields_of(row)))
        .max_by_key(|(i, f)| (f.len(), usize::MAX - i))?;
    let below_row = rows.get(h + 1).map(Vec::as_slice).unwrap_or_default();
    let below = fields_of(below_row);
    // A header's second row is labels; a first activity whose short cells happen to name
    // a field or two ("Customer service", "No") is not.
    let filled = below_row.iter().filter(|c| !c.trim().is_empty()).count();
    let labelled = below_row
        .iter()
        .filter(|c| labels::field_of(c).is_some())
        .count();
    let two_rows = below.len() >= 2 && labelled * 2 >= filled;
    let mut all = fields.clone();
    if two_rows {
        all.extend(below);
    }
    if !is_register_header(&all) {
        return None;
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let labels: Vec<String> = (0..width)
        .map(|c| {
            let cell = |r: usize| {
                rows[r]
                    .get(c)
                    .map(|s| s.replace("**", "").trim().to_string())
            };
            let top = cell(h).unwrap_or_default();
            let sub = if two_rows {
                cell(h + 1).unwrap_or_default()
            } else {
                String::new()
            };
            let (top, sub) = (top.as_str(), sub.as_str());
            // A group header merged over several columns ("Data" over "Categories" and
            // "Retention"): the column's own label says more, unless it names nothing.
            match (labels::field_of(sub), labels::field_of(top)) {
                (Some(_), _) => sub.to_string(),
                (None, Some(_)) => top.to_string(),
                _ if !sub.is_empty() && sub != top => format!("{top} {sub}").trim().to_string(),
                _ => top.to_string(),
            }
        })
        .collect();
    let name_column = labels
        .iter()
        .position(|l| labels::field_of(l) == Some(RegisterField::Name))
        .or_else(|| {
            labels
                .iter()
                .position(|l| labels::field_of(l) == Some(RegisterField::Purposes))
        });
    Some(Header {
        labels,
        first_data: h + 1 + usize::from(two_rows),
        name_column,
    })
}

fn row_key(header: &Header, row: &[String]) -> String {
    header
        .name_column
        .and_then(|c| row.get(c))
        .map(|s| fold(s))
        .unwrap_or_default()
}

/// Words that open the explanation a template gives under its header.
const GUIDANCE: &[&str] = &[
    "e g",
    "eg",
    "for example",
    "example",
    "describe",
    "indicate",
    "list",
    "enter",
    "specify",
    "state",
    "please",
    "z b",
    "zb",
    "beispiel",
    "bitte",
    "beschreiben",
    "angeben",
    "hier",
    "par exemple",
    "ex",
    "exemple",
    "indiquer",
    "preciser",
    "decrire",
    "lister",
    "ad es",
    "esempio",
    "indicare",
    "descrivere",
    "specificare",
    "elencare",
    "np",
    "przyklad",
    "nalezy",
    "podac",
    "opisac",
    "wskazac",
    "wpisac",
    "p ej",
    "por ejemplo",
    "ejemplo",
    "indicar",
    "describir",
    "especificar",
    "bijv",
    "bijvoorbeeld",
    "beschrijf",
    "vermeld",
    "geef",
];

fn is_guidance(cell: &str) -> bool {
    let t = cell.trim();
    if t.starts_with('(') && t.ends_with(')') {
        return true;
    }
    let folded = fold(t);
    GUIDANCE
        .iter()
        .any(|g| folded == *g || folded.starts_with(&format!("{g} ")))
}

fn is_guidance_row(row: &[String]) -> bool {
    let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
    !filled.is_empty() && filled.iter().filter(|c| is_guidance(c)).count() * 2 >= filled.len()
}

/// A row with one text merged across it ("Human resources"): a group's title, not an
/// activity.
fn row_is_banner(row: &[String]) -> bool {
    let filled: Vec<&str> = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    filled.len() > 1 && filled.iter().all(|c| *c == filled[0])
}

/// A table whose first column labels the items of one activity.
pub(crate) fn is_key_value(rows: &[Vec<String>]) -> bool {
    let fields: BTreeSet<RegisterField> = rows
        .iter()
        .filter(|r| r.len() >= 2)
        .filter_map(|r| labels::field_of(&r[0]))
        .collect();
    fields.len() >= 3 && fields.iter().any(|f| f.is_core())
}

/// The activities of a key-value table: one, or one per value column when several columns
/// each name an activity. Columns of explanations are left out; empty values give none.
pub(crate) fn key_value_activities(rows: &[Vec<String>], at: &str) -> Vec<Vec<Entry>> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let value_columns: Vec<usize> = (1..width)
        .filter(|c| {
            let cells: Vec<&str> = rows
                .iter()
                .filter(|r| labels::field_of(&r[0]).is_some())
                .filter_map(|r| r.get(*c).map(|s| s.trim()))
                .filter(|s| !s.is_empty())
                .collect();
            !cells.is_empty() && cells.iter().filter(|s| is_guidance(s)).count() * 2 < cells.len()
        })
        .collect();
    let names_per_column = value_columns
        .iter()
        .filter(|c| {
            rows.iter().any(|r| {
                labels::field_of(&r[0]) == Some(RegisterField::Name)
                    && r.get(**c).is_some_and(|s| !values::says_nothing(s))
            })
        })
        .count();
    let groups: Vec<Vec<usize>> = if names_per_column >= 2 {
        value_columns.iter().map(|c| vec![*c]).collect()
    } else {
        vec![value_columns]
    };
    groups
        .into_iter()
        .map(|columns| {
            rows.iter()
                .enumerate()
                .filter(|(_, r)| r.len() >= 2 && !r[0].trim().is_empty())
                // A header over the two columns ("Campo | Información") is no item.
                .filter(|(i, r)| {
                    !(*i == 0
                        && labels::field_of(&r[0]).is_none()
                        && r.iter().all(|c| c.split_whitespace().count() <= 2))
                })
                .filter_map(|(i, r)| {
                    let mut parts: Vec<&str> = Vec::new();
                    for c in &columns {
                        let s = r.get(*c).map(|s| s.trim()).unwrap_or("");
                        if !s.is_empty() && !parts.contains(&s) {
                            parts.push(s);
                        }
                    }
                    let text = parts.join("\n");
                    (!text.is_empty()).then(|| Entry {
                        label: r[0].replace("**", "").trim().to_string(),
                        text,
                        at: format!("{at}, row {}", i + 1),
                    })
                })
                .collect()
        })
        .filter(|entries: &Vec<Entry>| {
            let fields: BTreeSet<RegisterField> = entries
                .iter()
                .filter_map(|e| labels::field_of(&e.label))
                .collect();
            fields.iter().any(|f| f.is_core())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Vec<Piece> {
        vec![Piece::Table(
            rows.iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
        )]
    }

    #[test]
    fn a_header_under_notes_with_explanations_below_heads_its_rows() {
        let pieces = table(&[
            &["Verzeichnis von Verarbeitungstätigkeiten", "", "", ""],
            &[
                "Verarbeitungstätigkeit",
                "Zweck",
                "Rechtsgrundlage",
                "Kategorien betroffener Personen",
            ],
            &[
                "z. B. Lohnabrechnung",
                "Bitte Zweck angeben",
                "z. B. Art. 6 Abs. 1 lit. b",
                "z. B. Beschäftigte",
            ],
            &[
                "Lohnabrechnung",
                "Gehaltszahlung",
                "Art. 6 Abs. 1 lit. c DSGVO",
                "Beschäftigte",
            ],
            &[
                "Bewerbermanagement",
                "Auswahl",
                "Art. 6 Abs. 1 lit. b DSGVO",
                "Bewerber",
            ],
        ]);
        let (found, template) = rows_per_activity(&pieces);
        assert!(!template);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].entries[0].text, "Lohnabrechnung");
        assert_eq!(found[1].at, "table 1, row 5");
    }

    #[test]
    fn a_first_activity_with_short_cells_is_not_taken_for_a_second_header_row() {
        let pieces = table(&[
            &[
                "Processing activity",
                "Purposes",
                "Legal basis",
                "Data subjects",
                "Department",
                "Retention",
            ],
            &[
                "Customer support",
                "Answering questions",
                "Art. 6(1)(b)",
                "Customers",
                "Customer service",
                "No",
            ],
            &[
                "Payroll",
                "Paying salaries",
                "Art. 6(1)(c)",
                "Employees",
                "HR",
                "10 years",
            ],
        ]);
        let (found, _) = rows_per_activity(&pieces);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].entries[0].text, "Customer support");
    }

    #[test]
    fn rows_merged_under_one_name_are_one_activity() {
        let pieces = table(&[
            &["Activity", "Purpose", "Legal basis", "Data subjects"],
            &["Payroll", "Paying salaries", "Art. 6(1)(c)", "Employees"],
            &["Payroll", "Tax reporting", "Art. 6(1)(c)", "Employees"],
        ]);
        let (found, _) = rows_per_activity(&pieces);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0]
                .entries
                .iter()
                .filter(|e| e.label == "Purpose")
                .count(),
            2
        );
    }

    #[test]
    fn a_header_with_nothing_under_it_is_a_template() {
        let pieces = table(&[
            &[
                "Name of processing",
                "Purposes",
                "Legal basis",
                "Categories of data subjects",
                "Retention",
            ],
            &["", "", "", "", ""],
        ]);
        let (found, template) = rows_per_activity(&pieces);
        assert!(found.is_empty());
        assert!(template);
    }

    #[test]
    fn a_subprocessor_list_is_no_register() {
        let pieces = table(&[
            &["Name", "Purpose", "Location", "Data categories"],
            &["Stripe", "Payments", "USA", "Billing data"],
        ]);
        assert!(rows_per_activity(&pieces).0.is_empty());
    }
}
