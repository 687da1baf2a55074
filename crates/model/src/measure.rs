//! Technical and organisational security measures (Art. 32), grouped by the eight classic
//! control groups, kept in a library that organisations and activities link to.

use crate::Record;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS,
)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ControlGroup {
    /// Physical entry to premises.
    EntryControl,
    /// Access to systems.
    SystemAccessControl,
    /// Access to data inside systems.
    DataAccessControl,
    SeparationControl,
    TransferControl,
    InputControl,
    AvailabilityControl,
    InstructionControl,
    #[default]
    Other,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct MeasureData {
    pub group: ControlGroup,
    pub title: String,
    pub description: String,
}

pub type Measure = Record<MeasureData>;
