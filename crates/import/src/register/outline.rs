//! A file as a sequence of headings, lines, list items and tables: the shape a register
//! reader needs to tell one activity's section from the next. Markdown keeps its headings and
//! lists (read again with pulldown-cmark); other formats give the tables and lines the list
//! readers left, with no headings (a section per activity is then found only through its
//! two-column tables).

use crate::{Block, Document};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    /// Level 1 to 6, as in Markdown.
    Heading {
        level: u8,
        text: String,
    },
    Line(String),
    /// A list item, with "[x] " or "[ ] " in front when it is a task-list box.
    Item(String),
    Table(Vec<Vec<String>>),
}

/// The pieces of a Markdown text.
pub(crate) fn of_markdown(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut buffer = String::new();
    let mut heading: Option<u8> = None;
    let mut items = 0usize;
    let mut table: Option<Vec<Vec<String>>> = None;
    let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut buffer, &mut pieces, items > 0);
                heading = Some(level_number(level));
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = buffer.trim().to_string();
                buffer.clear();
                if let Some(level) = heading.take().filter(|_| !text.is_empty()) {
                    pieces.push(Piece::Heading { level, text });
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut buffer, &mut pieces, items > 0);
                items += 1;
            }
            Event::End(TagEnd::Item) => {
                flush(&mut buffer, &mut pieces, true);
                items = items.saturating_sub(1);
            }
            Event::TaskListMarker(done) => buffer.push_str(if done { "[x] " } else { "[ ] " }),
            Event::End(TagEnd::Paragraph | TagEnd::BlockQuote(_)) if table.is_none() => {
                flush(&mut buffer, &mut pieces, items > 0);
            }
            Event::Start(Tag::Table(_)) => {
                flush(&mut buffer, &mut pieces, items > 0);
                table = Some(Vec::new());
            }
            Event::End(TagEnd::Table) => {
                if let Some(rows) = table.take().filter(|r| !r.is_empty()) {
                    pieces.push(Piece::Table(rows));
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(rows) = table.as_mut() {
                    rows.push(Vec::new());
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(row) = table.as_mut().and_then(|rows| rows.last_mut()) {
                    row.push(tidy_cell(&buffer));
                }
                buffer.clear();
            }
            Event::Text(t) | Event::Code(t) => buffer.push_str(&t),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => buffer.push_str("**"),
            Event::SoftBreak => buffer.push(' '),
            Event::HardBreak => buffer.push('\n'),
            Event::InlineHtml(html) | Event::Html(html)
                if html.trim().to_ascii_lowercase().starts_with("<br") =>
            {
                buffer.push('\n');
            }
            Event::End(TagEnd::CodeBlock) => buffer.clear(),
            _ => {}
        }
    }
    flush(&mut buffer, &mut pieces, false);
    pieces
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn flush(buffer: &mut String, pieces: &mut Vec<Piece>, item: bool) {
    let text = buffer.trim().to_string();
    buffer.clear();
    if text.is_empty() || text == "**" {
        return;
    }
    pieces.push(if item {
        Piece::Item(text)
    } else {
        Piece::Line(text)
    });
}

fn tidy_cell(cell: &str) -> String {
    cell.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The pieces of a file read by the list readers: tables as they are, each line of text a
/// line (a line starting with a bullet an item).
pub(crate) fn of_document(document: &Document) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for block in &document.blocks {
        match block {
            Block::Table { rows } => pieces.push(Piece::Table(rows.clone())),
            Block::Text { lines } => {
                for line in lines {
                    let trimmed = line.trim();
                    let bullet = trimmed
                        .strip_prefix(['-', '•', '*', '–', '·', '▪'])
                        .map(str::trim_start);
                    pieces.push(match bullet {
                        Some(rest) if !rest.is_empty() => Piece::Item(rest.to_string()),
                        _ => Piece::Line(trimmed.to_string()),
                    });
                }
            }
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_headings_items_and_wrapped_lines() {
        let pieces = of_markdown(
            "# Register\n\n## 1. Payroll\n\n- Purpose: paying\n  salaries.\n- [x] Employees\n- [ ] Clients\n\n| A | B |\n|---|---|\n| x<br>y | z |\n",
        );
        assert_eq!(
            pieces,
            vec![
                Piece::Heading {
                    level: 1,
                    text: "Register".into()
                },
                Piece::Heading {
                    level: 2,
                    text: "1. Payroll".into()
                },
                Piece::Item("Purpose: paying salaries.".into()),
                Piece::Item("[x] Employees".into()),
                Piece::Item("[ ] Clients".into()),
                Piece::Table(vec![
                    vec!["A".into(), "B".into()],
                    vec!["x\ny".into(), "z".into()]
                ]),
            ]
        );
    }
}
