//! Versions of vendors' subprocessor lists: the list row and its ordered entries.

use super::*;
use crate::entities::{subprocessor_entry as entry, subprocessor_list as table};
use dpadesk_model::{ChangeReview, SubprocessorEntry, SubprocessorList, SubprocessorListData};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Select,
};

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

async fn from_row<C: ConnectionTrait>(c: &C, m: table::Model) -> Result<SubprocessorList> {
    let entries = entry::Entity::find()
        .filter(entry::Column::ListId.eq(&m.id))
        .order_by_asc(entry::Column::Position)
        .all(c)
        .await?
        .into_iter()
        .map(entry_from_row)
        .collect::<Result<_>>()?;
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
    let mut out = Vec::with_capacity(rows.len());
    for m in rows {
        out.push(from_row(c, m).await?);
    }
    Ok(out)
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
            Some(m) => Ok(Some(from_row(c, m).await?)),
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

    async fn delete<C: ConnectionTrait>(c: &C, id: Id) -> Result<()> {
        table::Entity::delete_by_id(id.to_string()).exec(c).await?;
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
