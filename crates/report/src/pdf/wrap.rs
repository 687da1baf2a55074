//! Line breaking: text as the user typed it into lines that fit a width, measured with the
//! font's own advances. Paragraph breaks are kept, words wrap at spaces, and a word wider
//! than the line (a long URL, an IBAN) is broken, preferably after a slash, dot or hyphen.

use super::style::Style;

/// The lines of `text` in `style` that fit `width`. An empty text gives no lines; an empty
/// paragraph between two others gives an empty line.
pub fn wrap(text: &str, style: &Style, width: f32) -> Vec<String> {
    let text = clean(text);
    let mut lines = Vec::new();
    let space = style.width(" ");
    for paragraph in text.trim().split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split_whitespace() {
            let w = style.width(word);
            if !line.is_empty() && line_width + space + w <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if w <= width {
                line = word.to_string();
                line_width = w;
            } else {
                let mut pieces = break_word(word, style, width);
                // The last piece starts the next line, so the following word can join it.
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                line_width = style.width(&last);
                line = last;
            }
        }
        lines.push(line);
    }
    if text.trim().is_empty() {
        lines.clear();
    }
    lines
}

/// `text` on one line, cut with an ellipsis where it would not fit `width`.
pub fn fit(text: &str, style: &Style, width: f32) -> String {
    let text = clean(text).replace('\n', " ");
    if style.width(&text) <= width {
        return text;
    }
    let room = width - style.width("…");
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = style.width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// Line ends unified, tabs as spaces, other control characters, soft hyphens and the
/// direction marks and overrides dropped: they have no glyph and would print as boxes, and
/// the PDF sets text in the order it was typed, so an override could not reorder it anyway.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' => Some('\n'),
            '\t' => Some(' '),
            '\u{ad}' | '\u{200b}' | '\u{feff}' | '\u{200e}' | '\u{200f}' => None,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// A word wider than `width` in pieces that fit, each at least one character long.
fn break_word(word: &str, style: &Style, width: f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut piece_width = 0.0;
    for c in word.chars() {
        let w = style.width(c.encode_utf8(&mut [0; 4]));
        if !piece.is_empty() && piece_width + w > width {
            // Break after the last slash, dot, hyphen… in the second half of the piece.
            let cut = piece
                .char_indices()
                .filter(|(i, ch)| *i > piece.len() / 2 && "/\\.-_@?&=,;:".contains(*ch))
                .map(|(i, ch)| i + ch.len_utf8())
                .next_back()
                .filter(|&i| i < piece.len());
            let rest = match cut {
                Some(i) => piece.split_off(i),
                None => String::new(),
            };
            pieces.push(std::mem::replace(&mut piece, rest));
            piece_width = style.width(&piece);
        }
        piece.push(c);
        piece_width += w;
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::style::BODY;

    #[test]
    fn lines_fit_and_keep_every_word() {
        let text = "Zażółć gęślą jaźń, Straße und Größe, élève à la française. ".repeat(12);
        let lines = wrap(&text, &BODY, 200.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| BODY.width(l) <= 200.0));
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn paragraphs_and_long_words() {
        let lines = wrap("one\n\ntwo\r\nthree", &BODY, 300.0);
        assert_eq!(lines, ["one", "", "two", "three"]);
        let url = "https://example.com/a/very/long/path/that/cannot/fit/on/one/line/at/all/x";
        let lines = wrap(url, &BODY, 90.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), url);
        assert!(lines.iter().all(|l| BODY.width(l) <= 90.0));
        // A Windows path breaks after a backslash.
        let path = r"C:\Users\Grażyna\OneDrive\Dokumenty\Rejestr\żuraw.dpadesk";
        let lines = wrap(path, &BODY, 120.0);
        assert!(lines.len() > 1 && lines[0].ends_with('\\'));
        assert_eq!(lines.concat(), path);
        // Too narrow for a single letter still makes progress.
        assert_eq!(wrap("abc", &BODY, 0.1).len(), 3);
        assert!(wrap("  \n ", &BODY, 100.0).is_empty());
    }

    #[test]
    fn direction_overrides_are_not_printed() {
        assert_eq!(
            wrap(
                "Invoice \u{202e}fdp.exe\u{202c} \u{2067}x\u{2069}\u{200f}",
                &BODY,
                300.0
            ),
            ["Invoice fdp.exe x"]
        );
        assert_eq!(fit("a\u{202d}b", &BODY, 300.0), "ab");
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        let s = fit(&"Długa nazwa organizacji ".repeat(10), &BODY, 120.0);
        assert!(s.ends_with('…') && BODY.width(&s) <= 120.0);
        assert_eq!(fit("Short", &BODY, 120.0), "Short");
    }
}
