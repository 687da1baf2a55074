//! Page furniture around the content of a web page or PDF: navigation menus, "previous/next"
//! links, cookie banners, "last updated" and copyright footers. Dropped before anything is
//! read, so that a menu entry "Domain authorisation in Cloudflare" is no subprocessor.

use super::names;
use crate::fold::{Phrases, fold, parse_table};
use std::sync::LazyLock;

/// Lines holding one of these (folded) are furniture. Cookie banners are recognised by their
/// buttons and set phrases, not by the word "cookie", which a list of analytics providers
/// may well use.
const FURNITURE: &str = "
noise | powered by; last updated; ostatnia aktualizacja; ostatniej aktualizacji; zuletzt aktualisiert; derniere mise a jour; ultimo aggiornamento; ultima actualizacion; laatst bijgewerkt; all rights reserved; wszelkie prawa zastrzezone; alle rechte vorbehalten; tutti i diritti riservati; tous droits reserves; todos los derechos reservados; alle rechten voorbehouden; skip to content; skip to main content; was this article helpful; czy ten artykul byl pomocny; war dieser artikel hilfreich; cet article vous a t il ete utile; questo articolo ti e stato utile; te ha resultado util este articulo; on this page; we use cookies; this website uses cookies; uzywamy plikow cookie; wir verwenden cookies; diese website verwendet cookies; utilizziamo i cookie; questo sito utilizza cookie; nous utilisons des cookies; ce site utilise des cookies; utilizamos cookies; este sitio web utiliza cookies; wij gebruiken cookies; deze website gebruikt cookies; accept all; accept cookies; reject all; cookie settings; alle akzeptieren; akceptuj wszystkie; accetta tutti; tout accepter; aceptar todas; alles accepteren
";

static PHRASES: LazyLock<Vec<(String, Phrases)>> = LazyLock::new(|| parse_table(FURNITURE));

/// The lines that carry content, Markdown links read as their text ("[Stripe, Inc.](https://…)"
/// is "Stripe, Inc."), without the metadata block a Markdown file may open with.
pub(super) fn clean(lines: &[String]) -> Vec<String> {
    static LINK: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\[([^\]\n]+)\]\([^)\s]*\)").expect("the link pattern is valid")
    });
    let lines = &lines[front_matter_end(lines)..];
    let menu = menu_lines(lines);
    lines
        .iter()
        .enumerate()
        .filter(|(i, line)| !menu[*i] && !is_furniture(line))
        .map(|(_, line)| {
            let mut to_agreement = false;
            let text = LINK.replace_all(line, |c: &regex::Captures| {
                to_agreement |= agreement_link(&c[0]);
                c[1].to_string()
            });
            // A table row whose name links to the vendor's DPA says one is in place: the
            // link becomes a cell of its own, which the table reads as the row's agreement.
            if to_agreement && text.matches('|').count() >= 2 {
                format!(
                    "{} | DPA |",
                    text.trim_end().trim_end_matches('|').trim_end()
                )
            } else {
                text.into_owned()
            }
        })
        .collect()
}

/// Whether a Markdown link `[text](url)` points at a processing agreement.
fn agreement_link(link: &str) -> bool {
    let url = link.rsplit_once("](").map_or("", |(_, url)| url);
    crate::formats::links_to_agreement(url.trim_end_matches(')'))
}

/// Where a "---"-fenced metadata block at the very start ends (0 without one).
fn front_matter_end(lines: &[String]) -> usize {
    if lines.first().is_none_or(|l| l.trim() != "---") {
        return 0;
    }
    lines
        .iter()
        .skip(1)
        .take(60)
        .position(|l| l.trim() == "---")
        .map_or(0, |end| end + 2)
}

fn is_furniture(line: &str) -> bool {
    if !line.chars().any(char::is_alphanumeric) || line.contains('©') {
        return true;
    }
    let folded = fold(line);
    let words = line.split_whitespace().count();
    // "Previous <title> Next <title>" pagers.
    if words <= 15 && (folded.starts_with("previous") || folded.starts_with("next ")) {
        return true;
    }
    let folded_line = crate::fold::Folded::new(line);
    words <= 40
        && PHRASES
            .iter()
            .any(|(_, p)| p.first(line, &folded_line).is_some())
}

/// Navigation menus: runs of at least eight bulleted short lines with nothing in them that a
/// subprocessor entry would have (a legal form, a postal code, a country).
fn menu_lines(lines: &[String]) -> Vec<bool> {
    let entry = |line: &str| {
        let bulleted = line.starts_with(['•', '◦', '▪', '·', '*', '-', '–']);
        bulleted
            && line.split_whitespace().count() <= 9
            && names::legal_form_end(line).is_none()
            && crate::country::postcode_mentions(line).is_empty()
            && crate::country::name_mentions(line).is_empty()
    };
    let mut menu = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        while i < lines.len() && entry(&lines[i]) {
            i += 1;
        }
        if i - start >= 8 {
            menu[start..i].iter_mut().for_each(|m| *m = true);
        }
        if i == start {
            i += 1;
        }
    }
    menu
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_menus_banners_and_footers() {
        let mut lines: Vec<String> = (0..10).map(|i| format!("• Menu entry {i}")).collect();
        lines.push("We use cookies to improve your experience. Accept all".into());
        lines.push("Acme GmbH, Berlin – hosting".into());
        lines.push("© 2024 Example".into());
        lines.push("Google Analytics – analytics cookies, Google LLC (USA)".into());
        assert_eq!(
            clean(&lines),
            vec![
                "Acme GmbH, Berlin – hosting".to_string(),
                "Google Analytics – analytics cookies, Google LLC (USA)".to_string()
            ]
        );
    }

    #[test]
    fn reads_links_as_their_text_and_skips_front_matter() {
        let lines: Vec<String> = [
            "---",
            "title: Subprocessors",
            "versions:",
            "---",
            "* [Stripe, Inc.](https://stripe.com) for payments",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(clean(&lines), ["* Stripe, Inc. for payments"]);
    }

    #[test]
    fn a_table_row_linking_its_name_to_a_dpa_gets_a_cell_saying_so() {
        let lines = vec![
            "| [Convex](https://www.convex.dev/legal/dpa) | Database |".to_string(),
            "| [Cloudflare](https://www.cloudflare.com/trust-hub/gdpr/) | DNS |".to_string(),
        ];
        assert_eq!(
            clean(&lines),
            ["| Convex | Database | DPA |", "| Cloudflare | DNS |"]
        );
    }
}
