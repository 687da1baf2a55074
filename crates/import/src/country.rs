//! Countries from names in many languages, ISO codes, addresses and cities.
//!
//! The names live in `data/*.txt` (one line a country, folded phrases), not in code, so that
//! adding a language or an inflected form is a one-line change. Matching is on folded text
//! (see `fold`), so diacritics, case and punctuation do not matter, except for upper-case
//! abbreviations ("USA", "UK", "EWR"), which are matched as written because in lower case they
//! are ordinary words in some language ("usa" is Italian for "uses").

use crate::fold::{Folded, Phrases, parse_table};
use dpadesk_model::CountryCode;
use regex::Regex;
use std::sync::LazyLock;

/// A region a vendor names instead of a country ("processed in the EEA").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Eea,
    Eu,
}

/// Where in a text a country was recognised, as byte offsets into that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub code: CountryCode,
    pub start: usize,
    pub end: usize,
}

/// The country a text names: a country name in any supported language, an address (postal
/// code or well-known city), or an ISO code where it cannot be an ordinary word ("(DE)", a
/// trailing ", US"). The earliest mention wins, since a row names its recipient first and
/// its hosting or other details after.
pub fn detect(text: &str) -> Option<CountryCode> {
    let folded = Folded::new(text);
    let mut all = names_in(text, &folded);
    all.extend(postcodes(text));
    all.extend(cities_in(text, &folded));
    all.extend(strict_codes(text));
    all.into_iter().min_by_key(|m| m.start).map(|m| m.code)
}

/// Phrases that introduce where a company is established, as opposed to where it stores the
/// data ("stored in Frankfurt, Germany; headquartered in Seattle, United States").
const SEAT_CUES: &str = "
seat | headquartered in; headquarters in; based in; established in; incorporated in; registered in; registered office in; with its seat in; mit sitz in; sitz in; siedziba w; z siedziba w; ayant son siege a; dont le siege est a; siege social a; con sede in; con sede legale in; con sede en; domiciliada en; gevestigd in; gevestigd te
";

/// The country named right after a phrase saying where a company is established, in a text
/// that may also say where the data are kept; `None` when no such phrase names one.
pub fn seat(text: &str) -> Option<CountryCode> {
    static CUES: LazyLock<Phrases> = LazyLock::new(|| {
        parse_table(SEAT_CUES)
            .pop()
            .expect("one list of seat cues")
            .1
    });
    let folded = Folded::new(text);
    CUES.all(text, &folded).into_iter().find_map(|(_, end)| {
        // The place follows within a few words ("in Seattle, Washington, United States").
        let mut near = end + text[end..].len().min(80);
        while !text.is_char_boundary(near) {
            near -= 1;
        }
        in_address(&text[end..near])
    })
}

/// The country of an address. An explicit country name outranks the postal code, which
/// outranks a city: the name is what the writer meant, a city name can be shared.
pub fn in_address(text: &str) -> Option<CountryCode> {
    let folded = Folded::new(text);
    let earliest = |found: Vec<Mention>| found.into_iter().min_by_key(|m| m.start).map(|m| m.code);
    earliest(names_in(text, &folded))
        .or_else(|| earliest(postcodes(text)))
        .or_else(|| earliest(cities_in(text, &folded)))
        .or_else(|| earliest(strict_codes(text)))
}

/// The country of a cell in a column known to hold countries: here a bare code ("DE", "it",
/// "UK", "USA") is a country, not a word.
pub fn from_cell(text: &str) -> Option<CountryCode> {
    let bare = text.trim().trim_matches(|c: char| !c.is_alphanumeric());
    let upper = bare.to_ascii_uppercase();
    match upper.as_str() {
        "USA" | "U.S.A" | "U.S" => return "US".parse().ok(),
        _ => {}
    }
    if bare.len() == 2
        && let Ok(code) = bare.parse()
    {
        return Some(code);
    }
    detect(text)
}

/// Country names and upper-case abbreviations ("USA", "UK") in a text, in order.
pub fn name_mentions(text: &str) -> Vec<Mention> {
    let mut found = names_in(text, &Folded::new(text));
    found.sort_by_key(|m| m.start);
    found
}

/// Postal codes whose form tells the country ("00-844 Warszawa", "D-10115", "CA 94107"),
/// in order.
pub fn postcode_mentions(text: &str) -> Vec<Mention> {
    let mut found = postcodes(text);
    found.sort_by_key(|m| m.start);
    found
}

/// The area a text says the data stay in. The EEA wins over the EU when both are named
/// ("EU/EEA"), as the wider of the two.
pub fn area(text: &str) -> Option<Area> {
    let folded = Folded::new(text);
    let mut best = None;
    for (area, matcher) in AREAS.iter() {
        if matcher.first(text, &folded).is_some() {
            match area {
                Area::Eea => return Some(Area::Eea),
                Area::Eu => best = Some(Area::Eu),
            }
        }
    }
    best
}

/// The EU member states plus Iceland, Liechtenstein and Norway.
pub fn is_eea(code: &CountryCode) -> bool {
    const EEA: [&str; 30] = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ];
    EEA.contains(&code.as_str())
}

fn country_table(data: &str) -> Vec<(CountryCode, Phrases)> {
    parse_table(data)
        .into_iter()
        .map(|(key, m)| (key.parse().expect("data files hold valid ISO codes"), m))
        .collect()
}

static NAMES: LazyLock<Vec<(CountryCode, Phrases)>> =
    LazyLock::new(|| country_table(include_str!("data/countries.txt")));
static CITIES: LazyLock<Vec<(CountryCode, Phrases)>> =
    LazyLock::new(|| country_table(include_str!("data/cities.txt")));
static AREAS: LazyLock<Vec<(Area, Phrases)>> = LazyLock::new(|| {
    parse_table(include_str!("data/areas.txt"))
        .into_iter()
        .map(|(key, m)| (if key == "EEA" { Area::Eea } else { Area::Eu }, m))
        .collect()
});

fn mentions_of(table: &[(CountryCode, Phrases)], text: &str, folded: &Folded) -> Vec<Mention> {
    table
        .iter()
        .flat_map(|(code, matcher)| {
            matcher
                .all(text, folded)
                .into_iter()
                .map(|(start, end)| Mention {
                    code: code.clone(),
                    start,
                    end,
                })
        })
        .collect()
}

fn names_in(text: &str, folded: &Folded) -> Vec<Mention> {
    mentions_of(&NAMES, text, folded)
}

fn cities_in(text: &str, folded: &Folded) -> Vec<Mention> {
    mentions_of(&CITIES, text, folded)
}

/// A postal-code shape and the country it means; `context`, when set, must also match
/// somewhere in the text (a street word), since five digits alone fit many countries.
struct Postcode {
    shape: Regex,
    country: Option<&'static str>,
    context: Option<Regex>,
}

static POSTCODES: LazyLock<Vec<Postcode>> = LazyLock::new(|| {
    let re = |s: &str| Regex::new(s).expect("postcode patterns are valid");
    let fixed = |shape: &str, country: &'static str, context: Option<&str>| Postcode {
        shape: re(shape),
        country: Some(country),
        context: context.map(re),
    };
    vec![
        // "D-10115 Berlin", "LU-1855", "CH-8001", "PL-00-844": the prefix says the country.
        Postcode {
            shape: re(
                r"\b(D|DE|PL|LU|L|A|AT|CH|F|FR|NL|I|IT|E|ES|B|BE|S|SE|DK|FIN|FI|IE|CZ|SK|H|HU|P|PT|N|NO|GR|RO|BG|HR|SI|EE|LV|LT|CY|MT|IS|LI)-\s?\d{2,3}-?\d{2,3}\b",
            ),
            country: None,
            context: None,
        },
        // US state and ZIP: "CA 94107", "WA 98052-6399".
        fixed(
            r"\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|California|Washington|New York|Texas|Massachusetts|Delaware|Illinois|Colorado|Virginia|Utah)\s+\d{5}(?:-\d{4})?\b",
            "US",
            None,
        ),
        // UK postcodes: "EC2V 7HR", "N1 9PP", "SW1A 1AA".
        fixed(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b", "GB", None),
        // Polish "00-844 Warszawa".
        fixed(r"\b\d{2}-\d{3}\s+\p{Lu}\p{L}+", "PL", None),
        // Dublin postal districts: "Dublin 2", "Dublin D02".
        fixed(r"\bDublin\s+D?\d{1,2}\b", "IE", None),
        // Five digits and a city, with a street word saying which language the address is in.
        fixed(
            r"\b\d{5}\s+\p{Lu}\p{L}+",
            "DE",
            Some(
                r"(?i)(stra(ss|ß)e|str\.|weg\b|platz\b|allee\b|gasse\b|damm\b|ring\b|ufer\b|chaussee\b)",
            ),
        ),
        fixed(
            r"\b\d{5}\s+\p{Lu}\p{L}+",
            "FR",
            Some(r"(?i)\b(rue|avenue|boulevard|bd|cedex|quai|allée|chemin|place)\b"),
        ),
        fixed(
            r"\b\d{5}\s+\p{Lu}\p{L}+",
            "IT",
            Some(r"(?i)\b(via|viale|piazza|piazzale|corso|largo|vicolo)\b"),
        ),
        fixed(
            r"\b\d{5}\s+\p{Lu}\p{L}+",
            "ES",
            Some(r"(?i)\b(calle|avenida|avda|plaza|paseo|c/)\b"),
        ),
    ]
});

fn postcodes(text: &str) -> Vec<Mention> {
    let mut found = Vec::new();
    for postcode in POSTCODES.iter() {
        if postcode.context.as_ref().is_some_and(|c| !c.is_match(text)) {
            continue;
        }
        for caps in postcode.shape.captures_iter(text) {
            let whole = caps.get(0).expect("group 0 always exists");
            let code = match postcode.country {
                Some(code) => code.parse().ok(),
                None => caps.get(1).and_then(|p| prefix_country(p.as_str())),
            };
            if let Some(code) = code {
                found.push(Mention {
                    code,
                    start: whole.start(),
                    end: whole.end(),
                });
            }
        }
    }
    found
}

/// The old car-plate letters used before postal codes ("D-", "A-", "F-") and ISO codes.
fn prefix_country(prefix: &str) -> Option<CountryCode> {
    let iso = match prefix {
        "D" => "DE",
        "L" => "LU",
        "A" => "AT",
        "F" => "FR",
        "I" => "IT",
        "E" => "ES",
        "B" => "BE",
        "S" => "SE",
        "H" => "HU",
        "P" => "PT",
        "N" => "NO",
        "FIN" => "FI",
        other => other,
    };
    iso.parse().ok()
}

/// ISO codes in free text only where they cannot be words: in parentheses ("Acme (DE)") or
/// closing an address (", US"); and never the codes that are common words or acronyms
/// ("IT", "IN", "AT", "HR"), which a country column still accepts through [`from_cell`].
fn strict_codes(text: &str) -> Vec<Mention> {
    static CODES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\(([A-Z]{2})\)|,\s*([A-Z]{2})\s*$").expect("code pattern is valid")
    });
    const WORDS: [&str; 16] = [
        "IT", "IN", "AT", "IS", "NO", "BE", "TO", "AM", "ME", "MY", "SO", "HR", "ID", "AI", "PR",
        "EU",
    ];
    CODES
        .captures_iter(text)
        .filter_map(|caps| {
            let m = caps.get(1).or_else(|| caps.get(2))?;
            if WORDS.contains(&m.as_str()) {
                return None;
            }
            let code = m.as_str().parse().ok()?;
            Some(Mention {
                code,
                start: m.start(),
                end: m.end(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<String> {
        detect(text).map(|c| c.as_str().to_string())
    }

    fn is(text: &str, expected: &str) {
        assert_eq!(code(text).as_deref(), Some(expected), "{text}");
    }

    #[test]
    fn english_names() {
        is("Amazon Web Services, Inc., United States", "US");
        is("hosted in Germany", "DE");
        is("United Kingdom", "GB");
        is("Seattle, USA", "US");
    }

    #[test]
    fn the_seat_outranks_where_data_are_stored() {
        let text = "Data are stored in Frankfurt, Germany. AWS is headquartered in Seattle, \
                    Washington, United States.";
        assert_eq!(detect(text).map(|c| c.to_string()).as_deref(), Some("DE"));
        assert_eq!(seat(text).map(|c| c.to_string()).as_deref(), Some("US"));
        assert_eq!(seat("Data are stored in Germany."), None);
    }

    #[test]
    fn german_names() {
        is("Sitz in den Vereinigten Staaten", "US");
        is("Deutschland", "DE");
        is("Vereinigtes Königreich", "GB");
        is("Österreich", "AT");
    }

    #[test]
    fn french_names() {
        is("États-Unis", "US");
        is("Royaume-Uni", "GB");
        is("hébergé en Irlande", "IE");
    }

    #[test]
    fn italian_names() {
        is("Stati Uniti", "US");
        is("Germania", "DE");
        is("Regno Unito", "GB");
        is("Paesi Bassi", "NL");
    }

    #[test]
    fn polish_names_and_inflections() {
        is("serwery w Niemczech", "DE");
        is("Stany Zjednoczone", "US");
        is("przechowuje dane w Stanach Zjednoczonych", "US");
        is("Wielka Brytania", "GB");
        is("z siedzibą w Irlandii", "IE");
        is(
            "ze wszystkimi naszymi amerykańskimi podprzetwarzającymi",
            "US",
        );
    }

    #[test]
    fn spanish_and_dutch_names() {
        is("Estados Unidos", "US");
        is("EE.UU.", "US");
        is("Reino Unido", "GB");
        is("Verenigde Staten", "US");
        is("Nederland", "NL");
    }

    #[test]
    fn lower_case_abbreviations_are_words() {
        assert_eq!(code("Il Fornitore usa il servizio"), None);
        assert_eq!(code("let us know"), None);
    }

    #[test]
    fn codes_in_cells_and_strictly_in_text() {
        assert_eq!(from_cell("DE").unwrap().as_str(), "DE");
        assert_eq!(from_cell("it").unwrap().as_str(), "IT");
        assert_eq!(from_cell("UK").unwrap().as_str(), "GB");
        assert_eq!(from_cell("EL").unwrap().as_str(), "GR");
        assert_eq!(from_cell("USA").unwrap().as_str(), "US");
        is("Acme GmbH (DE)", "DE");
        assert_eq!(code("our IT team in the office"), None);
        assert_eq!(code("Information Technology (IT)"), None);
        assert_eq!(code("10 GB of storage"), None);
    }

    #[test]
    fn addresses() {
        is("ul. Prosta 1, 00-844 Warszawa", "PL");
        is("D-10115 Berlin", "DE");
        is("Voltastraße 15, 65795 Hattersheim", "DE");
        is("101 Townsend St, San Francisco, CA 94107", "US");
        is("One Microsoft Way, Redmond, WA 98052-6399", "US");
        is("1 Grand Canal Square, Dublin 2", "IE");
        is("70 Exchange Street, EC2V 7HR", "GB");
        is("38 Avenue John F. Kennedy, L-1855", "LU");
        is("12 rue de la Paix, 75002 Paris", "FR");
        is("Via Roma 1, 20121 Milano", "IT");
    }

    #[test]
    fn cities() {
        is("Frankfurt am Main", "DE");
        is("we Frankfurcie", "DE");
        is("München", "DE");
        is("Wien", "AT");
        is("Zürich", "CH");
        is("Amsterdam", "NL");
        is("Milano", "IT");
        is("London", "GB");
        is("New York", "US");
    }

    #[test]
    fn the_country_name_in_an_address_wins_over_the_city() {
        let c = in_address("Industriestr. 25, 91710 Gunzenhausen, Germany").unwrap();
        assert_eq!(c.as_str(), "DE");
    }

    #[test]
    fn areas_in_every_language() {
        for eea in [
            "EEA",
            "EWR",
            "EOG",
            "SEE",
            "na terenie Europejskiego Obszaru Gospodarczego",
            "im Europäischen Wirtschaftsraum",
            "Espace économique européen",
            "EU/EEA",
        ] {
            assert_eq!(area(eea), Some(Area::Eea), "{eea}");
        }
        for eu in [
            "EU",
            "UE",
            "European Union",
            "Unia Europejska",
            "na obszarze Unii Europejskiej",
            "Unione europea",
            "Europäische Union",
        ] {
            assert_eq!(area(eu), Some(Area::Eu), "{eu}");
        }
        assert_eq!(area("United States"), None);
    }

    #[test]
    fn eea_membership() {
        assert!(is_eea(&"NO".parse().unwrap()));
        assert!(is_eea(&"PL".parse().unwrap()));
        assert!(!is_eea(&"GB".parse().unwrap()));
        assert!(!is_eea(&"CH".parse().unwrap()));
    }
}
