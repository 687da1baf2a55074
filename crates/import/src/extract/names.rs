//! Company names: legal forms ("GmbH", "sp. z o.o.", "Inc."), where a name ends and its address
//! starts, whether a short line reads as a name, and the country a legal form suggests.

use dpadesk_model::CountryCode;
use regex::Regex;
use std::sync::LazyLock;

/// Legal forms as written after a company name. Forms that are also ordinary upper-case
/// abbreviations or words ("AS", "SE", "SA", "AB") are only matched in upper case.
static LEGAL_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:^|[\s,])
        (
          (?:GmbH|SE|AG|UG|Ltd\.?|B\.V\.)\s*&\s*Co\.?\s*(?:KGaA|KG|OHG)
          | (?i: inc\.? | incorporated | llc | l\.l\.c\. | ltd\.? | limited | corp\.? | corporation
             | unlimited\s+company | designated\s+activity\s+company
             | gmbh | mbh | plc | llp | ulc
             | pty\.?\s+ltd\.? | pte\.?\s+ltd\.?
             | s\.\s?à\s?r\.\s?l\.? | s\.a\.r\.l\.? | sarl | s\.a\.s\.? | sas | s\.a\.
             | b\.v\.? | n\.v\.? | s\.r\.l\.? | srl | s\.p\.a\.? | s\.l\.u?\.? | s\.c\.a\.?
             | sp\.\s?z\s?o\.\s?o\.? | sp\.\s?k\.? | sp\.\s?j\.? | s\.r\.o\.? | a\.s\.
             | kft\.? | zrt\.? | oyj | oy | aps | a/s | asa | oü | uab
             | k\.k\. | co\.,?\s+ltd\.? )
          | AG | KG | KGaA | SE | SA | AB | AS | BV | NV | SAS | SRL | SpA | SIA | OOO | GK | KK
          | SL | SLU | DAC | PBC
        )
        (?:$|[\s,;)(])",
    )
    .expect("the legal-form pattern is valid")
});

/// Where the first legal form in `text` ends, as a byte offset.
pub(super) fn legal_form_end(text: &str) -> Option<usize> {
    legal_forms(text).first().map(|(_, end)| *end)
}

/// Every legal form in `text` as (start, end) byte offsets.
pub(super) fn legal_forms(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(caps) = LEGAL_FORM.captures_at(text, from) {
        let m = caps.get(1).expect("group 1 always takes part");
        // "Sentry (Functional Software, Inc.)": the bracket the name opened closes it.
        let mut end = m.end();
        if text[end..].starts_with(')')
            && text[..end].matches('(').count() > text[..end].matches(')').count()
        {
            end += 1;
        }
        found.push((m.start(), end));
        from = end;
    }
    found
}

/// The country a legal form suggests when nothing else says. Only forms tied to one country
/// are used ("GmbH" is German, Austrian and Swiss, "S.A." Polish, French, Spanish…, so they
/// suggest nothing); callers mark the country as uncertain.
pub(super) fn legal_form_country(name: &str) -> Option<CountryCode> {
    static FORMS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
        [
            (
                r"(?i)\b(inc\.?|incorporated|llc|l\.l\.c\.|corp\.?|corporation|pbc)(\W|$)",
                "US",
            ),
            (r"(?i)\bsp\.\s?z\s?o\.\s?o\.?|\bsp\.\s?k\.?(\W|$)", "PL"),
            (r"(?i)\b(b\.v\.?)(\W|$)|\bBV$", "NL"),
            (r"(?i)\b(s\.r\.l\.?|srl|s\.p\.a\.?|spa)(\W|$)", "IT"),
            (r"(?i)\b(oy|oyj)(\W|$)", "FI"),
            (r"(?i)\b(aps|a/s)(\W|$)", "DK"),
            (r"\bAB(\W|$)", "SE"),
            (r"(?i)\bpty\.?\s+ltd", "AU"),
            (r"\b(KK|K\.K\.)(\W|$)", "JP"),
            (
                r"(?i)\b(unlimited|designated activity) company\b|\bDAC(\W|$)",
                "IE",
            ),
            (r"(?i)\bpte\.?\s+ltd", "SG"),
            (r"(?i)\b(s\.l\.u?\.?)(\W|$)", "ES"),
            (r"(?i)\boü(\W|$)", "EE"),
            (r"(?i)\b(kft\.?|zrt\.?)(\W|$)", "HU"),
            (r"(?i)(^|\W)uab(\W|$)", "LT"),
            (r"(^|\W)SIA(\W|$)", "LV"),
        ]
        .into_iter()
        .map(|(re, code)| {
            (
                Regex::new(re).expect("legal-form country patterns are valid"),
                code,
            )
        })
        .collect()
    });
    FORMS
        .iter()
        .find(|(re, _)| re.is_match(name))
        .and_then(|(_, code)| code.parse().ok())
}

/// Splits a cell or line holding a name and its address ("Google LLC, 1600 Amphitheatre
/// Parkway, …", "Beyond.pl sp. z o.o.\n11 Street, 61-248 Poznań") into the two.
pub(super) fn split_name_address(text: &str) -> (String, String) {
    let text = text.trim();
    if let Some((first, rest)) = text.split_once('\n') {
        let rest = rest
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        if rest.chars().any(|c| c.is_ascii_digit()) {
            return (clean_name(first), rest);
        }
    }
    let flat = text.replace('\n', " ");
    // "UAB Hostinger", "AB Volvo": a legal form that opens the name does not end it.
    let form = legal_forms(&flat)
        .into_iter()
        .find(|(_, end)| !key(&flat[..*end]).is_empty())
        .map(|(_, end)| end);
    if let Some(end) = form {
        let rest = flat[end..].trim_start_matches([',', ' ', '.', ';']).trim();
        // "Google LLC (Analytics)", "Acme Inc. (2)": a bracketed remark after the legal form
        // tells this entry from the company's others; it is no address, and dropping it
        // would merge distinct rows of one table into one.
        if bracketed(rest) && !looks_like_address(rest) {
            return (clean_name(&flat), String::new());
        }
        return (clean_name(&flat[..end]), rest.to_string());
    }
    // Without a legal form, the name ends at the first comma followed by something with a
    // number in it (a street or postal code).
    if let Some(comma) = flat.find(',') {
        let rest = flat[comma + 1..].trim();
        if rest.chars().any(|c| c.is_ascii_digit()) {
            return (clean_name(&flat[..comma]), rest.to_string());
        }
    }
    (clean_name(&flat), String::new())
}

/// Whether a text is one bracketed group and nothing else: "(2)", "(Google Analytics)".
fn bracketed(text: &str) -> bool {
    text.strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .is_some_and(|inner| !inner.contains(['(', ')']))
}

/// A name without list markers, emphasis or trailing punctuation.
pub(super) fn clean_name(name: &str) -> String {
    without_list_marker(name)
        .trim_matches(|c: char| matches!(c, '*' | '_' | '`' | '"' | '“' | '”' | ' '))
        .trim_end_matches([',', ';', ':', '–', '-', '/'])
        .trim()
        .to_string()
}

/// A line without the bullet or numbering ("•", "-", "1.", "a)") that opens it.
pub(super) fn without_list_marker(line: &str) -> &str {
    let line = line.trim().trim_start_matches(|c: char| {
        matches!(c, '•' | '◦' | '▪' | '·' | '-' | '–' | '*' | '#' | '>' | ' ')
    });
    match line.split_once(' ') {
        Some((marker, rest))
            if marker.len() <= 3
                && (marker.ends_with('.') || marker.ends_with(')'))
                && marker[..marker.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric()) =>
        {
            rest
        }
        _ => line,
    }
}

/// Whether a short text reads as a proper name: one to five words, the significant ones
/// capitalised or with an inner capital ("GoToMeeting", "cyber_Folks"), no sentence ending.
pub(super) fn looks_like_name(text: &str) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || text.len() > 60 {
        return false;
    }
    if text.ends_with([':', '?', '!']) || (text.ends_with('.') && legal_form_end(text).is_none()) {
        return false;
    }
    const JOINERS: [&str; 14] = [
        "&", "-", "–", "and", "of", "und", "de", "del", "der", "di", "du", "des", "van", "von",
    ];
    words.iter().all(|w| {
        JOINERS.contains(w)
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || w.chars().skip(1).any(char::is_uppercase)
            || legal_form_end(w).is_some()
    }) && text.chars().any(char::is_alphabetic)
}

/// Where a company name that opens a line ends: at its legal form, if the words before it read
/// as a name ("Stripe, Inc. 510 Townsend Street…"), else at the first comma if what precedes
/// reads as a name and the line goes on with something numbered ("ALL-INKL.COM - Neue Medien
/// Münnich, Hauptstraße 68, …"). `None` for sentences.
pub(super) fn leading_company(line: &str) -> Option<usize> {
    let reads_as_name = |prefix: &str| {
        let words: Vec<&str> = prefix.split_whitespace().collect();
        let capitalised = words
            .iter()
            .filter(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
            .count();
        // A street line ("11 Main Street, …", "USA 101 Townsend St, …") opens with a number or
        // holds one next to a street word; names do neither.
        !words.is_empty()
            && words.len() <= 8
            && capitalised * 2 >= words.len()
            && !prefix.contains(". ")
            && words[0].chars().next().is_some_and(char::is_alphabetic)
            && !looks_like_address(prefix)
    };
    if let Some((start, end)) = legal_forms(line).into_iter().next()
        && (start == 0 || reads_as_name(&line[..start]))
    {
        return Some(end);
    }
    let comma = line.find(',')?;
    (comma <= 80
        && reads_as_name(&line[..comma])
        && line[comma..].chars().any(|c| c.is_ascii_digit()))
    .then_some(comma)
}

/// Whether a line reads as (part of) a postal address: a postal code whose shape names a
/// country, or a number next to a street word.
pub(super) fn looks_like_address(line: &str) -> bool {
    static STREET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(\b(street|st\.|road|rd\.|avenue|ave\.|lane|way|drive|parkway|boulevard|blvd|st|square|place|ul\.|ulica|al\.|aleja|via|viale|piazza|corso|rue|calle|avenida|plaza|laan|straat|plein|weg|platz|allee|gasse|ring|damm)\b|stra(ss|ß)e\b|str\.)")
            .expect("the street pattern is valid")
    });
    line.chars().any(|c| c.is_ascii_digit())
        && (!crate::country::postcode_mentions(line).is_empty() || STREET.is_match(line))
}

/// The last legal form of a name, written one way ("Ltd." and "Limited" both give "ltd"), so
/// that "Atlassian Pty Ltd" and "Atlassian B.V." read as the two companies they are.
pub(super) fn legal_form(name: &str) -> Option<String> {
    let (start, end) = legal_forms(name).pop()?;
    let form: String = crate::fold::fold(&name[start..end]).replace(' ', "");
    Some(match form.as_str() {
        "limited" => "ltd".to_string(),
        "incorporated" => "inc".to_string(),
        "corporation" => "corp".to_string(),
        _ => form,
    })
}

/// A key under which two mentions of one company meet: folded, without legal forms and
/// punctuation ("Cloudflare, Inc." and "Cloudflare" both give "cloudflare").
pub(super) fn key(name: &str) -> String {
    let mut stripped = name.to_string();
    for (start, end) in legal_forms(name).into_iter().rev() {
        stripped.replace_range(start..end, " ");
    }
    crate::fold::fold(&stripped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_names_from_addresses() {
        let (n, a) = split_name_address("Google LLC, 1600 Amphitheatre Parkway, Mountain View");
        assert_eq!(
            (n.as_str(), a.as_str()),
            ("Google LLC", "1600 Amphitheatre Parkway, Mountain View")
        );
        let (n, a) = split_name_address("Beyond.pl sp. z o.o.,\n11 Main Street, 61-248 Poznań");
        assert_eq!(
            (n.as_str(), a.as_str()),
            ("Beyond.pl sp. z o.o.", "11 Main Street, 61-248 Poznań")
        );
        let (n, a) = split_name_address("ALL-INKL.COM - Neue Medien Münnich, Hauptstraße 68");
        assert_eq!(
            (n.as_str(), a.as_str()),
            ("ALL-INKL.COM - Neue Medien Münnich", "Hauptstraße 68")
        );
        let (n, _) = split_name_address("Microsoft Corporation One Microsoft Way Redmond");
        assert_eq!(n, "Microsoft Corporation");
        let (n, a) = split_name_address("Amazon Web Services, Inc. (2)");
        assert_eq!(
            (n.as_str(), a.as_str()),
            ("Amazon Web Services, Inc. (2)", "")
        );
        let (n, a) = split_name_address("Acme Ltd. (10 High Street, London EC1A 1BB)");
        assert_eq!(
            (n.as_str(), a.as_str()),
            ("Acme Ltd.", "(10 High Street, London EC1A 1BB)")
        );
    }

    #[test]
    fn legal_forms_suggest_countries() {
        assert_eq!(
            legal_form_country("Cloudflare, Inc.").unwrap().as_str(),
            "US"
        );
        assert_eq!(
            legal_form_country("Beyond.pl sp. z o.o.").unwrap().as_str(),
            "PL"
        );
        assert_eq!(legal_form_country("Hetzner Online GmbH"), None);
        assert_eq!(legal_form_country("Vercom S.A."), None);
    }

    #[test]
    fn names_and_keys() {
        assert!(looks_like_name("GoToMeeting"));
        assert!(looks_like_name("Google Drive"));
        assert!(!looks_like_name("Demo tools"));
        assert!(!looks_like_name("Rezultaty e-maili"));
        assert_eq!(key("Cloudflare, Inc."), key("Cloudflare"));
        assert_eq!(legal_form("Acme Limited"), legal_form("Acme Ltd."));
        assert_ne!(
            legal_form("Atlassian Pty Ltd"),
            legal_form("Atlassian B.V.")
        );
    }
}
