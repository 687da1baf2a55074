//! The reference dataset the user loaded: kept whole in one row, replaced on each load.

use super::*;
use crate::entities::reference_dataset as table;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{EntityTrait, IntoActiveModel, sea_query::OnConflict};

const ROW: i32 = 1;

/// The loaded file's text, if the user loaded one.
pub async fn get<C: ConnectionTrait>(c: &C) -> Result<Option<String>> {
    Ok(table::Entity::find_by_id(ROW)
        .one(c)
        .await?
        .map(|m| m.content))
}

pub async fn put<C: ConnectionTrait>(
    c: &C,
    version: &str,
    date: NaiveDate,
    content: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    let row = table::Model {
        id: ROW,
        version: version.to_string(),
        date,
        content: content.to_string(),
        loaded_at: at,
    };
    table::Entity::insert(row.into_active_model())
        .on_conflict(
            OnConflict::column(table::Column::Id)
                .update_columns([
                    table::Column::Version,
                    table::Column::Date,
                    table::Column::Content,
                    table::Column::LoadedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(c)
        .await?;
    Ok(())
}

/// Goes back to the dataset the app ships with.
pub async fn clear<C: ConnectionTrait>(c: &C) -> Result<()> {
    table::Entity::delete_by_id(ROW).exec(c).await?;
    Ok(())
}
