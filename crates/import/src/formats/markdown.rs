//! Markdown (CommonMark with GitHub tables, via pulldown-cmark): pipe tables become table
//! blocks, everything else lines of text. Raw HTML in the file is not rendered; a `<br>` in
//! a table cell is read as the line break it is meant as.

use super::grid::{clean_cell, flush_text};
use crate::{Block, Document, Format, ImportResult, Watch};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub(super) fn read(text: &str, watch: &Watch) -> ImportResult<Document> {
    let mut blocks = Vec::new();
    let mut buffer = String::new();
    let mut table: Option<Vec<Vec<String>>> = None;
    let mut cell = String::new();
    // The row being read links a cell to a processing agreement.
    let mut to_agreement = false;
    for (i, event) in Parser::new_ext(text, Options::ENABLE_TABLES).enumerate() {
        if i.is_multiple_of(4096) {
            watch.check()?;
        }
        let in_table = table.is_some();
        let out = if in_table { &mut cell } else { &mut buffer };
        match event {
            Event::Start(Tag::Table(_)) => {
                flush_text(&mut buffer, &mut blocks);
                table = Some(Vec::new());
            }
            Event::End(TagEnd::Table) => {
                if let Some(rows) = table.take().filter(|rows| !rows.is_empty()) {
                    blocks.push(Block::Table { rows });
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(rows) = table.as_mut() {
                    rows.push(Vec::new());
                }
                to_agreement = false;
            }
            Event::Start(Tag::Link { dest_url, .. })
                if in_table && super::links_to_agreement(&dest_url) =>
            {
                to_agreement = true;
            }
            // The link to the vendor's DPA becomes a cell of its own, read as the agreement.
            Event::End(TagEnd::TableRow) if to_agreement => {
                if let Some(row) = table.as_mut().and_then(|rows| rows.last_mut()) {
                    row.push("DPA".to_string());
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(row) = table.as_mut().and_then(|rows| rows.last_mut()) {
                    row.push(clean_cell(&cell));
                }
                cell.clear();
            }
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::InlineHtml(html) | Event::Html(html)
                if html.trim().to_ascii_lowercase().starts_with("<br") =>
            {
                out.push('\n');
            }
            Event::SoftBreak => out.push(if in_table { ' ' } else { '\n' }),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            )
            | Event::Start(Tag::Item)
            | Event::Rule => out.push('\n'),
            _ => {}
        }
    }
    flush_text(&mut buffer, &mut blocks);
    Ok(Document {
        format: Format::Markdown,
        blocks,
        warnings: Vec::new(),
    })
}
