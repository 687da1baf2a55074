//! The audit log: one entry per create, update or delete, with the whole record before and
//! after, so any earlier state can be rebuilt.

use crate::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Organisation,
    Activity,
    ProcessorRecord,
    Vendor,
    Dpa,
    SubprocessorList,
    Measure,
    Tia,
}

impl EntityKind {
    pub const ALL: [EntityKind; 8] = [
        Self::Organisation,
        Self::Activity,
        Self::ProcessorRecord,
        Self::Vendor,
        Self::Dpa,
        Self::SubprocessorList,
        Self::Measure,
        Self::Tia,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Organisation => "organisation",
            Self::Activity => "activity",
            Self::ProcessorRecord => "processor_record",
            Self::Vendor => "vendor",
            Self::Dpa => "dpa",
            Self::SubprocessorList => "subprocessor_list",
            Self::Measure => "measure",
            Self::Tia => "tia",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    /// Increases with every change in the vault.
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// The OS user name of whoever made the change.
    pub actor: String,
    pub entity: EntityKind,
    pub entity_id: Id,
    pub action: AuditAction,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}
