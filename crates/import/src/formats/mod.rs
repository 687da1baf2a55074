//! Readers: the bytes of a file in any supported format and encoding, to a [`Document`].
//!
//! [`read`] refuses oversized input before looking at it, recognises the format by content
//! (magic bytes, the entries of a zip, HTML tags, a Markdown table, a consistent CSV
//! delimiter) and only then by the file name, and hands the bytes to one small reader per
//! format. Every reader returns plain text: nothing in a file is executed or evaluated.

mod archive;
mod decode;
mod delimited;
mod docx;
mod grid;
mod html;
mod markdown;
mod ole;
mod pdf;
mod sniff;
mod spreadsheet;
pub mod text;

use crate::{Block, Document, ImportError, ImportResult, Watch};
use sniff::Kind;

const MB: u64 = 1024 * 1024;

/// How much a file may hold. The defaults suit any real subprocessor list; tests and the
/// fuzzer pass smaller ones so the checks can be exercised without allocating the real sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes, checked before any parsing.
    pub max_input: u64,
    /// Largest total a zip-based file (XLSX, DOCX, ODS) may unpack to, in bytes.
    pub max_unpacked: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input: crate::MAX_INPUT_BYTES,
            max_unpacked: 100 * MB,
        }
    }
}

impl Limits {
    /// Refuses an input of `size` bytes before anyone reads or parses it.
    pub fn check_size(&self, size: u64) -> ImportResult<()> {
        if size > self.max_input {
            return Err(ImportError::TooLarge {
                size_mb: size.div_ceil(MB),
                limit_mb: self.max_input / MB,
            });
        }
        Ok(())
    }
}

/// Recognises the format (by content first, the file name second) and reads the file.
pub fn read(bytes: &[u8], file_name: Option<&str>, watch: &Watch) -> ImportResult<Document> {
    read_with(bytes, file_name, watch, &Limits::default())
}

/// [`read`] with explicit limits.
pub fn read_with(
    bytes: &[u8],
    file_name: Option<&str>,
    watch: &Watch,
    limits: &Limits,
) -> ImportResult<Document> {
    limits.check_size(bytes.len() as u64)?;
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    watch.check()?;
    let hint = file_name.and_then(sniff::by_name);
    let document = match sniff::binary(bytes, hint, limits, watch)? {
        Some(Kind::Pdf) => pdf::read(bytes, watch)?,
        Some(Kind::Docx) => docx::read(bytes, limits, watch)?,
        Some(Kind::Sheet(sheet)) => spreadsheet::read(bytes, sheet, watch)?,
        // `binary` only answers with the binary kinds; anything else is text.
        Some(_) | None => read_text(bytes, hint, watch)?,
    };
    let has_content = document.blocks.iter().any(|block| match block {
        Block::Table { rows } => !rows.is_empty(),
        Block::Text { lines } => !lines.is_empty(),
    });
    if has_content {
        Ok(document)
    } else {
        Err(ImportError::Empty)
    }
}

/// The text of a file the readers take for Markdown, for a reader that needs its headings
/// and lists (which a [`Document`] flattens into lines).
pub(crate) fn markdown_source(bytes: &[u8], file_name: Option<&str>) -> Option<String> {
    let hint = file_name.and_then(sniff::by_name);
    if sniff::binary(bytes, hint, &Limits::default(), &Watch::default())
        .ok()
        .flatten()
        .is_some()
    {
        return None;
    }
    let decoded = decode::decode(bytes);
    let headings = decoded
        .text
        .lines()
        .filter(|l| l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### "))
        .count();
    match sniff::text(&decoded.text, hint) {
        Kind::Markdown => Some(decoded.text),
        // Plain text with Markdown headings, as pasted or saved as .txt.
        Kind::Text if headings >= 2 => Some(decoded.text),
        _ => None,
    }
}

fn read_text(bytes: &[u8], hint: Option<Kind>, watch: &Watch) -> ImportResult<Document> {
    let decoded = decode::decode(bytes);
    if !decode::looks_like_text(&decoded.text) {
        // A name such as "list.pdf" on bytes that are neither that format nor text: say that
        // the file is damaged rather than that the format is unknown.
        return Err(match hint.and_then(Kind::binary_name) {
            Some(format) => ImportError::Malformed {
                format,
                detail: format!(
                    "its content is not that of a {format} file; it may be damaged or misnamed."
                ),
            },
            None => ImportError::UnknownFormat,
        });
    }
    if decoded.text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut document = match sniff::text(&decoded.text, hint) {
        Kind::Html => html::read(&decoded.text, watch)?,
        Kind::Markdown => markdown::read(&decoded.text, watch)?,
        Kind::Csv(delimiter) => delimited::read(&decoded.text, delimiter, watch)?,
        _ => text::read_str(&decoded.text),
    };
    if decoded.guessed {
        document.warnings.push(format!(
            "The text was read as {}; check that accented letters look right.",
            decoded.encoding.name()
        ));
    }
    Ok(document)
}

/// Whether a link points at a processing agreement ("…/legal/dpa", "…/data-processing-addendum",
/// "…/avv"): a table row whose name links there says the agreement is in place.
pub(crate) fn links_to_agreement(url: &str) -> bool {
    let url = url.to_lowercase();
    url.split(['/', '.', '?', '#', '_'])
        .any(|part| matches!(part, "dpa" | "avv" | "adv"))
        || [
            "data-processing",
            "processing-addendum",
            "processing-agreement",
            "auftragsverarbeitung",
        ]
        .iter()
        .any(|p| url.contains(p))
}
