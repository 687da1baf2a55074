//! The use-cases of DPA Desk: what a user can do with a vault, in one API that the CLI and
//! the window both call. Every change is validated here (field errors the user can act on)
//! before the vault stores it with its audit entry.

pub mod error;
pub mod session;
pub mod validate;

use chrono::{DateTime, Utc};
use dpadesk_model::*;
use dpadesk_store::{Aggregate, Vault};
pub use error::{AppError, AppResult, FieldError};
use validate::{Editable, Requirement};

/// The open vault and the clock changes are stamped with.
#[derive(Debug)]
pub struct App {
    vault: Vault,
    clock: fn() -> DateTime<Utc>,
}

impl App {
    pub fn new(vault: Vault) -> Self {
        Self {
            vault,
            clock: Utc::now,
        }
    }

    /// For tests and imports that must stamp changes with a given time.
    pub fn with_clock(vault: Vault, clock: fn() -> DateTime<Utc>) -> Self {
        Self { vault, clock }
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
        Ok(record)
    }

    pub async fn update<A: Editable>(&self, id: Id, data: A) -> AppResult<Record<A>> {
        let current = self.vault.fetch::<A>(id).await?;
        let data = self.validated(id, data).await?;
        let record = Record {
            id,
            created_at: current.created_at,
            updated_at: self.now(),
            data,
        };
        self.vault.update(&record).await?;
        Ok(record)
    }

    pub async fn delete<A: Editable>(&self, id: Id) -> AppResult<Record<A>> {
        Ok(self.vault.delete::<A>(id, self.now()).await?)
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
    pub async fn attach_dpa_document(
        &self,
        dpa: Id,
        file_name: &str,
        media_type: &str,
        content: &[u8],
    ) -> AppResult<Dpa> {
        let mut current = self.vault.fetch::<DpaData>(dpa).await?;
        if content.is_empty() {
            return Err(AppError::Invalid(vec![FieldError::new(
                "document",
                "The file is empty.",
            )]));
        }
        let doc = self
            .vault
            .store_document(file_name.trim(), media_type, content, self.now())
            .await?;
        current.data.document = Some(doc);
        current.updated_at = self.now();
        self.vault.update(&current).await?;
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
