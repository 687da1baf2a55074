//! The register as the checker reads it: plain input structs the app fills from the vault.
//! One `Register` is one organisation (the exporter), the vendors its activities use with
//! their current subprocessor lists, the activities' flows, the DPAs and pending list changes.

use chrono::NaiveDate;
use dpadesk_model::{
    Art28Item, CountryCode, DpaData, Id, ItemStatus, Organisation, SccModule, ScopeCheck,
    TransferMechanism,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Register {
    pub organisation: Exporter,
    /// Every vendor an activity uses, each once, with its current subprocessor list.
    pub vendors: Vec<Vendor>,
    pub activities: Vec<ActivityFlows>,
    pub dpas: Vec<DpaFacts>,
    pub pending_changes: Vec<PendingChange>,
}

/// A record named by its id and its display name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Named {
    pub id: Id,
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Exporter {
    pub id: Id,
    pub name: String,
    pub country: Option<CountryCode>,
}

impl Exporter {
    pub fn of(organisation: &Organisation) -> Self {
        Self {
            id: organisation.id,
            name: organisation.data.name.clone(),
            country: organisation.data.country.clone(),
        }
    }
}

/// The part a party plays in a flow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Controller,
    #[default]
    Processor,
    JointController,
}

impl Role {
    /// For the SCC modules a joint controller is a controller.
    pub fn as_scc_party(self) -> Self {
        match self {
            Self::JointController => Self::Controller,
            other => other,
        }
    }
}

/// Where a recipient is and from where its data can be reached.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Location {
    /// Where the recipient is established; `None` when the register does not say.
    pub country: Option<CountryCode>,
    /// Set when the recipient is an international organisation (a code the dataset uses,
    /// e.g. `EPO`): a destination wherever its seat is.
    pub international_organisation: Option<String>,
    /// Third countries from which staff or support can reach the data (remote access is a
    /// transfer, EDPB Guidelines 05/2021), e.g. a US parent's support for an EU entity.
    pub remote_access_from: Vec<CountryCode>,
}

/// Where the hop's transfer tool was read from, so the user knows which paper to fix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MechanismSource {
    Dpa,
    List,
    #[default]
    User,
}

/// The transfer tool one hop relies on and the paperwork around it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Safeguard {
    pub mechanism: TransferMechanism,
    pub source: MechanismSource,
    /// The decision the paperwork names, when it names one (`2010/87/EU` for old SCCs,
    /// `2000/520/EC` for Safe Harbour); otherwise the tool's current instrument is assumed.
    pub instrument: Option<String>,
    pub scc_module: Option<SccModule>,
    /// When the contract carrying the tool was concluded (old SCCs: no new ones from 2021-09-27).
    pub contract_signed_on: Option<NaiveDate>,
    pub tia: Option<Tia>,
}

impl Default for Safeguard {
    fn default() -> Self {
        Self {
            mechanism: TransferMechanism::Unknown,
            source: MechanismSource::default(),
            instrument: None,
            scc_module: None,
            contract_signed_on: None,
            tia: None,
        }
    }
}

/// A documented transfer impact assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tia {
    pub done_on: NaiveDate,
    pub re_evaluate_on: Option<NaiveDate>,
    /// The user concluded that the destination's protection is not essentially equivalent.
    #[serde(default)]
    pub not_equivalent: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Vendor {
    pub id: Id,
    pub name: String,
    pub location: Location,
    /// What the user found checking the recipient against adequacy scopes (the DPF list, …).
    pub scope_checks: Vec<ScopeCheck>,
    /// The vendor's current subprocessor list.
    pub subprocessors: Vec<Subprocessor>,
}

/// An entry of a subprocessor list, with its own subprocessors where known.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Subprocessor {
    /// The catalogue vendor this entry was matched to, if any.
    pub vendor_id: Option<Id>,
    pub name: String,
    pub location: Location,
    /// What the user found checking the recipient against adequacy scopes (the DPF list, …).
    pub scope_checks: Vec<ScopeCheck>,
    pub role: Role,
    pub safeguard: Safeguard,
    pub subprocessors: Vec<Subprocessor>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityFlows {
    pub id: Id,
    pub name: String,
    /// The organisation's role: controller for Art. 30(1) activities, processor for the
    /// Art. 30(2) categories of processing it carries out for a client.
    pub organisation_role: Role,
    /// The controller a processor-side activity is carried out for.
    pub client: Option<Named>,
    pub special_data: bool,
    pub criminal_data: bool,
    pub uses: Vec<VendorUse>,
    /// Recipients outside the vendor catalogue (a group company, an authority).
    pub other_recipients: Vec<OtherRecipient>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VendorUse {
    pub vendor_id: Id,
    /// The vendor's role for this activity; only a processor's subprocessors are followed
    /// (an independent controller's own processors are its own transfers).
    pub role: Role,
    pub safeguard: Safeguard,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OtherRecipient {
    pub name: String,
    pub location: Location,
    /// What the user found checking the recipient against adequacy scopes (the DPF list, …).
    pub scope_checks: Vec<ScopeCheck>,
    pub role: Role,
    pub safeguard: Safeguard,
}

/// The DPA between the organisation and a vendor (absent from `Register::dpas` = none).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DpaFacts {
    pub vendor_id: Id,
    /// A DPA signed after the as-of date did not exist yet on that date.
    pub signed_on: Option<NaiveDate>,
    /// Art. 28(3) items the checklist marks missing.
    pub missing_items: Vec<Art28Item>,
    pub next_review_on: Option<NaiveDate>,
}

impl DpaFacts {
    /// What the checks read of a stored DPA.
    pub fn of(dpa: &DpaData) -> Self {
        Self {
            vendor_id: dpa.vendor_id,
            signed_on: dpa.signed_on,
            missing_items: Art28Item::ALL
                .into_iter()
                .filter(|i| dpa.status_of(*i) == ItemStatus::Missing)
                .collect(),
            next_review_on: dpa.next_review_on,
        }
    }
}

/// A received subprocessor list whose change the user has not reviewed yet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PendingChange {
    pub vendor_id: Id,
    pub received_on: Option<NaiveDate>,
    /// The last day to object under the DPA's window.
    pub object_by: NaiveDate,
}
