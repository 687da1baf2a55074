//! `dpadesk vendor …`: the vendor catalogue.

use super::{Document, Fields, Listed, set, set_list};
use crate::args::{CheckLists, WatchList};
use crate::parse;
use chrono::NaiveDate;
use dpadesk_app::{App, AppResult, lists};
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

/// `vendor watch`: the address of the vendor's published list, or none.
pub async fn watch(app: &App, args: WatchList) -> AppResult<()> {
    let vendor = app.find_vendor(&args.key).await?;
    let mut data = vendor.data.clone();
    match args.url.filter(|_| !args.stop) {
        Some(url) => {
            data.list_url = lists::check_url(&url)?.to_string();
            data.watch_daily = args.daily;
        }
        None => {
            data.list_url.clear();
            data.watch_daily = false;
        }
    }
    let saved = app.update(vendor.id, data).await?;
    crate::output::line(&match saved.list_url.as_str() {
        "" => format!("{} is no longer watched.", saved.legal_name),
        url => format!(
            "{} is watched at {url}{}; run `dpadesk vendor check` to fetch it now.",
            saved.legal_name,
            if saved.watch_daily { ", daily" } else { "" }
        ),
    });
    Ok(())
}

/// `vendor check`; true when a check failed.
pub async fn check(app: &App, args: CheckLists) -> AppResult<bool> {
    let vendor = match args.key {
        Some(key) => Some(app.find_vendor(&key).await?.id),
        None => None,
    };
    let checks = app
        .check_published_lists(vendor, &lists::FetchLimits::default())
        .await?;
    let failed = checks
        .iter()
        .any(|c| matches!(c.outcome, lists::ListCheckOutcome::Failed { .. }));
    if args.json {
        crate::output::json(&checks);
        return Ok(failed);
    }
    if checks.is_empty() {
        crate::output::line(
            "No vendor is watched; `dpadesk vendor watch VENDOR --url URL` watches one.",
        );
    }
    for c in &checks {
        crate::output::line(&match &c.outcome {
            lists::ListCheckOutcome::Unchanged => format!("{}: unchanged", c.vendor),
            lists::ListCheckOutcome::NewVersion {
                added,
                removed,
                changed,
                ..
            } => format!(
                "{}: a new version to review ({added} added, {removed} removed, {changed} changed); see `dpadesk subprocessors changes --vendor \"{}\"`",
                c.vendor, c.vendor
            ),
            lists::ListCheckOutcome::Failed { message } => {
                format!("{}: not checked: {message}", c.vendor)
            }
        });
    }
    Ok(failed)
}
