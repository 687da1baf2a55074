//! The typefaces the PDFs embed (Noto Sans and Noto Serif from `fonts/`, under the SIL Open
//! Font License) and their glyph advances, read from the fonts themselves, so a line is
//! measured exactly as it will print.

use printpdf::ParsedFont;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    /// Titles.
    Serif,
}

impl Face {
    pub const ALL: [Face; 4] = [Self::Regular, Self::Bold, Self::Italic, Self::Serif];

    fn index(self) -> usize {
        match self {
            Self::Regular => 0,
            Self::Bold => 1,
            Self::Italic => 2,
            Self::Serif => 3,
        }
    }
}

/// Code points below this are looked up in a flat table: every Latin, Greek and Cyrillic
/// letter, which is nearly all text a register holds.
const TABLE_END: u32 = 0x0530;

#[derive(Debug)]
pub struct Font {
    parsed: ParsedFont,
    /// Advance of each code point below `TABLE_END`, in em; `None` where the font has no glyph.
    table: Vec<Option<f32>>,
    /// The advance of the "missing glyph" box a character without a glyph prints as.
    notdef: f32,
    /// Above and below the baseline, in em.
    pub ascent: f32,
    pub descent: f32,
}

impl Font {
    fn load(bytes: &[u8]) -> Self {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .expect("the fonts in crates/report/fonts are valid TrueType files");
        let upm = f32::from(parsed.units_per_em.max(1));
        let em = |gid: u16| f32::from(parsed.get_glyph_width(gid).unwrap_or(0)) / upm;
        let table = (0..TABLE_END)
            .map(|cp| parsed.lookup_glyph_index(cp).map(em))
            .collect();
        let notdef = em(0);
        let ascent = f32::from(parsed.font_metrics.ascent) / upm;
        let descent = -f32::from(parsed.font_metrics.descent) / upm;
        Self {
            table,
            notdef,
            ascent,
            descent,
            parsed,
        }
    }

    pub fn parsed(&self) -> &ParsedFont {
        &self.parsed
    }

    /// The advance of one character, in em.
    pub fn advance(&self, c: char) -> f32 {
        let cp = c as u32;
        let found = if cp < TABLE_END {
            self.table[cp as usize]
        } else {
            self.parsed.lookup_glyph_index(cp).map(|gid| {
                f32::from(self.parsed.get_glyph_width(gid).unwrap_or(0))
                    / f32::from(self.parsed.units_per_em.max(1))
            })
        };
        found.unwrap_or(self.notdef)
    }

    /// The width of `text` set at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }
}

static FONTS: LazyLock<[Font; 4]> = LazyLock::new(|| {
    [
        Font::load(include_bytes!("../../fonts/NotoSans-Regular.ttf")),
        Font::load(include_bytes!("../../fonts/NotoSans-Bold.ttf")),
        Font::load(include_bytes!("../../fonts/NotoSans-Italic.ttf")),
        Font::load(include_bytes!("../../fonts/NotoSerif-Regular.ttf")),
    ]
});

pub fn font(face: Face) -> &'static Font {
    &FONTS[face.index()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let regular = font(Face::Regular);
        // Proportional: an "m" is wider than an "i", bold wider than regular.
        assert!(regular.advance('m') > 2.0 * regular.advance('i'));
        assert!(font(Face::Bold).width("Register", 10.0) > regular.width("Register", 10.0));
        // Letters outside ASCII have their own widths, not a fallback.
        assert!(regular.advance('ł') > 0.1 && regular.advance('ß') > 0.3);
        assert!((regular.width("abc", 20.0) - 2.0 * regular.width("abc", 10.0)).abs() < 1e-3);
    }
}
