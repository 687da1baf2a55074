//! The register of one organisation as it stood on a day, with everything a report names:
//! its activities and Art. 30(2) records, the vendors they use with their DPAs and current
//! subprocessor lists, the measures, the TIAs, and the transfer findings and flows of the
//! same day.

use chrono::NaiveDate;
use dpadesk_model::*;
use dpadesk_transfer::{Finding, Flow};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub organisation: Organisation,
    /// In the register's order (reference, then name).
    pub activities: Vec<Activity>,
    pub processor_records: Vec<ProcessorRecord>,
    /// Every vendor an activity, a record or a DPA of the organisation names, by legal name.
    pub vendors: Vec<Vendor>,
    pub dpas: Vec<Dpa>,
    /// The newest list of each vendor above that has one.
    pub lists: Vec<SubprocessorList>,
    /// Every measure the organisation, its activities or its records name.
    pub measures: Vec<Measure>,
    pub tias: Vec<Tia>,
    /// The transfer findings as of `as_of`, most severe first.
    pub findings: Vec<Finding>,
    pub flows: Vec<Flow>,
    /// The day the register is stated as of, and transfers judged on.
    pub as_of: NaiveDate,
    /// The day the document is issued.
    pub issued_on: NaiveDate,
    pub dataset_version: String,
}

impl Snapshot {
    pub fn vendor(&self, id: Id) -> Option<&Vendor> {
        self.vendors.iter().find(|v| v.id == id)
    }

    pub fn measure(&self, id: Id) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    pub fn dpa_with(&self, vendor: Id) -> Option<&Dpa> {
        self.dpas.iter().find(|d| d.vendor_id == vendor)
    }

    pub fn list_of(&self, vendor: Id) -> Option<&SubprocessorList> {
        self.lists.iter().find(|l| l.vendor_id == vendor)
    }
}
