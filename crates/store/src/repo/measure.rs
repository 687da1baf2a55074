//! The security measure library: the `measure` row; deleting is refused while linked.

use super::links::{self, ACTIVITY_MEASURE, ORGANISATION_MEASURE, PROCESSOR_RECORD_MEASURE};
use super::*;
use crate::entities::{measure as table, organisation};
use dpadesk_model::{Measure, MeasureData};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, QueryOrder};

fn to_row(r: &Measure) -> table::Model {
    table::Model {
        id: r.id.to_string(),
        control_group: serde_name(&r.group),
        title: r.title.clone(),
        description: r.description.clone(),
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

fn from_row(m: table::Model) -> Result<Measure> {
    Ok(Measure {
        id: id_parse(&m.id)?,
        created_at: m.created_at,
        updated_at: m.updated_at,
        data: MeasureData {
            group: enum_parse(&m.control_group)?,
            title: m.title,
            description: m.description,
        },
    })
}

impl Aggregate for MeasureData {
    const KIND: EntityKind = EntityKind::Measure;

    async fn get<C: ConnectionTrait>(c: &C, id: Id) -> Result<Option<Measure>> {
        table::Entity::find_by_id(id.to_string())
            .one(c)
            .await?
            .map(from_row)
            .transpose()
    }

    async fn list<C: ConnectionTrait>(c: &C) -> Result<Vec<Measure>> {
        let rows = table::Entity::find()
            .order_by_asc(table::Column::ControlGroup)
            .order_by_asc(table::Column::Title)
            .all(c)
            .await?;
        rows.into_iter().map(from_row).collect()
    }

    async fn insert<C: ConnectionTrait>(c: &C, r: &Measure) -> Result<()> {
        table::Entity::insert(to_row(r).into_active_model().reset_all())
            .exec_without_returning(c)
            .await?;
        Ok(())
    }

    async fn update<C: ConnectionTrait>(c: &C, r: &Measure) -> Result<()> {
        to_row(r).into_active_model().reset_all().update(c).await?;
        Ok(())
    }

    async fn delete<C: ConnectionTrait>(c: &C, id: Id) -> Result<()> {
        table::Entity::delete_by_id(id.to_string()).exec(c).await?;
        Ok(())
    }

    async fn referenced_by<C: ConnectionTrait>(c: &C, id: Id) -> Result<Vec<String>> {
        let mut uses = Vec::new();
        for org in links::owners(c, ORGANISATION_MEASURE, id).await? {
            if let Some(o) = organisation::Entity::find_by_id(org.to_string())
                .one(c)
                .await?
            {
                uses.push(format!("organisation {}", o.name));
            }
        }
        let activities = links::owners(c, ACTIVITY_MEASURE, id).await?;
        uses.extend(super::activity::describe(c, &activities).await?);
        let records = links::owners(c, PROCESSOR_RECORD_MEASURE, id).await?;
        if !records.is_empty() {
            uses.push(format!("{} processor record(s)", records.len()));
        }
        Ok(uses)
    }

    fn label(r: &Measure) -> String {
        format!("measure “{}”", r.title)
    }
}
