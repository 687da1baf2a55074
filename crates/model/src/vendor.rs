//! A vendor in the vault's catalogue, shared by all organisations (a consultant enters
//! "Google Workspace" once).

use crate::{Contact, CountryCode, Record};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct VendorData {
    pub legal_name: String,
    /// Other names lists use for this vendor ("AWS"), learnt when the user matches an
    /// imported row to it, so the next import matches by itself.
    pub aliases: Vec<String>,
    pub address: String,
    pub country: Option<CountryCode>,
    pub services: Vec<String>,
    pub contact: Contact,
    pub website: String,
    /// Certified under the EU-US Data Privacy Framework (checked by the user on the DPF list).
    pub dpf_certified: bool,
    /// Checked by the user: the vendor falls inside a partial adequacy decision's scope
    /// (Canada's PIPEDA, Japan's APPI private sector, Brazil's LGPD, …).
    pub adequacy_scope_confirmed: bool,
    /// Third countries from which the vendor's staff or support can reach the data (remote
    /// access is a transfer, EDPB Guidelines 05/2021), e.g. a US parent's support desk.
    pub remote_access_from: Vec<CountryCode>,
    pub notes: String,
}

pub type Vendor = Record<VendorData>;
