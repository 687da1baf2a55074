//! What the text around the rows says about them: who wrote the list (a vendor is no
//! subprocessor of its own, though its name heads the page and its sentences), and which tables
//! the text introduces as not being subprocessors ("services we use that are not
//! subprocessors", "inactive", "nieaktywne").

use super::names;
use crate::fold::{Folded, Phrases, parse_table};
use dpadesk_model::TransferMechanism;
use regex::Regex;
use std::sync::LazyLock;

/// The names a document gives its own writer: "Controller: Acme GmbH", "Acme GmbH engages
/// the following sub-processors", in the languages the importer reads.
pub(super) fn authors(lines: &[String]) -> Vec<String> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\W*(?:data\s+)?(?:controller|verantwortliche[r]?|responsable\s+du\s+traitement|titolare\s+del\s+trattamento|responsable\s+del\s+tratamiento|administrator\s+danych|verwerkingsverantwoordelijke)\s*:\s*(.+)$",
        )
        .expect("the author label pattern is valid")
    });
    static ENGAGES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\W*(.{2,80}?)\s+(?:engages|uses|may\s+engage|may\s+use|has\s+engaged|works\s+with|relies\s+on|setzt|beauftragt|nutzt|fait\s+appel\s+à|recourt\s+à|utilise|si\s+avvale\s+d[ie]|utilizza|utiliza|recurre\s+a|korzysta\s+z|powierza|maakt\s+gebruik\s+van|schakelt)\b.{0,100}?\b(?:(?:data\s+)?(?:sub-?\s?)?processors?|subcontractors?|unterauftrags?verarbeiter|unterauftragnehmer|subprozessor(?:en)?|dienstleister|sous-traitants?|sub-?responsabili|subencargados?|podprocesor|podmiot|subverwerkers?)",
        )
        .expect("the author sentence pattern is valid")
    });
    let mut found = Vec::new();
    for i in 0..lines.len() {
        // A sentence may run on over the next lines; a label is one line.
        let line = lines[i].trim();
        let sentence = lines[i..lines.len().min(i + 3)].join(" ");
        let name = match (LABEL.captures(line), ENGAGES.captures(&sentence)) {
            // "Controller: Acme GmbH, Street 1, Berlin": the name before the address.
            (Some(c), _) => c
                .get(1)
                .map(|m| m.as_str().split(',').next().unwrap_or_default().to_string()),
            // "To support our Services, Kandra Labs, Inc. may engage…": the company that ends
            // the words before the verb.
            (None, Some(c)) => c.get(1).and_then(|m| company_at_end(m.as_str())),
            (None, None) => None,
        };
        if let Some(name) = name.map(|n| without_article(&names::clean_name(&n)))
            && names::legal_form_end(&name).is_some()
            && !found.contains(&name)
        {
            found.push(name);
        }
    }
    found
}

/// The shortest run of comma-separated parts closing `text` that reads as a company.
fn company_at_end(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(", ").collect();
    (1..=parts.len())
        .map(|k| parts[parts.len() - k..].join(", "))
        .find(|c| names::legal_form_end(c).is_some() && !names::key(c).is_empty())
}

/// "Die Nexato GmbH" is Nexato GmbH.
pub(super) fn without_article(name: &str) -> String {
    const ARTICLES: [&str; 12] = [
        "the ", "die ", "der ", "das ", "la ", "le ", "il ", "el ", "de ", "het ", "l'", "lo ",
    ];
    let lower = name.to_lowercase();
    ARTICLES
        .iter()
        .find(|a| lower.starts_with(*a))
        .map_or_else(|| name.to_string(), |a| name[a.len()..].to_string())
}

/// The transfer tool a passage about transfers names for a subprocessor the rows left without
/// one: "Per i trasferimenti verso paesi terzi (in particolare Anthropic, USA) si applicano:
/// Clausole Contrattuali Tipo…". The first tool named after the company counts, as the later
/// ones are often conditions ("DPF when the provider joins it").
pub(super) fn tool_named_for(lines: &[String], company: &str) -> Option<TransferMechanism> {
    static TRANSFER: LazyLock<Vec<(String, Phrases)>> = LazyLock::new(|| {
        parse_table(
            "transfer | transfer*; ubermittlung*; transfert*; trasferiment*; transferencia*; przekazywan*; przekazani*; doorgifte*",
        )
    });
    let word = names::key(company)
        .split_whitespace()
        .find(|w| w.len() >= 4)?
        .to_string();
    lines.iter().enumerate().find_map(|(i, line)| {
        let folded = Folded::new(line);
        let about = crate::fold::fold(line)
            .split_whitespace()
            .any(|w| w == word);
        let on_transfers = TRANSFER
            .iter()
            .any(|(_, p)| p.first(line, &folded).is_some());
        if !about || !on_transfers {
            return None;
        }
        let window = lines[i..lines.len().min(i + 4)].join("\n");
        let after = window.find(line.as_str()).map_or(0, |at| at + line.len());
        crate::mechanism::mentions(&window[after..])
            .first()
            .map(|m| m.mechanism)
    })
}

/// The line right before a table saying what follows are not subprocessors, if one does.
pub(super) fn non_subprocessor_intro(lines: &[String]) -> Option<String> {
    // Said of subprocessors themselves: enough on its own.
    static NOT: LazyLock<Vec<(String, Phrases)>> = LazyLock::new(|| {
        parse_table(
            "not | not subprocessors; not sub processors; not a subprocessor; not a sub processor; are not subprocessors; no subprocessors; not considered subprocessors; nicht als unterauftragsverarbeiter; keine unterauftragsverarbeiter; kein unterauftragsverarbeiter; ne sont pas des sous traitants; pas des sous traitants; non sono sub responsabili; non sono subresponsabili; no son subencargados; no son subencargados del tratamiento; nie sa podprocesorami; nie jest podprocesorem; geen subverwerkers; geen subverwerker",
        )
    });
    // A state that says so only of a line about subprocessors or providers ("Potential
    // subprocessors (inactive)"), not of any sentence ("data are not used for training").
    static STATE: LazyLock<Vec<(String, Phrases)>> = LazyLock::new(|| {
        parse_table(
            "state | not used; inactive; not active; no longer used; inaktiv; nicht mehr genutzt; inactifs; inactives; inattivi; non piu utilizzati; inactivos; nieaktywne; nieaktywni; niewykorzystywan*; inactief; niet meer gebruikt",
        )
    });
    static ABOUT: LazyLock<Vec<(String, Phrases)>> = LazyLock::new(|| {
        parse_table(
            "about | subprocessor*; sub processor*; processor*; provider*; vendor*; supplier*; unterauftragsverarbeiter*; dienstleister*; anbieter*; sous traitant*; prestataire*; fournisseur*; sub responsabil*; subresponsabil*; fornitor*; subencargad*; proveedor*; podprocesor*; podprzetwarzajac*; dostawc*; subverwerker*; leverancier*",
        )
    });
    let says = |table: &[(String, Phrases)], line: &str, folded: &Folded| {
        table.iter().any(|(_, p)| p.first(line, folded).is_some())
    };
    lines
        .iter()
        .rev()
        .take(6)
        .find(|line| {
            let folded = Folded::new(line);
            says(&NOT, line, &folded)
                || (says(&STATE, line, &folded) && says(&ABOUT, line, &folded))
        })
        .map(|line| line.trim().trim_start_matches('#').trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn the_writer_is_named_by_its_label_or_its_sentence() {
        assert_eq!(
            authors(&lines(
                "Controller: IT-Direkt GmbH, Aroser Allee 66, Berlin"
            )),
            ["IT-Direkt GmbH"]
        );
        assert_eq!(
            authors(&lines(
                "Die Nexato GmbH setzt sorgfältig ausgewählte Subprozessoren ein."
            )),
            ["Nexato GmbH"]
        );
        assert_eq!(
            authors(&lines(
                "To support delivery of our Services, Kandra Labs, Inc. may engage and use data processors"
            )),
            ["Kandra Labs, Inc."]
        );
        assert!(authors(&lines("Provider: Amazon Web Services, Inc.")).is_empty());
    }

    #[test]
    fn a_table_introduced_as_not_subprocessors_is_told_apart() {
        assert_eq!(
            non_subprocessor_intro(&lines(
                "## Zidentyfikowane potencjalne podprocesory (nieaktywne)\n\nDostawcy wymienieni w kodzie"
            ))
            .as_deref(),
            Some("Zidentyfikowane potencjalne podprocesory (nieaktywne)")
        );
        assert!(
            non_subprocessor_intro(&lines("The following services are not subprocessors:"))
                .is_some()
        );
        assert!(non_subprocessor_intro(&lines("## Subprocessors")).is_none());
        assert!(
            non_subprocessor_intro(&lines("Customer data are not used to train any model."))
                .is_none(),
            "a state said of something else"
        );
        assert!(non_subprocessor_intro(&lines("## Inactive providers")).is_some());
    }
}
