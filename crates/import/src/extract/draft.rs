//! A subprocessor as an extractor found it (raw texts per column) and how it becomes an
//! [`ImportedRow`]: country and mechanism recognised, the EEA rule applied, certifications
//! listed, and a confidence with the fields the user should check.

use super::names;
use crate::country::{self, Area};
use crate::mechanism;
use crate::{Field, ImportedRow};
use dpadesk_model::TransferMechanism;
use regex::Regex;
use std::sync::LazyLock;

/// How a row was found, which sets how far its reading can be trusted to start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    /// A table with a header row: every value comes from a named column.
    HeadedTable,
    /// A table whose columns were guessed from their content.
    GuessedTable,
    /// A table flattened into text: one line a row, or one line a cell.
    FlatTable,
    /// "Name: …" / "Address: …" blocks.
    Labels,
    /// A sentence or paragraph of prose.
    Prose,
}

impl Origin {
    fn base_confidence(self) -> f32 {
        match self {
            Origin::HeadedTable => 0.95,
            Origin::GuessedTable => 0.75,
            Origin::FlatTable => 0.85,
            Origin::Labels => 0.85,
            Origin::Prose => 0.6,
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub origin: Origin,
    pub name: String,
    pub address: String,
    /// The text of a country column, where a bare code is a country.
    pub country: String,
    pub service: String,
    pub location: String,
    /// The text that names the transfer tool (a column, or the part of a line after the
    /// service), searched first.
    pub mechanism: String,
    pub certifications: Vec<String>,
    /// Other text about this subprocessor (a description column, the sentence it was named
    /// in), searched for what the columns above do not say.
    pub context: String,
    pub source: String,
    /// The vendor whose list the row is on, where the file names it per row.
    pub vendor: String,
    /// The row says a processing agreement is in place (a DPA column ticked or linked).
    pub agreement: bool,
    /// Which table of the document the row is in, when it is in one.
    pub table: Option<usize>,
}

impl Draft {
    pub fn new(origin: Origin, name: &str, source: &str) -> Self {
        Self {
            origin,
            name: names::clean_name(name),
            address: String::new(),
            country: String::new(),
            service: String::new(),
            location: String::new(),
            mechanism: String::new(),
            certifications: Vec::new(),
            context: String::new(),
            source: source.trim().to_string(),
            vendor: String::new(),
            agreement: false,
            table: None,
        }
    }

    /// The row, or `None` when what was taken for a name cannot be one.
    pub fn finish(self) -> Option<ImportedRow> {
        // "Administrator dla użytkowników EOG: Google Ireland Limited": a label we do not know
        // before a company's name is no part of it.
        let name = match self.name.rsplit_once(": ") {
            Some((_, company)) if names::legal_form_end(company).is_some() => company,
            _ => self.name.as_str(),
        };
        let name = name.trim().to_string();
        // A vendor listing itself among its subprocessors is no subprocessor of its own.
        let own = !self.vendor.is_empty() && names::key(&self.vendor) == names::key(&name);
        if !plausible_name(&name) || own {
            return None;
        }
        let mut uncertain = Vec::new();

        let (country, country_sure) = self.country();
        // What the list leaves out, the catalogue of well-known entities may know; the
        // country it gives is the user's to confirm, and no ground to assume no transfer.
        let catalogued = match country {
            Some(_) => None,
            None => crate::catalogue::find(&name)
                .filter(
                    |e| match (names::legal_form(&name), names::legal_form(&e.legal_name)) {
                        (Some(mine), Some(theirs)) => mine == theirs,
                        _ => true,
                    },
                )
                .map(|e| e.country.clone()),
        };
        let from_catalogue = catalogued.is_some();
        let country = country.or(catalogued);
        if !country_sure {
            uncertain.push(Field::Country);
        }

        // The area a location or country column names; the context ("…servers in the EU")
        // only counts for a recipient of unknown country, since for a known one it is as
        // likely a comparison ("protection comparable to the EU's").
        let area = [&self.location, &self.country]
            .into_iter()
            .find_map(|text| country::area(text))
            .or_else(|| {
                country
                    .is_none()
                    .then(|| country::area(&self.context))
                    .flatten()
            });
        let location = match (self.location.trim(), area) {
            ("", Some(Area::Eea)) => "EEA".to_string(),
            ("", Some(Area::Eu)) => "EU".to_string(),
            (written, _) => written.to_string(),
        };

        let named = mechanism::detect(&self.mechanism)
            .or_else(|| {
                // A description may name the tool when no column does; a sentence of prose is
                // what names it there.
                mechanism::detect(&self.context)
            })
            .or(self.agreement.then_some(TransferMechanism::DpaOnly));
        // "Nederland / VAE" and no country stated: an EEA country read from where the data
        // are kept, when they are also kept outside it, places no recipient in the EEA. A
        // stated EEA country always does (the `import-list` contract).
        let also_outside = !country_sure
            && country::name_mentions(&self.location)
                .iter()
                .any(|m| !country::is_eea(&m.code));
        let mechanism = match (&country, area) {
            // A recipient inside the EEA makes no Chapter V transfer, whatever else the row
            // says (a DPA, SCCs signed anyway).
            (Some(code), _) if country::is_eea(code) && !also_outside && !from_catalogue => {
                TransferMechanism::Eea
            }
            (Some(code), _) if country::is_eea(code) => {
                uncertain.push(Field::Mechanism);
                named.unwrap_or(TransferMechanism::Unknown)
            }
            (None, Some(_)) => {
                uncertain.push(Field::Mechanism);
                TransferMechanism::Eea
            }
            _ => named.unwrap_or(TransferMechanism::Unknown),
        };
        let weak_mechanism = matches!(
            mechanism,
            TransferMechanism::Unknown
                | TransferMechanism::PrivacyShield
                | TransferMechanism::DpaOnly
        );
        if weak_mechanism && !uncertain.contains(&Field::Mechanism) {
            uncertain.push(Field::Mechanism);
        }

        if !names::looks_like_name(&name) && names::legal_form_end(&name).is_none() {
            uncertain.push(Field::Name);
        }
        let service = self.service.trim().to_string();
        if service.is_empty() {
            uncertain.push(Field::Service);
        }

        let mut certifications = self.certifications.clone();
        if certifications.is_empty() {
            certifications = certifications_in(&format!("{}\n{}", self.mechanism, self.context));
        }

        // Each field to check costs trust; a missing country or mechanism most.
        let penalty: f32 = uncertain
            .iter()
            .map(|f| match f {
                Field::Name => 0.2,
                Field::Country | Field::Mechanism => 0.1,
                _ => 0.05,
            })
            .sum();
        let confidence = (self.origin.base_confidence() - penalty).clamp(0.05, 1.0);

        Some(ImportedRow {
            name,
            address: self.address.trim().to_string(),
            country,
            service,
            location,
            mechanism,
            certifications,
            source: self.source,
            confidence,
            uncertain,
            listed_for: self.vendor.trim().to_string(),
            table: self.table,
        })
    }

    /// The recipient's country and whether the text says it plainly: a country column or an
    /// address is plain; the name ("Google Ireland"), the context, the location or a legal
    /// form ("Inc.") are hints for the user to confirm.
    fn country(&self) -> (Option<dpadesk_model::CountryCode>, bool) {
        if !self.country.trim().is_empty()
            && let Some(code) = country::from_cell(&self.country)
        {
            return (Some(code), true);
        }
        if let Some(code) = country::in_address(&self.address) {
            return (Some(code), true);
        }
        let hint = country::detect(&self.name)
            .or_else(|| country::seat(&self.context))
            .or_else(|| country::detect(&self.context))
            .or_else(|| names::legal_form_country(&self.name))
            .or_else(|| country::detect(&self.location));
        (hint, false)
    }
}

/// Certifications named in a text: ISO standards, SOC reports, PCI DSS and the national
/// schemes vendors cite.
pub(super) fn certifications_in(text: &str) -> Vec<String> {
    static CERT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(ISO(?:/IEC)?\s?\d{4,5}(?:[-:]\d+)?|SOC\s?[123](?:\s+Typ(?:e|o)?\s+(?:II|I|1|2))?|PCI[\s-]?DSS(?:\s+Level\s+1)?|TISAX|BSI\s+C5|\bC5\b|HDS|CSA\s+STAR|HIPAA|SSAE\s?18|ISAE\s?3402|Cyber\s+Essentials(?:\s+Plus)?|FedRAMP|ANSI/?\s?TIA[-\s]?942(?:\s+Rated\s?\d)?|EN\s?50600(?:\s+class\s?\d)?)",
        )
        .expect("the certification pattern is valid")
    });
    let mut found: Vec<String> = Vec::new();
    for m in CERT.find_iter(text) {
        let cert = m.as_str().trim().to_string();
        if !found.iter().any(|f| f.eq_ignore_ascii_case(&cert)) {
            found.push(cert);
        }
    }
    found
}

/// Whether a text can be a company's name at all: letters, not a sentence, not a bare
/// country, area or mechanism.
fn plausible_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    if !(1..=12).contains(&words) || name.len() > 120 || !name.chars().any(char::is_alphabetic) {
        return false;
    }
    let folded = crate::fold::fold(name);
    if country::from_cell(name).is_some() && country::name_mentions(name).len() == 1 {
        // "Germany" or "USA" alone is a country cell taken for a name.
        let only = &country::name_mentions(name)[0];
        if only.start == 0 && only.end >= name.trim_end_matches('.').len() {
            return false;
        }
    }
    if country::area(name).is_some() && words <= 2 && names::legal_form_end(name).is_none() {
        // "EEA", "EU only": an area cell taken for a name.
        return false;
    }
    if mechanism::detect(name).is_some() && names::legal_form_end(name).is_none() {
        return false;
    }
    // A column header or label taken for a name ("Provider", "Dostawca", "Sous-traitant
    // ultérieur"); a brand written in one word with capitals inside ("ServiceNow") is a name.
    let inner_capital = name.chars().skip(1).any(char::is_uppercase);
    if words <= 3 && !inner_capital && super::header::column(name).is_some() {
        return false;
    }
    !folded.is_empty()
}
