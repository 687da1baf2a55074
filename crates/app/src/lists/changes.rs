//! What changed between two versions of a list. Entries are paired by the catalogue vendor
//! they were matched to, else by name; text is compared without case, spacing or punctuation,
//! so a reformatted list naming the same subprocessors the same way is "no change".

use super::matching::same_entity;
use dpadesk_model::{SubprocessorEntry, TransferMechanism};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ListChanges {
    pub added: Vec<SubprocessorEntry>,
    pub removed: Vec<SubprocessorEntry>,
    pub changed: Vec<EntryChange>,
    pub unchanged: Vec<SubprocessorEntry>,
}

impl ListChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct EntryChange {
    pub before: SubprocessorEntry,
    pub after: SubprocessorEntry,
    pub fields: Vec<ChangedField>,
}

/// The properties of a subprocessor whose change a client may object to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ChangedField {
    Country,
    Location,
    Service,
    Mechanism,
}

fn one_entity(a: &SubprocessorEntry, b: &SubprocessorEntry) -> bool {
    match (a.vendor_id, b.vendor_id) {
        (Some(x), Some(y)) => x == y,
        _ => same_entity(&a.name, &b.name),
    }
}

fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn mechanism(e: &SubprocessorEntry) -> TransferMechanism {
    e.mechanism.unwrap_or(TransferMechanism::Unknown)
}

fn changed_fields(before: &SubprocessorEntry, after: &SubprocessorEntry) -> Vec<ChangedField> {
    let mut fields = Vec::new();
    if before.country != after.country {
        fields.push(ChangedField::Country);
    }
    if folded(&before.processing_location) != folded(&after.processing_location) {
        fields.push(ChangedField::Location);
    }
    if folded(&before.service) != folded(&after.service) {
        fields.push(ChangedField::Service);
    }
    if mechanism(before) != mechanism(after) {
        fields.push(ChangedField::Mechanism);
    }
    fields
}

/// Pairs the entries of `before` and `after` and sorts them into added, removed, changed and
/// unchanged (each in the order of the list it comes from).
pub fn compare(before: &[SubprocessorEntry], after: &[SubprocessorEntry]) -> ListChanges {
    let mut unpaired: Vec<Option<&SubprocessorEntry>> = before.iter().map(Some).collect();
    let mut out = ListChanges::default();
    for entry in after {
        let pair = unpaired
            .iter_mut()
            .find(|slot| slot.is_some_and(|old| one_entity(old, entry)))
            .and_then(Option::take);
        match pair {
            None => out.added.push(entry.clone()),
            Some(old) => {
                let fields = changed_fields(old, entry);
                if fields.is_empty() {
                    out.unchanged.push(entry.clone());
                } else {
                    out.changed.push(EntryChange {
                        before: old.clone(),
                        after: entry.clone(),
                        fields,
                    });
                }
            }
        }
    }
    out.removed = unpaired.into_iter().flatten().cloned().collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpadesk_model::CountryCode;

    fn entry(name: &str, country: &str, service: &str) -> SubprocessorEntry {
        SubprocessorEntry {
            name: name.into(),
            country: country.parse::<CountryCode>().ok(),
            service: service.into(),
            mechanism: Some(TransferMechanism::Eea),
            ..Default::default()
        }
    }

    #[test]
    fn a_reformatted_list_of_the_same_subprocessors_is_no_change() {
        let before = [
            entry("Hetzner Online GmbH", "DE", "Hosting"),
            entry("Zendesk, Inc.", "US", "Customer support"),
        ];
        let after = [
            entry("ZENDESK INC", "US", "customer-support"),
            entry("Hetzner Online", "DE", "hosting"),
        ];
        let changes = compare(&before, &after);
        assert!(changes.is_empty(), "{changes:?}");
        assert_eq!(changes.unchanged.len(), 2);
    }

    #[test]
    fn added_removed_and_moved_subprocessors_are_told_apart() {
        let before = [
            entry("Hetzner Online GmbH", "DE", "Hosting"),
            entry("OVH SAS", "FR", "Backups"),
        ];
        let mut moved = entry("Hetzner Online GmbH", "US", "Hosting");
        moved.mechanism = Some(TransferMechanism::Scc);
        let after = [moved, entry("Twilio Inc.", "US", "SMS")];
        let changes = compare(&before, &after);
        assert_eq!(changes.added.len(), 1);
        assert_eq!(changes.added[0].name, "Twilio Inc.");
        assert_eq!(changes.removed.len(), 1);
        assert_eq!(changes.removed[0].name, "OVH SAS");
        assert_eq!(changes.changed.len(), 1);
        assert_eq!(
            changes.changed[0].fields,
            vec![ChangedField::Country, ChangedField::Mechanism]
        );
    }

    #[test]
    fn entries_matched_to_one_vendor_pair_up_under_different_names() {
        let id = dpadesk_model::Id::new();
        let mut a = entry("Amazon Web Services EMEA SARL", "LU", "Hosting");
        let mut b = entry("Cloud hosting provider (AWS)", "LU", "Hosting");
        a.vendor_id = Some(id);
        b.vendor_id = Some(id);
        assert!(compare(&[a], &[b]).is_empty());
    }
}
