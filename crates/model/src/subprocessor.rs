//! A vendor's subprocessor list as received on a date: one version with its entries.

use crate::{CountryCode, Id, Record, TransferMechanism};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct SubprocessorEntry {
    pub name: String,
    pub address: String,
    pub country: Option<CountryCode>,
    pub service: String,
    /// Where the data are processed, as the vendor states it ("EEA", "Frankfurt").
    pub processing_location: String,
    pub mechanism: Option<TransferMechanism>,
    pub certifications: Vec<String>,
    /// The catalogue vendor this subprocessor is, once the user matched it: "AWS" in one list
    /// and "Amazon Web Services EMEA SARL" in the next are then one entity.
    pub vendor_id: Option<Id>,
}

/// Where the user stands on a received version (the change from the version before it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    #[default]
    Pending,
    Reviewed,
    Accepted,
    Objected,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct ChangeReview {
    pub status: ReviewStatus,
    pub note: String,
    pub decided_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct SubprocessorListData {
    pub vendor_id: Id,
    pub received_on: Option<NaiveDate>,
    /// Where the list came from: a URL, a file name, "pasted text".
    pub source: String,
    /// SHA-256 of the source bytes, to recognise a list seen before.
    pub content_hash: String,
    pub entries: Vec<SubprocessorEntry>,
    pub review: ChangeReview,
    /// For a version fetched from the vendor's published address: the stored document
    /// holding the bytes fetched (their SHA-256 is `content_hash`, the address `source`).
    pub evidence: Option<Id>,
}

pub type SubprocessorList = Record<SubprocessorListData>;
