//! The recovery kit: the one page a user prints or puts away when a vault is created or its
//! key changes. It holds the recovery code large in a box, the vault it opens and where that
//! file lives, what the code can do, where to keep it, how to use it, when it stops working,
//! and lines to note where the kit is kept.

use crate::pdf::blocks::{bullets, fields};
use crate::pdf::flow::Flow;
use crate::pdf::fonts::Face;
use crate::pdf::page::Item;
use crate::pdf::render::{Frame, render};
use crate::pdf::style::{
    ACCENT, ACCENT_TINT, BODY, BODY_TOP, CONTENT_WIDTH, FAINT, INK, MARGIN_LEFT, NOTE, SMALL,
    SUBHEADING, Style, TITLE,
};
use crate::pdf::wrap::{fit, wrap};
use crate::wording::Words;
use crate::{Lang, ReportError};
use serde::{Deserialize, Serialize};

/// What the kit says; the window fills it right after the code is issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryKit {
    /// The code as shown to the user (groups of five).
    pub code: String,
    /// The vault's file name, e.g. "vault.dpadesk".
    pub vault_name: String,
    /// Where the vault file lives on this computer.
    pub vault_path: String,
    pub made_on: chrono::NaiveDate,
}

/// The code's characters: bold and large, since it is copied by hand from paper.
const CODE: Style = Style::new(Face::Bold, 18.0, INK).with_leading(1.55);
/// Between two groups on a line, so each reads as one unit.
const GROUP_GAP: f32 = 22.0;
/// Inside the code's box, left/right and top/bottom.
const BOX_PAD_X: f32 = 18.0;
const BOX_PAD_Y: f32 = 10.0;

pub fn recovery_kit_pdf(kit: &RecoveryKit, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let w = Words::new(lang);
    let mut flow = Flow::new();
    let made_on = w.date(kit.made_on);

    flow.set_y(BODY_TOP + 4.0);
    flow.paragraph(Style::new(Face::Bold, 9.0, ACCENT), w.get("kit.kicker"));
    flow.set_y(flow.y() + 1.0);
    flow.paragraph(TITLE, w.get("kit.title"));
    flow.set_y(flow.y() + 5.0);
    flow.rule(ACCENT, 1.2);
    flow.set_y(flow.y() + 12.0);
    fields(
        &mut flow,
        vec![
            (w.get("kit.vault").into(), clipped(&kit.vault_name, 2)),
            (w.get("kit.location").into(), clipped(&kit.vault_path, 5)),
            (w.get("kit.made_on").into(), made_on.clone()),
        ],
    );

    flow.gap(16.0);
    flow.paragraph(SUBHEADING, w.get("kit.code"));
    flow.set_y(flow.y() + 5.0);
    code_box(&mut flow, &kit.code);
    flow.set_y(flow.y() + 5.0);
    flow.paragraph(NOTE, w.get("kit.code_hint"));

    section(&mut flow, w.get("kit.what"));
    flow.paragraph(BODY, w.get("kit.what_text"));
    section(&mut flow, w.get("kit.keep"));
    bullets(
        &mut flow,
        &[
            w.get("kit.keep_print").into(),
            w.get("kit.keep_apart").into(),
            w.get("kit.keep_copies").into(),
        ],
    );
    section(&mut flow, w.get("kit.use"));
    bullets(
        &mut flow,
        &[w.get("kit.use_window").into(), w.get("kit.use_cli").into()],
    );
    section(&mut flow, w.get("kit.replaced"));
    flow.paragraph(BODY, w.get("kit.replaced_text"));

    write_in_lines(&mut flow, w.get("kit.kept_at"), w.get("kit.kept_on"));

    let title = w.get("kit.title");
    let note = w.fill("kit.footer", &[("date", &made_on)]);
    // The code stays out of the header, footer and the PDF's properties: they are what file
    // managers and search indexes show without opening the document.
    render(
        flow.finish(),
        &Frame {
            title,
            organisation: kit.vault_name.trim(),
            note: &note,
            page_of: w.get("footer.page_of"),
            issued_on: kit.made_on,
            lang: lang.code(),
        },
    )
}

/// `text` wrapped (a path breaks after a slash where it can) to at most `max_lines` lines, a
/// line "…" standing for the middle of a longer one, so the kit stays on one page. The lines
/// are measured a little narrower than the value column, so the grid keeps them as they are.
fn clipped(text: &str, max_lines: usize) -> String {
    let mut lines = wrap(text, &BODY, CONTENT_WIDTH * 0.7 - 8.0);
    if lines.len() > max_lines {
        let tail = lines.split_off(lines.len() - (max_lines - 1) / 2);
        lines.truncate(max_lines - 1 - tail.len());
        lines.push("…".into());
        lines.extend(tail);
    }
    lines.join("\n")
}

fn section(flow: &mut Flow, title: &str) {
    flow.gap(11.0);
    flow.paragraph(SUBHEADING, title);
    flow.set_y(flow.y() + 2.0);
}

/// The code in a tinted box, its groups in columns of equal width so the lines align; a line
/// breaks only between groups, and the lines are balanced (4 + 4 + 3, not 5 + 5 + 1).
fn code_box(flow: &mut Flow, code: &str) {
    let groups: Vec<&str> = code
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|g| !g.is_empty())
        .collect();
    let inner = CONTENT_WIDTH - 2.0 * BOX_PAD_X;
    let column = groups
        .iter()
        .map(|g| CODE.width(g))
        .fold(0.0, f32::max)
        .min(inner);
    let fits = (((inner + GROUP_GAP) / (column + GROUP_GAP)).floor() as usize).max(1);
    let rows = groups.len().div_ceil(fits).max(1);
    let per_row = groups.len().div_ceil(rows).max(1);
    let height = 2.0 * BOX_PAD_Y + rows as f32 * CODE.line_height();
    flow.ensure(height);
    let top = flow.y();
    flow.push(Item::Rect {
        x: MARGIN_LEFT,
        top,
        width: CONTENT_WIDTH,
        height,
        fill: ACCENT_TINT,
    });
    flow.push(Item::Line {
        points: vec![
            (MARGIN_LEFT, top),
            (MARGIN_LEFT + CONTENT_WIDTH, top),
            (MARGIN_LEFT + CONTENT_WIDTH, top + height),
            (MARGIN_LEFT, top + height),
        ],
        width: 0.8,
        colour: ACCENT,
        closed: true,
        dashed: false,
    });
    let block = per_row as f32 * column + (per_row - 1) as f32 * GROUP_GAP;
    let left = MARGIN_LEFT + (CONTENT_WIDTH - block) / 2.0;
    for (row, line) in groups.chunks(per_row).enumerate() {
        let baseline = top + BOX_PAD_Y + row as f32 * CODE.line_height() + CODE.baseline_offset();
        for (i, group) in line.iter().enumerate() {
            // A group longer than the box (never a real code) is cut rather than run over.
            let text = fit(group, &CODE, inner);
            let x = left + i as f32 * (column + GROUP_GAP) + (column - CODE.width(&text)) / 2.0;
            flow.push(Item::Text {
                x: x.max(MARGIN_LEFT + BOX_PAD_X),
                baseline,
                style: CODE,
                text,
            });
        }
    }
    flow.set_y(top + height);
}

/// Two lines to fill in by hand: where the kit is kept and since when.
fn write_in_lines(flow: &mut Flow, kept_at: &str, kept_on: &str) {
    let place_width = CONTENT_WIDTH * 0.66;
    let date_x = MARGIN_LEFT + CONTENT_WIDTH * 0.74;
    let date_width = MARGIN_LEFT + CONTENT_WIDTH - date_x;
    flow.gap(30.0);
    flow.ensure(4.0 + SMALL.line_height());
    let y = flow.y();
    // Darker than a table's hairline: it is written on and must survive a photocopy.
    flow.push(Item::hline(
        MARGIN_LEFT,
        MARGIN_LEFT + place_width,
        y,
        0.6,
        FAINT,
    ));
    flow.push(Item::hline(date_x, date_x + date_width, y, 0.6, FAINT));
    let baseline = y + 4.0 + SMALL.baseline_offset();
    for (x, width, text) in [
        (MARGIN_LEFT, place_width, kept_at),
        (date_x, date_width, kept_on),
    ] {
        flow.push(Item::Text {
            x,
            baseline,
            style: SMALL,
            text: fit(text, &SMALL, width),
        });
    }
    flow.set_y(y + 4.0 + SMALL.line_height());
}
