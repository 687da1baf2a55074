//! What the reports are made from: an organisation's register as it stood at the end of a
//! day (rebuilt from the audit log for a past day), with the vendors, DPAs, newest lists,
//! measures and TIAs it names, and the transfer findings and flows judged on that day; and
//! the export itself: the request the CLI and the window make, and the file it gives.

use crate::history::{end_of_day, replay};
use crate::{App, AppError, AppResult, FieldError};
use chrono::NaiveDate;
use dpadesk_model::*;
use dpadesk_report::{Lang, Snapshot};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use ts_rs::TS;

/// Every record of the vault, either as it is now or as it was at the end of a past day.
struct State {
    organisations: Vec<Organisation>,
    activities: Vec<Activity>,
    processor_records: Vec<ProcessorRecord>,
    vendors: Vec<Vendor>,
    dpas: Vec<Dpa>,
    lists: Vec<SubprocessorList>,
    measures: Vec<Measure>,
    tias: Vec<Tia>,
}

impl App {
    /// What the vault held on `as_of`: now, or rebuilt from the organisation's own history
    /// and the shared catalogues' (other clients' edits are not read).
    async fn state(
        &self,
        organisation: Id,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> AppResult<State> {
        if as_of >= today {
            return Ok(State {
                organisations: self.list().await?,
                activities: self.all_activities().await?.values().cloned().collect(),
                processor_records: self.list().await?,
                vendors: self.list().await?,
                dpas: self.list().await?,
                lists: self.all_lists().await?.as_ref().clone(),
                measures: self.list().await?,
                tias: self.list().await?,
            });
        }
        let log = self
            .vault
            .organisation_changes_until(organisation, end_of_day(as_of))
            .await?;
        Ok(State {
            organisations: replay(&log, EntityKind::Organisation),
            activities: replay(&log, EntityKind::Activity),
            processor_records: replay(&log, EntityKind::ProcessorRecord),
            vendors: replay(&log, EntityKind::Vendor),
            dpas: replay(&log, EntityKind::Dpa),
            lists: replay(&log, EntityKind::SubprocessorList),
            measures: replay(&log, EntityKind::Measure),
            tias: replay(&log, EntityKind::Tia),
        })
    }

    /// The organisation's register as of `as_of`, for a report issued on `today`. The
    /// findings judge the register the app holds now, on `as_of` (the law of that day).
    pub async fn report_snapshot(
        &self,
        organisation: Id,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> AppResult<Snapshot> {
        let state = self.state(organisation, as_of, today).await?;
        let org = state
            .organisations
            .into_iter()
            .find(|o| o.id == organisation)
            .ok_or_else(|| {
                AppError::NotFound(format!(
                    "The organisation did not exist yet on {as_of}; choose a later day."
                ))
            })?;
        let mut activities: Vec<Activity> = state
            .activities
            .into_iter()
            .filter(|a| a.data.organisation_id == organisation)
            .collect();
        activities.sort_by(|a, b| {
            (&a.data.reference, &a.data.name).cmp(&(&b.data.reference, &b.data.name))
        });
        let processor_records: Vec<ProcessorRecord> = state
            .processor_records
            .into_iter()
            .filter(|r| r.data.organisation_id == organisation)
            .collect();
        let dpas: Vec<Dpa> = state
            .dpas
            .into_iter()
            .filter(|d| d.data.organisation_id == organisation)
            .collect();
        let tias: Vec<Tia> = state
            .tias
            .into_iter()
            .filter(|t| t.data.organisation_id == organisation)
            .collect();

        let mut vendor_ids: BTreeSet<Id> = BTreeSet::new();
        let mut measure_ids: BTreeSet<Id> = org.data.measure_ids.iter().copied().collect();
        for a in &activities {
            vendor_ids.extend(a.data.recipients.iter().filter_map(|r| r.vendor_id));
            measure_ids.extend(a.data.measure_ids.iter().copied());
        }
        for r in &processor_records {
            vendor_ids.extend(r.data.subprocessor_vendor_ids.iter().copied());
            measure_ids.extend(r.data.measure_ids.iter().copied());
        }
        vendor_ids.extend(dpas.iter().map(|d| d.data.vendor_id));
        vendor_ids.extend(tias.iter().map(|t| t.data.vendor_id));
        let mut vendors: Vec<Vendor> = state
            .vendors
            .into_iter()
            .filter(|v| vendor_ids.contains(&v.id))
            .collect();
        vendors.sort_by(|a, b| a.data.legal_name.cmp(&b.data.legal_name));
        // Oldest first in the log and in memory, so the last one kept is the newest.
        let mut lists: Vec<SubprocessorList> = Vec::new();
        for l in state
            .lists
            .into_iter()
            .filter(|l| vendor_ids.contains(&l.vendor_id))
        {
            lists.retain(|kept| kept.vendor_id != l.vendor_id);
            lists.push(l);
        }
        let mut measures: Vec<Measure> = state
            .measures
            .into_iter()
            .filter(|m| measure_ids.contains(&m.id))
            .collect();
        measures.sort_by(|a, b| (a.data.group, &a.data.title).cmp(&(b.data.group, &b.data.title)));

        let flows = self.transfer_flows(Some(organisation), as_of).await;
        let report = self.check_transfers(Some(organisation), as_of).await;
        // An organisation that exists only in the past has no register to check now.
        let (findings, flows, dataset_version) = match (report, flows) {
            (Ok(r), Ok(f)) => (r.findings, f.flows, r.dataset_version),
            (Err(AppError::NotFound(_)), _) | (_, Err(AppError::NotFound(_))) => (
                Vec::new(),
                Vec::new(),
                self.dataset().await?.version.clone(),
            ),
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        Ok(Snapshot {
            organisation: org,
            activities,
            processor_records,
            vendors,
            dpas,
            lists,
            measures,
            tias,
            findings,
            flows,
            as_of,
            issued_on: today,
            dataset_version,
        })
    }
}

/// The file formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Pdf,
    Xlsx,
    Csv,
    /// The whole organisation as a handover file (`handover`), not a report.
    Json,
}

/// Which document a PDF export makes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum ReportKind {
    /// The Art. 30 register: 30(1), and 30(2) when the organisation also acts as processor.
    #[default]
    Register,
    /// The Art. 30(2) register alone.
    Processor,
    /// The transfer-risk report.
    Risk,
}

/// What the user asked to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    pub organisation: Id,
    pub format: ExportFormat,
    #[serde(default)]
    pub kind: ReportKind,
    pub lang: Lang,
    /// Default: the day of issue.
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
}

/// A made file and the name to offer when saving it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub file_name: String,
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

fn refused(field: &str, message: impl Into<String>) -> AppError {
    AppError::Invalid(vec![FieldError::new(field, message)])
}

/// A file name without characters file systems refuse.
fn file_stem(org: &str, what: &str, day: NaiveDate) -> String {
    let org: String = org
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{} - {what} - {day}", org.trim())
}

impl App {
    /// Makes the file the request asks for, as issued on `today`.
    pub async fn export(&self, req: &ExportRequest, today: NaiveDate) -> AppResult<ExportFile> {
        let org = self.get::<OrganisationData>(req.organisation).await?;
        let as_of = req.as_of.unwrap_or(today);
        if as_of > today {
            return Err(refused(
                "as_of",
                "A register can be stated as of today or an earlier day, not a future one.",
            ));
        }
        if req.format == ExportFormat::Json {
            if req.as_of.is_some_and(|d| d != today) {
                return Err(refused(
                    "as_of",
                    "The handover file holds the organisation as it is now, with its history; leave the “as of” date out.",
                ));
            }
            return Ok(ExportFile {
                file_name: format!("{}.json", file_stem(&org.data.name, "handover", today)),
                media_type: "application/json",
                bytes: self.export_organisation(org.id).await?,
            });
        }
        if req.format != ExportFormat::Pdf && req.kind != ReportKind::Register {
            return Err(refused(
                "kind",
                "CSV and XLSX hold the register; the processor register and the risk report are PDFs.",
            ));
        }
        let snapshot = self.report_snapshot(org.id, as_of, today).await?;
        let lang = req.lang;
        let (what, extension, media_type, bytes) = match (req.format, req.kind) {
            (ExportFormat::Pdf, ReportKind::Register) => (
                "register",
                "pdf",
                "application/pdf",
                dpadesk_report::register_pdf(&snapshot, lang)?,
            ),
            (ExportFormat::Pdf, ReportKind::Processor) => (
                "processor register",
                "pdf",
                "application/pdf",
                dpadesk_report::processor_pdf(&snapshot, lang)?,
            ),
            (ExportFormat::Pdf, ReportKind::Risk) => (
                "transfer risk",
                "pdf",
                "application/pdf",
                dpadesk_report::risk_pdf(&snapshot, lang)?,
            ),
            (ExportFormat::Xlsx, _) => (
                "register",
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                dpadesk_report::register_xlsx(&snapshot, lang)?,
            ),
            (ExportFormat::Csv, _) => (
                "register",
                "csv",
                "text/csv",
                dpadesk_report::register_csv(&snapshot, lang),
            ),
            (ExportFormat::Json, _) => unreachable!("handled above"),
        };
        Ok(ExportFile {
            file_name: format!("{}.{extension}", file_stem(&org.data.name, what, as_of)),
            media_type,
            bytes,
        })
    }
}

impl App {
    /// A letter objecting, for `organisation`, to the change a received list version made,
    /// with the reasons the user typed; signed at `place` on `today`.
    pub async fn objection_letter(
        &self,
        organisation: Id,
        list: Id,
        reasons: &str,
        place: &str,
        lang: Lang,
        today: NaiveDate,
    ) -> AppResult<ExportFile> {
        if reasons.trim().is_empty() {
            return Err(refused(
                "reasons",
                "Write why the organisation objects: the letter states the reasons.",
            ));
        }
        let org = self.get::<OrganisationData>(organisation).await?;
        let report = self.list_change(list).await?;
        let vendor = self.get::<VendorData>(report.vendor_id).await?;
        let impact = report
            .organisations
            .iter()
            .find(|o| o.organisation_id == organisation);
        let dpa = self
            .dpas_of(organisation)
            .await?
            .into_iter()
            .rfind(|d| d.vendor_id == vendor.id);
        let letter = dpadesk_report::ObjectionLetter {
            organisation: org.clone(),
            vendor: vendor.clone(),
            dpa,
            received_on: report.list.received_on,
            object_by: impact.and_then(|i| i.object_by),
            added: report.changes.added.clone(),
            changed: report
                .changes
                .changed
                .iter()
                .map(|c| c.after.clone())
                .collect(),
            reasons: reasons.trim().to_string(),
            place: place.trim().to_string(),
            issued_on: today,
        };
        Ok(ExportFile {
            file_name: format!(
                "{}.pdf",
                file_stem(
                    &org.data.name,
                    &format!("objection to {}", vendor.data.legal_name),
                    today
                )
            ),
            media_type: "application/pdf",
            bytes: dpadesk_report::objection_letter_pdf(&letter, lang)?,
        })
    }
}
