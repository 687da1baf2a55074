//! Formula injection (CSV injection): a spreadsheet runs a cell that starts with `=`, `+`,
//! `-` or `@` (and some read a leading tab or carriage return the same way), so a vendor
//! named `=HYPERLINK(…)` in an imported list could run when the DPO opens the export. Such
//! text gets a leading apostrophe, the mark spreadsheets themselves use for "this is text";
//! the XLSX keeps the apostrophe too, so a re-save as CSV stays safe.

use std::borrow::Cow;

/// The characters OWASP lists, plus their full-width forms, which some spreadsheet
/// locales also accept to start a formula.
const TRIGGERS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

pub(super) fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some(first) if TRIGGERS.contains(&first) => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// The text as it was before `neutralise`, for reading an export back.
pub(super) fn restore(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(TRIGGERS) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_an_apostrophe_and_plain_text_is_kept() {
        for risky in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "＝1+1",
        ] {
            assert_eq!(neutralise(risky), format!("'{risky}"));
            assert_eq!(restore(&neutralise(risky)), risky);
        }
        for plain in ["Acme", "", " =not at the start", "'already quoted", "3-2"] {
            assert_eq!(neutralise(plain), plain);
        }
    }
}
