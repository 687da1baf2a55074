//! Transfer mechanisms from the phrases vendors use, in many languages.
//!
//! The phrases live in `data/mechanisms.txt`. When a text names several, [`detect`] keeps the
//! strongest by [`RANK`]: a tool that makes the transfer lawful on its own (a DPF
//! certification, an adequacy decision) before the ones that need the exporter's assessment
//! (BCR, SCC), then the Art. 49 derogations, then a statement that nothing leaves the EEA; the
//! Privacy Shield (invalid since 2020-07-16) only when nothing valid is named, so a list that
//! says "formerly Privacy Shield, now SCC" reads as SCC; a bare DPA last, as it is no Chapter V
//! tool at all.

use crate::fold::{Folded, Phrases, parse_table};
use dpadesk_model::TransferMechanism;
use std::sync::LazyLock;

/// The order in which [`detect`] prefers mechanisms, strongest first.
pub const RANK: [TransferMechanism; 8] = [
    TransferMechanism::Dpf,
    TransferMechanism::Adequacy,
    TransferMechanism::Bcr,
    TransferMechanism::Scc,
    TransferMechanism::Art49,
    TransferMechanism::Eea,
    TransferMechanism::PrivacyShield,
    TransferMechanism::DpaOnly,
];

/// Where in a text a mechanism was named, as byte offsets into that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub mechanism: TransferMechanism,
    pub start: usize,
    pub end: usize,
}

/// The strongest mechanism a text names (see [`RANK`]); `None` when it names none.
pub fn detect(text: &str) -> Option<TransferMechanism> {
    strongest(mentions(text).into_iter().map(|m| m.mechanism))
}

/// Every mechanism named in a text, in reading order.
pub fn mentions(text: &str) -> Vec<Mention> {
    let folded = Folded::new(text);
    let mut found: Vec<Mention> = PHRASES
        .iter()
        .flat_map(|(mechanism, phrases)| {
            phrases
                .all(text, &folded)
                .into_iter()
                .map(|(start, end)| Mention {
                    mechanism: *mechanism,
                    start,
                    end,
                })
        })
        .collect();
    found.sort_by_key(|m| (m.start, m.end));
    found
}

/// The strongest of several mechanisms by [`RANK`].
pub fn strongest(found: impl IntoIterator<Item = TransferMechanism>) -> Option<TransferMechanism> {
    found.into_iter().min_by_key(|m| rank(*m))
}

fn rank(mechanism: TransferMechanism) -> usize {
    RANK.iter()
        .position(|m| *m == mechanism)
        .unwrap_or(RANK.len())
}

static PHRASES: LazyLock<Vec<(TransferMechanism, Phrases)>> = LazyLock::new(|| {
    parse_table(include_str!("data/mechanisms.txt"))
        .into_iter()
        .map(|(key, phrases)| {
            let mechanism = RANK
                .into_iter()
                .find(|m| dpadesk_model::names::serde_name(m) == key)
                .expect("mechanisms.txt keys are the serde names of ranked mechanisms");
            (mechanism, phrases)
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;
    use TransferMechanism::*;

    fn is(text: &str, expected: TransferMechanism) {
        assert_eq!(detect(text), Some(expected), "{text}");
    }

    #[test]
    fn english() {
        is("Standard Contractual Clauses", Scc);
        is("EU SCCs (Module 3)", Scc);
        is("EU-U.S. Data Privacy Framework", Dpf);
        is("DPF", Dpf);
        is("Binding Corporate Rules", Bcr);
        is("adequacy decision (UK)", Adequacy);
        is("UK IDTA", Scc);
        is("UK Addendum to the EU SCCs", Scc);
        is("explicit consent under Art. 49(1)(a)", Art49);
        is("EU-US Privacy Shield", PrivacyShield);
        is("Data Processing Agreement", DpaOnly);
        is("signed DPA", DpaOnly);
    }

    #[test]
    fn german() {
        is("EU-Standardvertragsklauseln", Scc);
        is("verbindliche interne Datenschutzvorschriften", Bcr);
        is("Angemessenheitsbeschluss der Kommission", Adequacy);
        is("Auftragsverarbeitungsvertrag (AVV)", DpaOnly);
        is("AVV", DpaOnly);
    }

    #[test]
    fn french() {
        is("clauses contractuelles types", Scc);
        is("décision d'adéquation", Adequacy);
        is("règles d'entreprise contraignantes", Bcr);
        is("bouclier de protection des données", PrivacyShield);
    }

    #[test]
    fn italian() {
        is("clausole contrattuali standard", Scc);
        is(
            "Clausola contrattuale standard e valutazione individuale",
            Scc,
        );
        is("clausole contrattuali tipo", Scc);
        is("decisione di adeguatezza", Adequacy);
        is("Scudo per la privacy", PrivacyShield);
        is("accordo sul trattamento dei dati", DpaOnly);
        is("nomina a responsabile del trattamento", DpaOnly);
        is("Regole aziendali vincolanti", Bcr);
    }

    #[test]
    fn polish() {
        is("standardowe klauzule umowne", Scc);
        is("na podstawie standardowych klauzul umownych", Scc);
        is("SKU", Scc);
        is("Tarcza Prywatności", PrivacyShield);
        is("unieważnienie Osłony prywatności", PrivacyShield);
        is("wiążące reguły korporacyjne", Bcr);
        is("decyzja stwierdzająca odpowiedni stopień ochrony", Adequacy);
        is(
            "decyzja Komisji stwierdzająca odpowiedni stopień ochrony",
            Adequacy,
        );
        is("umowa powierzenia przetwarzania danych", DpaOnly);
    }

    #[test]
    fn spanish_and_dutch() {
        is("cláusulas contractuales tipo", Scc);
        is("decisión de adecuación", Adequacy);
        is("normas corporativas vinculantes", Bcr);
        is("modelcontractbepalingen", Scc);
        is("standaardcontractbepalingen", Scc);
        is("verwerkersovereenkomst", DpaOnly);
    }

    #[test]
    fn the_strongest_named_tool_wins() {
        is("DPA incl. SCCs", Scc);
        is("SCCs; certified under the Data Privacy Framework", Dpf);
        is(
            "formerly Privacy Shield, now Standard Contractual Clauses",
            Scc,
        );
        is(
            "Accordo per l'elaborazione dei dati. Decisione di esecuzione della Commissione europea del 28 giugno 2021",
            Adequacy,
        );
    }

    #[test]
    fn nothing_named() {
        assert_eq!(detect("Hosting"), None);
        assert_eq!(detect("the DPA is great"), Some(DpaOnly));
        assert_eq!(detect("we use an SDK"), None);
    }

    #[test]
    fn mentions_are_located() {
        let text = "Hosting web Accordo per l'elaborazione dei dati /";
        let found = mentions(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].start..found[0].end],
            "Accordo per l'elaborazione dei dati"
        );
    }
}
