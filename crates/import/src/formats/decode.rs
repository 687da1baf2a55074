//! Bytes of a text file to a `String` whatever the encoding: a BOM wins, then UTF-16 without a
//! BOM (recognised by its NUL bytes), then UTF-8, then chardetng's guess among legacy
//! encodings (Windows-1250/1252, ISO-8859-2, ...), decoded with encoding_rs.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

pub(super) struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    /// The encoding is chardetng's guess rather than certain (BOM, NULs, valid UTF-8).
    pub guessed: bool,
}

pub(super) fn decode(bytes: &[u8]) -> Decoded {
    let certain = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| utf16_by_nuls(bytes))
        .or_else(|| std::str::from_utf8(bytes).is_ok().then_some(UTF_8));
    let guessed = certain.is_none();
    let encoding = certain.unwrap_or_else(|| {
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, Utf8Detection::Allow)
    });
    // `decode` strips a BOM of the encoding found and replaces malformed sequences.
    let (text, _, _) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding,
        guessed,
    }
}

/// UTF-16 text without a BOM: mostly-ASCII text has a NUL in every other byte.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let many = pairs * 3 / 10;
    let few = pairs / 20;
    if odd > many && even <= few {
        Some(UTF_16LE)
    } else if even > many && odd <= few {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether decoded bytes read as text: random or binary bytes decode to many control
/// characters or replacement characters, real lists to almost none.
pub(super) fn looks_like_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
        odd += usize::from(control || c == '\u{fffd}');
    }
    odd * 50 <= total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_without_bom_is_recognised() {
        // encoding_rs has no UTF-16 encoder (the web never writes it), so build the bytes.
        let units: Vec<u8> = "Straße;Land\nMünchen;DE"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let decoded = decode(&units);
        assert_eq!(decoded.encoding, UTF_16LE);
        assert_eq!(decoded.text, "Straße;Land\nMünchen;DE");
        let units: Vec<u8> = "Name\tLand"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&units).text, "Name\tLand");
    }

    #[test]
    fn binary_is_not_text() {
        let noise: Vec<u8> = (0u32..4000)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(!looks_like_text(&decode(&noise).text));
        assert!(looks_like_text("Zażółć gęślą jaźń\tok\r\n"));
    }
}
