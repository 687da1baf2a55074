//! Text PDFs via pdf-extract (on lopdf): every glyph with its position, regrouped into lines
//! in reading order (top to bottom, left to right) and cut into cells where a wide gap
//! separates text. Runs of lines with aligned cells become table blocks, continued across a
//! page break and without the header row a page repeats; page headers, footers and page
//! numbers are dropped. Encrypted PDFs and scans (pages without text) are refused by name.

use crate::{Block, Document, Format, ImportError, ImportResult, Watch};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

const FORMAT: &str = "PDF";
/// Glyphs kept per page: far above any real page, low enough to bound memory.
const MAX_GLYPHS: usize = 200_000;

pub(super) fn read(bytes: &[u8], watch: &Watch) -> ImportResult<Document> {
    // pdf-extract and lopdf still panic on some damaged files; a panic there must become an
    // error for this file, not take the application down.
    let loaded = catch_unwind(|| pdf_extract::Document::load_mem(bytes))
        .map_err(|_| malformed("its structure could not be parsed.".into()))?;
    let doc = match loaded {
        Ok(doc) => doc,
        Err(pdf_extract::Error::Decryption(_) | pdf_extract::Error::InvalidPassword) => {
            return Err(ImportError::EncryptedPdf);
        }
        Err(e) => return Err(malformed(e.to_string())),
    };
    // lopdf opens files protected by an owner password only (the empty user password);
    // those that stay encrypted need a password we do not have.
    if doc.is_encrypted() {
        return Err(ImportError::EncryptedPdf);
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Err(malformed("it has no pages.".into()));
    }
    let mut warnings = Vec::new();
    let mut page_lines = Vec::with_capacity(pages.len());
    for (i, &page) in pages.iter().enumerate() {
        watch.step(i as f32 / pages.len() as f32)?;
        let mut glyphs = Glyphs::default();
        match catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut glyphs, page)
        })) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => warnings.push(format!("Page {page} could not be read fully ({e}).")),
            Err(_) => warnings.push(format!("Page {page} could not be read.")),
        }
        page_lines.push(lines(glyphs.glyphs));
    }
    watch.step(1.0)?;
    if page_lines.iter().all(Vec::is_empty) {
        return Err(if warnings.len() == pages.len() {
            malformed("none of its pages could be read.".into())
        } else {
            ImportError::ScannedPdf
        });
    }
    drop_page_furniture(&mut page_lines);
    Ok(Document {
        format: Format::Pdf,
        blocks: blocks(page_lines),
        warnings,
    })
}

fn malformed(detail: String) -> ImportError {
    ImportError::Malformed {
        format: FORMAT,
        detail,
    }
}

struct Glyph {
    x: f64,
    /// From the top of the page, so lines sort in reading order.
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

#[derive(Default)]
struct Glyphs {
    page_height: f64,
    glyphs: Vec<Glyph>,
}

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        if char.trim().is_empty() || self.glyphs.len() >= MAX_GLYPHS {
            return Ok(());
        }
        // The text matrix scales the font size; its determinant is the area scale.
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        let (x, y) = (trm.m31, self.page_height - trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) {
            return Ok(());
        }
        self.glyphs.push(Glyph {
            x,
            y,
            end: x + width * size,
            size: size.max(1.0),
            text: char.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// One line of a page, cut into the runs of text that wide gaps separate.
#[derive(Debug, Clone)]
struct Line {
    y: f64,
    size: f64,
    segments: Vec<Segment>,
}

#[derive(Debug, Clone)]
struct Segment {
    x: f64,
    text: String,
}

impl Line {
    fn text(&self) -> String {
        let texts: Vec<&str> = self.segments.iter().map(|s| s.text.as_str()).collect();
        texts.join(" ")
    }
}

/// A gap wider than this many font sizes separates cells; a narrower one above
/// `WORD_GAP` separates words.
const CELL_GAP: f64 = 1.0;
const WORD_GAP: f64 = 0.15;

fn lines(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for glyph in glyphs {
        match rows.last_mut() {
            Some(row) if (glyph.y - row[0].y).abs() <= 0.5 * row[0].size => row.push(glyph),
            _ => rows.push(vec![glyph]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = row.iter().map(|g| g.size).fold(0.0, f64::max);
            let mut segments: Vec<Segment> = Vec::new();
            let mut end = f64::NEG_INFINITY;
            for glyph in &row {
                let gap = glyph.x - end;
                match segments.last_mut() {
                    Some(segment) if gap <= CELL_GAP * glyph.size => {
                        if gap > WORD_GAP * glyph.size {
                            segment.text.push(' ');
                        }
                        segment.text.push_str(&glyph.text);
                    }
                    _ => segments.push(Segment {
                        x: glyph.x,
                        text: glyph.text.clone(),
                    }),
                }
                end = end.max(glyph.end);
            }
            Line {
                y: row[0].y,
                size,
                segments,
            }
        })
        .collect()
}

/// Removes running headers and footers (the same first or last line on several pages, page
/// numbers aside) and lone page numbers ("3", "Page 3 of 7", "- 3 -").
fn drop_page_furniture(pages: &mut [Vec<Line>]) {
    let shape = |line: &Line| -> String {
        line.text()
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut seen: HashMap<(bool, String), usize> = HashMap::new();
    for page in pages.iter() {
        if let (Some(first), Some(last)) = (page.first(), page.last()) {
            *seen.entry((true, shape(first))).or_default() += 1;
            *seen.entry((false, shape(last))).or_default() += 1;
        }
    }
    let repeated = |top: bool, line: &Line| {
        pages.len() >= 2 && seen.get(&(top, shape(line))).copied().unwrap_or(0) >= 2
    };
    let mut keep: Vec<Vec<bool>> = pages.iter().map(|p| vec![true; p.len()]).collect();
    for (page, keep) in pages.iter().zip(&mut keep) {
        let n = page.len();
        if n == 0 {
            continue;
        }
        if repeated(true, &page[0]) {
            keep[0] = false;
        }
        if repeated(false, &page[n - 1]) {
            keep[n - 1] = false;
        }
        for i in [0, 1, n.saturating_sub(2), n - 1] {
            if i < n && is_page_number(&page[i].text()) {
                keep[i] = false;
            }
        }
    }
    for (page, keep) in pages.iter_mut().zip(keep) {
        let mut flags = keep.into_iter();
        page.retain(|_| flags.next().unwrap_or(true));
    }
}

fn is_page_number(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "page", "pages", "of", "seite", "von", "strona", "z", "página", "pagina", "de", "sur",
        "pag", "p", "blz", "van",
    ];
    let lower = text.to_lowercase();
    let mut digits = false;
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() || WORDS.contains(&word) {
            continue;
        }
        if !word.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        digits = true;
    }
    digits && text.chars().count() <= 24
}

/// A table being gathered from aligned lines.
struct Table {
    /// Left edges of the columns, from the line that started the table.
    anchors: Vec<f64>,
    rows: Vec<Vec<String>>,
    page: usize,
    last_y: f64,
    size: f64,
}

impl Table {
    fn column(&self, x: f64) -> usize {
        let tolerance = self.size;
        self.anchors
            .iter()
            .rposition(|&a| a <= x + tolerance)
            .unwrap_or(0)
    }

    fn aligned(&self, x: f64) -> bool {
        self.anchors
            .iter()
            .any(|a| (a - x).abs() <= 2.0 * self.size)
    }

    fn row(&self, line: &Line) -> Vec<String> {
        let mut row = vec![String::new(); self.anchors.len()];
        for segment in &line.segments {
            let cell = &mut row[self.column(segment.x)];
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&segment.text);
        }
        row
    }

    /// Whether `line` carries on this table: aligned to its columns, and right below its
    /// last row or at the top of the next page.
    fn continues(&self, line: &Line, page: usize, first_on_page: bool) -> bool {
        let close = if page == self.page {
            line.y - self.last_y <= 3.0 * self.size.max(line.size)
        } else {
            page == self.page + 1 && first_on_page
        };
        let misaligned = line.segments.iter().filter(|s| !self.aligned(s.x)).count();
        close && misaligned <= line.segments.len() / 3
    }

    /// Whether `line` is the rest of the previous row: a cell whose text wrapped.
    fn wraps(&self, line: &Line, page: usize) -> bool {
        page == self.page
            && line.y - self.last_y <= 1.6 * self.size.max(line.size)
            && line.segments.iter().all(|s| self.aligned(s.x))
            && self.column(line.segments[0].x) > 0
    }
}

fn blocks(pages: Vec<Vec<Line>>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut text: Vec<String> = Vec::new();
    let mut table: Option<Table> = None;
    let end_table = |table: &mut Option<Table>, blocks: &mut Vec<Block>| {
        if let Some(t) = table.take() {
            blocks.push(Block::Table { rows: t.rows });
        }
    };
    for (page, lines) in pages.into_iter().enumerate() {
        for (i, line) in lines.into_iter().enumerate() {
            if let Some(t) = table.as_mut().filter(|t| t.wraps(&line, page)) {
                let row = t.row(&line);
                if let Some(last) = t.rows.last_mut() {
                    for (cell, more) in last.iter_mut().zip(row) {
                        if !more.is_empty() {
                            cell.push('\n');
                            cell.push_str(&more);
                        }
                    }
                }
                t.last_y = line.y;
                continue;
            }
            if line.segments.len() < 2 {
                end_table(&mut table, &mut blocks);
                text.push(line.text());
                continue;
            }
            match table.as_mut().filter(|t| t.continues(&line, page, i == 0)) {
                Some(t) => {
                    let row = t.row(&line);
                    // A header row that a new page repeats is not a record.
                    if !(page != t.page && t.rows.first() == Some(&row)) {
                        t.rows.push(row);
                    }
                    t.page = page;
                    t.last_y = line.y;
                }
                None => {
                    end_table(&mut table, &mut blocks);
                    if !text.is_empty() {
                        blocks.push(Block::Text {
                            lines: std::mem::take(&mut text),
                        });
                    }
                    let mut t = Table {
                        anchors: line.segments.iter().map(|s| s.x).collect(),
                        rows: Vec::new(),
                        page,
                        last_y: line.y,
                        size: line.size,
                    };
                    t.rows.push(t.row(&line));
                    table = Some(t);
                }
            }
        }
    }
    end_table(&mut table, &mut blocks);
    if !text.is_empty() {
        blocks.push(Block::Text { lines: text });
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognised() {
        for text in [
            "3",
            "Page 3 of 7",
            "- 3 -",
            "Seite 2 von 5",
            "Strona 1 z 2",
            "2/3",
        ] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["AWS 2", "Google Cloud", "Page"] {
            assert!(!is_page_number(text), "{text}");
        }
    }
}
