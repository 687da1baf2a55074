//! Art. 30(2) processor records: the `processor_record` row and its vendor and measure links.

use super::links::{self, PROCESSOR_RECORD_MEASURE, PROCESSOR_RECORD_VENDOR};
use super::*;
use crate::entities::processor_record as table;
use dpadesk_model::{ProcessorRecord, ProcessorRecordData};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Select,
};

fn to_row(r: &ProcessorRecord) -> table::Model {
    let d = &r.data;
    table::Model {
        id: r.id.to_string(),
        organisation_id: d.organisation_id.to_string(),
        client: to_json(&d.client),
        client_representative: d.client_representative.as_ref().map(to_json),
        client_dpo: d.client_dpo.as_ref().map(to_json),
        processing_categories: to_json(&d.processing_categories),
        transfers: to_json(&d.transfers),
        dpa_reference: d.dpa_reference.clone(),
        dpa_signed_on: d.dpa_signed_on,
        notes: d.notes.clone(),
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

async fn from_row<C: ConnectionTrait>(c: &C, m: table::Model) -> Result<ProcessorRecord> {
    let id = id_parse(&m.id)?;
    Ok(ProcessorRecord {
        id,
        created_at: m.created_at,
        updated_at: m.updated_at,
        data: ProcessorRecordData {
            organisation_id: id_parse(&m.organisation_id)?,
            client: from_json(m.client)?,
            client_representative: opt_from_json(m.client_representative)?,
            client_dpo: opt_from_json(m.client_dpo)?,
            processing_categories: from_json(m.processing_categories)?,
            subprocessor_vendor_ids: links::targets(c, PROCESSOR_RECORD_VENDOR, id).await?,
            transfers: from_json(m.transfers)?,
            measure_ids: links::targets(c, PROCESSOR_RECORD_MEASURE, id).await?,
            dpa_reference: m.dpa_reference,
            dpa_signed_on: m.dpa_signed_on,
            notes: m.notes,
        },
    })
}

async fn load<C: ConnectionTrait>(
    c: &C,
    query: Select<table::Entity>,
) -> Result<Vec<ProcessorRecord>> {
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
) -> Result<Vec<ProcessorRecord>> {
    load(
        c,
        table::Entity::find().filter(table::Column::OrganisationId.eq(organisation.to_string())),
    )
    .await
}

async fn write_links<C: ConnectionTrait>(c: &C, r: &ProcessorRecord) -> Result<()> {
    links::replace(c, PROCESSOR_RECORD_VENDOR, r.id, &r.subprocessor_vendor_ids).await?;
    links::replace(c, PROCESSOR_RECORD_MEASURE, r.id, &r.measure_ids).await
}

impl Aggregate for ProcessorRecordData {
    const KIND: EntityKind = EntityKind::ProcessorRecord;

    async fn get<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<ProcessorRecord>> {
        match table::Entity::find_by_id(id.to_string()).one(c).await? {
            Some(m) => Ok(Some(from_row(c, m).await?)),
            None => Ok(None),
        }
    }

    async fn list<C: ConnectionTrait>(c: &C) -> Result<Vec<ProcessorRecord>> {
        load(c, table::Entity::find()).await
    }

    async fn insert<C: ConnectionTrait>(c: &C, r: &ProcessorRecord) -> Result<()> {
        table::Entity::insert(to_row(r).into_active_model().reset_all())
            .exec_without_returning(c)
            .await?;
        write_links(c, r).await
    }

    async fn update<C: ConnectionTrait>(c: &C, r: &ProcessorRecord) -> Result<()> {
        to_row(r).into_active_model().reset_all().update(c).await?;
        write_links(c, r).await
    }

    async fn delete<C: ConnectionTrait>(c: &C, id: Id) -> Result<()> {
        table::Entity::delete_by_id(id.to_string()).exec(c).await?;
        Ok(())
    }

    async fn referenced_by<C: ConnectionTrait>(_: &C, _: Id) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    fn label(r: &ProcessorRecord) -> String {
        format!("processor record for client “{}”", r.client.name)
    }
}
