//! The register as spreadsheets: a CSV of the activities, and an XLSX workbook with a sheet
//! each for activities, vendors (with their DPA), subprocessors, transfers and measures,
//! and the Art. 30(2) processing for clients when the organisation keeps it.
//! Sheet names and headers come from `labels/<lang>/tables.json`, enum values from the
//! labels the PDF documents use; user text is written as text, never as a formula (`safe`).
//!
//! - `table`: columns that carry their header, width and value together, and the sheets.
//! - `values`: how a model value reads in a cell (legal bases, retention, mechanisms…).
//! - `activities`, `catalogue`, `clients`: the sheets and their columns.
//! - `safe`: formula-injection neutralising.
//! - `csv_file`, `xlsx_file`: the two writers.
//! - `read_back`: the activities sheet read back into activities, for importing an export.

mod activities;
mod catalogue;
mod clients;
mod csv_file;
mod read_back;
mod safe;
mod table;
mod values;
mod xlsx_file;

pub use read_back::{ExportedActivity, ExportedRegister, read_back};

use crate::{Lang, ReportError, Snapshot};
use table::Ctx;

/// One row per activity, a column for every Art. 30(1) item; UTF-8 with a byte-order mark.
/// The delimiter is the list separator Excel expects in the language's locales: a comma in
/// English, a semicolon in the others (where the comma is the decimal separator).
pub fn register_csv(s: &Snapshot, lang: Lang) -> Vec<u8> {
    csv_file::write(&activities::sheet(&Ctx::new(s, lang)), lang)
}

/// The workbook: activities (the CSV's columns), vendors with their current DPA,
/// subprocessors from each vendor's newest list, transfers with their TIA status, and
/// measures, then the processing for clients (Art. 30(2)) when there is any. Each sheet has
/// a bold, frozen header row and an autofilter.
pub fn register_xlsx(s: &Snapshot, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let ctx = Ctx::new(s, lang);
    let mut sheets = vec![
        activities::sheet(&ctx),
        catalogue::vendors(&ctx),
        catalogue::subprocessors(&ctx),
        activities::transfers(&ctx),
        catalogue::measures(&ctx),
    ];
    if !s.processor_records.is_empty() {
        sheets.push(clients::sheet(&ctx));
    }
    xlsx_file::write(&sheets, &ctx)
}
