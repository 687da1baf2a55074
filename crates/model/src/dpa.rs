//! A data processing agreement (Art. 28) between an organisation and a vendor: its dates,
//! the signed document, the Art. 28(3) checklist and the transfer set-up it agrees.

use crate::{Id, Record, TransferMechanism};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What Art. 28(3) requires a DPA to stipulate: the preamble items and points (a)–(h).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Art28Item {
    SubjectMatterAndDuration,
    NatureAndPurpose,
    TypesOfPersonalData,
    CategoriesOfDataSubjects,
    ControllerObligationsAndRights,
    /// (a) processing only on documented instructions, including transfers.
    DocumentedInstructions,
    /// (b) confidentiality of the persons authorised to process.
    Confidentiality,
    /// (c) the security measures of Art. 32.
    Security,
    /// (d) the conditions for engaging another processor.
    Subprocessors,
    /// (e) assistance with data subjects' rights.
    DataSubjectRights,
    /// (f) assistance with Art. 32–36 (security, breaches, DPIA, prior consultation).
    ComplianceAssistance,
    /// (g) deletion or return of the data at the end of the services.
    DeletionOrReturn,
    /// (h) information and audits.
    AuditsAndInformation,
}

impl Art28Item {
    pub const ALL: [Art28Item; 13] = [
        Self::SubjectMatterAndDuration,
        Self::NatureAndPurpose,
        Self::TypesOfPersonalData,
        Self::CategoriesOfDataSubjects,
        Self::ControllerObligationsAndRights,
        Self::DocumentedInstructions,
        Self::Confidentiality,
        Self::Security,
        Self::Subprocessors,
        Self::DataSubjectRights,
        Self::ComplianceAssistance,
        Self::DeletionOrReturn,
        Self::AuditsAndInformation,
    ];
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    #[default]
    Missing,
    Present,
    NotApplicable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChecklistItem {
    pub item: Art28Item,
    pub status: ItemStatus,
    /// Where the agreement covers the item, e.g. "clause 7.2".
    #[serde(default)]
    pub clause_ref: String,
}

/// The modules of the 2021 Standard Contractual Clauses (Decision (EU) 2021/914).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum SccModule {
    ControllerToController,
    ControllerToProcessor,
    ProcessorToProcessor,
    ProcessorToController,
}

/// The signed agreement as stored inside the vault; the bytes are fetched separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocumentRef {
    pub id: Id,
    pub file_name: String,
    pub media_type: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct DpaData {
    pub organisation_id: Id,
    pub vendor_id: Id,
    pub version: String,
    pub signed_on: Option<NaiveDate>,
    pub effective_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub next_review_on: Option<NaiveDate>,
    pub document: Option<DocumentRef>,
    pub checklist: Vec<ChecklistItem>,
    /// Days the controller has to object to a new subprocessor after notice.
    pub objection_window_days: Option<u32>,
    pub transfer_mechanism: Option<TransferMechanism>,
    pub scc_module: Option<SccModule>,
    /// The decision the agreement's transfer clauses are taken from, when it names one
    /// (`2010/87/EU` for the old SCCs); empty means the tool's current instrument.
    pub transfer_instrument: String,
    pub notes: String,
}

impl DpaData {
    pub fn status_of(&self, item: Art28Item) -> ItemStatus {
        self.checklist
            .iter()
            .find(|c| c.item == item)
            .map(|c| c.status)
            .unwrap_or_default()
    }
}

pub type Dpa = Record<DpaData>;
