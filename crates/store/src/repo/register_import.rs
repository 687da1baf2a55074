//! The register imports made in the vault: written with the records they make, read for
//! history, marked when undone.

use super::*;
use crate::entities::register_import as table;
use chrono::{DateTime, Utc};
use dpadesk_model::RegisterImportEntry;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

fn ids_parse(value: serde_json::Value) -> Result<Vec<Id>> {
    from_json::<Vec<String>>(value)?
        .iter()
        .map(|s| id_parse(s))
        .collect()
}

fn from_row(m: table::Model) -> Result<RegisterImportEntry> {
    Ok(RegisterImportEntry {
        id: id_parse(&m.id)?,
        organisation_id: id_parse(&m.organisation_id)?,
        at: m.at,
        actor: m.actor,
        file_name: m.file_name,
        new_organisation: m.new_organisation,
        activity_ids: ids_parse(m.activity_ids)?,
        vendor_ids: ids_parse(m.vendor_ids)?,
        undone_at: m.undone_at,
        undone_by: m.undone_by,
    })
}

pub async fn insert<C: ConnectionTrait>(c: &C, e: &RegisterImportEntry) -> Result<()> {
    let ids = |ids: &[Id]| to_json(&ids.iter().map(Id::to_string).collect::<Vec<_>>());
    let row = table::Model {
        id: e.id.to_string(),
        organisation_id: e.organisation_id.to_string(),
        at: e.at,
        actor: e.actor.clone(),
        file_name: e.file_name.clone(),
        new_organisation: e.new_organisation,
        activity_ids: ids(&e.activity_ids),
        vendor_ids: ids(&e.vendor_ids),
        undone_at: e.undone_at,
        undone_by: e.undone_by.clone(),
    };
    table::Entity::insert(row.into_active_model())
        .exec_without_returning(c)
        .await?;
    Ok(())
}

pub async fn get<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<RegisterImportEntry>> {
    table::Entity::find_by_id(id.to_string())
        .one(c)
        .await?
        .map(from_row)
        .transpose()
}

/// One organisation's imports, newest first.
pub async fn list_for_organisation<C: ConnectionTrait>(
    c: &C,
    organisation: Id,
) -> Result<Vec<RegisterImportEntry>> {
    table::Entity::find()
        .filter(table::Column::OrganisationId.eq(organisation.to_string()))
        .order_by_desc(table::Column::At)
        .all(c)
        .await?
        .into_iter()
        .map(from_row)
        .collect()
}

pub async fn mark_undone<C: ConnectionTrait>(
    c: &C,
    id: Id,
    at: DateTime<Utc>,
    by: &str,
) -> Result<()> {
    let row = table::ActiveModel {
        id: Set(id.to_string()),
        undone_at: Set(Some(at)),
        undone_by: Set(Some(by.to_string())),
        ..Default::default()
    };
    table::Entity::update(row).exec(c).await?;
    Ok(())
}

/// An organisation's imports go with it.
pub async fn delete_for_organisation<C: ConnectionTrait>(c: &C, organisation: Id) -> Result<()> {
    table::Entity::delete_many()
        .filter(table::Column::OrganisationId.eq(organisation.to_string()))
        .exec(c)
        .await?;
    Ok(())
}
