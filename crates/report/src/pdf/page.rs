//! What a laid-out page holds: positioned text, shapes and links, in points from the page's
//! top-left corner. Page numbers of anchors are left open until every page exists.

use super::style::{Colour, Style};

/// A place in the document (a section's start) whose page is known once it is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Anchor(pub(super) usize);

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        text: String,
    },
    /// The number of the page `anchor` lands on, ending at `right`.
    PageNumber {
        right: f32,
        baseline: f32,
        style: Style,
        anchor: Anchor,
    },
    Rect {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        fill: Colour,
    },
    /// An open or closed line through `points`.
    Line {
        points: Vec<(f32, f32)>,
        width: f32,
        colour: Colour,
        closed: bool,
        dashed: bool,
    },
    /// Filled rings (the even-odd rule), optionally outlined.
    Shape {
        rings: Vec<Vec<(f32, f32)>>,
        fill: Colour,
        stroke: Option<(Colour, f32)>,
    },
    /// A click area that goes to `anchor`'s page.
    Link {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        anchor: Anchor,
    },
}

impl Item {
    pub fn hline(x1: f32, x2: f32, y: f32, width: f32, colour: Colour) -> Self {
        Self::Line {
            points: vec![(x1, y), (x2, y)],
            width,
            colour,
            closed: false,
            dashed: false,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}
