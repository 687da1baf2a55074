//! Which item of a register a label names: a column header, the first cell of a row, a
//! heading or the words before a colon, in seven languages (`data/register_fields.txt`).

use super::RegisterField;
use crate::fold::{Folded, Phrases, fold, parse_table};
use std::sync::LazyLock;

static LABELS: LazyLock<Vec<(RegisterField, Phrases)>> = LazyLock::new(|| {
    parse_table(&longest_first(include_str!("../data/register_fields.txt")))
        .into_iter()
        .filter_map(|(key, phrases)| Some((RegisterField::from_key(&key)?, phrases)))
        .collect()
});

/// The table with each key's phrases longest first: a regex takes the first alternative that
/// matches, and a label must be matched by its longest phrase to be measured right.
fn longest_first(table: &str) -> String {
    let mut out = String::with_capacity(table.len());
    for line in table.lines() {
        match line.split_once('|') {
            Some((key, phrases)) if !line.trim_start().starts_with('#') => {
                let mut phrases: Vec<&str> = phrases.split(';').map(str::trim).collect();
                phrases.sort_by_key(|p| std::cmp::Reverse(p.split_whitespace().count()));
                out.push_str(&format!("{key}| {}\n", phrases.join("; ")));
            }
            _ => {}
        }
    }
    out
}

/// The field `label` names, if it names one. The phrase found must be most of the label (or
/// two words or more of it), so "Fecha inicio tratamiento" is not taken for the name and
/// "Name and contact details of the controller" not for the activity's name.
pub(crate) fn field_of(label: &str) -> Option<RegisterField> {
    let label = without_asides(label);
    let words = fold(&label).split_whitespace().count();
    if words == 0 || words > 14 {
        return None;
    }
    let folded = Folded::new(&label);
    let mut best: Option<(usize, RegisterField)> = None;
    for (field, phrases) in LABELS.iter() {
        for (start, end) in phrases.all(&label, &folded) {
            let found = fold(&label[start..end]).split_whitespace().count().max(1);
            if best.is_none_or(|(len, _)| found > len) {
                best = Some((found, *field));
            }
        }
    }
    let (found, field) = best?;
    (found >= 2 || found * 2 >= words).then_some(field)
}

/// The label without what is in brackets or after a colon ("Categorías especiales (Art. 9)",
/// "Podstawa prawna (propozycja, do potwierdzenia)"), and without Markdown emphasis.
fn without_asides(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut depth = 0usize;
    for c in label.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '*' | '_' if depth == 0 => {}
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().trim_end_matches([':', '：']).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use RegisterField::*;

    #[test]
    fn labels_in_seven_languages_name_their_field() {
        for (label, field) in [
            ("Purpose(s) of the processing", Purposes),
            ("Zwecke der Verarbeitung", Purposes),
            ("Finalité(s)", Purposes),
            ("Cel", Purposes),
            ("Finalidad", Purposes),
            ("Doeleinden", Purposes),
            ("Podstawa prawna (propozycja, do potwierdzenia)", LegalBasis),
            ("**Base jurídica**", LegalBasis),
            ("Rechtsgrundlage", LegalBasis),
            ("Kategorie osób", SubjectCategories),
            ("Categorías de interesados", SubjectCategories),
            ("Kategorie danych", DataCategories),
            ("Données personnelles traitées", DataCategories),
            ("Categorías especiales (Art. 9)", SpecialCategories),
            ("Szczególne kategorie danych", SpecialCategories),
            ("Special categories of personal data", SpecialCategories),
            (
                "Besondere Kategorien personenbezogener Daten",
                SpecialCategories,
            ),
            ("Descriptif du traitement", Description),
            ("Durée de conservation des données", Retention),
            ("Löschfristen", Retention),
            ("Plazo supresión", Retention),
            ("Transferts hors Union Européenne", Transfers),
            ("Services internes ayant accès aux données", InternalAccess),
            ("Destinatarios", Recipients),
            ("Zabezpieczenia", Measures),
            ("Technische und organisatorische Maßnahmen", Measures),
            ("Nom du traitement", Name),
            ("Verarbeitungstätigkeit", Name),
            ("Nécessité de réaliser une analyse d’impact", Dpia),
        ] {
            assert_eq!(field_of(label), Some(field), "{label}");
        }
    }

    #[test]
    fn labels_that_only_mention_a_field_word_name_nothing() {
        for label in [
            "Fecha inicio tratamiento",
            "Name and contact details of the controller",
            "Responsable",
            "Datos de contacto",
            "Status",
            "",
        ] {
            assert_eq!(field_of(label), None, "{label}");
        }
    }
}
