//! Table `tia`: transfer impact assessments, one per organisation × vendor (× subprocessor).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "tia")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub organisation_id: String,
    pub vendor_id: String,
    pub subprocessor: String,
    pub country: Option<String>,
    pub transfer_description: String,
    pub mechanism: Option<String>,
    pub scc_module: Option<String>,
    pub law_assessment: String,
    pub measures: Json,
    pub measures_notes: String,
    pub procedural_steps: String,
    pub conclusion: String,
    pub conclusion_notes: String,
    pub assessed_on: Option<Date>,
    pub assessed_by: String,
    pub re_evaluate_on: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
