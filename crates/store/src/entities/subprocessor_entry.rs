//! Table `subprocessor_entry`: the rows of a subprocessor list version, in their order.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "subprocessor_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub list_id: String,
    pub position: i32,
    pub name: String,
    pub address: String,
    pub country: Option<String>,
    pub service: String,
    pub processing_location: String,
    pub mechanism: Option<String>,
    pub certifications: Json,
    pub vendor_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
