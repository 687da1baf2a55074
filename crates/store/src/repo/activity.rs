//! Processing activities: the `activity` row, its JSON columns, and its links to measures
//! and to the vendors its processor recipients name.

use super::links::{self, ACTIVITY_MEASURE, ACTIVITY_VENDOR};
use super::*;
use crate::entities::{activity as table, organisation};
use dpadesk_model::{Activity, ActivityData};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Select,
};

fn to_row(r: &Activity) -> table::Model {
    let d = &r.data;
    table::Model {
        id: r.id.to_string(),
        organisation_id: d.organisation_id.to_string(),
        reference: d.reference.clone(),
        name: d.name.clone(),
        description: d.description.clone(),
        owner: to_json(&d.owner),
        status: serde_name(&d.status),
        reviewed_on: d.reviewed_on,
        next_review_on: d.next_review_on,
        purposes: to_json(&d.purposes),
        subject_categories: to_json(&d.subject_categories),
        data_categories: to_json(&d.data_categories),
        recipients: to_json(&d.recipients),
        transfers: to_json(&d.transfers),
        dpia_required: d.dpia_required,
        dpia_reference: d.dpia_reference.clone(),
        systems: to_json(&d.systems),
        data_locations: to_json(&d.data_locations),
        links: to_json(&d.links),
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

fn from_row(m: table::Model, measure_ids: Vec<Id>) -> Result<Activity> {
    let id = id_parse(&m.id)?;
    Ok(Activity {
        id,
        created_at: m.created_at,
        updated_at: m.updated_at,
        data: ActivityData {
            organisation_id: id_parse(&m.organisation_id)?,
            reference: m.reference,
            name: m.name,
            description: m.description,
            owner: from_json(m.owner)?,
            status: enum_parse(&m.status)?,
            reviewed_on: m.reviewed_on,
            next_review_on: m.next_review_on,
            purposes: from_json(m.purposes)?,
            subject_categories: from_json(m.subject_categories)?,
            data_categories: from_json(m.data_categories)?,
            recipients: from_json(m.recipients)?,
            transfers: from_json(m.transfers)?,
            measure_ids,
            dpia_required: m.dpia_required,
            dpia_reference: m.dpia_reference,
            systems: from_json(m.systems)?,
            data_locations: from_json(m.data_locations)?,
            links: from_json(m.links)?,
        },
    })
}

async fn load<C: ConnectionTrait>(c: &C, query: Select<table::Entity>) -> Result<Vec<Activity>> {
    let rows = query
        .order_by_asc(table::Column::Reference)
        .order_by_asc(table::Column::Name)
        .all(c)
        .await?;
    let ids = rows
        .iter()
        .map(|m| id_parse(&m.id))
        .collect::<Result<Vec<_>>>()?;
    let mut measures = links::targets_of(c, ACTIVITY_MEASURE, &ids).await?;
    rows.into_iter()
        .zip(ids)
        .map(|(m, id)| from_row(m, measures.remove(&id).unwrap_or_default()))
        .collect()
}

pub async fn list_for_organisation<C: ConnectionTrait>(
    c: &C,
    organisation: Id,
) -> Result<Vec<Activity>> {
    load(
        c,
        table::Entity::find().filter(table::Column::OrganisationId.eq(organisation.to_string())),
    )
    .await
}

/// "activity “Payroll” of Acme" for each id, for messages about what uses a record.
pub async fn describe<C: ConnectionTrait>(c: &C, ids: &[Id]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(a) = table::Entity::find_by_id(id.to_string()).one(c).await? {
            let org = organisation::Entity::find_by_id(a.organisation_id)
                .one(c)
                .await?;
            let org = org.map(|o| o.name).unwrap_or_default();
            out.push(format!("activity “{}” of {org}", a.name));
        }
    }
    Ok(out)
}

async fn write_links<C: ConnectionTrait>(c: &C, r: &Activity) -> Result<()> {
    links::replace(c, ACTIVITY_MEASURE, r.id, &r.measure_ids).await?;
    links::replace(c, ACTIVITY_VENDOR, r.id, &r.vendor_ids()).await
}

impl Aggregate for ActivityData {
    const KIND: EntityKind = EntityKind::Activity;

    async fn get<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<Activity>> {
        match table::Entity::find_by_id(id.to_string()).one(c).await? {
            Some(m) => Ok(Some(from_row(
                m,
                links::targets(c, ACTIVITY_MEASURE, id).await?,
            )?)),
            None => Ok(None),
        }
    }

    async fn list<C: ConnectionTrait>(c: &C) -> Result<Vec<Activity>> {
        load(c, table::Entity::find()).await
    }

    async fn insert<C: ConnectionTrait>(c: &C, r: &Activity) -> Result<()> {
        table::Entity::insert(to_row(r).into_active_model().reset_all())
            .exec_without_returning(c)
            .await?;
        write_links(c, r).await
    }

    async fn update<C: ConnectionTrait>(c: &C, r: &Activity) -> Result<()> {
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

    fn label(r: &Activity) -> String {
        format!("activity “{}”", r.name)
    }
}
