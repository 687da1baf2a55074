//! Writing down the pages: a cursor that moves down the body of the current page and starts
//! a new page when the next thing does not fit, with anchors for the table of contents and
//! the outline.

use super::page::{Anchor, Item, Page};
use super::style::{BODY_BOTTOM, BODY_TOP, CONTENT_WIDTH, Colour, MARGIN_LEFT, Style};
use super::table::{self, Grid};
use super::wrap::wrap;

#[derive(Debug)]
pub struct Flow {
    pages: Vec<Page>,
    y: f32,
    /// Where each anchor landed: page index and height.
    anchors: Vec<Option<(usize, f32)>>,
    /// Bookmarks of the PDF outline: title, anchor.
    outline: Vec<(String, Anchor)>,
}

impl Default for Flow {
    fn default() -> Self {
        Self::new()
    }
}

impl Flow {
    pub fn new() -> Self {
        Self {
            pages: vec![Page::default()],
            y: BODY_TOP,
            anchors: Vec::new(),
            outline: Vec::new(),
        }
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    /// Moves the cursor within the current page (for blocks drawn at measured places).
    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    /// Space left on the current page.
    pub fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    pub fn at_top(&self) -> bool {
        self.y <= BODY_TOP + 0.01
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = BODY_TOP;
    }

    /// Starts a new page unless `height` still fits on this one (or this one is empty).
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    /// White space; none at the top of a page, and a page break where it would not fit.
    pub fn gap(&mut self, height: f32) {
        if self.at_top() {
            return;
        }
        if height >= self.room() {
            self.new_page();
        } else {
            self.y += height;
        }
    }

    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// Draws on an earlier page (a bar beside a block that ran onto the next page).
    pub fn push_to(&mut self, page: usize, item: Item) {
        if let Some(p) = self.pages.get_mut(page) {
            p.items.push(item);
        }
    }

    pub fn anchor(&mut self) -> Anchor {
        self.anchors.push(None);
        Anchor(self.anchors.len() - 1)
    }

    /// Fixes `anchor` at the cursor.
    pub fn place(&mut self, anchor: Anchor) {
        let at = (self.page_index(), self.y);
        if let Some(slot) = self.anchors.get_mut(anchor.0) {
            *slot = Some(at);
        }
    }

    /// Fixes `anchor` at the cursor and lists it in the PDF's outline as `title`.
    pub fn place_bookmarked(&mut self, anchor: Anchor, title: &str) {
        self.place(anchor);
        self.outline.push((title.to_string(), anchor));
    }

    /// One line of text at `x` (no wrapping; the caller measured it), moving the cursor down.
    pub fn line(&mut self, x: f32, style: Style, text: &str) {
        self.ensure(style.line_height());
        self.push(Item::Text {
            x,
            baseline: self.y + style.baseline_offset(),
            style,
            text: text.to_string(),
        });
        self.y += style.line_height();
    }

    /// Wrapped text across the body's width.
    pub fn paragraph(&mut self, style: Style, text: &str) {
        self.paragraph_at(MARGIN_LEFT, CONTENT_WIDTH, style, text);
    }

    /// Wrapped text in a column, continuing on the next page where it runs out of room.
    pub fn paragraph_at(&mut self, x: f32, width: f32, style: Style, text: &str) {
        for line in wrap(text, &style, width) {
            self.line(x, style, &line);
        }
    }

    /// A horizontal rule across the body at the cursor.
    pub fn rule(&mut self, colour: Colour, width: f32) {
        let y = self.y;
        self.push(Item::hline(
            MARGIN_LEFT,
            MARGIN_LEFT + CONTENT_WIDTH,
            y,
            width,
            colour,
        ));
    }

    /// A grid of wrapped cells, rows split across pages, its head repeated on each.
    pub fn grid(&mut self, grid: &Grid) {
        table::draw(self, grid);
    }

    /// The finished pages with where every anchor landed.
    pub fn finish(self) -> Laid {
        Laid {
            pages: self.pages,
            anchors: self.anchors,
            outline: self.outline,
        }
    }
}

/// A document laid out: its pages and where its anchors are.
#[derive(Debug)]
pub struct Laid {
    pub pages: Vec<Page>,
    anchors: Vec<Option<(usize, f32)>>,
    pub outline: Vec<(String, Anchor)>,
}

impl Laid {
    /// The page index (0-based) and height of an anchor, if it was placed.
    pub fn at(&self, anchor: Anchor) -> Option<(usize, f32)> {
        self.anchors.get(anchor.0).copied().flatten()
    }
}
