//! Table `processor_record`: the Art. 30(2) record per client controller.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "processor_record")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub organisation_id: String,
    pub client: Json,
    pub client_representative: Option<Json>,
    pub client_dpo: Option<Json>,
    pub processing_categories: Json,
    pub transfers: Json,
    pub dpa_reference: String,
    pub dpa_signed_on: Option<Date>,
    pub notes: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
