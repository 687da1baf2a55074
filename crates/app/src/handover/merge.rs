//! How a checked file meets the receiving vault. The organisation and its own records
//! (activities, Art. 30(2) records, DPAs with their documents, TIAs) must be new to the
//! vault. Vendors, measures and list versions are shared by a vault's organisations: one
//! already there under the same id is kept, with its own history, when its content is the
//! file's, and refused, by name, when it differs; a vendor new by id whose legal name
//! another vendor has is refused too, since legal names are unique in a vault.

use super::ImportSummary;
use super::check::Documents;
use super::file::OrganisationFile;
use super::refused;
use crate::{App, AppResult};
use dpadesk_model::*;
use dpadesk_store::{Aggregate, RecordSet, StoreError, StoredDocument};
use std::collections::HashSet;

/// What to write, and the summary the user sees afterwards.
pub(super) async fn plan(
    app: &App,
    file: OrganisationFile,
    documents: Documents,
) -> AppResult<(RecordSet, ImportSummary)> {
    new_organisation(app, &file.organisation).await?;
    let Documents {
        dpas: mut documents,
        evidence,
    } = documents;
    own_records_are_new(app, &file, &documents).await?;

    let mut clashes = Vec::new();
    let vendors = shared(app, file.vendors, &mut clashes, |v| {
        format!("vendor “{}”", v.legal_name)
    })
    .await?;
    let existing = app.list::<VendorData>().await?;
    for v in &vendors.added {
        let name = v.legal_name.to_lowercase();
        if existing
            .iter()
            .any(|e| e.id != v.id && e.legal_name.to_lowercase() == name)
        {
            clashes.push(format!(
                "vendor “{}” (the vault has another vendor of that name)",
                v.legal_name
            ));
        }
    }
    let measures = shared(app, file.measures, &mut clashes, |m| {
        format!("measure “{}”", m.title)
    })
    .await?;
    let lists = shared(
        app,
        file.subprocessor_lists
            .into_iter()
            .map(|e| e.list)
            .collect(),
        &mut clashes,
        |l| {
            format!(
                "the subprocessor list received on {}",
                l.received_on.map(|d| d.to_string()).unwrap_or_default()
            )
        },
    )
    .await?;
    // A version the vault already holds keeps its own page; a new one brings the file's.
    let new_pages: Vec<StoredDocument> = evidence
        .into_iter()
        .filter(|(list, _)| lists.added.iter().any(|l| l.id == *list))
        .map(|(_, page)| page)
        .collect();
    let taken = taken_documents(app, &new_pages).await?;
    if !taken.is_empty() {
        return Err(refused(format!(
            "Records of the file are already in this vault under another organisation: {}.",
            taken.join("; ")
        )));
    }
    documents.extend(new_pages);
    if !clashes.is_empty() {
        return Err(refused(format!(
            "Records of the file clash with this vault: {}. Make the vault's copies match the \
             file (or rename the vault's vendor), then import again.",
            clashes.join("; ")
        )));
    }

    // A record kept from the vault keeps its own history; the file's would repeat it.
    let kept: HashSet<(EntityKind, Id)> = (vendors.kept.iter())
        .map(|id| (EntityKind::Vendor, *id))
        .chain(measures.kept.iter().map(|id| (EntityKind::Measure, *id)))
        .chain(
            lists
                .kept
                .iter()
                .map(|id| (EntityKind::SubprocessorList, *id)),
        )
        .collect();
    let history: Vec<AuditEntry> = file
        .history
        .iter()
        .filter(|e| !kept.contains(&(e.entity, e.entity_id)))
        .map(|e| e.to_audit())
        .collect();

    let summary = ImportSummary {
        organisation_id: file.organisation.id,
        organisation: file.organisation.name.clone(),
        activities: file.activities.len(),
        processor_records: file.processor_records.len(),
        dpas: file.dpas.len(),
        documents: documents.len(),
        tias: file.tias.len(),
        vendors: vendors.added.len(),
        vendors_kept: vendors.kept.len(),
        measures: measures.added.len(),
        measures_kept: measures.kept.len(),
        subprocessor_lists: lists.added.len(),
        subprocessor_lists_kept: lists.kept.len(),
        history: history.len(),
    };
    let set = RecordSet {
        measures: measures.added,
        vendors: vendors.added,
        organisations: vec![file.organisation],
        activities: file.activities,
        processor_records: file.processor_records,
        documents,
        dpas: file.dpas.into_iter().map(|d| d.dpa).collect(),
        subprocessor_lists: lists.added,
        tias: file.tias,
        history,
    };
    Ok((set, summary))
}

async fn new_organisation(app: &App, org: &Organisation) -> AppResult<()> {
    if app.vault().get::<OrganisationData>(org.id).await?.is_some() {
        return Err(refused(format!(
            "The organisation “{}” is already in this vault. To replace it, delete it here \
             first, then import the file.",
            org.name
        )));
    }
    let name = org.name.to_lowercase();
    if let Some(other) = app
        .list::<OrganisationData>()
        .await?
        .into_iter()
        .find(|o| o.name.to_lowercase() == name)
    {
        return Err(refused(format!(
            "Another organisation named “{}” is already in this vault. Rename it, then \
             import the file.",
            other.name
        )));
    }
    Ok(())
}

/// The organisation's own records cannot be in the vault when the organisation is not; one
/// that is means the file was put together from another vault's records.
async fn own_records_are_new(
    app: &App,
    file: &OrganisationFile,
    documents: &[StoredDocument],
) -> AppResult<()> {
    let v = app.vault();
    let mut taken = Vec::new();
    for a in &file.activities {
        if v.get::<ActivityData>(a.id).await?.is_some() {
            taken.push(format!("activity “{}”", a.name));
        }
    }
    for r in &file.processor_records {
        if v.get::<ProcessorRecordData>(r.id).await?.is_some() {
            taken.push(format!("the processor record for “{}”", r.client.name));
        }
    }
    for d in &file.dpas {
        if v.get::<DpaData>(d.dpa.id).await?.is_some() {
            taken.push(format!("DPA “{}”", d.dpa.version));
        }
    }
    for t in &file.tias {
        if v.get::<TiaData>(t.id).await?.is_some() {
            taken.push(format!("the transfer impact assessment {}", t.id));
        }
    }
    taken.extend(taken_documents(app, documents).await?);
    if taken.is_empty() {
        return Ok(());
    }
    Err(refused(format!(
        "Records of the file are already in this vault under another organisation: {}.",
        taken.join("; ")
    )))
}

/// The documents of `documents` the vault already holds, by name.
async fn taken_documents(app: &App, documents: &[StoredDocument]) -> AppResult<Vec<String>> {
    let mut taken = Vec::new();
    for d in documents {
        match app.vault().stored_document(d.reference.id).await {
            Ok(_) => taken.push(format!("the document “{}”", d.reference.file_name)),
            Err(StoreError::NotFound { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(taken)
}

/// Shared records split into those to write and those the vault already holds as they are.
struct Shared<A> {
    added: Vec<Record<A>>,
    kept: Vec<Id>,
}

async fn shared<A: Aggregate + PartialEq>(
    app: &App,
    records: Vec<Record<A>>,
    clashes: &mut Vec<String>,
    name: impl Fn(&Record<A>) -> String,
) -> AppResult<Shared<A>> {
    let mut out = Shared {
        added: Vec::new(),
        kept: Vec::new(),
    };
    for r in records {
        match app.vault().get::<A>(r.id).await? {
            // Same content is the same record, whatever its times say: a vault may have
            // saved it again unchanged.
            Some(there) if there.data == r.data => out.kept.push(r.id),
            Some(_) => clashes.push(format!("{} (the vault's copy differs)", name(&r))),
            None => out.added.push(r),
        }
    }
    Ok(out)
}
