//! `dpadesk org …`: organisations and their register header.

use super::{Document, Fields, Listed, set};
use crate::parse;
use dpadesk_app::{App, AppResult};
use dpadesk_model::{CountryCode, Dpo, OrgRole, Organisation, OrganisationData, Party};

#[derive(Debug, Default, clap::Args)]
pub struct OrgFields {
    #[arg(long)]
    name: Option<String>,
    #[arg(long, value_parser = parse::role)]
    role: Option<OrgRole>,
    #[arg(long, value_parser = parse::country)]
    country: Option<CountryCode>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    website: Option<String>,
    #[arg(long)]
    registration_number: Option<String>,
    /// The lead or competent supervisory authority, e.g. "UODO (PL)".
    #[arg(long)]
    lead_authority: Option<String>,
    #[arg(long)]
    dpo_name: Option<String>,
    #[arg(long)]
    dpo_email: Option<String>,
    #[arg(long)]
    dpo_phone: Option<String>,
    /// The firm the DPO works for, when the DPO is external.
    #[arg(long)]
    dpo_firm: Option<String>,
    /// Name of the Art. 27 representative in the EU.
    #[arg(long)]
    representative: Option<String>,
    /// A joint controller's name (repeat for several; replaces the list).
    #[arg(long = "joint-controller")]
    joint_controllers: Vec<String>,
    #[arg(long)]
    notes: Option<String>,
}

impl Fields<OrganisationData> for OrgFields {
    async fn apply(self, _: &App, d: &mut OrganisationData) -> AppResult<Option<Document>> {
        set(&mut d.name, self.name);
        set(&mut d.role, self.role);
        if let Some(c) = self.country {
            d.country = Some(c);
        }
        set(&mut d.address, self.address);
        set(&mut d.email, self.email);
        set(&mut d.phone, self.phone);
        set(&mut d.website, self.website);
        set(&mut d.registration_number, self.registration_number);
        set(&mut d.lead_supervisory_authority, self.lead_authority);
        set(&mut d.notes, self.notes);
        if self.dpo_name.is_some()
            || self.dpo_email.is_some()
            || self.dpo_phone.is_some()
            || self.dpo_firm.is_some()
        {
            let dpo = d.dpo.get_or_insert_with(Dpo::default);
            set(&mut dpo.name, self.dpo_name);
            set(&mut dpo.email, self.dpo_email);
            set(&mut dpo.phone, self.dpo_phone);
            if let Some(firm) = self.dpo_firm {
                dpo.external_firm = Some(Party {
                    name: firm,
                    ..Default::default()
                });
            }
        }
        if let Some(rep) = self.representative {
            d.eu_representative = Some(Party {
                name: rep,
                ..Default::default()
            });
        }
        if !self.joint_controllers.is_empty() {
            d.joint_controllers = self
                .joint_controllers
                .into_iter()
                .map(|name| Party {
                    name,
                    ..Default::default()
                })
                .collect();
        }
        Ok(None)
    }
}

impl Listed for OrganisationData {
    const HEADER: &'static [&'static str] = &["ID", "NAME", "ROLE", "COUNTRY"];

    fn row(o: &Organisation) -> Vec<String> {
        vec![
            o.id.to_string(),
            o.name.clone(),
            dpadesk_model::serde_name(&o.role),
            crate::output::opt(&o.country),
        ]
    }

    async fn find(app: &App, key: &str) -> AppResult<Organisation> {
        app.find_organisation(key).await
    }

    fn describe(o: &Organisation) -> String {
        format!("organisation “{}”", o.name)
    }
}
