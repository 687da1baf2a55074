//! Spreadsheets (XLSX, XLSB, XLS, ODS) via calamine: each sheet with content becomes a table
//! block. Formulas are never evaluated: the value the spreadsheet saved is taken, or the
//! formula's text when none was saved. A value merged over several cells is laid out like
//! an HTML span (see `grid`), so merges add no rows.

use super::grid::{Grid, clean_cell};
use super::sniff::{Kind, Sheet};
use crate::{Block, Document, Format, ImportError, ImportResult, Watch};
use calamine::{Data, DataRef, Dimensions, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};
use std::collections::HashMap;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// More cells than any list has; past it a sheet is cut short, with a warning.
const MAX_CELLS: usize = 1_000_000;

struct Cell {
    row: u32,
    col: u32,
    text: String,
}

pub(super) fn read(bytes: &[u8], sheet: Sheet, watch: &Watch) -> ImportResult<Document> {
    // calamine still panics on some damaged files (fuzzing found a slice index out of range
    // in its OLE reader); that must become an error for this file, not end the application.
    catch_unwind(AssertUnwindSafe(|| read_book(bytes, sheet, watch))).unwrap_or_else(|_| {
        Err(ImportError::Malformed {
            format: Kind::Sheet(sheet).binary_name().unwrap_or("spreadsheet"),
            detail: "its structure could not be parsed.".into(),
        })
    })
}

fn read_book(bytes: &[u8], sheet: Sheet, watch: &Watch) -> ImportResult<Document> {
    let format = Kind::Sheet(sheet).binary_name().unwrap_or("spreadsheet");
    let malformed = |e: &dyn std::fmt::Display| ImportError::Malformed {
        format,
        detail: e.to_string(),
    };
    let cursor = Cursor::new(bytes);
    let mut book: Sheets<Cursor<&[u8]>> = match sheet {
        Sheet::Xlsx => Sheets::Xlsx(Xlsx::new(cursor).map_err(|e| malformed(&e))?),
        Sheet::Xlsb => Sheets::Xlsb(Xlsb::new(cursor).map_err(|e| malformed(&e))?),
        Sheet::Xls => {
            super::ole::check(bytes).map_err(|e| malformed(&e))?;
            Sheets::Xls(Xls::new(cursor).map_err(|e| malformed(&e))?)
        }
        Sheet::Ods => Sheets::Ods(Ods::new(cursor).map_err(|e| malformed(&e))?),
    };
    let names = book.sheet_names();
    let mut blocks = Vec::new();
    let mut warnings = Vec::new();
    let mut formulas = 0usize;
    for (i, name) in names.iter().enumerate() {
        watch.step(i as f32 / names.len() as f32)?;
        let (cells, sheet_formulas) = match &mut book {
            Sheets::Xlsx(xlsx) => xlsx_cells(xlsx, name, watch).map_err(|e| malformed(&e))?,
            other => range_cells(other, name).map_err(|e| malformed(&e))?,
        };
        formulas += sheet_formulas;
        if cells.len() >= MAX_CELLS {
            warnings.push(format!(
                "Sheet \"{name}\" is very large; only its first {MAX_CELLS} cells were read."
            ));
        }
        let merges = match &mut book {
            Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(name).ok(),
            Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(name).ok(),
            // calamine reports no merges for XLSB and ODS: their values sit in the first cell.
            Sheets::Xlsb(_) | Sheets::Ods(_) => None,
        };
        let rows = lay_out(cells, &merges.unwrap_or_default());
        if rows.is_empty() {
            continue;
        }
        blocks.push(Block::Table { rows });
    }
    watch.step(1.0)?;
    if formulas > 0 {
        warnings.push(format!(
            "{formulas} cell(s) held formulas; the values the spreadsheet saved were used (or the formula text where none was saved), and nothing was evaluated."
        ));
    }
    Ok(Document {
        format: Format::Spreadsheet,
        blocks,
        warnings,
    })
}

/// XLSX cells streamed one by one, so a sheet with one cell in A1 and one in XFD1048576
/// costs two cells, not the dense range of billions calamine would allocate.
fn xlsx_cells(
    xlsx: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    watch: &Watch,
) -> Result<(Vec<Cell>, usize), calamine::XlsxError> {
    let mut reader = xlsx.worksheet_cells_reader(name)?;
    let mut cells = Vec::new();
    let mut formulas = 0;
    while let Some(cell) = reader.next_cell_with_formula()? {
        if cells.len().is_multiple_of(4096) && watch.check().is_err() {
            // Cancelled: stop reading; the caller's next `step` reports it.
            break;
        }
        let formula = cell.formula.filter(|f| !f.trim().is_empty());
        formulas += usize::from(formula.is_some());
        let mut text = data_ref_text(&cell.value);
        if text.is_empty()
            && let Some(formula) = formula
        {
            text = format!("={formula}");
        }
        if !text.is_empty() {
            cells.push(Cell {
                row: cell.pos.0,
                col: cell.pos.1,
                text,
            });
            if cells.len() >= MAX_CELLS {
                break;
            }
        }
    }
    Ok((cells, formulas))
}

/// Cells of the other formats, from calamine's ranges (XLS and XLSB are bounded by their
/// format; ODS ranges are built from the cells the file lists).
fn range_cells(
    book: &mut Sheets<Cursor<&[u8]>>,
    name: &str,
) -> Result<(Vec<Cell>, usize), calamine::Error> {
    let range = book.worksheet_range(name)?;
    let mut cells: HashMap<(u32, u32), String> = HashMap::new();
    if let Some((r0, c0)) = range.start() {
        for (r, c, value) in range.used_cells().take(MAX_CELLS) {
            let text = data_text(value);
            if !text.is_empty() {
                cells.insert((r0 + r as u32, c0 + c as u32), text);
            }
        }
    }
    let mut formulas = 0;
    if let Ok(range) = book.worksheet_formula(name)
        && let Some((r0, c0)) = range.start()
    {
        for (r, c, formula) in range.used_cells().take(MAX_CELLS) {
            if formula.trim().is_empty() {
                continue;
            }
            formulas += 1;
            cells
                .entry((r0 + r as u32, c0 + c as u32))
                .or_insert_with(|| format!("={formula}"));
        }
    }
    let cells = cells
        .into_iter()
        .map(|((row, col), text)| Cell { row, col, text })
        .collect();
    Ok((cells, formulas))
}

/// Places the cells on a grid. Rows without cells are left out first, so far-apart cells
/// cost nothing; a merge then spans the used rows it covers.
fn lay_out(mut cells: Vec<Cell>, merges: &[Dimensions]) -> Vec<Vec<String>> {
    cells.sort_by_key(|c| (c.row, c.col));
    let mut used_rows: Vec<u32> = cells.iter().map(|c| c.row).collect();
    used_rows.dedup();
    let first_col = cells.iter().map(|c| c.col).min().unwrap_or(0);
    let spans: HashMap<(u32, u32), &Dimensions> = merges.iter().map(|d| (d.start, d)).collect();
    let mut grid = Grid::default();
    for cell in cells {
        let row = used_rows.partition_point(|&r| r < cell.row);
        let (rowspan, colspan) = spans.get(&(cell.row, cell.col)).map_or((1, 1), |d| {
            let last = used_rows.partition_point(|&r| r <= d.end.0);
            (
                last.saturating_sub(row),
                (d.end.1.saturating_sub(d.start.1) + 1) as usize,
            )
        });
        let col = (cell.col - first_col) as usize;
        grid.place(row, col, clean_cell(&cell.text), rowspan, colspan);
    }
    grid.into_rows()
}

fn data_text(data: &Data) -> String {
    match data {
        Data::Float(f) => number(*f),
        Data::DateTime(d) => date_text(d),
        Data::Error(_) | Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn data_ref_text(data: &DataRef<'_>) -> String {
    match data {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => date_text(d),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// A date cell as the day it shows ("2026-04-15", with the time when it has one), not as
/// the serial number Excel stores.
fn date_text(d: &calamine::ExcelDateTime) -> String {
    let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
    if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}")
    }
}

/// Whole numbers (postcodes, phone numbers stored as numbers) without a trailing ".0".
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}
