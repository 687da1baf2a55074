//! Table `subprocessor_list`: one received version of a vendor's subprocessor list.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "subprocessor_list")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub vendor_id: String,
    pub received_on: Option<Date>,
    pub source: String,
    pub content_hash: String,
    pub review_status: String,
    pub review_note: String,
    pub reviewed_on: Option<Date>,
    pub evidence_document_id: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
