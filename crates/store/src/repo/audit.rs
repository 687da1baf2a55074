//! The audit log: written in the same transaction as every change, read back for history
//! and for rebuilding earlier states.

use super::*;
use crate::entities::audit_entry as table;
use chrono::{DateTime, Utc};
use dpadesk_model::{AuditAction, AuditEntry};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

#[derive(Debug)]
pub struct Change<'a> {
    pub at: DateTime<Utc>,
    pub actor: &'a str,
    pub entity: EntityKind,
    pub entity_id: Id,
    pub action: AuditAction,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// The organisation a change's record belongs to: an organisation itself, or the
/// `organisation_id` its record holds; none for the catalogues every client shares.
fn organisation_of(change: &Change<'_>) -> Option<String> {
    if change.entity == EntityKind::Organisation {
        return Some(change.entity_id.to_string());
    }
    change
        .after
        .as_ref()
        .or(change.before.as_ref())
        .and_then(|v| v.get("organisation_id")?.as_str().map(String::from))
}

pub async fn write<C: ConnectionTrait>(c: &C, change: Change<'_>) -> Result<()> {
    let organisation_id = organisation_of(&change);
    let row = table::ActiveModel {
        seq: sea_orm::ActiveValue::NotSet,
        at: sea_orm::Set(change.at),
        actor: sea_orm::Set(change.actor.to_string()),
        entity: sea_orm::Set(change.entity.as_str().to_string()),
        entity_id: sea_orm::Set(change.entity_id.to_string()),
        action: sea_orm::Set(serde_name(&change.action)),
        before: sea_orm::Set(change.before),
        after: sea_orm::Set(change.after),
        organisation_id: sea_orm::Set(organisation_id),
    };
    table::Entity::insert(row).exec_without_returning(c).await?;
    Ok(())
}

fn from_row(m: table::Model) -> Result<AuditEntry> {
    Ok(AuditEntry {
        seq: m.seq,
        at: m.at,
        actor: m.actor,
        entity: EntityKind::parse(&m.entity)
            .ok_or_else(|| crate::StoreError::Corrupt(format!("unknown entity {}", m.entity)))?,
        entity_id: id_parse(&m.entity_id)?,
        action: enum_parse(&m.action)?,
        before: m.before,
        after: m.after,
    })
}

/// The history of one record, oldest change first.
pub async fn for_record<C: ConnectionTrait>(
    c: &C,
    entity: EntityKind,
    id: Id,
) -> Result<Vec<AuditEntry>> {
    table::Entity::find()
        .filter(table::Column::Entity.eq(entity.as_str()))
        .filter(table::Column::EntityId.eq(id.to_string()))
        .order_by_asc(table::Column::Seq)
        .all(c)
        .await?
        .into_iter()
        .map(from_row)
        .collect()
}

/// The histories of the records `ids` of one kind, oldest change first, a few queries for
/// any number of records.
pub async fn for_records<C: ConnectionTrait>(
    c: &C,
    entity: EntityKind,
    ids: &[Id],
) -> Result<Vec<AuditEntry>> {
    let mut out = Vec::new();
    for batch in ids.chunks(super::links::BATCH) {
        let rows = table::Entity::find()
            .filter(table::Column::Entity.eq(entity.as_str()))
            .filter(table::Column::EntityId.is_in(batch.iter().map(Id::to_string)))
            .order_by_asc(table::Column::Seq)
            .all(c)
            .await?;
        for m in rows {
            out.push(from_row(m)?);
        }
    }
    out.sort_by_key(|e| e.seq);
    Ok(out)
}

/// The changes up to and including `until` to one organisation's records and to the
/// catalogues every client shares, oldest first: what its past register is rebuilt from.
pub async fn until_for<C: ConnectionTrait>(
    c: &C,
    organisation: Id,
    until: DateTime<Utc>,
) -> Result<Vec<AuditEntry>> {
    table::Entity::find()
        .filter(table::Column::At.lte(until))
        .filter(
            sea_orm::Condition::any()
                .add(table::Column::OrganisationId.eq(organisation.to_string()))
                .add(table::Column::OrganisationId.is_null()),
        )
        .order_by_asc(table::Column::Seq)
        .all(c)
        .await?
        .into_iter()
        .map(from_row)
        .collect()
}

/// Every change up to and including `until`, oldest first.
pub async fn until<C: ConnectionTrait>(c: &C, until: DateTime<Utc>) -> Result<Vec<AuditEntry>> {
    table::Entity::find()
        .filter(table::Column::At.lte(until))
        .order_by_asc(table::Column::Seq)
        .all(c)
        .await?
        .into_iter()
        .map(from_row)
        .collect()
}
