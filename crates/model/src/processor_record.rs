//! The processor's register (Art. 30(2)): one record per client controller the organisation
//! processes data for.

use crate::{Id, Party, Record, TransferRecord};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct ProcessorRecordData {
    /// The organisation acting as processor.
    pub organisation_id: Id,
    /// The client controller, with its contact details.
    pub client: Party,
    /// The client's representative and DPO, where it has them.
    pub client_representative: Option<Party>,
    pub client_dpo: Option<Party>,
    /// Categories of processing carried out for this client.
    pub processing_categories: Vec<String>,
    /// Vendors engaged as subprocessors for this client.
    pub subprocessor_vendor_ids: Vec<Id>,
    pub transfers: Vec<TransferRecord>,
    pub measure_ids: Vec<Id>,
    /// Reference and date of the agreement with the client.
    pub dpa_reference: String,
    pub dpa_signed_on: Option<chrono::NaiveDate>,
    pub notes: String,
}

pub type ProcessorRecord = Record<ProcessorRecordData>;
