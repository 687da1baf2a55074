//! Vendors' subprocessor lists: `import-list` (reads a file or standard input, previews or
//! saves a version) and `subprocessors` (versions, the change a version brought, its review).

use crate::output::{self, opt};
use chrono::NaiveDate;
use dpadesk_app::lists::{self, ImportPreview, ListChangeReport, Watch};
use dpadesk_app::{App, AppError, AppResult, FieldError};
use dpadesk_model::*;
use serde::Serialize;
use std::io::Read;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ImportList {
    /// The list: CSV, XLSX, XLS, ODS, HTML, PDF, DOCX, Markdown or text; `-` reads standard input.
    pub file: PathBuf,
    /// The vendor whose list this is (id or name); needed unless --dry-run.
    #[arg(long)]
    pub vendor: Option<String>,
    /// When the vendor published or sent it (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub received: Option<NaiveDate>,
    /// Print what was read; save nothing (no vault needed).
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum SubprocessorCommand {
    /// The versions of a vendor's list received so far, oldest first.
    Versions {
        /// Vendor id or name.
        #[arg(long)]
        vendor: String,
        #[arg(long)]
        json: bool,
    },
    /// What a version changed from the one before, and the date each organisation must object by.
    Changes {
        /// List version id (default: the vendor's newest).
        list: Option<String>,
        /// Vendor id or name, for its newest version.
        #[arg(long, required_unless_present = "list")]
        vendor: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write the page fetched from the vendor's published address for a version to a file.
    Evidence {
        /// List version id.
        list: String,
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Record a decision on a version's change.
    Review {
        /// List version id.
        list: String,
        #[arg(long, value_enum)]
        status: Decision,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Decision {
    Pending,
    Reviewed,
    Accepted,
    Objected,
}

impl From<Decision> for ReviewStatus {
    fn from(d: Decision) -> Self {
        match d {
            Decision::Pending => Self::Pending,
            Decision::Reviewed => Self::Reviewed,
            Decision::Accepted => Self::Accepted,
            Decision::Objected => Self::Objected,
        }
    }
}

/// The row shape `import-list --dry-run --json` prints; scripts depend on these keys.
#[derive(Serialize)]
struct ContractRow<'a> {
    name: &'a str,
    address: &'a str,
    country: Option<&'a str>,
    service: &'a str,
    location: &'a str,
    mechanism: String,
    certifications: &'a [String],
    confidence: f32,
}

fn invalid(field: &str, message: String) -> AppError {
    AppError::Invalid(vec![FieldError::new(field, message)])
}

/// Reads the named file or standard input, then the list in it. Needs no vault.
pub fn read(args: &ImportList) -> AppResult<ImportPreview> {
    let mut bytes = Vec::new();
    let source = if args.file.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| invalid("file", format!("Standard input could not be read: {e}.")))?;
        "standard input".to_string()
    } else {
        let path = &args.file;
        let size = std::fs::metadata(path)
            .map_err(|e| invalid("file", format!("{} cannot be read: {e}.", path.display())))?
            .len();
        lists::refuse_oversized(size)?;
        bytes = std::fs::read(path)
            .map_err(|e| invalid("file", format!("{} cannot be read: {e}.", path.display())))?;
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let name = (source != "standard input").then_some(source.as_str());
    let mut preview = lists::read_file(&bytes, name, &Watch::default())?;
    preview.source = source;
    // A file of several vendors' lists: --vendor says whose rows to keep.
    let listed = preview.vendors_listed();
    if listed.len() > 1 {
        match args.vendor.as_deref() {
            Some(vendor) if !preview.keep_listed_for(vendor) => {
                return Err(invalid(
                    "vendor",
                    format!(
                        "The file lists the subprocessors of {}, not of “{vendor}”; name one of them with --vendor.",
                        listed.join(", ")
                    ),
                ));
            }
            Some(_) => {}
            None => eprintln!(
                "note: the file lists the subprocessors of {} vendors ({}); --vendor NAME keeps one vendor's rows",
                listed.len(),
                listed.join(", ")
            ),
        }
    }
    Ok(preview)
}

pub fn print_preview(preview: &ImportPreview, json: bool) {
    for reason in preview
        .excluded
        .iter()
        .map(|e| &e.reason)
        .collect::<std::collections::BTreeSet<_>>()
    {
        let names: Vec<&str> = preview
            .excluded
            .iter()
            .filter(|e| &e.reason == reason)
            .map(|e| e.name.as_str())
            .collect();
        eprintln!(
            "note: left out, as the document says they are not subprocessors (“{reason}”): {}",
            names.join(", ")
        );
    }
    if json {
        let rows: Vec<ContractRow> = preview
            .rows
            .iter()
            .map(|r| ContractRow {
                name: &r.entry.name,
                address: &r.entry.address,
                country: r.entry.country.as_ref().map(CountryCode::as_str),
                service: &r.entry.service,
                location: &r.entry.processing_location,
                mechanism: serde_name(&r.entry.mechanism.unwrap_or(TransferMechanism::Unknown)),
                certifications: &r.entry.certifications,
                confidence: r.confidence,
            })
            .collect();
        return output::json(&rows);
    }
    for warning in &preview.warnings {
        eprintln!("note: {warning}");
    }
    output::table(
        &["NAME", "COUNTRY", "SERVICE", "MECHANISM", "CONFIDENCE"],
        &preview
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.entry.name.clone(),
                    opt(&r.entry.country),
                    r.entry.service.clone(),
                    r.entry
                        .mechanism
                        .as_ref()
                        .map(serde_name)
                        .unwrap_or_default(),
                    format!("{:.0}%", r.confidence * 100.0),
                ]
            })
            .collect::<Vec<_>>(),
    );
}

/// Saves what `read` found as the vendor's newest version and prints the change.
pub async fn save(app: &App, args: ImportList, mut preview: ImportPreview) -> AppResult<()> {
    let key = args.vendor.as_deref().ok_or_else(|| {
        invalid(
            "vendor",
            "Name the vendor whose list this is with --vendor, or use --dry-run.".into(),
        )
    })?;
    let vendor = app.find_vendor(key).await?;
    app.match_vendors(&mut preview).await?;
    let entries = preview.rows.into_iter().map(|r| r.entry).collect();
    let list = app
        .save_list(
            vendor.id,
            args.received,
            &preview.source,
            &preview.content_hash,
            entries,
        )
        .await?;
    print_change(&app.list_change(list.id).await?, args.json);
    Ok(())
}

fn print_change(report: &ListChangeReport, json: bool) {
    if json {
        return output::json(report);
    }
    let c = &report.changes;
    crate::output::line(&format!(
        "{} — list of {} ({}): {} added, {} removed, {} changed, {} unchanged",
        report.vendor_name,
        opt(&report.list.received_on),
        report.list.id,
        c.added.len(),
        c.removed.len(),
        c.changed.len(),
        c.unchanged.len()
    ));
    for e in &c.added {
        crate::output::line(&format!("  + {} ({})", e.name, opt(&e.country)));
    }
    for e in &c.removed {
        crate::output::line(&format!("  - {}", e.name));
    }
    for e in &c.changed {
        let fields: Vec<String> = e.fields.iter().map(serde_name).collect();
        crate::output::line(&format!(
            "  ~ {} ({}: {} → {})",
            e.after.name,
            fields.join(", "),
            opt(&e.before.country),
            opt(&e.after.country)
        ));
    }
    output::table(
        &["ORGANISATION", "OBJECT BY", "ACTIVITIES", "CLIENTS"],
        &report
            .organisations
            .iter()
            .map(|o| {
                vec![
                    o.organisation_name.clone(),
                    o.object_by
                        .map_or_else(|| "no window in the DPA".into(), |d| d.to_string()),
                    o.activities
                        .iter()
                        .map(|a| a.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    o.clients.join(", "),
                ]
            })
            .collect::<Vec<_>>(),
    );
}

fn list_id(key: &str) -> AppResult<Id> {
    key.parse()
        .map_err(|_| invalid("list", format!("“{key}” is not a list version id.")))
}

pub async fn run(app: &App, cmd: SubprocessorCommand) -> AppResult<()> {
    match cmd {
        SubprocessorCommand::Versions { vendor, json } => {
            let vendor = app.find_vendor(&vendor).await?;
            let versions = app.subprocessor_lists_of(vendor.id).await?;
            if json {
                output::json(&versions);
                return Ok(());
            }
            output::table(
                &["ID", "RECEIVED", "ENTRIES", "SOURCE", "REVIEW"],
                &versions
                    .iter()
                    .map(|v| {
                        vec![
                            v.id.to_string(),
                            opt(&v.received_on),
                            v.entries.len().to_string(),
                            v.source.clone(),
                            serde_name(&v.review.status),
                        ]
                    })
                    .collect::<Vec<_>>(),
            );
        }
        SubprocessorCommand::Changes { list, vendor, json } => {
            let id = match (list, vendor) {
                (Some(key), _) => list_id(&key)?,
                (None, Some(vendor)) => {
                    let vendor = app.find_vendor(&vendor).await?;
                    app.subprocessor_lists_of(vendor.id)
                        .await?
                        .last()
                        .map(|l| l.id)
                        .ok_or_else(|| {
                            AppError::NotFound(format!(
                                "{} has no subprocessor list yet.",
                                vendor.legal_name
                            ))
                        })?
                }
                (None, None) => {
                    return Err(invalid("list", "Name a list version or --vendor.".into()));
                }
            };
            print_change(&app.list_change(id).await?, json);
        }
        SubprocessorCommand::Evidence { list, out } => {
            let bytes = app.list_evidence(list_id(&list)?).await?;
            std::fs::write(&out, &bytes).map_err(|e| {
                invalid(
                    "out",
                    format!("{} could not be written: {e}.", out.display()),
                )
            })?;
            crate::output::line(&format!("Wrote {} bytes to {}", bytes.len(), out.display()));
        }
        SubprocessorCommand::Review { list, status, note } => {
            let review = ChangeReview {
                status: status.into(),
                note,
                decided_on: None,
            };
            let saved = app.review_list(list_id(&list)?, review).await?;
            crate::output::line(&format!(
                "{} on {}",
                serde_name(&saved.review.status),
                opt(&saved.review.decided_on)
            ));
        }
    }
    Ok(())
}
