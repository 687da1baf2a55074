//! The look shared by every PDF: the A4 page and its margins, the colours (ink, one calm
//! accent, quiet greys, and the severity colours of the window's map) and the text styles.

use super::fonts::{Face, font};

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN_LEFT: f32 = 64.0;
pub const MARGIN_RIGHT: f32 = 64.0;
/// Where the body starts and ends, from the top edge; the header and footer sit outside.
pub const BODY_TOP: f32 = 78.0;
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - 66.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    /// The same hue mixed with white: `amount` 0 keeps it, 1 is white.
    pub fn lighten(self, amount: f32) -> Self {
        let mix = |c: u8| (f32::from(c) + (255.0 - f32::from(c)) * amount).round() as u8;
        Self(mix(self.0), mix(self.1), mix(self.2))
    }
}

pub const INK: Colour = Colour(0x1f, 0x23, 0x28);
pub const MUTED: Colour = Colour(0x5b, 0x66, 0x72);
pub const FAINT: Colour = Colour(0x8a, 0x94, 0x9e);
pub const RULE: Colour = Colour(0xd3, 0xda, 0xe0);
/// A deep petrol blue: titles, table heads, the cover's band.
pub const ACCENT: Colour = Colour(0x1d, 0x4e, 0x6b);
pub const ACCENT_TINT: Colour = Colour(0xe9, 0xf0, 0xf4);
pub const WHITE: Colour = Colour(0xff, 0xff, 0xff);

/// A run of text in one face, size and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub colour: Colour,
    /// Baseline to baseline, as a multiple of the size.
    pub leading: f32,
}

impl Style {
    pub const fn new(face: Face, size: f32, colour: Colour) -> Self {
        Self {
            face,
            size,
            colour,
            leading: 1.38,
        }
    }

    pub const fn with_colour(self, colour: Colour) -> Self {
        Self { colour, ..self }
    }

    pub const fn with_face(self, face: Face) -> Self {
        Self { face, ..self }
    }

    pub const fn with_leading(self, leading: f32) -> Self {
        Self { leading, ..self }
    }

    pub fn line_height(&self) -> f32 {
        self.size * self.leading
    }

    /// From the top of a line box to its baseline: the ascent plus half the extra leading.
    pub fn baseline_offset(&self) -> f32 {
        let f = font(self.face);
        let glyphs = (f.ascent + f.descent) * self.size;
        f.ascent * self.size + (self.line_height() - glyphs) / 2.0
    }

    pub fn width(&self, text: &str) -> f32 {
        font(self.face).width(text, self.size)
    }
}

pub const BODY: Style = Style::new(Face::Regular, 9.5, INK);
pub const SMALL: Style = Style::new(Face::Regular, 8.0, MUTED);
pub const LABEL: Style = Style::new(Face::Bold, 8.0, MUTED);
pub const CELL: Style = Style::new(Face::Regular, 8.5, INK).with_leading(1.32);
pub const CELL_HEAD: Style = Style::new(Face::Bold, 7.5, ACCENT).with_leading(1.3);
pub const TITLE: Style = Style::new(Face::Serif, 19.0, ACCENT).with_leading(1.2);
pub const HEADING: Style = Style::new(Face::Serif, 14.0, ACCENT).with_leading(1.25);
pub const SUBHEADING: Style = Style::new(Face::Bold, 10.0, INK).with_leading(1.3);
pub const NOTE: Style = Style::new(Face::Italic, 8.5, MUTED);
