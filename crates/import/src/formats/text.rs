//! Plain text: one text block of the non-empty lines.

use crate::{Block, Document, Format};

pub fn read_str(text: &str) -> Document {
    let lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    Document {
        format: Format::Text,
        blocks: vec![Block::Text { lines }],
        warnings: Vec::new(),
    }
}
