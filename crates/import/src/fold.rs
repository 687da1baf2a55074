//! Text folded for matching phrases in many languages: lower case, diacritics stripped
//! ("Königreich" → "konigreich", "Wielkiej Brytanii" → "wielkiej brytanii"), every run of
//! punctuation and spaces made one space, so that "États-Unis", "Etats Unis" and "ETATS-UNIS"
//! all read "etats unis". Each folded byte remembers the original byte it came from, so a
//! match in the folded text can be located in the original.

use regex::Regex;

#[derive(Debug)]
pub(crate) struct Folded {
    pub text: String,
    /// `origin[i]` is the byte offset in the original of folded byte `i`; one extra entry at
    /// the end holds the original's length so that a match's end maps too.
    origin: Vec<usize>,
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len() + 1);
        let mut origin = Vec::with_capacity(original.len() + 1);
        // A leading space lets every phrase be matched as " phrase " without special cases.
        text.push(' ');
        origin.push(0);
        for (at, c) in original.char_indices() {
            if c.is_alphanumeric() {
                for lower in c.to_lowercase() {
                    let plain = strip_diacritic(lower);
                    text.push_str(plain);
                    origin.extend(std::iter::repeat_n(at, plain.len()));
                }
            } else if !text.ends_with(' ') {
                text.push(' ');
                origin.push(at);
            }
        }
        if !text.ends_with(' ') {
            text.push(' ');
            origin.push(original.len());
        }
        origin.push(original.len());
        Self { text, origin }
    }

    /// The original byte range of a match of a [`phrase_regex`], whose match includes the
    /// spaces around the words: the first word character maps to its own offset, the closing
    /// space to the separator after the last word, which is where the words end.
    fn word_range(&self, m: regex::Match<'_>) -> (usize, usize) {
        (self.origin[m.start() + 1], self.origin[m.end() - 1])
    }

    /// Every match of `re` as original byte ranges. Matches share no spaces, so two phrases
    /// right next to each other are both found thanks to the lookup restarting at each space.
    pub fn find_all(&self, re: &Regex) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(m) = re.find_at(&self.text, from) {
            found.push(self.word_range(m));
            // Restart on the closing space so that it can open the next match.
            from = m.end() - 1;
        }
        found
    }
}

/// Folds a short string without keeping the offsets (for comparing names and labels).
pub fn fold(text: &str) -> String {
    Folded::new(text).text.trim().to_string()
}

/// One regex for a list of folded phrases. A word ending in `*` matches any word starting so,
/// which covers the inflected forms of Polish, Italian and German without listing each
/// ("niemc*" → "niemczech", "niemcami"). Phrases are matched on whole words.
pub(crate) fn phrase_regex<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Regex {
    let alternatives: Vec<String> = phrases
        .into_iter()
        .map(|phrase| {
            phrase
                .split_whitespace()
                .map(|word| match word.strip_suffix('*') {
                    Some(stem) => format!("{}[a-z0-9]*", regex::escape(stem)),
                    None => regex::escape(word),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    // The folded text has a space at both ends and between all words, so " (…) " is a whole
    // word match; `Folded::word_range` leaves the spaces out of the reported range.
    Regex::new(&format!(" (?:{}) ", alternatives.join("|"))).expect("phrase lists are valid")
}

/// One regex for upper-case abbreviations ("USA", "EE.UU.", "EWR") matched case-sensitively on
/// the original text, standing alone (not inside a longer word).
pub(crate) fn abbreviation_regex<'a>(abbreviations: impl IntoIterator<Item = &'a str>) -> Regex {
    let alternatives: Vec<String> = abbreviations.into_iter().map(regex::escape).collect();
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}\p{{N}}])({})(?:$|[^\p{{L}}\p{{N}}])",
        alternatives.join("|")
    ))
    .expect("abbreviation lists are valid")
}

/// The first standalone match of an [`abbreviation_regex`] as a byte range.
pub(crate) fn find_abbreviation(re: &Regex, text: &str) -> Option<(usize, usize)> {
    re.captures(text)
        .and_then(|c| c.get(1))
        .map(|m| (m.start(), m.end()))
}

/// The phrases of one key (a country, an area, a mechanism) from a data file.
pub(crate) struct Phrases {
    words: Option<Regex>,
    abbreviations: Option<Regex>,
}

impl Phrases {
    pub fn all(&self, text: &str, folded: &Folded) -> Vec<(usize, usize)> {
        let mut found = self
            .words
            .as_ref()
            .map(|re| folded.find_all(re))
            .unwrap_or_default();
        if let Some(re) = &self.abbreviations {
            // Abbreviations are few per text; the first is enough to place the country.
            found.extend(find_abbreviation(re, text));
        }
        found
    }

    pub fn first(&self, text: &str, folded: &Folded) -> Option<(usize, usize)> {
        self.all(text, folded).into_iter().min()
    }
}

/// Parses `KEY | phrase; phrase; =ABBR` lines; a key may appear on several lines.
pub(crate) fn parse_table(data: &str) -> Vec<(String, Phrases)> {
    let mut grouped: Vec<(String, Vec<&str>, Vec<&str>)> = Vec::new();
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, entries)) = line.split_once('|') else {
            continue;
        };
        let key = key.trim().to_string();
        let index = match grouped.iter().position(|(k, _, _)| *k == key) {
            Some(i) => i,
            None => {
                grouped.push((key, Vec::new(), Vec::new()));
                grouped.len() - 1
            }
        };
        for entry in entries.split(';').map(str::trim).filter(|e| !e.is_empty()) {
            match entry.strip_prefix('=') {
                Some(abbreviation) => grouped[index].2.push(abbreviation),
                None => grouped[index].1.push(entry),
            }
        }
    }
    grouped
        .into_iter()
        .map(|(key, words, abbreviations)| {
            let matcher = Phrases {
                words: (!words.is_empty()).then(|| phrase_regex(words)),
                abbreviations: (!abbreviations.is_empty())
                    .then(|| abbreviation_regex(abbreviations)),
            };
            (key, matcher)
        })
        .collect()
}

fn strip_diacritic(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'ă' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => "o",
        'ŕ' | 'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => char_str(c),
    }
}

/// Characters without a mapping stay as they are; ASCII is by far the common case.
fn char_str(c: char) -> &'static str {
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    match ASCII.find(c) {
        Some(i) => &ASCII[i..i + 1],
        // Other scripts (Greek, Cyrillic) are not needed by the phrase lists; they fold to a
        // neutral letter so they still count as part of a word.
        None => "x",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(fold("États-Unis"), "etats unis");
        assert_eq!(fold("Wielkiej  Brytanii!"), "wielkiej brytanii");
        assert_eq!(fold("Voltastraße"), "voltastrasse");
    }

    #[test]
    fn maps_matches_back_to_the_original() {
        let original = "in den Vereinigten Staaten, bitte";
        let folded = Folded::new(original);
        let re = phrase_regex(["vereinigt* staaten"]);
        let (start, end) = folded.find_all(&re)[0];
        assert_eq!(&original[start..end], "Vereinigten Staaten");
    }

    #[test]
    fn abbreviations_stand_alone() {
        let re = abbreviation_regex(["USA", "EE.UU."]);
        assert!(find_abbreviation(&re, "Seattle, USA").is_some());
        assert!(find_abbreviation(&re, "EE.UU.").is_some());
        assert!(find_abbreviation(&re, "USAGE").is_none());
    }
}
