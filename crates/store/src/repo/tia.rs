//! Transfer impact assessments: the `tia` row; nothing refers to one.

use super::*;
use crate::entities::{organisation, tia as table};
use dpadesk_model::{Tia, TiaData};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Select,
};

fn to_row(r: &Tia) -> table::Model {
    let d = &r.data;
    table::Model {
        id: r.id.to_string(),
        organisation_id: d.organisation_id.to_string(),
        vendor_id: d.vendor_id.to_string(),
        subprocessor: d.subprocessor.clone(),
        country: country_str(&d.country),
        transfer_description: d.transfer_description.clone(),
        mechanism: d.mechanism.as_ref().map(serde_name),
        scc_module: d.scc_module.as_ref().map(serde_name),
        law_assessment: d.law_assessment.clone(),
        measures: to_json(&d.measures),
        measures_notes: d.measures_notes.clone(),
        procedural_steps: d.procedural_steps.clone(),
        conclusion: serde_name(&d.conclusion),
        conclusion_notes: d.conclusion_notes.clone(),
        assessed_on: d.assessed_on,
        assessed_by: d.assessed_by.clone(),
        re_evaluate_on: d.re_evaluate_on,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

fn from_row(m: table::Model) -> Result<Tia> {
    Ok(Tia {
        id: id_parse(&m.id)?,
        created_at: m.created_at,
        updated_at: m.updated_at,
        data: TiaData {
            organisation_id: id_parse(&m.organisation_id)?,
            vendor_id: id_parse(&m.vendor_id)?,
            subprocessor: m.subprocessor,
            country: country_parse(m.country)?,
            transfer_description: m.transfer_description,
            mechanism: m.mechanism.as_deref().map(enum_parse).transpose()?,
            scc_module: m.scc_module.as_deref().map(enum_parse).transpose()?,
            law_assessment: m.law_assessment,
            measures: from_json(m.measures)?,
            measures_notes: m.measures_notes,
            procedural_steps: m.procedural_steps,
            conclusion: enum_parse(&m.conclusion)?,
            conclusion_notes: m.conclusion_notes,
            assessed_on: m.assessed_on,
            assessed_by: m.assessed_by,
            re_evaluate_on: m.re_evaluate_on,
        },
    })
}

async fn load<C: ConnectionTrait>(c: &C, query: Select<table::Entity>) -> Result<Vec<Tia>> {
    query
        .order_by_asc(table::Column::CreatedAt)
        .all(c)
        .await?
        .into_iter()
        .map(from_row)
        .collect()
}

pub async fn list_for_organisation<C: ConnectionTrait>(
    c: &C,
    organisation: Id,
) -> Result<Vec<Tia>> {
    load(
        c,
        table::Entity::find().filter(table::Column::OrganisationId.eq(organisation.to_string())),
    )
    .await
}

/// The assessments that keep a record from being deleted, worded for the user.
pub(crate) async fn describe<C: ConnectionTrait>(
    c: &C,
    column: table::Column,
    id: Id,
) -> Result<Vec<String>> {
    let rows = table::Entity::find()
        .filter(column.eq(id.to_string()))
        .all(c)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let org = organisation::Entity::find_by_id(r.organisation_id)
            .one(c)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        out.push(match r.subprocessor.as_str() {
            "" => format!("the transfer impact assessment of {org}"),
            sub => format!("the transfer impact assessment of {org} for {sub}"),
        });
    }
    Ok(out)
}

impl Aggregate for TiaData {
    const KIND: EntityKind = EntityKind::Tia;

    async fn get<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<Tia>> {
        table::Entity::find_by_id(id.to_string())
            .one(c)
            .await?
            .map(from_row)
            .transpose()
    }

    async fn list<C: ConnectionTrait>(c: &C) -> Result<Vec<Tia>> {
        load(c, table::Entity::find()).await
    }

    async fn insert<C: ConnectionTrait>(c: &C, r: &Tia) -> Result<()> {
        table::Entity::insert(to_row(r).into_active_model().reset_all())
            .exec_without_returning(c)
            .await?;
        Ok(())
    }

    async fn update<C: ConnectionTrait>(c: &C, r: &Tia) -> Result<()> {
        to_row(r).into_active_model().reset_all().update(c).await?;
        Ok(())
    }

    async fn delete<C: ConnectionTrait>(c: &C, id: Id) -> Result<()> {
        table::Entity::delete_by_id(id.to_string()).exec(c).await?;
        Ok(())
    }

    async fn referenced_by<C: ConnectionTrait>(_: &C, _: Id) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    fn label(r: &Tia) -> String {
        match r.subprocessor.as_str() {
            "" => "transfer impact assessment".to_string(),
            sub => format!("transfer impact assessment for {sub}"),
        }
    }
}
