//! `dpadesk check`: the transfer checks of one organisation or all, as of a date. Scripts
//! rely on the JSON shape and on the exit code: 1 when a blocker or high finding needs action.

use crate::output;
use chrono::NaiveDate;
use dpadesk_app::{App, AppResult};
use dpadesk_model::serde_name;
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub struct Check {
    /// Organisation id or name (default: every organisation).
    #[arg(long)]
    pub org: Option<String>,
    /// The day to judge the register and the law on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Report<'a> {
    as_of: NaiveDate,
    dataset_version: &'a str,
    findings: Vec<Row<'a>>,
}

/// One finding as scripts read it: the parties by name, the destination as a code.
#[derive(Serialize)]
struct Row<'a> {
    rule: String,
    severity: String,
    organisation: &'a str,
    activity: Option<&'a str>,
    vendor: Option<&'a str>,
    subprocessor: Option<&'a str>,
    country: Option<&'a str>,
    message: &'a str,
    articles: &'a [String],
    remedy: &'a str,
}

/// A cell cut to a terminal-friendly width.
fn short(text: &str) -> String {
    const WIDTH: usize = 40;
    if text.chars().count() <= WIDTH {
        return text.to_string();
    }
    let cut: String = text.chars().take(WIDTH - 1).collect();
    format!("{cut}…")
}

/// Prints the findings; returns true when one of them needs action.
pub async fn run(app: &App, args: Check) -> AppResult<bool> {
    let organisation = match &args.org {
        Some(key) => Some(app.find_organisation(key).await?.id),
        None => None,
    };
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let report = app.check_transfers(organisation, as_of).await?;
    let rows: Vec<Row> = report
        .findings
        .iter()
        .map(|f| Row {
            rule: serde_name(&f.rule),
            severity: serde_name(&f.severity),
            organisation: &f.organisation.name,
            activity: f.activity.as_ref().map(|a| a.name.as_str()),
            vendor: f.vendor.as_ref().map(|v| v.name.as_str()),
            subprocessor: f.subprocessor.as_ref().map(|s| s.name.as_str()),
            country: f.destination.as_deref(),
            message: &f.message,
            articles: &f.articles,
            remedy: &f.remedy,
        })
        .collect();
    if args.json {
        output::json(&Report {
            as_of,
            dataset_version: &report.dataset_version,
            findings: rows,
        });
    } else {
        crate::output::line(&format!(
            "Transfer checks as of {as_of} (reference dataset {}): {} finding(s)",
            report.dataset_version,
            rows.len()
        ));
        output::table(
            &[
                "SEVERITY",
                "RULE",
                "ORGANISATION",
                "ACTIVITY",
                "RECIPIENT",
                "COUNTRY",
            ],
            &rows
                .iter()
                .zip(&report.findings)
                .map(|(r, f)| {
                    let recipient = r
                        .subprocessor
                        .or(r.vendor)
                        .or(f.params.get("recipient").map(String::as_str));
                    vec![
                        r.severity.clone(),
                        r.rule.clone(),
                        short(r.organisation),
                        short(r.activity.unwrap_or("")),
                        short(recipient.unwrap_or("")),
                        r.country.unwrap_or("").to_string(),
                    ]
                })
                .collect::<Vec<_>>(),
        );
    }
    Ok(report.needs_action())
}
