//! What a file must satisfy on its own before anything is compared with the vault: every
//! record belongs to the organisation, ids are unique, every vendor and measure a record
//! names is in the file, each DPA's document is there with the size and SHA-256 the DPA
//! states, and the history speaks only of the file's records. A file edited by hand or
//! damaged in transit is refused here, with the first problem named.

use super::file::OrganisationFile;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use dpadesk_model::*;
use dpadesk_store::StoredDocument;
use sha2::{Digest, Sha256};
use std::collections::HashSet;

type Problem = String;

/// What a file brings besides its records: the DPAs' documents and the pages fetched for
/// list versions, decoded and checked.
pub(super) struct Documents {
    pub dpas: Vec<StoredDocument>,
    /// By the list version each belongs to.
    pub evidence: Vec<(Id, StoredDocument)>,
}

/// The documents, decoded and checked, when the file holds together.
pub(super) fn check(file: &OrganisationFile) -> Result<Documents, Problem> {
    let records = record_ids(file)?;
    belongs_to_the_organisation(file)?;
    references_are_in_the_file(file)?;
    for e in &file.history {
        if !records.contains(&(e.entity, e.entity_id)) {
            return Err(format!(
                "its history speaks of a {} ({}) that the file does not hold",
                e.entity.as_str().replace('_', " "),
                e.entity_id
            ));
        }
    }
    Ok(Documents {
        dpas: documents(file)?,
        evidence: evidence(file)?,
    })
}

/// The pages fetched for list versions, each the one its version's SHA-256 names.
fn evidence(file: &OrganisationFile) -> Result<Vec<(Id, StoredDocument)>, Problem> {
    let mut out = Vec::new();
    for entry in &file.subprocessor_lists {
        let list = &entry.list;
        let what = format!("the subprocessor list {}", list.id);
        match (list.evidence, &entry.evidence_file) {
            (None, None) => {}
            (Some(_), None) => {
                return Err(format!(
                    "{what} names a fetched page that the file does not hold"
                ));
            }
            (None, Some(_)) => {
                return Err(format!(
                    "it holds a fetched page for {what}, which names none"
                ));
            }
            (Some(id), Some(page)) => {
                let content = STANDARD
                    .decode(&page.stored.content_base64)
                    .map_err(|_| format!("the fetched page of {what} is not valid base64"))?;
                let sha256 = hex::encode(Sha256::digest(&content));
                if !sha256.eq_ignore_ascii_case(&list.content_hash) {
                    return Err(format!(
                        "the fetched page of {what} is not the one its SHA-256 names"
                    ));
                }
                out.push((
                    list.id,
                    StoredDocument {
                        reference: DocumentRef {
                            id,
                            file_name: page.file_name.clone(),
                            media_type: page.media_type.clone(),
                            size: content.len() as u64,
                            sha256,
                        },
                        content,
                        created_at: page.stored.created_at,
                    },
                ));
            }
        }
    }
    Ok(out)
}

/// Every record of the file by kind and id; a second record under one id is a problem.
fn record_ids(file: &OrganisationFile) -> Result<HashSet<(EntityKind, Id)>, Problem> {
    let ids = std::iter::once((EntityKind::Organisation, file.organisation.id))
        .chain(file.activities.iter().map(|r| (EntityKind::Activity, r.id)))
        .chain(
            file.processor_records
                .iter()
                .map(|r| (EntityKind::ProcessorRecord, r.id)),
        )
        .chain(file.vendors.iter().map(|r| (EntityKind::Vendor, r.id)))
        .chain(file.dpas.iter().map(|r| (EntityKind::Dpa, r.dpa.id)))
        .chain(
            file.subprocessor_lists
                .iter()
                .map(|r| (EntityKind::SubprocessorList, r.list.id)),
        )
        .chain(file.measures.iter().map(|r| (EntityKind::Measure, r.id)))
        .chain(file.tias.iter().map(|r| (EntityKind::Tia, r.id)));
    let mut seen = HashSet::new();
    for (kind, id) in ids {
        if !seen.insert((kind, id)) {
            return Err(format!(
                "it holds the {} {id} twice",
                kind.as_str().replace('_', " ")
            ));
        }
    }
    Ok(seen)
}

fn belongs_to_the_organisation(file: &OrganisationFile) -> Result<(), Problem> {
    let org = file.organisation.id;
    let strangers = file
        .activities
        .iter()
        .filter(|a| a.organisation_id != org)
        .map(|a| format!("activity “{}”", a.name))
        .chain(
            file.processor_records
                .iter()
                .filter(|r| r.organisation_id != org)
                .map(|r| format!("the processor record for “{}”", r.client.name)),
        )
        .chain(
            file.dpas
                .iter()
                .filter(|d| d.dpa.organisation_id != org)
                .map(|d| format!("DPA “{}”", d.dpa.version)),
        )
        .chain(
            file.tias
                .iter()
                .filter(|t| t.organisation_id != org)
                .map(|t| format!("the transfer impact assessment {}", t.id)),
        )
        .next();
    match strangers {
        Some(what) => Err(format!(
            "{what} belongs to another organisation than “{}”",
            file.organisation.name
        )),
        None => Ok(()),
    }
}

fn references_are_in_the_file(file: &OrganisationFile) -> Result<(), Problem> {
    let vendors: HashSet<Id> = file.vendors.iter().map(|v| v.id).collect();
    let measures: HashSet<Id> = file.measures.iter().map(|m| m.id).collect();
    let named_vendors = file
        .activities
        .iter()
        .flat_map(|a| {
            let what = format!("activity “{}”", a.name);
            a.vendor_ids().into_iter().map(move |id| (what.clone(), id))
        })
        .chain(file.processor_records.iter().flat_map(|r| {
            let what = format!("the processor record for “{}”", r.client.name);
            r.subprocessor_vendor_ids
                .iter()
                .map(move |id| (what.clone(), *id))
        }))
        .chain(
            file.dpas
                .iter()
                .map(|d| (format!("DPA “{}”", d.dpa.version), d.dpa.vendor_id)),
        )
        .chain(file.tias.iter().map(|t| {
            (
                format!("the transfer impact assessment {}", t.id),
                t.vendor_id,
            )
        }))
        .chain(
            file.subprocessor_lists
                .iter()
                .map(|e| &e.list)
                .flat_map(|l| {
                    let what = format!("the subprocessor list {}", l.id);
                    std::iter::once(l.vendor_id)
                        .chain(l.entries.iter().filter_map(|e| e.vendor_id))
                        .map(move |id| (what.clone(), id))
                }),
        );
    for (what, id) in named_vendors {
        if !vendors.contains(&id) {
            return Err(format!(
                "{what} names a vendor ({id}) that the file does not hold"
            ));
        }
    }
    let named_measures = std::iter::once((
        "the organisation".to_string(),
        &file.organisation.measure_ids,
    ))
    .chain(
        file.activities
            .iter()
            .map(|a| (format!("activity “{}”", a.name), &a.measure_ids)),
    )
    .chain(file.processor_records.iter().map(|r| {
        (
            format!("the processor record for “{}”", r.client.name),
            &r.measure_ids,
        )
    }));
    for (what, ids) in named_measures {
        if let Some(id) = ids.iter().find(|id| !measures.contains(id)) {
            return Err(format!(
                "{what} names a measure ({id}) that the file does not hold"
            ));
        }
    }
    Ok(())
}

fn documents(file: &OrganisationFile) -> Result<Vec<StoredDocument>, Problem> {
    let mut out: Vec<StoredDocument> = Vec::new();
    for entry in &file.dpas {
        let version = &entry.dpa.version;
        match (&entry.dpa.document, &entry.document_file) {
            (None, None) => {}
            (Some(_), None) => {
                return Err(format!(
                    "DPA “{version}” names a signed document that the file does not hold"
                ));
            }
            (None, Some(_)) => {
                return Err(format!(
                    "it holds a document for DPA “{version}”, which names none"
                ));
            }
            (Some(reference), Some(stored)) => {
                let content = STANDARD
                    .decode(&stored.content_base64)
                    .map_err(|_| format!("the document of DPA “{version}” is not valid base64"))?;
                let sha256 = hex::encode(Sha256::digest(&content));
                if content.len() as u64 != reference.size
                    || !sha256.eq_ignore_ascii_case(&reference.sha256)
                {
                    return Err(format!(
                        "the document of DPA “{version}” is not the one the DPA describes \
                         (its size or SHA-256 differs)"
                    ));
                }
                if out.iter().any(|d| d.reference.id == reference.id) {
                    return Err(format!("it holds the document {} twice", reference.id));
                }
                out.push(StoredDocument {
                    reference: reference.clone(),
                    content,
                    created_at: stored.created_at,
                });
            }
        }
    }
    Ok(out)
}
