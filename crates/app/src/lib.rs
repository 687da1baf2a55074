//! The use-cases of DPA Desk: what a user can do with a vault, in one API that the CLI and
//! the window both call. Every change is validated here (field errors the user can act on)
//! before the vault stores it with its audit entry.

pub mod backups;
pub mod completeness;
mod config_files;
mod consultant;
pub mod documents;
pub mod error;
mod finding_counts;
pub mod handover;
pub mod history;
pub mod library;
pub mod lists;
mod memo;
pub mod overview;
mod own_export;
pub mod recovery_kit;
pub mod reference;
pub mod register_import;
mod register_mappings;
pub mod register_preview;
pub mod reminders;
pub mod reports;
pub mod sample;
pub mod search;
pub mod session;
pub mod tia;
pub mod transfers;
pub mod validate;

use chrono::{DateTime, NaiveDate, Utc};
use dpadesk_model::*;
use dpadesk_store::{Aggregate, Vault};
pub use error::{AppError, AppResult, FieldError};
use finding_counts::FindingCounts;
use memo::Memo;
use search::{Indexed, SearchHit, SearchIndex};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use validate::{Editable, Requirement};

/// The open vault, the clock changes are stamped with, and the search index (rebuilt after
/// any change, on the next search).
#[derive(Debug)]
pub struct App {
    vault: Vault,
    clock: fn() -> DateTime<Utc>,
    search_index: Memo<Arc<SearchIndex>>,
    /// Every activity by id (creation order), kept up to date by each write.
    activities: Memo<Activities>,
    /// Every subprocessor list version, until a list changes.
    lists: Memo<Arc<Vec<SubprocessorList>>>,
    /// Counts changes, so a load that a change overtook is not kept.
    generation: AtomicU64,
    /// The reference facts the transfer checks judge against, read once from the vault.
    dataset: Memo<Arc<dpadesk_transfer::Dataset>>,
    /// Each organisation's transfer findings counted for a day, until a change alters them.
    finding_counts: FindingCounts,
}

/// Every activity of the vault by id.
pub(crate) type Activities = Arc<BTreeMap<Id, Activity>>;

impl App {
    pub fn new(vault: Vault) -> Self {
        Self::with_clock(vault, Utc::now)
    }

    /// For tests and imports that must stamp changes with a given time.
    pub fn with_clock(vault: Vault, clock: fn() -> DateTime<Utc>) -> Self {
        Self {
            vault,
            clock,
            search_index: Memo::default(),
            activities: Memo::default(),
            lists: Memo::default(),
            generation: AtomicU64::new(0),
            dataset: Memo::default(),
            finding_counts: FindingCounts::default(),
        }
    }

    fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Runs `load` and keeps its result in `memo`, unless a change landed meanwhile.
    async fn memoised<T: Clone>(
        &self,
        memo: &Memo<T>,
        load: impl AsyncFnOnce() -> AppResult<T>,
    ) -> AppResult<T> {
        if let Some(kept) = memo.get() {
            return Ok(kept);
        }
        let _loading = memo.loading().await;
        if let Some(kept) = memo.get() {
            return Ok(kept);
        }
        let started = self.generation.load(Ordering::SeqCst);
        let value = load().await?;
        memo.fill(
            value.clone(),
            self.generation.load(Ordering::SeqCst) == started,
        );
        Ok(value)
    }

    /// After a record of kind `A` was saved (`Some`) or deleted (`None`): the in-memory
    /// activities and search index follow the change instead of being reloaded.
    fn written<A: Editable>(&self, id: Id, saved: Option<&Record<A>>) {
        self.changed();
        self.finding_counts
            .forget(saved.and_then(|r| A::organisation_of(r)));
        let indexed = saved.and_then(|r| A::indexed(r));
        let patch_index = || {
            self.search_index.update(|index| {
                let index = Arc::make_mut(index);
                index.remove(A::KIND, id);
                if let Some(record) = indexed {
                    index.insert(record);
                }
            });
        };
        match A::KIND {
            EntityKind::Activity => {
                self.activities.update(|all| {
                    let all = Arc::make_mut(all);
                    match indexed {
                        Some(Indexed::Activity(a)) => all.insert(id, a.clone()),
                        _ => all.remove(&id),
                    };
                });
                patch_index();
            }
            // The database may have taken the organisation's records with it.
            EntityKind::Organisation if saved.is_none() => {
                self.activities.clear();
                self.search_index.clear();
            }
            EntityKind::Organisation | EntityKind::Vendor => patch_index(),
            EntityKind::SubprocessorList => {
                self.lists.clear();
                self.search_index.clear();
            }
            // DPAs, measures and processor records are not searched.
            _ => {}
        }
    }

    /// Every activity of the vault, from memory once loaded.
    pub(crate) async fn all_activities(&self) -> AppResult<Activities> {
        self.memoised(&self.activities, async || {
            Ok(Arc::new(
                self.vault
                    .list::<ActivityData>()
                    .await?
                    .into_iter()
                    .map(|a| (a.id, a))
                    .collect(),
            ))
        })
        .await
    }

    /// Every subprocessor list version, oldest first, from memory once loaded.
    pub(crate) async fn all_lists(&self) -> AppResult<Arc<Vec<SubprocessorList>>> {
        self.memoised(&self.lists, async || {
            Ok(Arc::new(self.vault.list::<SubprocessorListData>().await?))
        })
        .await
    }

    /// Reads what most screens need from the whole vault (every activity, every list
    /// version, the search index and the day's transfer findings counts of the home screen),
    /// so that the first of them does not wait for it. The window runs this as soon as the
    /// vault is open.
    pub async fn warm_up(&self, today: NaiveDate) -> AppResult<()> {
        self.all_activities().await?;
        self.all_lists().await?;
        self.search("").await?;
        self.transfer_summary(today).await?;
        Ok(())
    }

    /// One organisation's activities in register order: from memory when every activity is
    /// loaded, else from the vault (cheaper than loading them all for one organisation).
    pub(crate) async fn own_activities(&self, organisation: Id) -> AppResult<Vec<Activity>> {
        let Some(all) = self.activities.get() else {
            return Ok(self.vault.activities_of(organisation).await?);
        };
        let mut own: Vec<Activity> = all
            .values()
            .filter(|a| a.data.organisation_id == organisation)
            .cloned()
            .collect();
        // The vault's order: by reference, then name.
        own.sort_by(|a, b| {
            (&a.data.reference, &a.data.name).cmp(&(&b.data.reference, &b.data.name))
        });
        Ok(own)
    }

    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    pub async fn close(self) -> AppResult<()> {
        Ok(self.vault.close().await?)
    }

    fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    async fn exists(&self, kind: EntityKind, id: Id) -> AppResult<bool> {
        let v = &self.vault;
        Ok(match kind {
            EntityKind::Organisation => v.get::<OrganisationData>(id).await?.is_some(),
            EntityKind::Activity => v.get::<ActivityData>(id).await?.is_some(),
            EntityKind::ProcessorRecord => v.get::<ProcessorRecordData>(id).await?.is_some(),
            EntityKind::Vendor => v.get::<VendorData>(id).await?.is_some(),
            EntityKind::Dpa => v.get::<DpaData>(id).await?.is_some(),
            EntityKind::SubprocessorList => v.get::<SubprocessorListData>(id).await?.is_some(),
            EntityKind::Measure => v.get::<MeasureData>(id).await?.is_some(),
            EntityKind::Tia => v.get::<TiaData>(id).await?.is_some(),
        })
    }

    /// Tidies and checks `data` for saving as record `id`; every problem found is returned at once.
    async fn validated<A: Editable>(&self, id: Id, mut data: A) -> AppResult<A> {
        data.normalise();
        let mut errors = data.check();
        for req in data.requirements() {
            match req {
                Requirement::Exists { field, kind, id } => {
                    if !self.exists(kind, id).await? {
                        errors.push(FieldError::new(field, format!("No {} with id {id} in this vault.", kind.as_str().replace('_', " "))));
                    }
                }
                Requirement::ActsAsProcessor { field, organisation } => {
                    match self.vault.get::<OrganisationData>(organisation).await? {
                        None => errors.push(FieldError::new(field, format!("No organisation with id {organisation} in this vault."))),
                        Some(org) if org.role == OrgRole::Controller => errors.push(FieldError::new(
                            field,
                            format!("{} is registered as a controller only; set its role to processor (or both) to keep processor records.", org.name),
                        )),
                        Some(_) => {}
                    }
                }
            }
        }
        if let Some(name) = data.unique_name().filter(|n| !n.is_empty()) {
            let clash = self.vault.list::<A>().await?.into_iter().any(|other| {
                other.id != id
                    && other
                        .data
                        .unique_name()
                        .is_some_and(|n| n.to_lowercase() == name.to_lowercase())
            });
            if clash {
                errors.push(FieldError::new(
                    match A::KIND {
                        EntityKind::Vendor => "legal_name",
                        _ => "name",
                    },
                    format!("“{name}” is already in this vault."),
                ));
            }
        }
        if errors.is_empty() {
            Ok(data)
        } else {
            Err(AppError::Invalid(errors))
        }
    }

    pub async fn create<A: Editable>(&self, data: A) -> AppResult<Record<A>> {
        let id = Id::new();
        let data = self.validated(id, data).await?;
        let now = self.now();
        let record = Record {
            id,
            created_at: now,
            updated_at: now,
            data,
        };
        self.vault.insert(&record).await?;
        self.written(id, Some(&record));
        Ok(record)
    }

    /// Saves `data` over the record as it is stored now (the app's own follow-up changes).
    pub async fn update<A: Editable>(&self, id: Id, data: A) -> AppResult<Record<A>> {
        let seen = self.vault.fetch::<A>(id).await?.updated_at;
        self.update_seen(id, data, seen).await
    }

    /// Saves `data` over the version of the record stamped `seen` (the `updated_at` the
    /// form or command read); a record changed since then is refused with who changed it
    /// and when, so no one's edit is lost.
    pub async fn update_seen<A: Editable>(
        &self,
        id: Id,
        data: A,
        seen: DateTime<Utc>,
    ) -> AppResult<Record<A>> {
        let current = self.vault.fetch::<A>(id).await?;
        let data = self.validated(id, data).await?;
        let record = Record {
            id,
            created_at: current.created_at,
            updated_at: self.now().max(seen + chrono::Duration::microseconds(1)),
            data,
        };
        self.vault.update(&record, seen).await?;
        self.written(id, Some(&record));
        Ok(record)
    }

    /// When another process (the CLI, a second window) changed the vault since this app
    /// last looked, forgets everything it kept in memory and says so, so the screens reload.
    pub async fn refresh_if_changed_elsewhere(&self) -> AppResult<bool> {
        if !self.vault.changed_elsewhere().await? {
            return Ok(false);
        }
        self.forget_everything();
        Ok(true)
    }

    pub(crate) fn forget_everything(&self) {
        self.changed();
        self.activities.clear();
        self.lists.clear();
        self.search_index.clear();
        self.dataset.clear();
        self.finding_counts.forget(None);
    }

    /// The code that opens this vault on its own, for the recovery kit.
    pub fn recovery_code(&self) -> dpadesk_store::RecoveryCode {
        self.vault.recovery_code()
    }

    pub async fn delete<A: Editable>(&self, id: Id) -> AppResult<Record<A>> {
        let gone = self.vault.delete::<A>(id, self.now()).await?;
        self.written::<A>(id, None);
        Ok(gone)
    }

    pub async fn get<A: Aggregate>(&self, id: Id) -> AppResult<Record<A>> {
        Ok(self.vault.fetch::<A>(id).await?)
    }

    pub async fn list<A: Aggregate>(&self) -> AppResult<Vec<Record<A>>> {
        Ok(self.vault.list::<A>().await?)
    }

    pub async fn activities_of(&self, organisation: Id) -> AppResult<Vec<Activity>> {
        self.get::<OrganisationData>(organisation).await?;
        Ok(self.vault.activities_of(organisation).await?)
    }

    pub async fn processor_records_of(&self, organisation: Id) -> AppResult<Vec<ProcessorRecord>> {
        self.get::<OrganisationData>(organisation).await?;
        Ok(self.vault.processor_records_of(organisation).await?)
    }

    pub async fn dpas_of(&self, organisation: Id) -> AppResult<Vec<Dpa>> {
        self.get::<OrganisationData>(organisation).await?;
        Ok(self.vault.dpas_of(organisation).await?)
    }

    pub async fn subprocessor_lists_of(&self, vendor: Id) -> AppResult<Vec<SubprocessorList>> {
        self.get::<VendorData>(vendor).await?;
        Ok(self.vault.subprocessor_lists_of(vendor).await?)
    }

    /// An organisation by id, or by its name (any case): how scripts and the CLI name them.
    pub async fn find_organisation(&self, key: &str) -> AppResult<Organisation> {
        find_by_key(
            self.list::<OrganisationData>().await?,
            key,
            |o| &o.name,
            "organisation",
        )
    }

    /// A vendor by id, or by its legal name (any case).
    pub async fn find_vendor(&self, key: &str) -> AppResult<Vendor> {
        find_by_key(
            self.list::<VendorData>().await?,
            key,
            |v| &v.legal_name,
            "vendor",
        )
    }

    /// Stores the signed agreement inside the vault and attaches it to the DPA, replacing
    /// any earlier file.
    /// The file must pass `documents::accept_document`, which also gives its media type.
    pub async fn attach_dpa_document(
        &self,
        dpa: Id,
        file_name: &str,
        content: &[u8],
    ) -> AppResult<Dpa> {
        let media_type = documents::accept_document(file_name.trim(), content)?;
        self.store_dpa_document(dpa, file_name, media_type, content)
            .await
    }

    /// Attaches a file already accepted once (a copy of a stored document).
    pub(crate) async fn store_dpa_document(
        &self,
        dpa: Id,
        file_name: &str,
        media_type: &str,
        content: &[u8],
    ) -> AppResult<Dpa> {
        let mut current = self.vault.fetch::<DpaData>(dpa).await?;
        let doc = self
            .vault
            .store_document(file_name.trim(), media_type, content, self.now())
            .await?;
        current.data.document = Some(doc);
        let seen = current.updated_at;
        current.updated_at = self.now();
        self.vault.update(&current, seen).await?;
        self.changed();
        Ok(current)
    }

    pub async fn dpa_document(&self, dpa: Id) -> AppResult<(DocumentRef, Vec<u8>)> {
        let agreement = self.vault.fetch::<DpaData>(dpa).await?;
        let doc = agreement.data.document.ok_or_else(|| {
            AppError::NotFound(format!(
                "The DPA version “{}” has no document attached.",
                agreement.data.version
            ))
        })?;
        let bytes = self.vault.document_content(doc.id).await?;
        Ok((doc, bytes))
    }

    /// Who changed a record, when, and what it was before and after, oldest first.
    pub async fn history(&self, entity: EntityKind, id: Id) -> AppResult<Vec<AuditEntry>> {
        Ok(self.vault.history(entity, id).await?)
    }

    /// The changes of a record field by field, oldest first.
    pub async fn record_changes(
        &self,
        entity: EntityKind,
        id: Id,
    ) -> AppResult<Vec<history::RecordChange>> {
        Ok(history::changes(&self.history(entity, id).await?))
    }

    /// An organisation's register as it stood at the end of `day`.
    pub async fn register_as_of(
        &self,
        organisation: Id,
        day: NaiveDate,
    ) -> AppResult<history::RegisterSnapshot> {
        let log = self
            .vault
            .organisation_changes_until(organisation, history::end_of_day(day))
            .await?;
        Ok(history::register_as_of(&log, organisation, day))
    }

    /// Fills an empty measures library with the measures DPA Desk brings.
    pub async fn preload_library(&self) -> AppResult<usize> {
        if !self.list::<MeasureData>().await?.is_empty() {
            return Ok(0);
        }
        for m in library::measures() {
            self.create(m.clone()).await?;
        }
        Ok(library::measures().len())
    }

    /// Organisations, activities, vendors, subprocessors and categories matching `query`.
    pub async fn search(&self, query: &str) -> AppResult<Vec<SearchHit>> {
        let index = self
            .memoised(&self.search_index, async || {
                let organisations = self.list::<OrganisationData>().await?;
                let all = self.all_activities().await?;
                let activities: Vec<&Activity> = all.values().collect();
                let vendors = self.list::<VendorData>().await?;
                let lists = self.all_lists().await?;
                Ok(Arc::new(SearchIndex::build(&search::Corpus {
                    organisations: &organisations,
                    activities: &activities,
                    vendors: &vendors,
                    lists: &lists,
                })))
            })
            .await?;
        Ok(index.search(query))
    }
}

fn find_by_key<T>(
    records: Vec<Record<T>>,
    key: &str,
    name: impl Fn(&T) -> &str,
    what: &str,
) -> AppResult<Record<T>> {
    let key = key.trim();
    if let Ok(id) = key.parse::<Id>() {
        return records
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| AppError::NotFound(format!("No {what} with id {id}.")));
    }
    let lower = key.to_lowercase();
    records
        .into_iter()
        .find(|r| name(&r.data).to_lowercase() == lower)
        .ok_or_else(|| AppError::NotFound(format!("No {what} named “{key}”.")))
}
