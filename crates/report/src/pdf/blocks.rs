//! The recurring pieces of the documents, drawn on a `Flow`: titles, headings with an
//! article reference on the right, notes, bulleted lists, key/value lists and the table of
//! contents with dot leaders and page numbers filled in at the end.

use super::flow::Flow;
use super::fonts::Face;
use super::page::{Anchor, Item};
use super::style::{
    ACCENT, BODY, CONTENT_WIDTH, FAINT, HEADING, INK, MARGIN_LEFT, MUTED, NOTE, RULE, SUBHEADING,
    Style, TITLE,
};
use super::table::Grid;
use super::wrap::{fit, wrap};

const RIGHT: f32 = MARGIN_LEFT + CONTENT_WIDTH;

/// A section's title on a fresh page: a small accent line above it (a reference, "Annex A"),
/// the title in the serif face, a hairline under it. `anchor` is placed at the title and
/// listed in the outline as `outline`.
pub fn section_title(flow: &mut Flow, kicker: &str, title: &str, anchor: Anchor, outline: &str) {
    flow.ensure(90.0);
    flow.place_bookmarked(anchor, outline);
    if !kicker.trim().is_empty() {
        flow.paragraph(Style::new(Face::Bold, 9.0, ACCENT), kicker);
        flow.set_y(flow.y() + 1.0);
    }
    flow.paragraph(TITLE, title);
    flow.set_y(flow.y() + 5.0);
    flow.rule(ACCENT, 1.2);
    flow.set_y(flow.y() + 12.0);
}

/// A heading inside a section, kept with what follows.
pub fn heading(flow: &mut Flow, title: &str) {
    flow.gap(10.0);
    flow.ensure(HEADING.line_height() * 2.0 + 50.0);
    flow.paragraph(HEADING, title);
    flow.set_y(flow.y() + 5.0);
}

/// A numbered item of a record: its title, the article it answers on the right in grey, a
/// hairline; kept with at least a few lines of what follows.
pub fn item_heading(flow: &mut Flow, title: &str, aside: &str) {
    flow.gap(11.0);
    let aside_style = Style::new(Face::Regular, 7.5, FAINT);
    let aside_width = if aside.is_empty() {
        0.0
    } else {
        aside_style.width(aside) + 12.0
    };
    let lines = wrap(title, &SUBHEADING, CONTENT_WIDTH - aside_width);
    flow.ensure(lines.len() as f32 * SUBHEADING.line_height() + 48.0);
    let top = flow.y();
    for line in lines {
        flow.line(MARGIN_LEFT, SUBHEADING, &line);
    }
    // After the title, so text read back from the PDF gives the title first.
    if !aside.is_empty() {
        flow.push(Item::Text {
            x: RIGHT - aside_style.width(aside),
            baseline: top + SUBHEADING.baseline_offset(),
            style: aside_style,
            text: aside.to_string(),
        });
    }
    flow.set_y(flow.y() + 2.0);
    flow.rule(RULE, 0.6);
    flow.set_y(flow.y() + 4.0);
}

/// "None recorded" and the like.
pub fn note(flow: &mut Flow, text: &str) {
    flow.paragraph(NOTE, text);
}

pub fn paragraph(flow: &mut Flow, text: &str) {
    flow.paragraph(BODY, text);
}

/// A bulleted list; each item wraps under its own text.
pub fn bullets(flow: &mut Flow, items: &[String]) {
    let indent = 11.0;
    for item in items {
        let lines = wrap(item, &BODY, CONTENT_WIDTH - indent);
        flow.ensure(BODY.line_height() * lines.len().min(2) as f32);
        let top = flow.y();
        flow.push(Item::Text {
            x: MARGIN_LEFT + 1.0,
            baseline: top + BODY.baseline_offset(),
            style: BODY.with_colour(ACCENT),
            text: "•".to_string(),
        });
        for line in lines {
            flow.line(MARGIN_LEFT + indent, BODY, &line);
        }
    }
}

/// Labels and values; rows whose value is empty are left out.
pub fn fields(flow: &mut Flow, rows: Vec<(String, String)>) {
    let rows: Vec<(String, String)> = rows
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    if !rows.is_empty() {
        flow.grid(&Grid::fields(rows, 0.3));
    }
}

/// The most lines an entry of the contents takes.
const TOC_LINES: usize = 3;

/// One line of the table of contents.
#[derive(Debug, Clone)]
pub struct TocEntry {
    /// 0 for a section, 1 for a record inside it.
    pub level: u8,
    pub title: String,
    pub anchor: Anchor,
}

/// The table of contents: titles with dot leaders to the page numbers (filled in once every
/// page exists), each line a link to its page.
pub fn toc(flow: &mut Flow, entries: &[TocEntry]) {
    let number_width = 28.0;
    for entry in entries {
        let (style, indent, before) = match entry.level {
            0 => (BODY.with_face(Face::Bold), 0.0, 7.0),
            _ => (BODY.with_colour(INK), 14.0, 0.0),
        };
        flow.gap(before);
        let width = CONTENT_WIDTH - indent - number_width - 8.0;
        let mut lines = wrap(&entry.title, &style, width);
        // A title of many lines is cut short here; its section prints it whole.
        if lines.len() > TOC_LINES {
            let rest = lines.split_off(TOC_LINES - 1).join(" ");
            lines.push(fit(&rest, &style, width));
        }
        flow.ensure(style.line_height() * lines.len() as f32);
        let top = flow.y();
        let count = lines.len();
        for (i, line) in lines.iter().enumerate() {
            flow.line(MARGIN_LEFT + indent, style, line);
            if i + 1 < count {
                continue;
            }
            // Leaders and number after the title, on its last line.
            let baseline = flow.y() - style.line_height() + style.baseline_offset();
            let end = MARGIN_LEFT + indent + style.width(line) + 4.0;
            let leaders_end = RIGHT - number_width;
            let dot = Style::new(Face::Regular, style.size, FAINT);
            let n = ((leaders_end - end) / dot.width(". ")).floor().max(0.0) as usize;
            if n > 1 {
                let dots = ". ".repeat(n);
                flow.push(Item::Text {
                    x: leaders_end - dot.width(&dots),
                    baseline,
                    style: dot,
                    text: dots,
                });
            }
            flow.push(Item::PageNumber {
                right: RIGHT,
                baseline,
                style: style.with_colour(MUTED),
                anchor: entry.anchor,
            });
        }
        let height = flow.y() - top;
        if height > 0.0 {
            flow.push(Item::Link {
                x: MARGIN_LEFT,
                top,
                width: CONTENT_WIDTH,
                height,
                anchor: entry.anchor,
            });
        }
    }
}
