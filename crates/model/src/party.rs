//! People and organisations named in the register: contacts, the DPO, representatives,
//! joint controllers and client controllers.

use crate::CountryCode;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A person or organisation with the contact details a register names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct Party {
    pub name: String,
    pub address: String,
    pub country: Option<CountryCode>,
    pub email: String,
    pub phone: String,
}

/// A named contact person (for a vendor or an activity owner).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: String,
}

/// The data protection officer: a staff member, or a person at an external firm.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct Dpo {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// Set when the DPO is provided by an external firm.
    pub external_firm: Option<Party>,
}
