//! Table `organisation`: one row per organisation whose register is kept.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "organisation")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub role: String,
    pub address: String,
    pub country: Option<String>,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub registration_number: String,
    pub dpo: Option<Json>,
    pub eu_representative: Option<Json>,
    pub joint_controllers: Json,
    pub lead_supervisory_authority: String,
    pub notes: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
