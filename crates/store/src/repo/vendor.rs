//! The vendor catalogue: the `vendor` row; deleting is refused while anything uses it.

use super::links::{self, ACTIVITY_VENDOR, PROCESSOR_RECORD_VENDOR};
use super::*;
use crate::entities::{
    dpa, organisation, processor_record, subprocessor_list, tia, vendor as table,
};
use dpadesk_model::{Party, Vendor, VendorData};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder,
};

fn to_row(r: &Vendor) -> table::Model {
    let d = &r.data;
    table::Model {
        id: r.id.to_string(),
        legal_name: d.legal_name.clone(),
        aliases: to_json(&d.aliases),
        address: d.address.clone(),
        country: country_str(&d.country),
        services: to_json(&d.services),
        contact: to_json(&d.contact),
        website: d.website.clone(),
        international_organisation: d.international_organisation.clone(),
        scope_checks: to_json(&d.scope_checks),
        remote_access_from: to_json(&d.remote_access_from),
        notes: d.notes.clone(),
        list_url: d.list_url.clone(),
        watch_daily: d.watch_daily,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

fn from_row(m: table::Model) -> Result<Vendor> {
    Ok(Vendor {
        id: id_parse(&m.id)?,
        created_at: m.created_at,
        updated_at: m.updated_at,
        data: VendorData {
            legal_name: m.legal_name,
            aliases: from_json(m.aliases)?,
            address: m.address,
            country: country_parse(m.country)?,
            services: from_json(m.services)?,
            contact: from_json(m.contact)?,
            website: m.website,
            international_organisation: m.international_organisation,
            scope_checks: from_json(m.scope_checks)?,
            remote_access_from: from_json(m.remote_access_from)?,
            notes: m.notes,
            list_url: m.list_url,
            watch_daily: m.watch_daily,
        },
    })
}

impl Aggregate for VendorData {
    const KIND: EntityKind = EntityKind::Vendor;

    async fn get<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<Vendor>> {
        table::Entity::find_by_id(id.to_string())
            .one(c)
            .await?
            .map(from_row)
            .transpose()
    }

    async fn list<C: ConnectionTrait>(c: &C) -> Result<Vec<Vendor>> {
        let rows = table::Entity::find()
            .order_by_asc(table::Column::LegalName)
            .all(c)
            .await?;
        rows.into_iter().map(from_row).collect()
    }

    async fn insert<C: ConnectionTrait>(c: &C, r: &Vendor) -> Result<()> {
        table::Entity::insert(to_row(r).into_active_model().reset_all())
            .exec_without_returning(c)
            .await?;
        Ok(())
    }

    async fn update<C: ConnectionTrait>(c: &C, r: &Vendor) -> Result<()> {
        to_row(r).into_active_model().reset_all().update(c).await?;
        Ok(())
    }

    async fn delete<C: ConnectionTrait>(c: &C, id: Id) -> Result<()> {
        table::Entity::delete_by_id(id.to_string()).exec(c).await?;
        Ok(())
    }

    async fn referenced_by<C: ConnectionTrait>(c: &C, id: Id) -> Result<Vec<String>> {
        let mut uses = Vec::new();
        let dpas = dpa::Entity::find()
            .filter(dpa::Column::VendorId.eq(id.to_string()))
            .all(c)
            .await?;
        for d in dpas {
            let org = organisation::Entity::find_by_id(d.organisation_id)
                .one(c)
                .await?;
            uses.push(format!(
                "the DPA of {}",
                org.map(|o| o.name).unwrap_or_default()
            ));
        }
        let activities = links::owners(c, ACTIVITY_VENDOR, id).await?;
        uses.extend(super::activity::describe(c, &activities).await?);
        for record in links::owners(c, PROCESSOR_RECORD_VENDOR, id).await? {
            if let Some(r) = processor_record::Entity::find_by_id(record.to_string())
                .one(c)
                .await?
            {
                let client: Party = from_json(r.client)?;
                uses.push(format!("the processor record for client {}", client.name));
            }
        }
        let lists = subprocessor_list::Entity::find()
            .filter(subprocessor_list::Column::VendorId.eq(id.to_string()))
            .count(c)
            .await?;
        if lists > 0 {
            uses.push(format!("{lists} version(s) of its subprocessor list"));
        }
        uses.extend(super::tia::describe(c, tia::Column::VendorId, id).await?);
        Ok(uses)
    }

    fn label(r: &Vendor) -> String {
        format!("vendor “{}”", r.legal_name)
    }
}
