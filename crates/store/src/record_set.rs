//! Records written as they are, with the audit entries that tell their history: an
//! organisation moving in from another vault keeps its ids, times and log, and no new
//! entry claims it was created here; or records made here (an imported register), each with
//! the "created" entry a single insert leaves. One transaction, so a failure leaves the vault
//! as it was.

use crate::error::Result;
use crate::repo::document::{self, StoredDocument};
use crate::repo::{self, Aggregate, audit};
use chrono::{DateTime, Utc};
use dpadesk_model::*;
use sea_orm::ConnectionTrait;

/// What to write; each list may be empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordSet {
    pub measures: Vec<Measure>,
    pub vendors: Vec<Vendor>,
    pub organisations: Vec<Organisation>,
    pub activities: Vec<Activity>,
    pub processor_records: Vec<ProcessorRecord>,
    /// The files the DPAs below refer to.
    pub documents: Vec<StoredDocument>,
    pub dpas: Vec<Dpa>,
    pub subprocessor_lists: Vec<SubprocessorList>,
    pub tias: Vec<Tia>,
    /// Written in this order; each gets this vault's next `seq` (the given one is ignored).
    pub history: Vec<AuditEntry>,
}

async fn insert_all<A: Aggregate, C: ConnectionTrait>(c: &C, records: &[Record<A>]) -> Result<()> {
    for r in records {
        A::insert(c, r).await?;
    }
    Ok(())
}

pub(crate) async fn insert<C: ConnectionTrait>(c: &C, set: &RecordSet) -> Result<()> {
    // What is referred to goes in before what refers to it, as the foreign keys require.
    insert_all(c, &set.measures).await?;
    insert_all(c, &set.vendors).await?;
    insert_all(c, &set.organisations).await?;
    insert_all(c, &set.activities).await?;
    insert_all(c, &set.processor_records).await?;
    for doc in &set.documents {
        document::insert_stored(c, doc).await?;
    }
    insert_all(c, &set.dpas).await?;
    insert_all(c, &set.subprocessor_lists).await?;
    insert_all(c, &set.tias).await?;
    for e in &set.history {
        audit::write(
            c,
            audit::Change {
                at: e.at,
                actor: &e.actor,
                entity: e.entity,
                entity_id: e.entity_id,
                action: e.action,
                before: e.before.clone(),
                after: e.after.clone(),
            },
        )
        .await?;
    }
    Ok(())
}

fn created<A: Aggregate>(records: &[Record<A>], actor: &str, at: DateTime<Utc>) -> Vec<AuditEntry> {
    records
        .iter()
        .map(|r| AuditEntry {
            seq: 0,
            at,
            actor: actor.to_string(),
            entity: A::KIND,
            entity_id: r.id,
            action: AuditAction::Create,
            before: None,
            after: Some(repo::to_json(r)),
        })
        .collect()
}

/// `set` with one "created" entry per record, by `actor` at `at`, in place of its history.
pub(crate) fn as_created(set: &RecordSet, actor: &str, at: DateTime<Utc>) -> RecordSet {
    let mut history = created(&set.measures, actor, at);
    history.extend(created(&set.vendors, actor, at));
    history.extend(created(&set.organisations, actor, at));
    history.extend(created(&set.activities, actor, at));
    history.extend(created(&set.processor_records, actor, at));
    history.extend(created(&set.dpas, actor, at));
    history.extend(created(&set.subprocessor_lists, actor, at));
    history.extend(created(&set.tias, actor, at));
    RecordSet {
        history,
        ..set.clone()
    }
}
