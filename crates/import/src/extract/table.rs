//! Tables: a header row (in any supported language) names the columns; without one, the
//! columns are guessed from what their cells hold. Header rows repeated further down (a table
//! continued on the next page) and caption rows spanning the table are skipped.

use super::draft::{Draft, Origin, certifications_in};
use super::header::{self, Column};
use super::names;
use crate::{country, mechanism};

/// The drafts of one table.
pub(super) fn drafts(rows: &[Vec<String>]) -> Vec<Draft> {
    let mut drafts = Vec::new();
    // The columns of the latest header row and the rows under it (or before any header).
    let mut columns: Option<Vec<Option<Column>>> = None;
    let mut body: Vec<&Vec<String>> = Vec::new();
    for row in rows {
        if row.iter().filter(|c| !c.trim().is_empty()).count() < 2 {
            // Captions ("Hosting providers") and empty rows separate groups of rows.
            continue;
        }
        if let Some(found) = header::header_row(row) {
            drafts.extend(section_drafts(columns.take(), &body));
            body.clear();
            columns = Some(with_service(one_subprocessor_column(row, found)));
            continue;
        }
        body.push(row);
    }
    drafts.extend(section_drafts(columns, &body));
    drafts
}

/// The drafts of the rows under one header row (`None`: rows before any header).
fn section_drafts(columns: Option<Vec<Option<Column>>>, rows: &[&Vec<String>]) -> Vec<Draft> {
    if rows.is_empty() {
        return Vec::new();
    }
    let (columns, origin) = match columns {
        Some(headed) => (fill_unnamed(headed, rows), Origin::HeadedTable),
        None => (guess_columns(rows), Origin::GuessedTable),
    };
    rows.iter()
        .filter_map(|row| from_row(row, &columns, origin))
        .collect()
}

/// Columns whose header is blank or unknown ("Details" spanning two columns, a coined
/// "Doorgifte-instrument") are typed by their cells, as in a table without a header, when
/// they hold what no named column holds: countries, mechanisms or certifications. A header
/// naming every column but the subprocessor's in words we do not know ("Auftragsempfänger |
/// Anschrift | Leistung") leaves the names under an unknown header: the first such column
/// whose cells mostly carry a legal form is the name.
fn fill_unnamed(mut columns: Vec<Option<Column>>, rows: &[&Vec<String>]) -> Vec<Option<Column>> {
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    columns.resize(width.max(columns.len()), None);
    for i in 0..columns.len() {
        if columns[i].is_some() {
            continue;
        }
        if let Some(kind) = kind_of(&column_cells(rows, i))
            && !columns.contains(&Some(kind))
        {
            columns[i] = Some(kind);
        }
    }
    if !columns.contains(&Some(Column::Name))
        && let Some(i) = (0..columns.len()).find(|&i| {
            let cells = column_cells(rows, i);
            columns[i].is_none()
                && cells
                    .iter()
                    .filter(|c| names::legal_form_end(c).is_some())
                    .count()
                    * 2
                    > cells.len()
        })
    {
        columns[i] = Some(Column::Name);
    }
    columns
}

/// Of several columns naming a party ("Company | Sub-processor", as tools export the lists of
/// many vendors), the one naming the subprocessor holds the names; the others, the vendor.
fn one_subprocessor_column(
    cells: &[String],
    mut columns: Vec<Option<Column>>,
) -> Vec<Option<Column>> {
    let named: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i] == Some(Column::Name))
        .collect();
    let sub = named
        .iter()
        .copied()
        .find(|&i| cells.get(i).is_some_and(|c| header::names_subprocessor(c)));
    if let (true, Some(sub)) = (named.len() > 1, sub) {
        for i in named.into_iter().filter(|&i| i != sub) {
            columns[i] = Some(Column::Vendor);
        }
    }
    columns
}

/// A description column is the service when no column names the service; only the first
/// column of each kind is kept, later ones (a second "Description") become description.
fn with_service(mut columns: Vec<Option<Column>>) -> Vec<Option<Column>> {
    if !columns.contains(&Some(Column::Service))
        && let Some(first) = columns
            .iter_mut()
            .find(|c| **c == Some(Column::Description))
    {
        *first = Some(Column::Service);
    }
    let mut seen = Vec::new();
    for column in columns.iter_mut().flatten() {
        if seen.contains(column) && *column != Column::Description {
            *column = Column::Description;
        } else {
            seen.push(*column);
        }
    }
    columns
}

/// One draft from a row and its columns.
pub(super) fn from_row(
    row: &[String],
    columns: &[Option<Column>],
    origin: Origin,
) -> Option<Draft> {
    let cell = |wanted: Column| -> String {
        columns
            .iter()
            .zip(row)
            .filter(|(c, _)| **c == Some(wanted))
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let name_cell = cell(Column::Name);
    if name_cell.is_empty() {
        return None;
    }
    let (name, mut address) = names::split_name_address(&name_cell);
    let address_cell = cell(Column::Address);
    if !address_cell.is_empty() {
        address = if address.is_empty() {
            address_cell.replace('\n', ", ")
        } else {
            format!("{address}, {}", address_cell.replace('\n', ", "))
        };
    }
    let source = row
        .iter()
        .map(|c| c.replace('\n', " "))
        .filter(|c| !c.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" | ");
    let mut draft = Draft::new(origin, &name, &source);
    draft.address = address;
    draft.country = cell(Column::Country);
    draft.service = cell(Column::Service).replace('\n', "; ");
    draft.location = cell(Column::Location).replace('\n', ", ");
    draft.mechanism = cell(Column::Mechanism);
    draft.certifications = split_list(&cell(Column::Certifications));
    draft.context = cell(Column::Description);
    draft.vendor = cell(Column::Vendor);
    draft.agreement = agreement_in_place(&cell(Column::Agreement));
    if draft.certifications.is_empty() {
        draft.certifications = certifications_in(&draft.context);
    }
    Some(draft)
}

/// Whether an agreement cell says one is in place: any mark or link but a "no".
fn agreement_in_place(cell: &str) -> bool {
    let folded = crate::fold::fold(cell);
    let no = [
        "no", "none", "nein", "non", "nie", "brak", "geen", "missing", "pending", "n a",
    ];
    !folded.is_empty()
        && !no
            .iter()
            .any(|n| folded == *n || folded.starts_with(&format!("{n} ")))
        && !cell.contains('❌')
}

/// A list cell ("ISO 27001; SOC 2", one per line) as its items.
fn split_list(cell: &str) -> Vec<String> {
    cell.split(['\n', ';', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The non-empty cells of column `i`.
fn column_cells<'a>(rows: &[&'a Vec<String>], i: usize) -> Vec<&'a str> {
    rows.iter()
        .filter_map(|r| r.get(i))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect()
}

/// What most cells of a column hold, when they read as codes or country names, mechanism
/// phrases, areas ("EEA") or certifications.
fn kind_of(cells: &[&str]) -> Option<Column> {
    if cells.is_empty() {
        return None;
    }
    let share =
        |test: &dyn Fn(&str) -> bool| cells.iter().filter(|c| test(c)).count() * 2 > cells.len();
    let named = |c: &str| !mechanism::mentions(c).is_empty();
    // "EEA" in a column of safeguards says no transfer is made, so areas count with the
    // mechanisms there; a column of areas alone is where the data are.
    let area = |c: &str| c.split_whitespace().count() <= 3 && country::area(c).is_some();
    if share(&|c| c.split_whitespace().count() <= 3 && country::from_cell(c).is_some()) {
        Some(Column::Country)
    } else if cells.iter().any(|c| named(c)) && share(&|c| named(c) || area(c)) {
        Some(Column::Mechanism)
    } else if share(&area) {
        Some(Column::Location)
    } else if share(&|c| !certifications_in(c).is_empty() && c.split_whitespace().count() <= 8) {
        Some(Column::Certifications)
    } else {
        None
    }
}

/// Columns of a table without a header, from what most of their cells look like: codes or
/// country names, mechanism phrases, certifications, addresses; the first remaining column
/// with text is the name, the next the service.
fn guess_columns(rows: &[&Vec<String>]) -> Vec<Option<Column>> {
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let mut columns = vec![None; width];
    for (i, column) in columns.iter_mut().enumerate() {
        let cells = column_cells(rows, i);
        *column = kind_of(&cells).or_else(|| {
            // The first column holding addresses is "name, address" more often than not.
            (i > 0
                && cells
                    .iter()
                    .filter(|c| !country::postcode_mentions(c).is_empty())
                    .count()
                    * 2
                    > cells.len())
            .then_some(Column::Address)
        });
    }
    let mut free = columns.iter_mut().filter(|c| c.is_none());
    if let Some(name) = free.next() {
        *name = Some(Column::Name);
    }
    if let Some(service) = free.next() {
        *service = Some(Column::Service);
    }
    columns
}
