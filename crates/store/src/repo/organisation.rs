//! Organisations: the `organisation` row, its JSON columns and its measure links.

use super::links::{self, ORGANISATION_MEASURE};
use super::*;
use crate::entities::{activity, dpa, organisation as table, processor_record, tia};
use dpadesk_model::{Organisation, OrganisationData};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder,
};

fn to_row(r: &Organisation) -> table::Model {
    let d = &r.data;
    table::Model {
        id: r.id.to_string(),
        name: d.name.clone(),
        role: serde_name(&d.role),
        address: d.address.clone(),
        country: country_str(&d.country),
        email: d.email.clone(),
        phone: d.phone.clone(),
        website: d.website.clone(),
        registration_number: d.registration_number.clone(),
        dpo: d.dpo.as_ref().map(to_json),
        eu_representative: d.eu_representative.as_ref().map(to_json),
        joint_controllers: to_json(&d.joint_controllers),
        lead_supervisory_authority: d.lead_supervisory_authority.clone(),
        notes: d.notes.clone(),
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

async fn from_row<C: ConnectionTrait>(c: &C, m: table::Model) -> Result<Organisation> {
    let id = id_parse(&m.id)?;
    Ok(Organisation {
        id,
        created_at: m.created_at,
        updated_at: m.updated_at,
        data: OrganisationData {
            name: m.name,
            role: enum_parse(&m.role)?,
            address: m.address,
            country: country_parse(m.country)?,
            email: m.email,
            phone: m.phone,
            website: m.website,
            registration_number: m.registration_number,
            dpo: opt_from_json(m.dpo)?,
            eu_representative: opt_from_json(m.eu_representative)?,
            joint_controllers: from_json(m.joint_controllers)?,
            lead_supervisory_authority: m.lead_supervisory_authority,
            measure_ids: links::targets(c, ORGANISATION_MEASURE, id).await?,
            notes: m.notes,
        },
    })
}

impl Aggregate for OrganisationData {
    const KIND: EntityKind = EntityKind::Organisation;

    async fn get<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<Organisation>> {
        match table::Entity::find_by_id(id.to_string()).one(c).await? {
            Some(m) => Ok(Some(from_row(c, m).await?)),
            None => Ok(None),
        }
    }

    async fn list<C: ConnectionTrait>(c: &C) -> Result<Vec<Organisation>> {
        let rows = table::Entity::find()
            .order_by_asc(table::Column::Name)
            .all(c)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for m in rows {
            out.push(from_row(c, m).await?);
        }
        Ok(out)
    }

    async fn insert<C: ConnectionTrait>(c: &C, r: &Organisation) -> Result<()> {
        table::Entity::insert(to_row(r).into_active_model().reset_all())
            .exec_without_returning(c)
            .await?;
        links::replace(c, ORGANISATION_MEASURE, r.id, &r.measure_ids).await
    }

    async fn update<C: ConnectionTrait>(c: &C, r: &Organisation) -> Result<()> {
        to_row(r).into_active_model().reset_all().update(c).await?;
        links::replace(c, ORGANISATION_MEASURE, r.id, &r.measure_ids).await
    }

    async fn delete<C: ConnectionTrait>(c: &C, id: Id) -> Result<()> {
        super::register_import::delete_for_organisation(c, id).await?;
        table::Entity::delete_by_id(id.to_string()).exec(c).await?;
        Ok(())
    }

    async fn referenced_by<C: ConnectionTrait>(c: &C, id: Id) -> Result<Vec<String>> {
        let id = id.to_string();
        let activities = activity::Entity::find()
            .filter(activity::Column::OrganisationId.eq(&id))
            .count(c)
            .await?;
        let dpas = dpa::Entity::find()
            .filter(dpa::Column::OrganisationId.eq(&id))
            .count(c)
            .await?;
        let records = processor_record::Entity::find()
            .filter(processor_record::Column::OrganisationId.eq(&id))
            .count(c)
            .await?;
        let tias = tia::Entity::find()
            .filter(tia::Column::OrganisationId.eq(&id))
            .count(c)
            .await?;
        Ok([
            (activities, "processing activity", "processing activities"),
            (dpas, "DPA", "DPAs"),
            (records, "processor record", "processor records"),
            (
                tias,
                "transfer impact assessment",
                "transfer impact assessments",
            ),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect())
    }

    fn label(r: &Organisation) -> String {
        format!("organisation “{}”", r.name)
    }
}
