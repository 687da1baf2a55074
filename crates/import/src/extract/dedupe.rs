//! One row per company: the same entity named twice (in a table and again in the prose under
//! it, or in two tables) is merged, keeping the surer reading and filling its gaps from the
//! other. Two names of one group with different legal forms ("Atlassian Pty Ltd", "Atlassian
//! B.V.") are different companies and stay apart.

use super::names;
use crate::{Field, ImportedRow};
use dpadesk_model::TransferMechanism;

pub(super) fn merge(rows: Vec<ImportedRow>) -> Vec<ImportedRow> {
    let mut merged: Vec<(String, String, ImportedRow)> = Vec::new();
    for row in rows {
        let key = names::key(&row.name);
        // "Functional Software, Inc. (Sentry)" in the table is "Functional Software, Inc."
        // in the section about it: the product in brackets does not make another company.
        let unbracketed = without_brackets(&row.name);
        // Only a company's legal name is that sure: "Microsoft" and "Microsoft (Azure)" may
        // be two rows of one list.
        let bare = match names::legal_form_end(&unbracketed) {
            Some(_) => names::key(&unbracketed),
            None => String::new(),
        };
        let form = names::legal_form(&row.name);
        let same = |kept: &ImportedRow| match (&form, names::legal_form(&kept.name)) {
            (Some(mine), Some(theirs)) => *mine == theirs,
            _ => true,
        };
        // In a file of several vendors' lists, each vendor's rows stay its own; two rows of
        // one table naming one company for two services are two entries of the list.
        let found = merged.iter_mut().find(|(k, b, kept)| {
            (*k == key || (!bare.is_empty() && *b == bare))
                && same(kept)
                && kept.listed_for == row.listed_for
                && !(kept.table.is_some() && kept.table == row.table && kept.service != row.service)
        });
        match found {
            Some((_, _, kept)) => absorb(kept, row),
            None => merged.push((key, bare, row)),
        }
    }
    merged.into_iter().map(|(_, _, row)| row).collect()
}

/// A name without the words it adds in brackets ("(Sentry)"); a number in brackets ("(2)")
/// tells rows apart and stays.
pub(super) fn without_brackets(name: &str) -> String {
    static WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"[(\[][^()\[\]]*\p{L}[^()\[\]]*[)\]]")
            .expect("the bracket pattern is valid")
    });
    WORDS.replace_all(name, " ").into_owned()
}

/// Folds `other` into `kept`; the surer row gives the values, the other only fills blanks.
fn absorb(kept: &mut ImportedRow, other: ImportedRow) {
    let (mut sure, less) = if other.confidence > kept.confidence {
        (other, kept.clone())
    } else {
        (kept.clone(), other)
    };
    let fill = |mine: &mut String, theirs: &str| {
        if mine.is_empty() {
            *mine = theirs.to_string();
        }
    };
    fill(&mut sure.address, &less.address);
    fill(&mut sure.service, &less.service);
    fill(&mut sure.location, &less.location);
    if sure.country.is_none() && less.country.is_some() {
        sure.country = less.country.clone();
        sure.uncertain.retain(|f| *f != Field::Country);
        if less.uncertain.contains(&Field::Country) {
            sure.uncertain.push(Field::Country);
        }
    }
    if sure.mechanism == TransferMechanism::Unknown && less.mechanism != TransferMechanism::Unknown
    {
        sure.mechanism = less.mechanism;
    }
    for cert in less.certifications {
        if !sure
            .certifications
            .iter()
            .any(|c| c.eq_ignore_ascii_case(&cert))
        {
            sure.certifications.push(cert);
        }
    }
    if !sure.source.contains(&less.source) {
        sure.source = format!("{}\n…\n{}", sure.source, less.source);
    }
    *kept = sure;
}
