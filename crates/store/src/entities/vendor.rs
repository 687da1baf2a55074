//! Table `vendor`: the vault's vendor catalogue.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "vendor")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub legal_name: String,
    pub aliases: Json,
    pub address: String,
    pub country: Option<String>,
    pub services: Json,
    pub contact: Json,
    pub website: String,
    pub international_organisation: Option<String>,
    pub scope_checks: Json,
    pub remote_access_from: Json,
    pub notes: String,
    pub list_url: String,
    pub watch_daily: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
