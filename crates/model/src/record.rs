//! A stored aggregate: what the user edits (`T`) plus what the vault adds (id and times).
//! Keeping the editable part separate lets the same type serve a create form and an update.

use crate::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "Stored")]
pub struct Record<T> {
    pub id: Id,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(flatten)]
    pub data: T,
}

impl<T> std::ops::Deref for Record<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}
