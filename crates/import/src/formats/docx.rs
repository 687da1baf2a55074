//! DOCX (Word): `word/document.xml` read with quick-xml. Paragraphs become lines, `w:tbl`
//! tables become table blocks with `w:gridSpan` and `w:vMerge` laid out, and line breaks
//! inside a cell stay `\n`. Deleted revisions, field codes and the fallback copies of text
//! boxes are not read, so nothing appears twice.

use super::grid::{Grid, clean_cell, flush_text};
use super::{Limits, archive};
use crate::{Block, Document, Format, ImportError, ImportResult, Watch};
use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

const FORMAT: &str = "DOCX";

pub(super) fn read(bytes: &[u8], limits: &Limits, watch: &Watch) -> ImportResult<Document> {
    let xml = archive::entry(bytes, "word/document.xml", limits, FORMAT)?
        .ok_or_else(|| malformed("it has no word/document.xml.".into()))?;
    let xml =
        String::from_utf8(xml).map_err(|_| malformed("word/document.xml is not UTF-8.".into()))?;
    parse(&xml, watch)
}

fn malformed(detail: String) -> ImportError {
    ImportError::Malformed {
        format: FORMAT,
        detail,
    }
}

/// A table being read; tables nest inside cells.
#[derive(Default)]
struct Table {
    grid: Grid,
    row: Option<usize>,
    col: usize,
    cell: Option<Cell>,
}

#[derive(Default)]
struct Cell {
    text: String,
    colspan: usize,
    continues_merge: bool,
}

fn parse(xml: &str, watch: &Watch) -> ImportResult<Document> {
    let mut reader = Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut body = String::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut in_text = false;
    // Depth inside an element whose content is skipped (`mc:Fallback` repeats `mc:Choice`).
    let mut skip_depth = 0usize;
    let mut events = 0usize;
    loop {
        events += 1;
        if events.is_multiple_of(4096) {
            watch.check()?;
        }
        let event = reader
            .read_event()
            .map_err(|e| malformed(format!("word/document.xml is not well-formed XML ({e}).")))?;
        match event {
            Event::Eof => break,
            Event::Start(_) if skip_depth > 0 => skip_depth += 1,
            Event::End(_) if skip_depth > 0 => skip_depth -= 1,
            _ if skip_depth > 0 => {}
            Event::Start(e) => match e.local_name().as_ref() {
                "Fallback" => skip_depth = 1,
                "t" => in_text = true,
                "tbl" => {
                    if tables.is_empty() {
                        flush_text(&mut body, &mut blocks);
                    }
                    tables.push(Table::default());
                }
                "tr" => start_row(&mut tables),
                "tc" => start_cell(&mut tables),
                name => empty_element(name, &e, &mut tables, &mut body),
            },
            Event::Empty(e) => empty_element(e.local_name().as_ref(), &e, &mut tables, &mut body),
            Event::Text(text) if in_text => {
                output(&mut tables, &mut body).push_str(&text.xml10_content());
            }
            Event::GeneralRef(reference) if in_text => {
                let out = output(&mut tables, &mut body);
                if let Ok(Some(c)) = reference.resolve_char_ref() {
                    out.push(c);
                } else if let Some(s) = resolve_predefined_entity(&reference.xml10_content()) {
                    out.push_str(s);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => output(&mut tables, &mut body).push('\n'),
                "tc" => end_cell(&mut tables),
                "tbl" => {
                    let Some(table) = tables.pop() else { continue };
                    let rows = table.grid.into_rows();
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        // A table inside a cell reads as lines of that cell.
                        Some(cell) => {
                            for row in rows {
                                cell.text.push_str(&row.join(" "));
                                cell.text.push('\n');
                            }
                        }
                        None if !rows.is_empty() => blocks.push(Block::Table { rows }),
                        None => {}
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    flush_text(&mut body, &mut blocks);
    Ok(Document {
        format: Format::Docx,
        blocks,
        warnings: Vec::new(),
    })
}

/// Where text goes: the open cell of the innermost table, or the body.
fn output<'a>(tables: &'a mut [Table], body: &'a mut String) -> &'a mut String {
    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
        Some(cell) => &mut cell.text,
        None => body,
    }
}

/// Elements that matter whether written `<x/>` or `<x>...</x>`.
fn empty_element(name: &str, e: &BytesStart<'_>, tables: &mut [Table], body: &mut String) {
    match name {
        "br" | "cr" => output(tables, body).push('\n'),
        "tab" => output(tables, body).push(' '),
        "gridSpan" => {
            if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                cell.colspan = val(e).and_then(|v| v.parse().ok()).unwrap_or(1);
            }
        }
        "vMerge" => {
            if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                // `restart` opens a merge; no value (or `continue`) carries it on.
                cell.continues_merge = val(e).is_none_or(|v| v == "continue");
            }
        }
        "gridBefore" => {
            if let Some(table) = tables.last_mut() {
                table.col += val(e)
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0)
                    .min(64);
            }
        }
        _ => {}
    }
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "val")
        .map(|a| a.value.into_owned())
}

fn start_row(tables: &mut [Table]) {
    if let Some(table) = tables.last_mut() {
        table.row = Some(table.row.map_or(0, |r| r + 1));
        table.col = 0;
    }
}

fn start_cell(tables: &mut [Table]) {
    if let Some(table) = tables.last_mut() {
        table.cell = Some(Cell {
            colspan: 1,
            ..Cell::default()
        });
    }
}

fn end_cell(tables: &mut [Table]) {
    let Some(table) = tables.last_mut() else {
        return;
    };
    let (Some(cell), Some(row)) = (table.cell.take(), table.row) else {
        return;
    };
    let colspan = cell.colspan.clamp(1, 64);
    if cell.continues_merge {
        table.grid.continue_from_above(row, table.col, colspan);
    } else {
        table
            .grid
            .place(row, table.col, clean_cell(&cell.text), 1, colspan);
    }
    table.col += colspan;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> Document {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#
        );
        parse(&xml, &Watch::default()).unwrap()
    }

    #[test]
    fn paragraphs_tables_and_merges() {
        let d = doc(concat!(
            "<w:p><w:r><w:t>Sub</w:t></w:r><w:r><w:t xml:space=\"preserve\">processors &amp; more</w:t></w:r></w:p>",
            "<w:tbl>",
            "<w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Country</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:tc><w:p><w:r><w:t>AWS</w:t><w:br/><w:t>Inc.</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>US</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:tc><w:p><w:r><w:t>Stripe</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>",
            "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>EU</w:t></w:r></w:p></w:tc></w:tr>",
            "</w:tbl><w:p><w:r><w:delText>gone</w:delText><w:t>After</w:t></w:r></w:p>",
        ));
        assert_eq!(
            d.blocks,
            vec![
                Block::Text {
                    lines: vec!["Subprocessors & more".into()]
                },
                Block::Table {
                    rows: vec![
                        vec!["Name".into(), "Country".into()],
                        vec!["AWS\nInc.".into(), "US".into()],
                        vec!["Stripe".into(), "US".into()],
                        vec!["EU".into(), String::new()],
                    ]
                },
                Block::Text {
                    lines: vec!["After".into()]
                },
            ]
        );
    }
}
