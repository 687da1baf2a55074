//! A sheet as plain data: translated headers, column widths and rows of cells. Each column
//! is declared once with its header key, width and the function that fills it, so headers
//! and values cannot drift apart.

use crate::{Labels, Lang, Snapshot};
use chrono::NaiveDate;

/// What every cell function reads: the snapshot and the language's labels.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ctx<'a> {
    pub s: &'a Snapshot,
    pub l: Labels,
}

impl<'a> Ctx<'a> {
    pub fn new(s: &'a Snapshot, lang: Lang) -> Self {
        Self { s, l: Labels(lang) }
    }
}

#[derive(Debug)]
pub(super) enum Cell {
    Text(String),
    /// A real date in the workbook (sortable, filterable), ISO text in the CSV.
    Date(Option<NaiveDate>),
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Self::Text(s.to_string())
    }
}

impl From<Option<NaiveDate>> for Cell {
    fn from(d: Option<NaiveDate>) -> Self {
        Self::Date(d)
    }
}

/// Column widths in characters, by what the column holds.
pub(super) const CODE: f64 = 10.0;
pub(super) const DATE: f64 = 12.0;
pub(super) const NAME: f64 = 28.0;
pub(super) const TEXT: f64 = 45.0;
pub(super) const LONG: f64 = 60.0;

pub(super) struct Column<T> {
    /// The label key of the header.
    pub header: &'static str,
    pub width: f64,
    pub value: fn(&Ctx, &T) -> Cell,
}

pub(super) const fn col<T>(
    header: &'static str,
    width: f64,
    value: fn(&Ctx, &T) -> Cell,
) -> Column<T> {
    Column {
        header,
        width,
        value,
    }
}

#[derive(Debug)]
pub(super) struct Sheet {
    pub name: &'static str,
    pub headers: Vec<&'static str>,
    pub widths: Vec<f64>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns kept in view when scrolling right (the record's reference and name).
    pub frozen_columns: u16,
}

/// The sheet `name` with one row per item.
pub(super) fn build<T>(
    ctx: &Ctx,
    name: &str,
    columns: &[Column<T>],
    items: &[T],
    frozen_columns: u16,
) -> Sheet {
    Sheet {
        name: ctx.l.get(name),
        headers: columns.iter().map(|c| ctx.l.get(c.header)).collect(),
        widths: columns.iter().map(|c| c.width).collect(),
        rows: items
            .iter()
            .map(|item| columns.iter().map(|c| (c.value)(ctx, item)).collect())
            .collect(),
        frozen_columns,
    }
}
