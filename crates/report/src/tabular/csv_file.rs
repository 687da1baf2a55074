//! The CSV writer: UTF-8 with a byte-order mark (so Excel reads Polish, German and French
//! letters right), CRLF line ends, fields quoted where needed, formula starts neutralised.

use super::safe::neutralise;
use super::table::{Cell, Sheet};
use crate::Lang;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Excel opens a double-clicked CSV with the locale's list separator: a comma where the
/// decimal mark is a point (English), a semicolon where it is a comma (the other five).
fn delimiter(lang: Lang) -> u8 {
    match lang {
        Lang::En => b',',
        _ => b';',
    }
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => neutralise(t).into_owned(),
        Cell::Date(d) => super::values::date(*d),
    }
}

pub(super) fn write(sheet: &Sheet, lang: Lang) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter(lang))
        .from_writer(BOM.to_vec());
    let header = sheet.headers.iter().map(|h| neutralise(h).into_owned());
    let rows = sheet.rows.iter().map(|row| row.iter().map(text).collect());
    let written = std::iter::once(header.collect::<Vec<_>>())
        .chain(rows)
        .try_for_each(|record| w.write_record(record));
    // Writing to memory cannot fail and every row has the header's length; were it to
    // fail all the same, no file is better than a cut-off one.
    match (written, w.into_inner()) {
        (Ok(()), Ok(bytes)) => bytes,
        _ => Vec::new(),
    }
}
