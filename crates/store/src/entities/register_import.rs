//! Table `register_import`: one row per register import, with the records it made.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "register_import")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub organisation_id: String,
    pub at: DateTimeUtc,
    pub actor: String,
    pub file_name: String,
    pub new_organisation: bool,
    pub activity_ids: Json,
    pub vendor_ids: Json,
    pub undone_at: Option<DateTimeUtc>,
    pub undone_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
