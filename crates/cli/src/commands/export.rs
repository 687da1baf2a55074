//! `dpadesk export`: the Art. 30 register, the processor register or the transfer-risk
//! report as PDF, the register as XLSX or CSV, or the whole organisation as a handover
//! file; and `dpadesk import-org`, which brings a handover file into the vault.

use crate::{output, parse};
use chrono::NaiveDate;
use dpadesk_app::handover;
use dpadesk_app::reports::{ExportFormat, ExportRequest, ReportKind};
use dpadesk_app::{App, AppError, AppResult, FieldError};
use dpadesk_report::Lang;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Export {
    /// Organisation id or name.
    #[arg(long)]
    pub org: String,
    /// pdf, xlsx, csv or json (the whole organisation, for a handover).
    #[arg(long, value_parser = parse::format)]
    pub format: ExportFormat,
    /// register, processor or risk (PDF only; CSV and XLSX hold the register).
    #[arg(long, value_parser = parse::kind, default_value = "register")]
    pub kind: ReportKind,
    /// en, de, fr, it, pl or es: every label and fixed text; the register's content stays
    /// as entered.
    #[arg(long, value_parser = parse::lang, default_value = "en")]
    pub lang: Lang,
    /// The day the register is stated as of (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Where to write the file.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct ImportOrg {
    /// A handover file written by `dpadesk export --format json`.
    pub file: PathBuf,
    #[arg(long)]
    pub json: bool,
}

fn file_error(message: String) -> AppError {
    AppError::Invalid(vec![FieldError::new("file", message)])
}

pub async fn export(app: &App, args: Export) -> AppResult<()> {
    let org = app.find_organisation(&args.org).await?;
    let request = ExportRequest {
        organisation: org.id,
        format: args.format,
        kind: args.kind,
        lang: args.lang,
        as_of: args.as_of,
    };
    let today = chrono::Local::now().date_naive();
    let file = app.export(&request, today).await?;
    std::fs::write(&args.out, &file.bytes)
        .map_err(|e| file_error(format!("{} could not be written: {e}.", args.out.display())))?;
    output::line(&format!(
        "Wrote {} ({} bytes)",
        args.out.display(),
        file.bytes.len()
    ));
    Ok(())
}

pub async fn import_org(app: &App, args: ImportOrg) -> AppResult<()> {
    let unreadable =
        |e: std::io::Error| file_error(format!("{} cannot be read: {e}.", args.file.display()));
    handover::refuse_oversized(std::fs::metadata(&args.file).map_err(unreadable)?.len())?;
    let bytes = std::fs::read(&args.file).map_err(unreadable)?;
    let summary = app.import_organisation(&bytes).await?;
    if args.json {
        output::json(&summary);
    } else {
        output::line(&format!("Imported from {}", args.file.display()));
    }
    Ok(())
}
