//! The audit log read for people: what changed in a record, field by field, and the whole
//! register rebuilt as it stood at the end of a past day.

use chrono::{DateTime, NaiveDate, Utc};
use dpadesk_model::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use ts_rs::TS;

/// One field's value before and after a change (`null` where it had none).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FieldChange {
    pub field: String,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RecordChange {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: AuditAction,
    pub fields: Vec<FieldChange>,
}

/// Fields every record has that say nothing about its content.
const BOOKKEEPING: [&str; 3] = ["id", "created_at", "updated_at"];

/// The fields that differ between two snapshots of a record.
fn diff(before: Option<&serde_json::Value>, after: Option<&serde_json::Value>) -> Vec<FieldChange> {
    let fields = |v: Option<&serde_json::Value>| -> BTreeMap<String, serde_json::Value> {
        v.and_then(|v| v.as_object())
            .map(|o| {
                o.iter()
                    .filter(|(k, _)| !BOOKKEEPING.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (old, new) = (fields(before), fields(after));
    let mut names: Vec<&String> = old.keys().chain(new.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter_map(|name| {
            let b = old.get(name).cloned().unwrap_or_default();
            let a = new.get(name).cloned().unwrap_or_default();
            (b != a && !(is_empty(&b) && is_empty(&a))).then(|| FieldChange {
                field: name.clone(),
                before: b,
                after: a,
            })
        })
        .collect()
}

/// Empty text, lists and absent values are the same thing to a reader.
fn is_empty(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Null => true,
        serde_json::Value::String(s) => s.is_empty(),
        serde_json::Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

pub fn changes(entries: &[AuditEntry]) -> Vec<RecordChange> {
    entries
        .iter()
        .map(|e| RecordChange {
            seq: e.seq,
            at: e.at,
            actor: e.actor.clone(),
            action: e.action,
            fields: diff(e.before.as_ref(), e.after.as_ref()),
        })
        .collect()
}

/// The last moment of `day`: "as of 2026-03-01" includes everything done that day.
pub fn end_of_day(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_milli_opt(23, 59, 59, 999)
        .unwrap_or_default()
        .and_utc()
}

/// The register of one organisation as it stood at a past moment.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RegisterSnapshot {
    pub as_of: NaiveDate,
    /// None when the organisation did not exist yet (or no longer existed).
    pub organisation: Option<Organisation>,
    pub activities: Vec<Activity>,
}

/// Replays `log` (oldest first, up to the moment wanted) into the latest state of each record.
pub fn replay<T: DeserializeOwned>(log: &[AuditEntry], kind: EntityKind) -> Vec<Record<T>> {
    let mut state: BTreeMap<Id, Option<&serde_json::Value>> = BTreeMap::new();
    for e in log.iter().filter(|e| e.entity == kind) {
        state.insert(e.entity_id, e.after.as_ref());
    }
    state
        .into_values()
        .flatten()
        .filter_map(|v| serde_json::from_value(v.clone()).ok())
        .collect()
}

pub fn register_as_of(log: &[AuditEntry], organisation: Id, as_of: NaiveDate) -> RegisterSnapshot {
    let organisation = replay::<OrganisationData>(log, EntityKind::Organisation)
        .into_iter()
        .find(|o| o.id == organisation);
    let mut activities: Vec<Activity> = match &organisation {
        Some(o) => replay::<ActivityData>(log, EntityKind::Activity)
            .into_iter()
            .filter(|a| a.data.organisation_id == o.id)
            .collect(),
        None => Vec::new(),
    };
    activities
        .sort_by(|a, b| (&a.data.reference, &a.data.name).cmp(&(&b.data.reference, &b.data.name)));
    RegisterSnapshot {
        as_of,
        organisation,
        activities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_change_lists_only_the_fields_that_differ() {
        let before =
            json!({"id": "x", "updated_at": "1", "name": "Payroll", "systems": [], "notes": ""});
        let after =
            json!({"id": "x", "updated_at": "2", "name": "Pay", "systems": [], "notes": null});
        let d = diff(Some(&before), Some(&after));
        assert_eq!(
            d,
            vec![FieldChange {
                field: "name".into(),
                before: json!("Payroll"),
                after: json!("Pay")
            }]
        );
        assert_eq!(
            diff(None, Some(&after)).len(),
            1,
            "a creation shows what was filled"
        );
    }
}
