//! `dpadesk dpa …`: agreements between an organisation and a vendor.

use super::{Document, Fields, Listed, Query, set};
use crate::parse;
use chrono::NaiveDate;
use dpadesk_app::{App, AppError, AppResult, FieldError, documents};
use dpadesk_model::*;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, clap::Args)]
pub struct DpaFields {
    /// Organisation id or name.
    #[arg(long)]
    org: Option<String>,
    /// Vendor id or legal name.
    #[arg(long)]
    vendor: Option<String>,
    #[arg(long)]
    version: Option<String>,
    #[arg(long, value_parser = parse::date)]
    signed: Option<NaiveDate>,
    #[arg(long, value_parser = parse::date)]
    effective: Option<NaiveDate>,
    #[arg(long, value_parser = parse::date)]
    expires: Option<NaiveDate>,
    /// Date of the next review.
    #[arg(long, value_parser = parse::date)]
    review: Option<NaiveDate>,
    /// Days the organisation has to object to a new subprocessor.
    #[arg(long)]
    objection_days: Option<u32>,
    #[arg(long, value_parser = parse::mechanism)]
    mechanism: Option<TransferMechanism>,
    /// SCC module: 1/c2c, 2/c2p, 3/p2p, 4/p2c.
    #[arg(long, value_parser = parse::scc_module)]
    scc_module: Option<SccModule>,
    /// The decision the transfer clauses are taken from, when the agreement names one
    /// (e.g. 2010/87/EU for the old SCCs; an empty value clears it).
    #[arg(long)]
    instrument: Option<String>,
    /// An Art. 28(3) checklist item: ITEM=STATUS[:CLAUSE] (repeatable).
    #[arg(long = "item", value_parser = parse::checklist_item)]
    items: Vec<ChecklistItem>,
    /// The signed agreement (PDF or DOCX), stored inside the vault.
    #[arg(long)]
    document: Option<PathBuf>,
    #[arg(long)]
    notes: Option<String>,
}

impl Fields<DpaData> for DpaFields {
    fn required_for_add(&self) -> Vec<FieldError> {
        let mut missing = Vec::new();
        if self.org.is_none() {
            missing.push(FieldError::new("org", "Name the organisation with --org."));
        }
        if self.vendor.is_none() {
            missing.push(FieldError::new("vendor", "Name the vendor with --vendor."));
        }
        missing
    }

    async fn apply(self, app: &App, d: &mut DpaData) -> AppResult<Option<Document>> {
        let document = read_document(self.document.as_deref())?;
        if let Some(org) = self.org {
            d.organisation_id = app.find_organisation(&org).await?.id;
        }
        if let Some(vendor) = self.vendor {
            d.vendor_id = app.find_vendor(&vendor).await?.id;
        }
        set(&mut d.version, self.version);
        for (target, value) in [
            (&mut d.signed_on, self.signed),
            (&mut d.effective_on, self.effective),
            (&mut d.expires_on, self.expires),
            (&mut d.next_review_on, self.review),
        ] {
            if value.is_some() {
                *target = value;
            }
        }
        if self.objection_days.is_some() {
            d.objection_window_days = self.objection_days;
        }
        if self.mechanism.is_some() {
            d.transfer_mechanism = self.mechanism;
        }
        if self.scc_module.is_some() {
            d.scc_module = self.scc_module;
        }
        set(&mut d.transfer_instrument, self.instrument);
        for item in self.items {
            d.checklist.retain(|c| c.item != item.item);
            d.checklist.push(item);
        }
        set(&mut d.notes, self.notes);
        Ok(document)
    }
}

/// Reads and checks the document before anything is saved, so a bad file changes nothing.
fn read_document(path: Option<&Path>) -> AppResult<Option<Document>> {
    let Some(path) = path else { return Ok(None) };
    let unreadable = |e: std::io::Error| {
        AppError::Invalid(vec![FieldError::new(
            "document",
            format!("Cannot read {}: {e}", path.display()),
        )])
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    documents::refuse_oversized_document(&file_name, size)?;
    let bytes = std::fs::read(path).map_err(unreadable)?;
    documents::accept_document(&file_name, &bytes)?;
    Ok(Some(Document { file_name, bytes }))
}

impl Listed for DpaData {
    const HEADER: &'static [&'static str] =
        &["ID", "VERSION", "SIGNED", "NEXT REVIEW", "MECHANISM"];

    fn row(d: &Dpa) -> Vec<String> {
        vec![
            d.id.to_string(),
            d.version.clone(),
            crate::output::opt(&d.signed_on),
            crate::output::opt(&d.next_review_on),
            d.transfer_mechanism
                .as_ref()
                .map(dpadesk_model::serde_name)
                .unwrap_or_default(),
        ]
    }

    async fn find(app: &App, key: &str) -> AppResult<Dpa> {
        super::find_by_id(app, key, "a DPA").await
    }

    async fn attach(app: &App, id: Id, document: Document) -> AppResult<()> {
        let Document { file_name, bytes } = document;
        app.attach_dpa_document(id, &file_name, &bytes).await?;
        Ok(())
    }

    fn describe(d: &Dpa) -> String {
        if d.version.is_empty() {
            "DPA".to_string()
        } else {
            format!("DPA version “{}”", d.version)
        }
    }
}

/// `dpa list [--org ORG] [--vendor VENDOR]`: all DPAs, or those of one organisation or vendor.
#[derive(Debug, clap::Args)]
pub struct DpaList {
    /// Organisation id or name.
    #[arg(long)]
    org: Option<String>,
    /// Vendor id or legal name.
    #[arg(long)]
    vendor: Option<String>,
    #[arg(long)]
    json: bool,
}

impl Query<DpaData> for DpaList {
    fn json(&self) -> bool {
        self.json
    }

    async fn fetch(self, app: &App) -> AppResult<Vec<Dpa>> {
        let mut dpas = match &self.org {
            Some(org) => app.dpas_of(app.find_organisation(org).await?.id).await?,
            None => app.list::<DpaData>().await?,
        };
        if let Some(vendor) = self.vendor {
            let vendor = app.find_vendor(&vendor).await?;
            dpas.retain(|d| d.vendor_id == vendor.id);
        }
        Ok(dpas)
    }
}
