//! Table `activity`: processing activities of the Art. 30(1) register.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "activity")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub organisation_id: String,
    pub reference: String,
    pub name: String,
    pub description: String,
    pub owner: Json,
    pub status: String,
    pub reviewed_on: Option<Date>,
    pub next_review_on: Option<Date>,
    pub purposes: Json,
    pub subject_categories: Json,
    pub data_categories: Json,
    pub recipients: Json,
    pub transfers: Json,
    pub dpia_required: bool,
    pub dpia_reference: String,
    pub systems: Json,
    pub data_locations: Json,
    pub links: Json,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
