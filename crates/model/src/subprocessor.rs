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
}

pub type SubprocessorList = Record<SubprocessorListData>;
