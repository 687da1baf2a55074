//! Whether two names are one company: "AWS", "Amazon Web Services EMEA SARL" and
//! "Amazon Web Services, Inc." are; "Google Cloud" and "Google Ireland" are not.

use dpadesk_model::{Id, Vendor};

/// Legal forms and the regional words vendors add to a subsidiary's name; they say which
/// company of a group signs, not which service the data go to.
const NOISE_WORDS: &[&str] = &[
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "ltd",
    "limited",
    "plc",
    "corp",
    "corporation",
    "co",
    "company",
    "gmbh",
    "mbh",
    "ag",
    "kg",
    "se",
    "sa",
    "sarl",
    "sas",
    "sasu",
    "srl",
    "spa",
    "sl",
    "slu",
    "bv",
    "nv",
    "oy",
    "oyj",
    "ab",
    "as",
    "asa",
    "aps",
    "sp",
    "oo",
    "zoo",
    "sro",
    "kft",
    "ou",
    "the",
    "emea",
    "europe",
    "european",
    "eu",
    "international",
    "global",
    "ireland",
    "deutschland",
    "germany",
    "france",
    "italia",
    "polska",
    "uk",
    "us",
    "usa",
];

/// Lower-case words of a name without punctuation, legal forms or regional words.
fn core_words(name: &str) -> Vec<String> {
    let folded: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase();
    folded
        .split_whitespace()
        // Single letters are what is left of dotted legal forms ("S.A.", "z o.o.").
        .filter(|w| w.chars().count() > 1 && !NOISE_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// True when both names denote one company: the same core words, or one name is the other's
/// initials ("AWS").
pub fn same_entity(a: &str, b: &str) -> bool {
    let (wa, wb) = (core_words(a), core_words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    wa == wb || is_acronym_of(&wa, &wb) || is_acronym_of(&wb, &wa)
}

fn is_acronym_of(short: &[String], long: &[String]) -> bool {
    match short {
        [word] if word.chars().count() >= 2 && long.len() == word.chars().count() => {
            long.iter().zip(word.chars()).all(|(w, c)| w.starts_with(c))
        }
        _ => false,
    }
}

/// The catalogue vendor `name` denotes, by legal name or a learnt alias.
pub fn find_vendor(name: &str, vendors: &[Vendor]) -> Option<Id> {
    vendors
        .iter()
        .find(|v| {
            std::iter::once(&v.legal_name)
                .chain(&v.aliases)
                .any(|known| same_entity(known, name))
        })
        .map(|v| v.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_regions_and_initials_do_not_split_a_company() {
        assert!(same_entity(
            "Amazon Web Services EMEA SARL",
            "Amazon Web Services, Inc."
        ));
        assert!(same_entity("AWS", "Amazon Web Services EMEA SARL"));
        assert!(same_entity("Vercom S.A.", "VERCOM SA"));
        assert!(same_entity("Beyond.pl sp. z o.o.", "Beyond pl Sp. z o.o."));
        assert!(same_entity("Google Ireland Limited", "Google LLC"));
    }

    #[test]
    fn different_companies_stay_apart() {
        assert!(!same_entity(
            "Google Cloud EMEA Limited",
            "Google Ireland Limited"
        ));
        assert!(!same_entity("Microsoft", "Mailchimp"));
        assert!(!same_entity("AWS", "Atlassian"));
        assert!(!same_entity("GmbH", "GmbH"));
    }
}
