//! `dpadesk vendor …`: the vendor catalogue.

use super::{Document, Fields, Listed, set, set_list};
use crate::parse;
use dpadesk_app::{App, AppResult};
use dpadesk_model::{CountryCode, Vendor, VendorData};

#[derive(Debug, Default, clap::Args)]
pub struct VendorFields {
    /// The vendor's legal name.
    #[arg(long)]
    name: Option<String>,
    /// Another name lists use for the vendor, e.g. AWS (repeat for several; replaces the list).
    #[arg(long = "alias")]
    aliases: Vec<String>,
    #[arg(long, value_parser = parse::country)]
    country: Option<CountryCode>,
    #[arg(long)]
    address: Option<String>,
    /// A service the vendor provides (repeat for several; replaces the list).
    #[arg(long = "service")]
    services: Vec<String>,
    #[arg(long)]
    website: Option<String>,
    /// Whether the vendor is certified under the EU-US Data Privacy Framework.
    #[arg(long)]
    dpf: Option<bool>,
    /// Checked: the vendor is inside a partial adequacy decision's scope (PIPEDA, APPI, …).
    #[arg(long)]
    adequacy_scope_confirmed: Option<bool>,
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
        set(&mut d.dpf_certified, self.dpf);
        set(
            &mut d.adequacy_scope_confirmed,
            self.adequacy_scope_confirmed,
        );
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
            if v.dpf_certified { "yes" } else { "" }.into(),
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
