//! The format-independent shape of a read file: tables and runs of text lines, in order.

use serde::Serialize;

/// A file as the readers leave it: blocks in reading order, plus what the reader noticed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    pub format: Format,
    pub blocks: Vec<Block>,
    /// Things the user should know that did not stop the import ("sheet 2 was empty",
    /// "3 cells held formulas; their text was kept, nothing was evaluated").
    pub warnings: Vec<String>,
}

/// One block of content. Tables keep their cells as text (trimmed, inner whitespace and line
/// breaks collapsed to single spaces unless a line break separates values in a cell, which is
/// kept as `\n`); text keeps its non-empty lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Table { rows: Vec<Vec<String>> },
    Text { lines: Vec<String> },
}

/// The format a file was read as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Csv,
    Spreadsheet,
    Html,
    Pdf,
    Docx,
    Markdown,
    #[default]
    Text,
}
