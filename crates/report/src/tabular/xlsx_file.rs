//! The XLSX writer: one worksheet per sheet, a bold header row that stays in view, column
//! widths by content, an autofilter, wrapped text and real dates. Text is always written as
//! a string (never a formula) and neutralised like the CSV's.

use super::safe::neutralise;
use super::table::{Cell, Ctx, Sheet};
use crate::ReportError;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

/// Excel's limit on a cell's text, in UTF-16 code units.
const MAX_CELL: usize = 32_767;

pub(super) fn write(sheets: &[Sheet], ctx: &Ctx) -> Result<Vec<u8>, ReportError> {
    workbook(sheets, ctx).map_err(|e| ReportError::Write {
        format: "XLSX",
        message: e.to_string(),
    })
}

struct Formats {
    header: Format,
    text: Format,
    date: Format,
}

fn workbook(sheets: &[Sheet], ctx: &Ctx) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // The file states the day of issue, not the clock: the same snapshot gives the same bytes.
    let mut properties = DocProperties::new().set_title(ctx.s.organisation.name.trim());
    if let Some(issued) = excel_date(ctx.s.issued_on) {
        properties = properties.set_creation_datetime(&issued);
    }
    book.set_properties(&properties);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let formats = Formats {
        header: text
            .clone()
            .set_bold()
            .set_background_color(Color::RGB(0xE8_EE_F6))
            .set_border_bottom(FormatBorder::Thin),
        date: text.clone().set_num_format("yyyy-mm-dd"),
        text,
    };
    for sheet in sheets {
        worksheet(book.add_worksheet(), sheet, &formats)?;
    }
    book.save_to_buffer()
}

fn worksheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(sheet.name)?;
    for (col, (header, width)) in (0u16..).zip(sheet.headers.iter().zip(&sheet.widths)) {
        ws.set_column_width(col, *width)?;
        ws.write_string_with_format(0, col, fit(&neutralise(header)), &f.header)?;
    }
    for (row, cells) in (1u32..).zip(&sheet.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(t) if t.is_empty() => {}
                Cell::Text(t) => {
                    ws.write_string_with_format(row, col, fit(&neutralise(t)), &f.text)?;
                }
                Cell::Date(None) => {}
                Cell::Date(Some(day)) => match excel_date(*day) {
                    Some(d) => {
                        ws.write_datetime_with_format(row, col, &d, &f.date)?;
                    }
                    // Before 1900 or after 9999: Excel has no such date, the text will do.
                    None => {
                        ws.write_string_with_format(row, col, day.to_string(), &f.text)?;
                    }
                },
            }
        }
    }
    let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
    let last_col = u16::try_from(sheet.headers.len().saturating_sub(1)).unwrap_or(u16::MAX);
    ws.set_freeze_panes(1, sheet.frozen_columns)?;
    ws.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

fn excel_date(day: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(day.year()).ok()?;
    // Month and day always fit a byte.
    let (month, dom) = (day.month() as u8, day.day() as u8);
    ExcelDateTime::from_ymd(year, month, dom).ok()
}

/// The text cut to what a cell holds, marked with an ellipsis where it was cut.
fn fit(text: &str) -> String {
    if text.encode_utf16().count() <= MAX_CELL {
        return text.to_string();
    }
    let mut out = String::new();
    let mut units = 0;
    for ch in text.chars() {
        units += ch.len_utf16();
        if units > MAX_CELL - 1 {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlong_text_is_cut_to_what_a_cell_holds() {
        let long = "ą".repeat(MAX_CELL + 10);
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL);
        assert!(cut.ends_with('…'));
        assert_eq!(fit("short"), "short");
    }
}
