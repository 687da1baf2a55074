//! Table `dpa`: data processing agreements between an organisation and a vendor.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dpa")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub organisation_id: String,
    pub vendor_id: String,
    pub version: String,
    pub signed_on: Option<Date>,
    pub effective_on: Option<Date>,
    pub expires_on: Option<Date>,
    pub next_review_on: Option<Date>,
    pub document_id: Option<String>,
    pub checklist: Json,
    pub objection_window_days: Option<i32>,
    pub transfer_mechanism: Option<String>,
    pub scc_module: Option<String>,
    pub transfer_instrument: String,
    pub notes: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
