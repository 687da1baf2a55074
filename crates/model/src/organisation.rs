//! An organisation whose register is kept: one vault holds any number of them (a
//! consultant's clients). Holds the Art. 30(1)(a) header of the register.

use crate::{CountryCode, Dpo, Id, Party, Record};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum OrgRole {
    #[default]
    Controller,
    Processor,
    Both,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct OrganisationData {
    pub name: String,
    pub role: OrgRole,
    pub address: String,
    /// Country of main establishment.
    pub country: Option<CountryCode>,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub registration_number: String,
    pub dpo: Option<Dpo>,
    /// Art. 27 representative, for organisations established outside the EU.
    pub eu_representative: Option<Party>,
    pub joint_controllers: Vec<Party>,
    /// The competent or lead supervisory authority, e.g. "UODO (PL)".
    pub lead_supervisory_authority: String,
    /// Security measures of the whole organisation, from the measure library.
    pub measure_ids: Vec<Id>,
    pub notes: String,
}

pub type Organisation = Record<OrganisationData>;
