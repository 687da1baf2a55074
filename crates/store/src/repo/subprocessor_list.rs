//! Versions of vendors' subprocessor lists: the list row and its ordered entries.

use super::links;
use super::*;
use crate::entities::{subprocessor_entry as entry, subprocessor_list as table};
use dpadesk_model::{ChangeReview, SubprocessorEntry, SubprocessorList, SubprocessorListData};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Select,
};
use std::collections::HashMap;

fn to_row(r: &SubprocessorList) -> table::Model {
    table::Model {
        id: r.id.to_string(),
        vendor_id: r.vendor_id.to_string(),
        received_on: r.received_on,
        source: r.source.clone(),
        content_hash: r.content_hash.clone(),
        review_status: serde_name(&r.review.status),
        review_note: r.review.note.clone(),
        reviewed_on: r.review.decided_on,
        evidence_document_id: r.evidence.map(|id| id.to_string()),
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

fn entry_from_row(m: entry::Model) -> Result<SubprocessorEntry> {
    Ok(SubprocessorEntry {
        name: m.name,
        address: m.address,
        country: country_parse(m.country)?,
        service: m.service,
        processing_location: m.processing_location,
        mechanism: m.mechanism.as_deref().map(enum_parse).transpose()?,
        certifications: from_json(m.certifications)?,
        vendor_id: m.vendor_id.as_deref().map(id_parse).transpose()?,
    })
}

/// The entries of the lists `ids`, in list order, a few queries for any number of lists.
async fn entries_of<C: ConnectionTrait>(
    c: &C,
    ids: &[String],
) -> Result<HashMap<String, Vec<SubprocessorEntry>>> {
    let mut out: HashMap<String, Vec<SubprocessorEntry>> = HashMap::new();
    for batch in ids.chunks(links::BATCH) {
        let rows = entry::Entity::find()
            .filter(entry::Column::ListId.is_in(batch.iter().cloned()))
            .order_by_asc(entry::Column::ListId)
            .order_by_asc(entry::Column::Position)
            .all(c)
            .await?;
        for m in rows {
            let list = m.list_id.clone();
            out.entry(list).or_default().push(entry_from_row(m)?);
        }
    }
    Ok(out)
}

fn from_row(m: table::Model, entries: Vec<SubprocessorEntry>) -> Result<SubprocessorList> {
    Ok(SubprocessorList {
        id: id_parse(&m.id)?,
        created_at: m.created_at,
        updated_at: m.updated_at,
        data: SubprocessorListData {
            vendor_id: id_parse(&m.vendor_id)?,
            received_on: m.received_on,
            source: m.source,
            content_hash: m.content_hash,
            entries,
            review: ChangeReview {
                status: enum_parse(&m.review_status)?,
                note: m.review_note,
                decided_on: m.reviewed_on,
            },
            evidence: m
                .evidence_document_id
                .as_deref()
                .map(id_parse)
                .transpose()?,
        },
    })
}

async fn write_entries<C: ConnectionTrait>(c: &C, r: &SubprocessorList) -> Result<()> {
    entry::Entity::delete_many()
        .filter(entry::Column::ListId.eq(r.id.to_string()))
        .exec(c)
        .await?;
    if r.entries.is_empty() {
        return Ok(());
    }
    let rows = r
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| entry::ActiveModel {
            id: sea_orm::ActiveValue::NotSet,
            list_id: sea_orm::Set(r.id.to_string()),
            position: sea_orm::Set(i32::try_from(i).unwrap_or(i32::MAX)),
            name: sea_orm::Set(e.name.clone()),
            address: sea_orm::Set(e.address.clone()),
            country: sea_orm::Set(country_str(&e.country)),
            service: sea_orm::Set(e.service.clone()),
            processing_location: sea_orm::Set(e.processing_location.clone()),
            mechanism: sea_orm::Set(e.mechanism.as_ref().map(serde_name)),
            certifications: sea_orm::Set(to_json(&e.certifications)),
            vendor_id: sea_orm::Set(e.vendor_id.map(|id| id.to_string())),
        });
    entry::Entity::insert_many(rows)
        .exec_without_returning(c)
        .await?;
    Ok(())
}

async fn load<C: ConnectionTrait>(
    c: &C,
    query: Select<table::Entity>,
) -> Result<Vec<SubprocessorList>> {
    let rows = query
        .order_by_asc(table::Column::ReceivedOn)
        .order_by_asc(table::Column::CreatedAt)
        .all(c)
        .await?;
    let ids: Vec<String> = rows.iter().map(|m| m.id.clone()).collect();
    let mut entries = entries_of(c, &ids).await?;
    rows.into_iter()
        .map(|m| {
            let own = entries.remove(&m.id).unwrap_or_default();
            from_row(m, own)
        })
        .collect()
}

/// A vendor's list versions, oldest first.
pub async fn list_for_vendor<C: ConnectionTrait>(
    c: &C,
    vendor: Id,
) -> Result<Vec<SubprocessorList>> {
    load(
        c,
        table::Entity::find().filter(table::Column::VendorId.eq(vendor.to_string())),
    )
    .await
}

impl Aggregate for SubprocessorListData {
    const KIND: EntityKind = EntityKind::SubprocessorList;

    async fn get<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<SubprocessorList>> {
        match table::Entity::find_by_id(id.to_string()).one(c).await? {
            Some(m) => {
                let mut entries = entries_of(c, std::slice::from_ref(&m.id)).await?;
                let own = entries.remove(&m.id).unwrap_or_default();
                Ok(Some(from_row(m, own)?))
            }
            None => Ok(None),
        }
    }

    async fn list<C: ConnectionTrait>(c: &C) -> Result<Vec<SubprocessorList>> {
        load(c, table::Entity::find()).await
    }

    async fn insert<C: ConnectionTrait>(c: &C, r: &SubprocessorList) -> Result<()> {
        table::Entity::insert(to_row(r).into_active_model().reset_all())
            .exec_without_returning(c)
            .await?;
        write_entries(c, r).await
    }

    async fn update<C: ConnectionTrait>(c: &C, r: &SubprocessorList) -> Result<()> {
        to_row(r).into_active_model().reset_all().update(c).await?;
        write_entries(c, r).await
    }

    /// The page fetched for the version goes with it.
    async fn delete<C: ConnectionTrait>(c: &C, id: Id) -> Result<()> {
        let evidence = table::Entity::find_by_id(id.to_string())
            .one(c)
            .await?
            .and_then(|m| m.evidence_document_id);
        table::Entity::delete_by_id(id.to_string()).exec(c).await?;
        if let Some(doc) = evidence {
            super::document::delete(c, id_parse(&doc)?).await?;
        }
        Ok(())
    }

    async fn referenced_by<C: ConnectionTrait>(_: &C, _: Id) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    fn label(r: &SubprocessorList) -> String {
        format!(
            "subprocessor list of {}",
            r.received_on.map(|d| d.to_string()).unwrap_or_default()
        )
    }
}
