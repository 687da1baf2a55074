//! DPAs: the `dpa` row, its checklist, and the signed document it owns.

use super::*;
use crate::entities::dpa as table;
use dpadesk_model::{Dpa, DpaData};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Select,
};

fn to_row(r: &Dpa) -> table::Model {
    let d = &r.data;
    table::Model {
        id: r.id.to_string(),
        organisation_id: d.organisation_id.to_string(),
        vendor_id: d.vendor_id.to_string(),
        version: d.version.clone(),
        signed_on: d.signed_on,
        effective_on: d.effective_on,
        expires_on: d.expires_on,
        next_review_on: d.next_review_on,
        document_id: d.document.as_ref().map(|doc| doc.id.to_string()),
        checklist: to_json(&d.checklist),
        objection_window_days: d
            .objection_window_days
            .map(|n| i32::try_from(n).unwrap_or(i32::MAX)),
        transfer_mechanism: d.transfer_mechanism.as_ref().map(serde_name),
        scc_module: d.scc_module.as_ref().map(serde_name),
        transfer_instrument: d.transfer_instrument.clone(),
        notes: d.notes.clone(),
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

async fn from_row<C: ConnectionTrait>(c: &C, m: table::Model) -> Result<Dpa> {
    let document = match m.document_id {
        Some(doc) => super::document::meta(c, id_parse(&doc)?).await?,
        None => None,
    };
    Ok(Dpa {
        id: id_parse(&m.id)?,
        created_at: m.created_at,
        updated_at: m.updated_at,
        data: DpaData {
            organisation_id: id_parse(&m.organisation_id)?,
            vendor_id: id_parse(&m.vendor_id)?,
            version: m.version,
            signed_on: m.signed_on,
            effective_on: m.effective_on,
            expires_on: m.expires_on,
            next_review_on: m.next_review_on,
            document,
            checklist: from_json(m.checklist)?,
            objection_window_days: m.objection_window_days.map(|n| n.max(0) as u32),
            transfer_mechanism: m
                .transfer_mechanism
                .as_deref()
                .map(enum_parse)
                .transpose()?,
            scc_module: m.scc_module.as_deref().map(enum_parse).transpose()?,
            transfer_instrument: m.transfer_instrument,
            notes: m.notes,
        },
    })
}

async fn load<C: ConnectionTrait>(c: &C, query: Select<table::Entity>) -> Result<Vec<Dpa>> {
    let rows = query.order_by_asc(table::Column::CreatedAt).all(c).await?;
    let mut out = Vec::with_capacity(rows.len());
    for m in rows {
        out.push(from_row(c, m).await?);
    }
    Ok(out)
}

pub async fn list_for_organisation<C: ConnectionTrait>(
    c: &C,
    organisation: Id,
) -> Result<Vec<Dpa>> {
    load(
        c,
        table::Entity::find().filter(table::Column::OrganisationId.eq(organisation.to_string())),
    )
    .await
}

pub async fn list_for_vendor<C: ConnectionTrait>(c: &C, vendor: Id) -> Result<Vec<Dpa>> {
    load(
        c,
        table::Entity::find().filter(table::Column::VendorId.eq(vendor.to_string())),
    )
    .await
}

async fn stored_document<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<String>> {
    Ok(table::Entity::find_by_id(id.to_string())
        .one(c)
        .await?
        .and_then(|m| m.document_id))
}

impl Aggregate for DpaData {
    const KIND: EntityKind = EntityKind::Dpa;

    async fn get<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<Dpa>> {
        match table::Entity::find_by_id(id.to_string()).one(c).await? {
            Some(m) => Ok(Some(from_row(c, m).await?)),
            None => Ok(None),
        }
    }

    async fn list<C: ConnectionTrait>(c: &C) -> Result<Vec<Dpa>> {
        load(c, table::Entity::find()).await
    }

    async fn insert<C: ConnectionTrait>(c: &C, r: &Dpa) -> Result<()> {
        table::Entity::insert(to_row(r).into_active_model().reset_all())
            .exec_without_returning(c)
            .await?;
        Ok(())
    }

    /// A replaced document is dropped with the update: the vault keeps only the current one
    /// (its earlier metadata stays in the audit log).
    async fn update<C: ConnectionTrait>(c: &C, r: &Dpa) -> Result<()> {
        let old = stored_document(c, r.id).await?;
        to_row(r).into_active_model().reset_all().update(c).await?;
        let new = r.document.as_ref().map(|d| d.id.to_string());
        if let Some(old) = old.filter(|o| Some(o) != new.as_ref()) {
            super::document::delete(c, id_parse(&old)?).await?;
        }
        Ok(())
    }

    async fn delete<C: ConnectionTrait>(c: &C, id: Id) -> Result<()> {
        let doc = stored_document(c, id).await?;
        table::Entity::delete_by_id(id.to_string()).exec(c).await?;
        if let Some(doc) = doc {
            super::document::delete(c, id_parse(&doc)?).await?;
        }
        Ok(())
    }

    async fn referenced_by<C: ConnectionTrait>(_: &C, _: Id) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    fn label(r: &Dpa) -> String {
        format!("DPA version “{}”", r.version)
    }
}
