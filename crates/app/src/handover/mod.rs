//! The organisation file: one JSON document with an organisation, everything its register
//! names and the history of all of it, for handing a client over to another consultant or
//! keeping a portable backup (format: docs/handover-format.md).
//!
//! - `file`: the format, writing and reading it.
//! - `check`: what a file must satisfy on its own.
//! - `merge`: how it meets the receiving vault (what is new, what is kept, what clashes).
//!
//! Records keep their ids, times and audit entries, so exporting, importing into an empty
//! vault and exporting again gives the same bytes.

mod check;
mod file;
mod merge;

use crate::{App, AppError, AppResult};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use dpadesk_model::*;
use file::{DocumentFile, DpaEntry, EvidenceFile, HistoryEntry, ListEntry, OrganisationFile};
use serde::Serialize;
use std::collections::BTreeSet;
use ts_rs::TS;

/// What an import added to the vault. Shared records (vendors, measures, list versions) the
/// vault held already, as they are in the file, are counted apart as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    pub organisation_id: Id,
    pub organisation: String,
    pub activities: usize,
    pub processor_records: usize,
    pub dpas: usize,
    /// Signed DPA documents.
    pub documents: usize,
    pub tias: usize,
    pub vendors: usize,
    pub vendors_kept: usize,
    pub measures: usize,
    pub measures_kept: usize,
    pub subprocessor_lists: usize,
    pub subprocessor_lists_kept: usize,
    /// Audit entries written.
    pub history: usize,
}

/// A file that cannot be imported as it is; the vault was not touched.
fn refused(message: String) -> AppError {
    AppError::Handover(format!("{message} Nothing was imported."))
}

/// A handover file of a whole consultancy is a few hundred megabytes at most.
const MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// Refuses a file too large to be an organisation file before it is read into memory.
pub fn refuse_oversized(size: u64) -> AppResult<()> {
    if size > MAX_FILE_BYTES {
        return Err(refused(format!(
            "The file is {} MB; an organisation file is at most {} MB.",
            size / 1024 / 1024,
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    Ok(())
}

impl App {
    /// The organisation file: the organisation, its activities, Art. 30(2) records, DPAs
    /// (with their signed documents), TIAs, every vendor they name (and those the vendors'
    /// lists were matched to, as deep as matches go), every version of those vendors'
    /// lists, the measures they name, and the audit entries of all of these. Records are in
    /// id order and the history oldest first, so the same vault gives the same bytes.
    pub async fn export_organisation(&self, id: Id) -> AppResult<Vec<u8>> {
        let organisation = self.get::<OrganisationData>(id).await?;
        let v = &self.vault;
        let activities = by_id(v.activities_of(id).await?);
        let processor_records = by_id(v.processor_records_of(id).await?);
        let dpas = by_id(v.dpas_of(id).await?);
        let tias = by_id(v.tias_of(id).await?);

        let mut vendor_ids: BTreeSet<Id> = activities
            .iter()
            .flat_map(|a| a.vendor_ids())
            .chain(
                processor_records
                    .iter()
                    .flat_map(|r| r.subprocessor_vendor_ids.iter().copied()),
            )
            .chain(dpas.iter().map(|d| d.vendor_id))
            .chain(tias.iter().map(|t| t.vendor_id))
            .collect();
        let subprocessor_lists = self.lists_reaching(&mut vendor_ids).await?;
        let mut vendors = Vec::with_capacity(vendor_ids.len());
        for vendor in &vendor_ids {
            vendors.push(v.fetch::<VendorData>(*vendor).await?);
        }
        let measure_ids: BTreeSet<Id> = organisation
            .measure_ids
            .iter()
            .chain(activities.iter().flat_map(|a| &a.measure_ids))
            .chain(processor_records.iter().flat_map(|r| &r.measure_ids))
            .copied()
            .collect();
        let mut measures = Vec::with_capacity(measure_ids.len());
        for measure in &measure_ids {
            measures.push(v.fetch::<MeasureData>(*measure).await?);
        }

        let mut history = Vec::new();
        let kinds = [
            (EntityKind::Organisation, vec![id]),
            (EntityKind::Activity, ids(&activities)),
            (EntityKind::ProcessorRecord, ids(&processor_records)),
            (EntityKind::Vendor, ids(&vendors)),
            (EntityKind::Dpa, ids(&dpas)),
            (EntityKind::SubprocessorList, ids(&subprocessor_lists)),
            (EntityKind::Measure, ids(&measures)),
            (EntityKind::Tia, ids(&tias)),
        ];
        for (kind, ids) in kinds {
            history.extend(v.histories(kind, &ids).await?);
        }
        // Oldest first by time; ties by record, then by the vault's order. Not by `seq` alone:
        // a vault that received records from two files numbers them in import order, and the
        // same records must come out in the same order from either vault.
        history.sort_by(|a, b| {
            (a.at, a.entity.as_str(), a.entity_id, a.seq).cmp(&(
                b.at,
                b.entity.as_str(),
                b.entity_id,
                b.seq,
            ))
        });

        let mut dpa_entries = Vec::with_capacity(dpas.len());
        for dpa in dpas {
            let document_file = match &dpa.document {
                Some(doc) => {
                    let stored = v.stored_document(doc.id).await?;
                    Some(DocumentFile {
                        created_at: stored.created_at,
                        content_base64: STANDARD.encode(&stored.content),
                    })
                }
                None => None,
            };
            dpa_entries.push(DpaEntry { dpa, document_file });
        }

        let mut list_entries = Vec::with_capacity(subprocessor_lists.len());
        for list in subprocessor_lists {
            let evidence_file = match list.evidence {
                Some(doc) => {
                    let stored = v.stored_document(doc).await?;
                    Some(EvidenceFile {
                        file_name: stored.reference.file_name.clone(),
                        media_type: stored.reference.media_type.clone(),
                        stored: DocumentFile {
                            created_at: stored.created_at,
                            content_base64: STANDARD.encode(&stored.content),
                        },
                    })
                }
                None => None,
            };
            list_entries.push(ListEntry {
                list,
                evidence_file,
            });
        }

        let out = OrganisationFile {
            format: file::FORMAT.to_string(),
            version: file::VERSION,
            organisation,
            activities,
            processor_records,
            vendors,
            dpas: dpa_entries,
            subprocessor_lists: list_entries,
            measures,
            tias,
            history: history.into_iter().map(HistoryEntry::from).collect(),
        };
        file::write(&out)
            .map_err(|e| AppError::Handover(format!("The file could not be written: {e}.")))
    }

    /// Adds the organisation of an organisation file to the vault, with its records, ids,
    /// times and history as they were, in one transaction. Refused, with nothing written,
    /// when the file is unreadable, of another format or a newer version, does not hold
    /// together, or clashes with the vault (see `merge`).
    pub async fn import_organisation(&self, bytes: &[u8]) -> AppResult<ImportSummary> {
        let file = file::read(bytes).map_err(refused)?;
        let documents = check::check(&file).map_err(|problem| {
            refused(format!(
                "The file is damaged or was changed by hand: {problem}."
            ))
        })?;
        let (set, summary) = merge::plan(self, file, documents).await?;
        self.backup(dpadesk_store::BackupReason::BeforeImport)
            .await?;
        self.vault.insert_records(&set).await?;
        self.forget_everything();
        Ok(summary)
    }

    /// Every version of the lists of `vendors` and of the vendors their entries were matched
    /// to, as deep as matches go, in id order; `vendors` grows by those vendors.
    async fn lists_reaching(&self, vendors: &mut BTreeSet<Id>) -> AppResult<Vec<SubprocessorList>> {
        let all = self.all_lists().await?;
        let mut queue: Vec<Id> = vendors.iter().copied().collect();
        let mut out = Vec::new();
        while let Some(vendor) = queue.pop() {
            for list in all.iter().filter(|l| l.vendor_id == vendor) {
                for matched in list.entries.iter().filter_map(|e| e.vendor_id) {
                    if vendors.insert(matched) {
                        queue.push(matched);
                    }
                }
                out.push(list.clone());
            }
        }
        Ok(by_id(out))
    }
}

fn by_id<T>(mut records: Vec<Record<T>>) -> Vec<Record<T>> {
    records.sort_by_key(|r| r.id);
    records
}

fn ids<T>(records: &[Record<T>]) -> Vec<Id> {
    records.iter().map(|r| r.id).collect()
}
