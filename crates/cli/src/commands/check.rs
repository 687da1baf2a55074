//! `dpadesk check`: the transfer checks of one organisation or all, as of a date. Scripts
//! rely on the JSON shape and on the exit code: 1 when a blocker or high finding needs action.

use crate::output;
use chrono::NaiveDate;
use dpadesk_app::transfers::CheckReport;
use dpadesk_app::{App, AppResult};
use dpadesk_model::{CountryCode, serde_name};
use dpadesk_transfer::{Destination, Hypothesis, Named};
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
    /// What if the adequacy decisions for this country (ISO code) stopped applying on the
    /// as-of date: lists only the findings that would be new. Repeatable.
    #[arg(long, value_name = "COUNTRY")]
    pub if_adequacy_ends: Vec<CountryCode>,
    /// What if this instrument (e.g. 2023/1795, 2021/914) were invalid from the as-of date.
    /// Repeatable.
    #[arg(long, value_name = "REFERENCE")]
    pub if_invalid: Vec<String>,
}

#[derive(Serialize)]
struct Report<'a> {
    as_of: NaiveDate,
    dataset_version: &'a str,
    findings: Vec<Row<'a>>,
    /// Only for a what-if run: the hypotheses and who would lose a basis.
    #[serde(flatten)]
    what_if: Option<Lost<'a>>,
}

#[derive(Serialize)]
struct Lost<'a> {
    hypotheses: &'a [Hypothesis],
    organisations: Vec<&'a str>,
    activities: Vec<&'a str>,
    clients: Vec<&'a str>,
    vendors: Vec<&'a str>,
}

fn names(list: &[Named]) -> Vec<&str> {
    list.iter().map(|n| n.name.as_str()).collect()
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
    let hypotheses: Vec<Hypothesis> = args
        .if_adequacy_ends
        .iter()
        .map(|c| Hypothesis::DecisionEnded {
            destination: Destination::Country(c.clone()),
            on: as_of,
        })
        .chain(
            args.if_invalid
                .iter()
                .map(|r| Hypothesis::InstrumentInvalidated {
                    reference: r.trim().to_string(),
                    on: as_of,
                }),
        )
        .collect();
    let (report, what_if) = if hypotheses.is_empty() {
        (app.check_transfers(organisation, as_of).await?, None)
    } else {
        let w = app
            .transfer_what_if(organisation, as_of, &hypotheses)
            .await?;
        let report = CheckReport {
            as_of,
            dataset_version: w.dataset_version.clone(),
            findings: w.lost.findings.clone(),
        };
        (report, Some(w))
    };
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
            what_if: what_if.as_ref().map(|w| Lost {
                hypotheses: &w.hypotheses,
                organisations: names(&w.lost.organisations),
                activities: names(&w.lost.activities),
                clients: names(&w.lost.clients),
                vendors: names(&w.lost.vendors),
            }),
        });
    } else {
        match &what_if {
            None => output::line(&format!(
                "Transfer checks as of {as_of} (reference dataset {}): {} finding(s)",
                report.dataset_version,
                rows.len()
            )),
            Some(w) => output::line(&format!(
                "What if, as of {as_of} (reference dataset {}): {} new finding(s); {} activit(ies) of {} organisation(s) and {} client(s) would lose their basis",
                report.dataset_version,
                rows.len(),
                w.lost.activities.len(),
                w.lost.organisations.len(),
                w.lost.clients.len(),
            )),
        }
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
