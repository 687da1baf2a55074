//! HTML, a saved page or a fragment, parsed by html5ever (through `scraper`) as a browser
//! would. Tables become table blocks (row and column spans laid out, `<br>` kept as a line
//! break in a cell); headings, paragraphs and list items become lines. Scripts, styles,
//! navigation, page headers and footers are dropped, and only text nodes are read, so no
//! attribute (event handlers, `javascript:` links) and no script can reach the output.

use super::grid::{Grid, clean_cell, flush_text};
use crate::{Block, Document, Format, ImportResult, Watch};
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is never part of the list.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "head", "title",
    "iframe", "object", "embed", "svg", "math", "canvas", "audio", "video", "button", "select",
    "textarea", "dialog",
];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "caption",
    "section",
    "article",
    "main",
    "aside",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "hr",
    "form",
    "fieldset",
    "legend",
    "details",
    "summary",
];

pub(super) fn read(text: &str, watch: &Watch) -> ImportResult<Document> {
    let html = Html::parse_document(text);
    let mut blocks = Vec::new();
    let mut buffer = String::new();
    walk(
        html.tree.root(),
        &mut buffer,
        watch,
        Some(&mut |table, buffer| {
            let (caption, rows) = read_table(table, watch)?;
            buffer.push_str(&caption);
            flush_text(buffer, &mut blocks);
            if !rows.is_empty() {
                blocks.push(Block::Table { rows });
            }
            Ok(())
        }),
    )?;
    flush_text(&mut buffer, &mut blocks);
    Ok(Document {
        format: Format::Html,
        blocks,
        warnings: Vec::new(),
    })
}

type OnTable<'a> = dyn FnMut(NodeRef<'_, Node>, &mut String) -> ImportResult<()> + 'a;

/// Appends the text under `root` to `buffer`, with `\n` where a block or `<br>` breaks the
/// line; each `<table>` goes to `on_table` instead, if given. Iterative, so deeply nested markup
/// cannot overflow the stack.
fn walk(
    root: NodeRef<'_, Node>,
    buffer: &mut String,
    watch: &Watch,
    mut on_table: Option<&mut OnTable<'_>>,
) -> ImportResult<()> {
    let mut skipping = None;
    let mut in_pre = 0usize;
    for (i, edge) in root.traverse().enumerate() {
        if i.is_multiple_of(4096) {
            watch.check()?;
        }
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) if in_pre > 0 => buffer.push_str(&text.text),
                // Source line breaks are layout, not content: only markup breaks lines.
                Node::Text(text) => buffer.extend(
                    text.text
                        .chars()
                        .map(|c| if c.is_whitespace() { ' ' } else { c }),
                ),
                Node::Element(element) => {
                    let name = element.name();
                    if SKIPPED.contains(&name) {
                        skipping = Some(node.id());
                    } else if let Some(on_table) = on_table.as_mut().filter(|_| name == "table") {
                        on_table(node, buffer)?;
                        skipping = Some(node.id());
                    } else if name == "br" {
                        buffer.push('\n');
                    } else if BLOCKS.contains(&name) {
                        in_pre += usize::from(name == "pre");
                        buffer.push('\n');
                    }
                }
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && let Node::Element(element) = node.value()
                    && BLOCKS.contains(&element.name())
                {
                    in_pre -= usize::from(element.name() == "pre");
                    buffer.push('\n');
                }
            }
        }
    }
    Ok(())
}

/// A table's caption (as text) and its rows, spans laid out on a grid.
fn read_table(table: NodeRef<'_, Node>, watch: &Watch) -> ImportResult<(String, Vec<Vec<String>>)> {
    let mut caption = String::new();
    let mut grid = Grid::default();
    let mut row = 0;
    for child in elements(table) {
        let (name, node) = child;
        match name {
            "caption" => {
                text_of(node, &mut caption, watch)?;
                caption.push('\n');
            }
            "tr" => {
                read_row(node, row, &mut grid, watch)?;
                row += 1;
            }
            "thead" | "tbody" | "tfoot" => {
                for (name, tr) in elements(node) {
                    if name == "tr" {
                        read_row(tr, row, &mut grid, watch)?;
                        row += 1;
                    }
                }
            }
            _ => {}
        }
    }
    Ok((caption, grid.into_rows()))
}

fn read_row(tr: NodeRef<'_, Node>, row: usize, grid: &mut Grid, watch: &Watch) -> ImportResult<()> {
    let mut col = 0;
    for (name, cell) in elements(tr) {
        if name != "td" && name != "th" {
            continue;
        }
        let span = |attr: &str| {
            cell.value()
                .as_element()
                .and_then(|e| e.attr(attr))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(1)
        };
        let (rowspan, colspan) = (span("rowspan"), span("colspan"));
        let mut text = String::new();
        text_of(cell, &mut text, watch)?;
        col = grid.next_free(row, col);
        grid.place(row, col, clean_cell(&text), rowspan, colspan);
        col += colspan.max(1);
    }
    Ok(())
}

/// The text of a cell or caption; a table nested in it reads as lines of text.
fn text_of(node: NodeRef<'_, Node>, buffer: &mut String, watch: &Watch) -> ImportResult<()> {
    walk(node, buffer, watch, None)
}

fn elements<'a>(node: NodeRef<'a, Node>) -> impl Iterator<Item = (&'a str, NodeRef<'a, Node>)> {
    node.children()
        .filter_map(|child| child.value().as_element().map(|e| (e.name(), child)))
}
