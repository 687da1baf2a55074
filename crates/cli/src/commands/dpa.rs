//! `dpadesk dpa …`: agreements between an organisation and a vendor.

use super::{Fields, Listed, list, set, show};
use crate::args::{DpaCommand, Show};
use crate::parse;
use chrono::NaiveDate;
use dpadesk_app::{App, AppError, AppResult, FieldError};
use dpadesk_model::*;
use std::path::PathBuf;

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
    async fn apply(self, app: &App, d: &mut DpaData) -> AppResult<()> {
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
        for item in self.items {
            d.checklist.retain(|c| c.item != item.item);
            d.checklist.push(item);
        }
        set(&mut d.notes, self.notes);
        Ok(())
    }
}

fn media_type(path: &std::path::Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("doc") => "application/msword",
        Some("odt") => "application/vnd.oasis.opendocument.text",
        _ => "application/octet-stream",
    }
}

/// Reads the document before anything is saved, so a bad path changes nothing.
fn read_document(path: &Option<PathBuf>) -> AppResult<Option<(String, &'static str, Vec<u8>)>> {
    let Some(path) = path else { return Ok(None) };
    let bytes = std::fs::read(path).map_err(|e| {
        AppError::Invalid(vec![FieldError::new(
            "document",
            format!("Cannot read {}: {e}", path.display()),
        )])
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Some((name, media_type(path), bytes)))
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
                .map(crate::parse_name)
                .unwrap_or_default(),
        ]
    }

    async fn find(app: &App, key: &str) -> AppResult<Dpa> {
        let id: Id = key
            .parse()
            .map_err(|_| AppError::NotFound(format!("“{key}” is not a DPA id.")))?;
        app.get(id).await
    }

    fn describe(d: &Dpa) -> String {
        if d.version.is_empty() {
            "DPA".to_string()
        } else {
            format!("DPA version “{}”", d.version)
        }
    }
}

pub async fn run(app: &App, cmd: DpaCommand) -> AppResult<()> {
    match cmd {
        DpaCommand::Add(fields) => {
            let mut missing = Vec::new();
            if fields.org.is_none() {
                missing.push(FieldError::new("org", "Name the organisation with --org."));
            }
            if fields.vendor.is_none() {
                missing.push(FieldError::new("vendor", "Name the vendor with --vendor."));
            }
            if !missing.is_empty() {
                return Err(AppError::Invalid(missing));
            }
            let document = read_document(&fields.document)?;
            let mut data = DpaData::default();
            fields.apply(app, &mut data).await?;
            let record = app.create(data).await?;
            if let Some((name, media, bytes)) = document {
                app.attach_dpa_document(record.id, &name, media, &bytes)
                    .await?;
            }
            println!("Added {} ({})", DpaData::describe(&record), record.id);
        }
        DpaCommand::List { org, vendor, json } => {
            let mut dpas = match &org {
                Some(org) => app.dpas_of(app.find_organisation(org).await?.id).await?,
                None => app.list::<DpaData>().await?,
            };
            if let Some(vendor) = vendor {
                let vendor = app.find_vendor(&vendor).await?;
                dpas.retain(|d| d.vendor_id == vendor.id);
            }
            list(&dpas, json);
        }
        DpaCommand::Show(Show { key, json }) => show(&DpaData::find(app, &key).await?, json),
        DpaCommand::Update { key, fields } => {
            let current = DpaData::find(app, &key).await?;
            let document = read_document(&fields.document)?;
            let mut data = current.data;
            fields.apply(app, &mut data).await?;
            let record = app.update(current.id, data).await?;
            if let Some((name, media, bytes)) = document {
                app.attach_dpa_document(record.id, &name, media, &bytes)
                    .await?;
            }
            println!("Updated {}", DpaData::describe(&record));
        }
        DpaCommand::Remove { key } => {
            let current = DpaData::find(app, &key).await?;
            let removed = app.delete::<DpaData>(current.id).await?;
            println!("Removed {}", DpaData::describe(&removed));
        }
    }
    Ok(())
}
