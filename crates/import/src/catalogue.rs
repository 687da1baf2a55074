//! A built-in catalogue of well-known subprocessor entities (`data/catalogue.tsv`, each row
//! with its source): their legal names, the short and product names lists write for them
//! ("AWS", "Sentry"), the country each is established in and its typical service. The reader
//! fills a country a list leaves out from it, for the user to confirm; what the list says
//! always wins.

use crate::extract::names_key;
use dpadesk_model::CountryCode;
use std::sync::LazyLock;

const DATA: &str = include_str!("data/catalogue.tsv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub legal_name: String,
    pub country: CountryCode,
    /// Other names that denote this entity and no other of its group.
    pub names: Vec<String>,
    pub service: String,
    pub source: String,
}

static ENTITIES: LazyLock<Vec<Entity>> = LazyLock::new(|| {
    DATA.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            // The file is checked by this module's tests; a bad row is a build defect.
            let [legal_name, country, names, service, source] = cells[..] else {
                panic!("catalogue row without five cells: {line}");
            };
            Entity {
                legal_name: legal_name.to_string(),
                country: country.parse().expect("catalogue countries are ISO codes"),
                names: names
                    .split(';')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect(),
                service: service.to_string(),
                source: source.to_string(),
            }
        })
        .collect()
});

/// Every entity of the catalogue.
pub fn entities() -> &'static [Entity] {
    &ENTITIES
}

/// The entity a list's name denotes: its legal name (legal form and bracketed remarks aside:
/// "Amazon Web Services Inc (AWS)") or one of its other names.
pub fn find(name: &str) -> Option<&'static Entity> {
    let key = names_key(name);
    if key.is_empty() {
        return None;
    }
    ENTITIES
        .iter()
        .find(|e| names_key(&e.legal_name) == key || e.names.iter().any(|n| names_key(n) == key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_whole_and_sourced() {
        assert!(entities().len() >= 50);
        for e in entities() {
            assert!(e.source.starts_with("https://"), "{}", e.legal_name);
            assert!(!e.service.is_empty(), "{}", e.legal_name);
        }
    }

    #[test]
    fn short_and_legal_names_find_the_entity() {
        assert_eq!(find("AWS").map(|e| e.country.as_str()), Some("US"));
        assert_eq!(
            find("Amazon Web Services Inc (AWS)").map(|e| e.legal_name.as_str()),
            Some("Amazon Web Services, Inc.")
        );
        assert_eq!(
            find("Sentry").map(|e| e.legal_name.as_str()),
            Some("Functional Software, Inc.")
        );
        assert_eq!(
            find("Hetzner Online GmbH").map(|e| e.country.as_str()),
            Some("DE")
        );
        assert_eq!(
            find("Stripe Payments Europe Ltd.").map(|e| e.country.as_str()),
            Some("IE")
        );
        assert!(find("Acme Widgets GmbH").is_none());
        assert!(find("GmbH").is_none());
    }
}
