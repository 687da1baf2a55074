//! Which reader a file needs: binary formats by their magic bytes and zip entries, text
//! formats by their markup or a consistent delimiter, the file name only where content is mute.

use super::{Limits, archive, delimited};
use crate::{ImportError, ImportResult, Watch};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Pdf,
    Docx,
    Sheet(Sheet),
    Html,
    Markdown,
    /// With the delimiter when the name or content already told it.
    Csv(Option<u8>),
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sheet {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl Kind {
    /// The name of a binary format, for messages; `None` for the text formats.
    pub(super) fn binary_name(self) -> Option<&'static str> {
        match self {
            Kind::Pdf => Some("PDF"),
            Kind::Docx => Some("DOCX"),
            Kind::Sheet(Sheet::Xlsx) => Some("XLSX"),
            Kind::Sheet(Sheet::Xlsb) => Some("XLSB"),
            Kind::Sheet(Sheet::Xls) => Some("XLS"),
            Kind::Sheet(Sheet::Ods) => Some("ODS"),
            Kind::Html | Kind::Markdown | Kind::Csv(_) | Kind::Text => None,
        }
    }
}

/// The format a file name's extension claims.
pub(super) fn by_name(name: &str) -> Option<Kind> {
    let (_, ext) = name.rsplit_once('.')?;
    Some(match ext.to_ascii_lowercase().as_str() {
        "pdf" => Kind::Pdf,
        "docx" => Kind::Docx,
        "xlsx" | "xlsm" => Kind::Sheet(Sheet::Xlsx),
        "xlsb" => Kind::Sheet(Sheet::Xlsb),
        "xls" => Kind::Sheet(Sheet::Xls),
        "ods" => Kind::Sheet(Sheet::Ods),
        "html" | "htm" | "xhtml" => Kind::Html,
        "md" | "markdown" => Kind::Markdown,
        "csv" => Kind::Csv(None),
        "tsv" | "tab" => Kind::Csv(Some(b'\t')),
        "txt" | "text" => Kind::Text,
        _ => return None,
    })
}

const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Images and archives that are never a list: saying "unknown format" beats decoding them.
const OTHER_BINARY: &[&[u8]] = &[
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"II*\0",
    b"MM\0*",
    b"\x1F\x8B",
    b"7z\xBC\xAF",
    b"Rar!",
];

/// The binary format the bytes are in, or `None` when they should be read as text. Zip-based
/// files are checked for decompression bombs here, as their entries have to be listed anyway.
pub(super) fn binary(
    bytes: &[u8],
    hint: Option<Kind>,
    limits: &Limits,
    watch: &Watch,
) -> ImportResult<Option<Kind>> {
    // PDF readers accept junk before the header; so do we, within the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(Some(Kind::Pdf));
    }
    if bytes.starts_with(OLE2) {
        return Ok(Some(Kind::Sheet(Sheet::Xls)));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let format = hint.and_then(Kind::binary_name).unwrap_or("zip");
        let kind = archive::classify(bytes, format, limits, watch)?;
        return kind.map(Some).ok_or(ImportError::UnknownFormat);
    }
    if OTHER_BINARY.iter().any(|magic| bytes.starts_with(magic)) {
        return Err(ImportError::UnknownFormat);
    }
    Ok(None)
}

/// The text format of decoded text; the name's claim counts only where the content is mute.
pub(super) fn text(text: &str, hint: Option<Kind>) -> Kind {
    if looks_like_html(text) {
        return Kind::Html;
    }
    if has_markdown_table(text) {
        return Kind::Markdown;
    }
    match hint {
        Some(Kind::Csv(delimiter)) => Kind::Csv(delimiter.or_else(|| delimited::detect(text))),
        // Markdown prose often has commas; a consistent "delimiter" there means nothing.
        Some(Kind::Markdown) => Kind::Markdown,
        _ => match delimited::detect(text) {
            Some(delimiter) => Kind::Csv(Some(delimiter)),
            None if hint == Some(Kind::Html) => Kind::Html,
            None => Kind::Text,
        },
    }
}

const HTML_TAGS: &[&str] = &[
    "<html", "<body", "<head", "<table", "<div", "<p>", "<p ", "<ul", "<ol", "<li", "<tr", "<br",
    "<span", "<meta", "<section", "<article", "<script", "<h1", "<h2", "<h3", "<h4",
];

fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start
        .chars()
        .take(64 * 1024)
        .collect::<String>()
        .to_lowercase();
    head.starts_with("<!doctype html") || HTML_TAGS.iter().any(|tag| head.contains(tag))
}

/// A GitHub-style delimiter row (`|---|:--:|`) under a row with pipes.
fn has_markdown_table(text: &str) -> bool {
    let mut previous_has_pipe = false;
    for line in text.lines() {
        let line = line.trim();
        let is_delimiter_row = line.contains('|')
            && line.matches('-').count() >= 3
            && line
                .chars()
                .all(|c| matches!(c, '|' | ':' | '-' | ' ' | '\t'));
        if is_delimiter_row && previous_has_pipe {
            return true;
        }
        previous_has_pipe = line.contains('|');
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_kinds() {
        assert_eq!(
            by_name("Subprocessors.XLSX"),
            Some(Kind::Sheet(Sheet::Xlsx))
        );
        assert_eq!(by_name("list.tsv"), Some(Kind::Csv(Some(b'\t'))));
        assert_eq!(by_name("no-extension"), None);
    }

    #[test]
    fn content_beats_the_name() {
        assert_eq!(text("<p>AWS</p>", Some(Kind::Markdown)), Kind::Html);
        assert_eq!(
            text("| a | b |\n|---|---|\n| 1 | 2 |", Some(Kind::Text)),
            Kind::Markdown
        );
        assert_eq!(
            text("a;b\n1;2\n3;4\n", Some(Kind::Text)),
            Kind::Csv(Some(b';'))
        );
        assert_eq!(
            text("Just some words.\nAnd more.", Some(Kind::Html)),
            Kind::Html
        );
        assert_eq!(text("Just some words.\nAnd more.", None), Kind::Text);
    }
}
