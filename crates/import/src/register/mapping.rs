//! Which field each label of a register goes to: suggested from the label's words, changed
//! by the user, and remembered per layout (the labels a file uses, in order) so that the next
//! file of the same shape maps itself.

use super::{Found, RegisterField, labels};
use crate::fold::fold;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a label's cells go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Target {
    Field(RegisterField),
    /// Kept, word for word, in the activity's notes.
    Notes,
    /// Left out (a column of row numbers, a "last edited" stamp).
    Skip,
}

impl From<Target> for String {
    fn from(t: Target) -> String {
        match t {
            Target::Field(f) => f.key().to_string(),
            Target::Notes => "notes".into(),
            Target::Skip => "skip".into(),
        }
    }
}

impl TryFrom<String> for Target {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        match s.as_str() {
            "notes" => Ok(Target::Notes),
            "skip" => Ok(Target::Skip),
            key => RegisterField::from_key(key)
                .map(Target::Field)
                .ok_or_else(|| {
                    let fields: Vec<&str> = RegisterField::ALL.iter().map(|f| f.key()).collect();
                    format!(
                        "\"{key}\" is no field of a register; use one of {}, notes or skip",
                        fields.join(", ")
                    )
                }),
        }
    }
}

/// The user's choices: a label (as written in the file) to where its cells go. Labels are
/// compared folded, so "Zweck", "ZWECK" and "Zweck:" are one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    #[serde(default)]
    pub labels: BTreeMap<String, Target>,
}

impl Mapping {
    fn target_of(&self, label: &str) -> Option<Target> {
        let key = label_key(label);
        self.labels
            .iter()
            .find(|(l, _)| label_key(l) == key)
            .map(|(_, t)| *t)
    }
}

/// A label as read, where its cells go, and where the words alone would send them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelRead {
    pub label: String,
    pub target: Target,
    pub suggested: Target,
    /// How many cells carry this label.
    pub cells: usize,
}

pub(crate) fn label_key(label: &str) -> String {
    fold(label.trim().trim_end_matches(':'))
}

/// Every label of the activities found, in the order first seen.
pub(crate) fn labels_of(found: &[Found], mapping: &Mapping) -> Vec<LabelRead> {
    let mut out: Vec<LabelRead> = Vec::new();
    for entry in found.iter().flat_map(|f| &f.entries) {
        let key = label_key(&entry.label);
        if let Some(seen) = out.iter_mut().find(|l| label_key(&l.label) == key) {
            seen.cells += 1;
            continue;
        }
        let suggested = labels::field_of(&entry.label)
            .map(Target::Field)
            .unwrap_or(Target::Notes);
        out.push(LabelRead {
            label: entry.label.clone(),
            target: mapping.target_of(&entry.label).unwrap_or(suggested),
            suggested,
            cells: 1,
        });
    }
    out
}

/// Where `label`'s cells go, given the labels read.
pub(crate) fn target(labels: &[LabelRead], label: &str) -> Target {
    let key = label_key(label);
    labels
        .iter()
        .find(|l| label_key(&l.label) == key)
        .map(|l| l.target)
        .unwrap_or(Target::Notes)
}

/// A short name for the set of labels a file uses: the same labels give the same name.
pub(crate) fn layout_of(labels: &[LabelRead]) -> String {
    let mut keys: Vec<String> = labels.iter().map(|l| label_key(&l.label)).collect();
    keys.sort();
    keys.dedup();
    // FNV-1a: stable across runs and platforms, which the standard hasher is not.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in keys.join("\u{1f}").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_file_reads_fields_notes_and_skip() {
        let m: Mapping = serde_json::from_str(
            r#"{"labels": {"Zweck": "purposes", "Bemerkung": "notes", "Lfd. Nr.": "skip"}}"#,
        )
        .unwrap();
        assert_eq!(
            m.target_of("ZWECK:"),
            Some(Target::Field(RegisterField::Purposes))
        );
        assert_eq!(m.target_of("Bemerkung"), Some(Target::Notes));
        assert_eq!(m.target_of("Lfd. Nr."), Some(Target::Skip));
        let bad = serde_json::from_str::<Mapping>(r#"{"labels": {"Zweck": "purpose"}}"#);
        assert!(
            bad.unwrap_err()
                .to_string()
                .contains("no field of a register")
        );
    }
}
