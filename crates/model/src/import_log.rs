//! The register imports made in a vault: each is one entry the user sees in history, naming
//! the records it made, so it can be undone as a whole.

use crate::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterImportEntry {
    pub id: Id,
    pub organisation_id: Id,
    pub at: DateTime<Utc>,
    pub actor: String,
    /// The file's name as the user gave it; empty when it was not known.
    pub file_name: String,
    /// True when the import made the organisation.
    pub new_organisation: bool,
    pub activity_ids: Vec<Id>,
    /// The vendors the import added for processors no vendor matched.
    pub vendor_ids: Vec<Id>,
    pub undone_at: Option<DateTime<Utc>>,
    pub undone_by: Option<String>,
}

/// What undoing an import removed, and what it had to keep because other records use it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportUndone {
    #[ts(type = "number")]
    pub activities_removed: usize,
    #[ts(type = "number")]
    pub vendors_removed: usize,
    /// Vendors added by the import that other records now use: kept, by name.
    pub vendors_kept: Vec<String>,
    pub organisation_removed: bool,
}
