//! Legal bases read from what a register's cell says: the points of Art. 6(1) and Art. 9(2)
//! cited in any of the ways registers cite them ("6(1)(f)", "Art. 6.1.a RGPD", "art. 6 ust.
//! 1 lit. f RODO … oraz lit. b", "Art. 6 Abs. 1 S. 1 lit. b DSGVO"), and, kept apart, the
//! bases a cell only names in words ("consent", "berechtigtes Interesse").

use crate::fold::{Folded, Phrases, parse_table};
use regex::Regex;
use std::sync::LazyLock;

/// "6(1)(f)", "6 (1) f", "6.1.a", "6,1 b)", "6 ust. 1 lit. f", "6 Abs. 1 S. 1 lit. b",
/// "6, paragraphe 1, point a)", "6, par. 1, lett. b", "6.1 letra a", "6 lid 1 sub f".
fn article_regex(article: &str, paragraph: &str, letters: &str) -> Regex {
    Regex::new(&format!(
        r"(?ix)(?:^|[^0-9.])(?:{article})\s*
          (?: \(\s*{paragraph}\s*\) | [.,]\s*{paragraph}\b
            | ,?\s*(?:ust|abs|par|para|paragraph|paragraphe|comma|lid|apartado|apdo|co)\.?\s*{paragraph}
              (?:\s*(?:s|satz|zdanie|zd)\.?\s*1)? )
          \s*[.,]?\s*(?:(?:lit|lett|letter|letra|point|punto|pkt|sub|onder|let)\.?\s*)?
          \(?\s*([{letters}])\s*\)?(?:[^a-z0-9]|$)"
    ))
    .expect("the article pattern is valid")
}

static ART6: LazyLock<Regex> = LazyLock::new(|| article_regex("6", "1", "a-f"));
static ART9: LazyLock<Regex> = LazyLock::new(|| article_regex("9", "2", "a-j"));

/// A further point named after a citation: "oraz lit. b", "und lit. c", "et point e)", "(b)".
static MORE_LETTERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^a-z])(?:lit|lett|letter|letra|point|punto|pkt)\.?\s*\(?([a-f])\)?(?:[^a-z0-9]|$)")
        .expect("the letter pattern is valid")
});

static WORDS: LazyLock<Vec<(char, Phrases)>> = LazyLock::new(|| {
    parse_table(include_str!("../data/legal_bases.txt"))
        .into_iter()
        .filter_map(|(key, phrases)| Some((key.chars().next()?, phrases)))
        .collect()
});

/// What a legal-basis cell cites: Art. 6(1) points (as "6(1)(f)", in the order cited),
/// Art. 9(2) conditions (as "9(2)(a)"), and the Art. 6(1) points it only names in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Cited {
    pub art6: Vec<String>,
    pub art9: Vec<String>,
    pub in_words: Vec<String>,
}

pub(crate) fn cited(text: &str) -> Cited {
    let mut found = Cited::default();
    let mut art6_at: Vec<(usize, char)> = Vec::new();
    for c in ART6.captures_iter(text) {
        let m = c.get(1).expect("one group");
        art6_at.push((m.start(), m.as_str().chars().next().unwrap_or('a')));
    }
    // Points named after a citation of Art. 6 belong to it ("lit. f RODO … oraz lit. b"),
    // unless they come after a citation of Art. 9.
    let art9_at: Vec<(usize, char)> = ART9
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| (m.start(), m.as_str().chars().next().unwrap_or('a')))
        .collect();
    if let Some(&(first, _)) = art6_at.first() {
        for c in MORE_LETTERS.captures_iter(text) {
            let m = c.get(1).expect("one group");
            let after_art9 = art9_at.iter().any(|(at, _)| *at < m.start() && *at > first);
            if m.start() > first && !after_art9 {
                art6_at.push((m.start(), m.as_str().chars().next().unwrap_or('a')));
            }
        }
    }
    art6_at.sort();
    for (_, letter) in art6_at {
        push_unique(
            &mut found.art6,
            format!("6(1)({})", letter.to_ascii_lowercase()),
        );
    }
    for (_, letter) in art9_at {
        push_unique(
            &mut found.art9,
            format!("9(2)({})", letter.to_ascii_lowercase()),
        );
    }
    if found.art6.is_empty() {
        let folded = Folded::new(text);
        let mut named: Vec<(usize, char)> = WORDS
            .iter()
            .filter_map(|(letter, phrases)| Some((phrases.first(text, &folded)?.0, *letter)))
            .collect();
        named.sort();
        for (_, letter) in named {
            push_unique(&mut found.in_words, format!("6(1)({letter})"));
        }
    }
    found
}

fn push_unique(into: &mut Vec<String>, value: String) {
    if !into.contains(&value) {
        into.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art6(text: &str) -> Vec<String> {
        cited(text).art6
    }

    #[test]
    fn citations_in_every_style_give_their_points() {
        assert_eq!(art6("Art. 6(1)(f) GDPR"), ["6(1)(f)"]);
        assert_eq!(
            art6("Consentimiento del interesado (Art. 6.1.a RGPD)"),
            ["6(1)(a)"]
        );
        assert_eq!(art6("Art. 6 Abs. 1 S. 1 lit. b DSGVO"), ["6(1)(b)"]);
        assert_eq!(
            art6("article 6, paragraphe 1, point c) du RGPD"),
            ["6(1)(c)"]
        );
        assert_eq!(art6("art. 6, par. 1, lett. e) GDPR"), ["6(1)(e)"]);
        assert_eq!(art6("artikel 6 lid 1 sub f AVG"), ["6(1)(f)"]);
        assert_eq!(art6("6 (1) b and 6(1)(c)"), ["6(1)(b)", "6(1)(c)"]);
        assert_eq!(
            art6("art. 6 ust. 1 lit. f RODO - uzasadniony interes; oraz lit. b w zakresie umów"),
            ["6(1)(f)", "6(1)(b)"]
        );
        assert_eq!(
            art6("art. 6 ust. 1 lit. c RODO w zw. z Kodeksem pracy; ewentualnie lit. f"),
            ["6(1)(c)", "6(1)(f)"]
        );
    }

    #[test]
    fn art9_conditions_are_kept_apart_from_art6() {
        let c = cited("Art. 6(1)(b) and Art. 9(2)(h) GDPR");
        assert_eq!(c.art6, ["6(1)(b)"]);
        assert_eq!(c.art9, ["9(2)(h)"]);
    }

    #[test]
    fn bases_named_only_in_words_are_suggestions() {
        let c = cited("Berechtigtes Interesse an der Betrugsprävention");
        assert!(c.art6.is_empty());
        assert_eq!(c.in_words, ["6(1)(f)"]);
        assert_eq!(cited("Consent of the data subject").in_words, ["6(1)(a)"]);
        // A cited point makes the words redundant.
        assert!(
            cited("Consentimiento (Art. 6.1.a RGPD)")
                .in_words
                .is_empty()
        );
        // Other laws are no citation of the GDPR.
        assert!(art6("Exención Art. 22.2 LSSI").is_empty());
        assert!(art6("§ 26 BDSG, 16.1.a").is_empty());
    }
}
