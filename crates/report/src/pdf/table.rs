//! Grids of wrapped cells: the tables of the documents (a tinted head, hairlines between
//! rows) and label/value lists. A row that does not fit moves to the next page whole when
//! it can, and is split between its lines when it is taller than a page; the head is
//! repeated on every page a table continues on, under a "continued" note.

use super::flow::Flow;
use super::page::Item;
use super::style::{
    ACCENT_TINT, BODY, BODY_BOTTOM, BODY_TOP, CELL, CELL_HEAD, CONTENT_WIDTH, LABEL, MARGIN_LEFT,
    NOTE, RULE, Style,
};
use super::wrap::wrap;

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Share of the grid's width (shares need not add up to 1).
    pub share: f32,
    pub style: Style,
}

#[derive(Debug, Clone)]
pub struct Grid {
    pub x: f32,
    pub width: f32,
    pub columns: Vec<Column>,
    /// Whether the titles make a head row.
    pub head: bool,
    pub rows: Vec<Vec<String>>,
    /// A hairline under each row.
    pub rules: bool,
    pub pad_x: f32,
    pub pad_y: f32,
    /// The note above a head repeated on a new page.
    pub continued: String,
}

impl Grid {
    /// A table across the body: `(title, share)` per column.
    pub fn table(columns: &[(&str, f32)], rows: Vec<Vec<String>>, continued: &str) -> Self {
        Self {
            x: MARGIN_LEFT,
            width: CONTENT_WIDTH,
            columns: columns
                .iter()
                .map(|(title, share)| Column {
                    title: title.to_string(),
                    share: *share,
                    style: CELL,
                })
                .collect(),
            head: true,
            rows,
            rules: true,
            pad_x: 4.5,
            pad_y: 3.6,
            continued: continued.to_string(),
        }
    }

    /// Labels on the left, values on the right, text aligned with the body's edges.
    pub fn fields(rows: Vec<(String, String)>, label_share: f32) -> Self {
        let pad_x = 4.0;
        Self {
            x: MARGIN_LEFT - pad_x,
            width: CONTENT_WIDTH + 2.0 * pad_x,
            columns: vec![
                Column {
                    title: String::new(),
                    share: label_share,
                    style: LABEL,
                },
                Column {
                    title: String::new(),
                    share: 1.0 - label_share,
                    style: BODY,
                },
            ],
            head: false,
            rows: rows.into_iter().map(|(l, v)| vec![l, v]).collect(),
            rules: false,
            pad_x,
            pad_y: 2.2,
            continued: String::new(),
        }
    }
}

struct Layout {
    xs: Vec<f32>,
    widths: Vec<f32>,
    /// Shared first baseline below a row's top (cells of different sizes line up).
    first_baseline: f32,
    head: Vec<Vec<String>>,
    head_height: f32,
}

impl Layout {
    fn new(grid: &Grid) -> Self {
        let total: f32 = grid.columns.iter().map(|c| c.share.max(0.0)).sum::<f32>();
        let total = if total > 0.0 { total } else { 1.0 };
        let mut xs = Vec::new();
        let mut widths = Vec::new();
        let mut x = grid.x;
        for c in &grid.columns {
            let w = grid.width * c.share.max(0.0) / total;
            xs.push(x);
            widths.push(w);
            x += w;
        }
        let first_baseline = grid
            .columns
            .iter()
            .map(|c| c.style.baseline_offset())
            .fold(0.0, f32::max);
        let head: Vec<Vec<String>> = if grid.head {
            grid.columns
                .iter()
                .zip(&widths)
                .map(|(c, w)| wrap(&c.title, &CELL_HEAD, w - 2.0 * grid.pad_x))
                .collect()
        } else {
            Vec::new()
        };
        let head_height = if grid.head {
            let lines = head.iter().map(Vec::len).max().unwrap_or(1).max(1);
            lines as f32 * CELL_HEAD.line_height() + 2.0 * grid.pad_y
        } else {
            0.0
        };
        Self {
            xs,
            widths,
            first_baseline,
            head,
            head_height,
        }
    }

    /// The height of `lines` lines in column `c`, from the row's top padding down.
    fn cell_height(&self, grid: &Grid, c: usize, lines: usize) -> f32 {
        if lines == 0 {
            return 0.0;
        }
        let style = grid.columns[c].style;
        self.first_baseline - style.baseline_offset() + lines as f32 * style.line_height()
    }

    /// How many lines of column `c` fit in `height` (padding excluded).
    fn lines_in(&self, grid: &Grid, c: usize, height: f32) -> usize {
        let style = grid.columns[c].style;
        let usable = height - (self.first_baseline - style.baseline_offset());
        if usable <= 0.0 {
            0
        } else {
            (usable / style.line_height() + 1e-3).floor() as usize
        }
    }
}

pub fn draw(flow: &mut Flow, grid: &Grid) {
    if grid.columns.is_empty() {
        return;
    }
    let layout = Layout::new(grid);
    let wrapped: Vec<Vec<Vec<String>>> = grid
        .rows
        .iter()
        .map(|row| {
            (0..grid.columns.len())
                .map(|c| {
                    let text = row.get(c).map(String::as_str).unwrap_or("");
                    wrap(
                        text,
                        &grid.columns[c].style,
                        layout.widths[c] - 2.0 * grid.pad_x,
                    )
                })
                .collect()
        })
        .collect();
    // Keep the head with the first lines of the first row.
    let first = wrapped.first().map_or(0.0, |cells| {
        (0..cells.len())
            .map(|c| layout.cell_height(grid, c, cells[c].len().min(2)))
            .fold(0.0, f32::max)
            + 2.0 * grid.pad_y
    });
    flow.ensure(layout.head_height + first);
    let mut just_headed = false;
    if grid.head {
        draw_head(flow, grid, &layout, false);
        just_headed = true;
    }
    let page_body = BODY_BOTTOM - BODY_TOP;
    let fresh_room = page_body - layout.head_height - continued_height(grid);
    for cells in &wrapped {
        let mut offsets = vec![0usize; cells.len()];
        let mut first_chunk = true;
        loop {
            let remaining: Vec<usize> = cells
                .iter()
                .zip(&offsets)
                .map(|(lines, off)| lines.len() - off)
                .collect();
            if !first_chunk && remaining.iter().all(|&r| r == 0) {
                break;
            }
            let full = (0..cells.len())
                .map(|c| layout.cell_height(grid, c, remaining[c]))
                .fold(0.0, f32::max)
                + 2.0 * grid.pad_y;
            if full <= flow.room() {
                draw_chunk(flow, grid, &layout, cells, &offsets, &remaining);
                break;
            }
            // A row that fits a fresh page moves there whole rather than being split.
            if first_chunk && full <= fresh_room && !just_headed && !flow.at_top() {
                continue_on_new_page(flow, grid, &layout);
                just_headed = grid.head;
                continue;
            }
            let avail = flow.room() - 2.0 * grid.pad_y;
            let mut take: Vec<usize> = (0..cells.len())
                .map(|c| layout.lines_in(grid, c, avail).min(remaining[c]))
                .collect();
            let taken: usize = take.iter().sum();
            // Fewer than two lines of a long cell look like a stray: move on instead.
            let stray = take.iter().zip(&remaining).any(|(&t, &r)| r >= 2 && t < 2);
            if (taken == 0 || stray) && !just_headed && !flow.at_top() {
                continue_on_new_page(flow, grid, &layout);
                just_headed = grid.head;
                continue;
            }
            if taken == 0 {
                // Not even one line fits an empty page: print one anyway, so the table ends.
                take = remaining.iter().map(|&r| r.min(1)).collect();
            }
            draw_chunk(flow, grid, &layout, cells, &offsets, &take);
            for (off, t) in offsets.iter_mut().zip(&take) {
                *off += t;
            }
            first_chunk = false;
            if offsets
                .iter()
                .zip(cells)
                .all(|(off, lines)| *off >= lines.len())
            {
                break;
            }
            continue_on_new_page(flow, grid, &layout);
            just_headed = grid.head;
        }
        just_headed = false;
    }
}

fn continued_height(grid: &Grid) -> f32 {
    if grid.head && !grid.continued.is_empty() {
        NOTE.line_height() + 2.0
    } else {
        0.0
    }
}

fn continue_on_new_page(flow: &mut Flow, grid: &Grid, layout: &Layout) {
    flow.new_page();
    if grid.head {
        draw_head(flow, grid, layout, true);
    }
}

fn draw_head(flow: &mut Flow, grid: &Grid, layout: &Layout, continued: bool) {
    if continued && !grid.continued.is_empty() {
        flow.line(grid.x + grid.pad_x, NOTE, &grid.continued);
        flow.set_y(flow.y() + 2.0);
    }
    let top = flow.y();
    flow.push(Item::Rect {
        x: grid.x,
        top,
        width: grid.width,
        height: layout.head_height,
        fill: ACCENT_TINT,
    });
    let baseline = top + grid.pad_y + CELL_HEAD.baseline_offset();
    for (c, lines) in layout.head.iter().enumerate() {
        for (i, line) in lines.iter().enumerate() {
            flow.push(Item::Text {
                x: layout.xs[c] + grid.pad_x,
                baseline: baseline + i as f32 * CELL_HEAD.line_height(),
                style: CELL_HEAD,
                text: line.clone(),
            });
        }
    }
    flow.set_y(top + layout.head_height);
}

fn draw_chunk(
    flow: &mut Flow,
    grid: &Grid,
    layout: &Layout,
    cells: &[Vec<String>],
    offsets: &[usize],
    take: &[usize],
) {
    let top = flow.y();
    let mut height: f32 = 0.0;
    for (c, lines) in cells.iter().enumerate() {
        let style = grid.columns[c].style;
        let slice = &lines[offsets[c]..offsets[c] + take[c]];
        for (i, line) in slice.iter().enumerate() {
            flow.push(Item::Text {
                x: layout.xs[c] + grid.pad_x,
                baseline: top + grid.pad_y + layout.first_baseline + i as f32 * style.line_height(),
                style,
                text: line.clone(),
            });
        }
        height = height.max(layout.cell_height(grid, c, slice.len()));
    }
    if height == 0.0 {
        // An empty row still shows as a row.
        height = grid.columns[0].style.line_height();
    }
    let bottom = top + height + 2.0 * grid.pad_y;
    if grid.rules {
        flow.push(Item::hline(grid.x, grid.x + grid.width, bottom, 0.5, RULE));
    }
    flow.set_y(bottom);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::blocks::{fields, item_heading, paragraph};
    use crate::pdf::style::{MARGIN_RIGHT, PAGE_WIDTH};

    /// Every text's box on one page (left, top, right, bottom): cap height above the
    /// baseline, descenders below, so lines set tightly do not count as overlapping.
    fn boxes(items: &[Item]) -> Vec<(f32, f32, f32, f32, String)> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    x,
                    baseline,
                    style,
                    text,
                } => Some((
                    *x,
                    baseline - 0.75 * style.size,
                    x + style.width(text),
                    baseline + 0.2 * style.size,
                    text.clone(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn nothing_leaves_the_body_or_overlaps() {
        let mut flow = Flow::new();
        let long = "Zażółć gęślą jaźń, Größe und Übermaß, élève à Besançon. ".repeat(30);
        paragraph(&mut flow, &long);
        item_heading(
            &mut flow,
            &"Kategorie danych osobowych ".repeat(5),
            "Art. 30 ust. 1 lit. c RODO",
        );
        fields(
            &mut flow,
            (0..40)
                .map(|i| {
                    (
                        format!("Etykieta numer {i} z długim opisem"),
                        long.chars().take((i * 37) % 600).collect::<String>(),
                    )
                })
                .collect(),
        );
        let rows = (0..300)
            .map(|i| {
                vec![
                    format!("Unterauftragsverarbeiter {i}"),
                    if i % 50 == 7 {
                        long.repeat(6)
                    } else {
                        "Hosting".into()
                    },
                    "https://example.com/a/very/long/path/without/any/spaces/at/all".into(),
                ]
            })
            .collect();
        flow.grid(&Grid::table(
            &[("Name", 0.3), ("Dienst", 0.4), ("Quelle", 0.3)],
            rows,
            "continued",
        ));
        let laid = flow.finish();
        assert!(laid.pages.len() > 10);
        let right = PAGE_WIDTH - MARGIN_RIGHT;
        for (n, page) in laid.pages.iter().enumerate() {
            let b = boxes(&page.items);
            for (l, t, r, bottom, text) in &b {
                assert!(
                    *l >= MARGIN_LEFT - 0.01 && *r <= right + 0.01,
                    "page {n}: {text:?} runs out sideways"
                );
                assert!(
                    *t >= BODY_TOP - 0.01 && *bottom <= BODY_BOTTOM + 0.01,
                    "page {n}: {text:?} runs out of the body"
                );
            }
            for (i, a) in b.iter().enumerate() {
                for c in &b[i + 1..] {
                    let apart = a.2 <= c.0 || c.2 <= a.0 || a.3 <= c.1 + 0.5 || c.3 <= a.1 + 0.5;
                    assert!(apart, "page {n}: {:?} overlaps {:?}", a.4, c.4);
                }
            }
        }
    }
}
