//! What a what-if may name: the references and destinations the dataset holds. A typo must
//! not read as an all-clear, so a hypothesis naming anything else is refused with the
//! closest known ones.

use crate::dataset::{Dataset, same_reference};
use crate::what_if::Hypothesis;

/// A hypothesis about something the dataset does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnknownHypothesis {
    #[error("The reference dataset holds no instrument “{reference}”; the closest it holds: {}.", .closest.join(", "))]
    Instrument {
        reference: String,
        closest: Vec<String>,
    },
    #[error("The reference dataset holds no adequacy decision for {destination}, so none can end; the closest with one: {}.", .closest.join(", "))]
    NoDecision {
        destination: String,
        closest: Vec<String>,
    },
}

/// How many near names a refusal offers.
const OFFERED: usize = 3;

impl Dataset {
    /// Refuses a hypothesis that names an instrument the dataset does not hold, or a
    /// destination that has no adequacy decision to end.
    pub fn knows(&self, hypothesis: &Hypothesis) -> Result<(), UnknownHypothesis> {
        match hypothesis {
            Hypothesis::DecisionEnded { destination, .. } => {
                if self.adequacy.iter().any(|a| &a.destination == destination) {
                    return Ok(());
                }
                let known = self
                    .adequacy
                    .iter()
                    .map(|a| (a.destination.code(), a.name.clone()));
                Err(UnknownHypothesis::NoDecision {
                    destination: destination.code(),
                    closest: closest(&destination.code(), known, str::to_uppercase),
                })
            }
            Hypothesis::InstrumentInvalidated { reference, .. } => {
                let known: Vec<(String, String)> = self
                    .adequacy
                    .iter()
                    .map(|a| (a.reference.clone(), a.name.clone()))
                    .chain(
                        self.scc
                            .iter()
                            .map(|g| (g.reference.clone(), g.name.clone())),
                    )
                    .chain(
                        self.invalidated
                            .iter()
                            .map(|i| (i.reference.clone(), i.name.clone())),
                    )
                    .collect();
                if known.iter().any(|(r, _)| same_reference(r, reference)) {
                    return Ok(());
                }
                Err(UnknownHypothesis::Instrument {
                    reference: reference.clone(),
                    closest: closest(reference, known, numbers_of),
                })
            }
        }
    }
}

/// The year and number of a reference ("(EU) 2021/914" → "2021/914"): what people mistype.
fn numbers_of(reference: &str) -> String {
    reference
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '/')
        .collect::<String>()
        .trim_matches('/')
        .to_string()
}

/// The known (code, name) pairs nearest to `typed`, compared in the form `key` gives them,
/// each as "code (name)".
fn closest(
    typed: &str,
    known: impl IntoIterator<Item = (String, String)>,
    key: impl Fn(&str) -> String,
) -> Vec<String> {
    let typed = key(typed);
    let mut scored: Vec<(usize, String, String)> = known
        .into_iter()
        .map(|(code, name)| (strsim::levenshtein(&typed, &key(&code)), code, name))
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(OFFERED)
        .map(|(_, code, name)| format!("{code} ({name})"))
        .collect()
}
