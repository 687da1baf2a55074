//! Transfer impact assessments: the user's documented answer, per transfer, to whether the
//! destination's law and practice let the transfer tool work (EDPB Recommendations 01/2020,
//! six steps; the CNIL's TIA guide). The app shows rules and sources; the conclusion is the
//! user's own.

use crate::{CountryCode, Id, Record, SccModule, TransferMechanism};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Supplementary measures of EDPB Recommendations 01/2020, Annex 2, that a TIA can rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum SupplementaryMeasure {
    /// Encryption at rest with the keys held only in the EEA (use case 1).
    EncryptionKeysInEea,
    /// Strong encryption in transit (use case 3).
    TransitEncryption,
    /// Data that only pass through the third country (use case 3).
    TransitOnly,
    /// Pseudonymised data whose key stays with the exporter (use case 2).
    Pseudonymisation,
    /// Processing split between independent processors (use case 5).
    SplitProcessing,
    /// The importer must report and challenge public authorities' requests.
    ChallengeRequests,
    /// The importer publishes transparency reports on requests received.
    TransparencyReports,
    /// Only the data the service needs are sent.
    DataMinimisation,
    /// Access limited to named staff, logged and reviewed.
    AccessControls,
    /// Internal policies, staff training and a request-handling procedure.
    InternalPolicies,
}

/// What the user concluded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum TiaConclusion {
    /// Still being written: not yet a documented TIA.
    #[default]
    Undecided,
    /// Protection essentially equivalent to the EEA's with the tool alone.
    Equivalent,
    /// Essentially equivalent thanks to the supplementary measures.
    EquivalentWithMeasures,
    /// Not essentially equivalent: the transfer must be suspended or ended.
    NotEquivalent,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct TiaData {
    /// The exporter.
    pub organisation_id: Id,
    /// The vendor whose relationship carries the transfer.
    pub vendor_id: Id,
    /// Empty for the transfer to the vendor itself; otherwise the subprocessor's name as on
    /// the vendor's list (an onward transfer).
    pub subprocessor: String,
    /// The destination assessed.
    pub country: Option<CountryCode>,
    /// Step 1: the data, purposes, format, who can access them, onward transfers.
    pub transfer_description: String,
    /// Step 2: the transfer tool relied on.
    pub mechanism: Option<TransferMechanism>,
    pub scc_module: Option<SccModule>,
    /// Step 3: the destination's law and practice as they bear on this transfer.
    pub law_assessment: String,
    /// Step 4: the supplementary measures adopted.
    pub measures: Vec<SupplementaryMeasure>,
    pub measures_notes: String,
    /// Step 5: procedural steps taken (e.g. SCCs signed unchanged, authority consulted).
    pub procedural_steps: String,
    pub conclusion: TiaConclusion,
    pub conclusion_notes: String,
    pub assessed_on: Option<NaiveDate>,
    pub assessed_by: String,
    /// Step 6: when the assessment is looked at again.
    pub re_evaluate_on: Option<NaiveDate>,
}

pub type Tia = Record<TiaData>;
