//! `dpadesk vendor …`: the vendor catalogue.

use super::{Document, Fields, Listed, set, set_list};
use crate::parse;
use chrono::NaiveDate;
use dpadesk_app::{App, AppResult};
use dpadesk_model::{
    AdequacyScope, CheckOutcome, CountryCode, ScopeCheck, Vendor, VendorData, record_check,
};

#[derive(Debug, Default, clap::Args)]
pub struct VendorFields {
    /// The vendor's legal name.
    #[arg(long)]
    name: Option<String>,
    /// Another name lists use for the vendor, e.g. AWS (repeat for several; replaces the list).
    #[arg(long = "alias")]
    aliases: Vec<String>,
    /// Where the vendor is established (ISO code); an international organisation's seat.
    #[arg(long, value_parser = parse::vendor_country)]
    country: Option<CountryCode>,
    #[arg(long)]
    address: Option<String>,
    /// A service the vendor provides (repeat for several; replaces the list).
    #[arg(long = "service")]
    services: Vec<String>,
    #[arg(long)]
    website: Option<String>,
    /// The vendor is an international organisation: its code in the reference dataset
    /// (e.g. EPO) or its name; --country is then its seat.
    #[arg(long)]
    international_organisation: Option<String>,
    /// On the EU-US Data Privacy Framework list: certified, not-certified or not-checked.
    #[arg(long, value_parser = parse::dpf)]
    dpf: Option<CheckOutcome>,
    /// The day the DPF list was checked (default: today, when --dpf is given).
    #[arg(long, value_parser = parse::date)]
    dpf_checked_on: Option<NaiveDate>,
    /// Where it was checked: the vendor's DPF list entry.
    #[arg(long)]
    dpf_source: Option<String>,
    /// A partial adequacy decision's condition checked for the vendor, SCOPE=STATE, e.g.
    /// pipeda-subject=inside or appi-private-sector=outside (repeatable).
    #[arg(long = "scope", value_parser = parse::scope_check)]
    scopes: Vec<(AdequacyScope, CheckOutcome)>,
    /// The day those conditions were checked (default: today).
    #[arg(long, value_parser = parse::date)]
    scope_checked_on: Option<NaiveDate>,
    /// Where they were checked (a register, the vendor's statement).
    #[arg(long)]
    scope_source: Option<String>,
    /// A third country from which the vendor's staff or support reach the data (repeat for
    /// several; replaces the list).
    #[arg(long = "remote-access-from", value_parser = parse::country)]
    remote_access_from: Vec<CountryCode>,
    #[arg(long)]
    contact_name: Option<String>,
    #[arg(long)]
    contact_email: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

impl Fields<VendorData> for VendorFields {
    async fn apply(self, _: &App, d: &mut VendorData) -> AppResult<Option<Document>> {
        set(&mut d.legal_name, self.name);
        set_list(&mut d.aliases, self.aliases);
        if let Some(c) = self.country {
            d.country = Some(c);
        }
        set(&mut d.address, self.address);
        set_list(&mut d.services, self.services);
        set(&mut d.website, self.website);
        if let Some(io) = self.international_organisation {
            d.international_organisation = Some(io.trim().to_string()).filter(|i| !i.is_empty());
        }
        let today = chrono::Local::now().date_naive();
        let checked = |outcome, on: Option<NaiveDate>, source: &Option<String>| {
            let done = outcome != CheckOutcome::NotChecked;
            (
                on.or(done.then_some(today)),
                source.clone().unwrap_or_default(),
            )
        };
        if let Some(outcome) = self.dpf {
            let (checked_on, source) = checked(outcome, self.dpf_checked_on, &self.dpf_source);
            record_check(
                &mut d.scope_checks,
                ScopeCheck {
                    scope: AdequacyScope::DpfListed,
                    outcome,
                    checked_on,
                    source,
                },
            );
        }
        for (scope, outcome) in self.scopes {
            let (checked_on, source) = checked(outcome, self.scope_checked_on, &self.scope_source);
            record_check(
                &mut d.scope_checks,
                ScopeCheck {
                    scope,
                    outcome,
                    checked_on,
                    source,
                },
            );
        }
        set_list(&mut d.remote_access_from, self.remote_access_from);
        set(&mut d.contact.name, self.contact_name);
        set(&mut d.contact.email, self.contact_email);
        set(&mut d.notes, self.notes);
        Ok(None)
    }
}

impl Listed for VendorData {
    const HEADER: &'static [&'static str] = &["ID", "LEGAL NAME", "COUNTRY", "DPF", "SERVICES"];

    fn row(v: &Vendor) -> Vec<String> {
        vec![
            v.id.to_string(),
            v.legal_name.clone(),
            crate::output::opt(&v.country),
            match v.dpf() {
                CheckOutcome::Inside => "certified",
                CheckOutcome::Outside => "not certified",
                CheckOutcome::NotChecked => "",
            }
            .into(),
            v.services.join(", "),
        ]
    }

    async fn find(app: &App, key: &str) -> AppResult<Vendor> {
        app.find_vendor(key).await
    }

    fn describe(v: &Vendor) -> String {
        format!("vendor “{}”", v.legal_name)
    }
}
