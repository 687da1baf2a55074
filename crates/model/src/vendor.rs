//! A vendor in the vault's catalogue, shared by all organisations (a consultant enters
//! "Google Workspace" once).

use crate::{AdequacyScope, CheckOutcome, Contact, CountryCode, Record, ScopeCheck};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default, from = "Written")]
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
    /// Set when the vendor is an international organisation (Chapter V covers them too): its
    /// code as the reference dataset names it (`EPO`), or its name. `country` is then its seat.
    pub international_organisation: Option<String>,
    /// What the user found when checking the vendor against partial adequacy decisions' scopes:
    /// the EU-US Data Privacy Framework list, Canada's PIPEDA, Japan's APPI private sector, …
    /// A scope missing here was not checked.
    pub scope_checks: Vec<ScopeCheck>,
    /// Third countries from which the vendor's staff or support can reach the data (remote
    /// access is a transfer, EDPB Guidelines 05/2021), e.g. a US parent's support desk.
    pub remote_access_from: Vec<CountryCode>,
    pub notes: String,
    /// Where the vendor publishes its subprocessor list; set by the user to watch it (the app
    /// makes no network call without it).
    pub list_url: String,
    /// Check `list_url` once a day while the app is open, not only when asked.
    pub watch_daily: bool,
}

pub type Vendor = Record<VendorData>;

/// A vendor as files and the history hold it, also as releases before scope checks wrote it:
/// `dpf_certified: true` was a DPF check found inside, `adequacy_scope_confirmed: true` a
/// check of every partial decision's condition found inside; `false` was never a check.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Written {
    legal_name: String,
    aliases: Vec<String>,
    address: String,
    country: Option<CountryCode>,
    services: Vec<String>,
    contact: Contact,
    website: String,
    international_organisation: Option<String>,
    scope_checks: Vec<ScopeCheck>,
    remote_access_from: Vec<CountryCode>,
    notes: String,
    list_url: String,
    watch_daily: bool,
    dpf_certified: bool,
    adequacy_scope_confirmed: bool,
}

impl From<Written> for VendorData {
    fn from(w: Written) -> Self {
        let mut scope_checks = w.scope_checks;
        let earlier = w
            .dpf_certified
            .then_some(AdequacyScope::DpfListed)
            .into_iter()
            .chain(
                AdequacyScope::CONDITIONS
                    .into_iter()
                    .filter(|s| *s != AdequacyScope::DpfListed && w.adequacy_scope_confirmed),
            );
        for scope in earlier {
            if !scope_checks.iter().any(|c| c.scope == scope) {
                scope_checks.push(ScopeCheck {
                    scope,
                    outcome: CheckOutcome::Inside,
                    checked_on: None,
                    source: String::new(),
                });
            }
        }
        scope_checks.sort_by_key(|c| c.scope);
        Self {
            legal_name: w.legal_name,
            aliases: w.aliases,
            address: w.address,
            country: w.country,
            services: w.services,
            contact: w.contact,
            website: w.website,
            international_organisation: w.international_organisation,
            scope_checks,
            remote_access_from: w.remote_access_from,
            notes: w.notes,
            list_url: w.list_url,
            watch_daily: w.watch_daily,
        }
    }
}

impl VendorData {
    /// Whether the vendor is on the EU-US Data Privacy Framework list, as last checked.
    pub fn dpf(&self) -> CheckOutcome {
        crate::outcome_of(&self.scope_checks, AdequacyScope::DpfListed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vendor_written_before_scope_checks_keeps_what_was_ticked() {
        let old: VendorData = serde_json::from_str(
            r#"{"legal_name":"Acme","dpf_certified":true,"adequacy_scope_confirmed":false}"#,
        )
        .unwrap();
        assert_eq!(old.dpf(), CheckOutcome::Inside);
        assert_eq!(old.scope_checks.len(), 1);
        let unticked: VendorData =
            serde_json::from_str(r#"{"legal_name":"Acme","dpf_certified":false}"#).unwrap();
        assert_eq!(unticked.dpf(), CheckOutcome::NotChecked);
        let scoped: VendorData =
            serde_json::from_str(r#"{"adequacy_scope_confirmed":true}"#).unwrap();
        assert_eq!(
            crate::outcome_of(&scoped.scope_checks, AdequacyScope::PipedaSubject),
            CheckOutcome::Inside
        );
        assert_eq!(scoped.dpf(), CheckOutcome::NotChecked);
    }

    #[test]
    fn a_vendor_reads_back_as_written() {
        use chrono::NaiveDate;
        let v = VendorData {
            legal_name: "Acme".into(),
            scope_checks: vec![ScopeCheck {
                scope: AdequacyScope::DpfListed,
                outcome: CheckOutcome::Outside,
                checked_on: NaiveDate::from_ymd_opt(2026, 11, 2),
                source: "https://www.dataprivacyframework.gov/list".into(),
            }],
            international_organisation: Some("EPO".into()),
            ..Default::default()
        };
        let back: VendorData = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
        assert_eq!(back, v);
    }
}
