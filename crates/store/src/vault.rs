//! The vault: one encrypted SQLite file (SQLCipher) holding any number of organisations,
//! the shared vendor catalogue and the audit log. Every change goes through here, in one
//! transaction with its audit entry.

use crate::backup::{self, BackupPlace, BackupReason};
use crate::error::{Result, StoreError};
use crate::keys::{KeySource, SALT_LEN, VaultKey};
use crate::lock::VaultLock;
use crate::migration::Migrator;
use crate::record_set::{self, RecordSet};
use crate::recovery::RecoveryCode;
use crate::repo::document::StoredDocument;
use crate::repo::{self, Aggregate, audit};
use chrono::{DateTime, NaiveDate, Utc};
use dpadesk_model::{
    Activity, ActivityData, AuditAction, AuditEntry, DocumentRef, Dpa, EntityKind, Id,
    ImportUndone, OrganisationData, ProcessorRecord, Record, RegisterImportEntry, SubprocessorList,
    Tia, VendorData,
};
use sea_orm::sqlx::Connection;
use sea_orm::sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sea_orm::{ConnectionTrait, Statement};
use sea_orm::{DatabaseConnection, DatabaseTransaction, SqlxSqliteConnector, TransactionTrait};
use sea_orm_migration::MigratorTrait;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

const PLAIN_SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

#[derive(Debug)]
pub struct Vault {
    db: DatabaseConnection,
    path: PathBuf,
    actor: String,
    /// Kept to verify backups (they share the key) and to write the recovery kit.
    key: VaultKey,
    /// Held while open, so the file is not replaced under this handle.
    lock: Option<VaultLock>,
    /// The change counter as this handle last saw it; a different value is someone else's.
    changes: AtomicI64,
    /// A write of this handle found the counter moved by someone else first.
    changed_elsewhere: AtomicBool,
    /// Held while a write commits and notes its count, and while changes elsewhere are looked for.
    looking: tokio::sync::Mutex<()>,
    /// A backup opened to look things up: every write is refused.
    read_only: bool,
}

pub(crate) fn map_connect_error(e: sea_orm::sqlx::Error) -> StoreError {
    match &e {
        sea_orm::sqlx::Error::Database(db) if db.message().contains("file is not a database") => {
            StoreError::WrongKey
        }
        _ => crate::error::from_code(crate::error::sqlx_code(&e)).unwrap_or_else(|| {
            StoreError::Db(sea_orm::DbErr::Conn(sea_orm::RuntimeErr::SqlxError(
                e.into(),
            )))
        }),
    }
}

/// How long a write waits for another process's write before the vault is "busy".
const BUSY_WAIT: Duration = Duration::from_secs(5);

pub(crate) fn options(path: &Path, key: &VaultKey) -> SqliteConnectOptions {
    // SQLCipher's OpenSSL would otherwise register its cleanup to run at process exit, and
    // that cleanup can free what a connection thread still closing is using: a crash after
    // the work is done (seen as SIGSEGV or "double free" at exit). openssl-sys initialises
    // the library first, with OPENSSL_INIT_NO_ATEXIT.
    openssl_sys::init();
    SqliteConnectOptions::new()
        .filename(path)
        .pragma("key", key.pragma_value().to_string())
        .busy_timeout(BUSY_WAIT)
}

async fn connect(path: &Path, key: &VaultKey, create: bool) -> Result<DatabaseConnection> {
    let options = options(path, key)
        .create_if_missing(create)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true);
    if !create {
        check_key(path, key).await?;
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .map_err(map_connect_error)?;
    Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}

/// Tries the key on a connection of its own that is closed before returning, whether the key
/// fits or not. Refused inside the pool, the connection would be left to close on its own
/// thread, racing the process's exit (a pool dropped without being closed leaves its connections to close on their own threads,
/// and SQLCipher's exit handler can free what they still use); the probe sets only the key, so
/// opening it never reads the file and a wrong key shows in the query instead. The probe
/// then checks that the file is whole as far as that can be seen cheaply (`health::quick`).
async fn check_key(path: &Path, key: &VaultKey) -> Result<()> {
    let mut conn = SqliteConnection::connect_with(&options(path, key))
        .await
        .map_err(map_connect_error)?;
    let tried = async {
        sea_orm::sqlx::query("SELECT count(*) FROM sqlite_master")
            .fetch_one(&mut conn)
            .await
            .map_err(map_connect_error)?;
        crate::health::quick(&mut conn, path).await
    }
    .await;
    let _ = conn.close().await;
    tried
}

/// Whether `path` is an encrypted file that may be a vault (it cannot tell more unopened).
pub fn check_vault_file(path: &Path) -> Result<()> {
    read_salt(path).map(drop)
}

pub(crate) fn read_salt(path: &Path) -> Result<[u8; SALT_LEN]> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::VaultMissing(path.into()));
        }
        Err(e) => return Err(e.into()),
    };
    let mut salt = [0u8; SALT_LEN];
    file.read_exact(&mut salt)
        .map_err(|_| StoreError::NotAVault(path.into()))?;
    if &salt == PLAIN_SQLITE_HEADER {
        return Err(StoreError::NotAVault(path.into()));
    }
    Ok(salt)
}

/// "a", "a and b", "a, b and c".
fn join_uses(uses: &[String]) -> String {
    match uses {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn os_user() -> String {
    whoami::username().unwrap_or_else(|_| "unknown".to_string())
}

/// A vault some of whose migrations already ran and others are due (not a new one).
async fn backup_before_migration(
    db: &DatabaseConnection,
    path: &Path,
    key: &VaultKey,
    place: &BackupPlace,
) -> Result<()> {
    let pending = Migrator::get_pending_migrations(db).await?.len();
    if pending > 0 && pending < Migrator::migrations().len() {
        backup::snapshot(
            db,
            path,
            key,
            place,
            BackupReason::BeforeMigration,
            Utc::now(),
        )
        .await?;
    }
    Ok(())
}

/// Brings the schema up to date; on failure the connections are closed before the error
/// is returned.
async fn migrated(db: DatabaseConnection) -> Result<DatabaseConnection> {
    match migrate(&db).await {
        Ok(()) => Ok(db),
        Err(e) => {
            let _ = db.close_by_ref().await;
            Err(e)
        }
    }
}

async fn migrate(db: &DatabaseConnection) -> Result<()> {
    Migrator::up(db, None).await.map_err(|e| {
        if e.to_string().contains("is missing") {
            StoreError::Corrupt(
                "it was written by a newer version of DPA Desk; update the app".into(),
            )
        } else {
            e.into()
        }
    })
}

impl Vault {
    /// Creates a new, empty vault at `path` with a new key from `keys`.
    pub async fn create(path: &Path, keys: &KeySource) -> Result<Self> {
        if path.exists() {
            return Err(StoreError::VaultExists(path.into()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let lock = VaultLock::shared(path)?;
        let key = keys.new_key()?;
        let made = async { migrated(connect(path, &key, true).await?).await }.await;
        match made {
            Ok(db) => Self::over(db, path, key, Some(lock), false).await,
            Err(e) => {
                keys.forget(&key);
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
                Err(e)
            }
        }
    }

    /// Opens an existing vault and brings its schema up to date, with its backups in the
    /// default place beside it.
    pub async fn open(path: &Path, keys: &KeySource) -> Result<Self> {
        Self::open_in(path, keys, &BackupPlace::beside(path)).await
    }

    /// Opens an existing vault; before a migration changes its schema, a backup of it is
    /// written to `place`.
    pub async fn open_in(path: &Path, keys: &KeySource, place: &BackupPlace) -> Result<Self> {
        let salt = read_salt(path)?;
        let key = keys.existing_key(salt)?;
        let lock = VaultLock::shared(path)?;
        let db = connect(path, &key, false).await?;
        if let Err(e) = backup_before_migration(&db, path, &key, place).await {
            let _ = db.close_by_ref().await;
            return Err(e);
        }
        let db = migrated(db).await?;
        Self::over(db, path, key, Some(lock), false).await
    }

    /// Opens a copy of a backup, so that it can be read (and its schema brought up to date)
    /// without the backup itself changing; every write through it is refused.
    pub async fn open_backup(backup: &Path, copy: &Path, keys: &KeySource) -> Result<Self> {
        let salt = read_salt(backup)?;
        let key = keys.existing_key(salt)?;
        std::fs::copy(backup, copy)?;
        let db = migrated(connect(copy, &key, false).await?).await?;
        Self::over(db, copy, key, None, true).await
    }

    async fn over(
        db: DatabaseConnection,
        path: &Path,
        key: VaultKey,
        lock: Option<VaultLock>,
        read_only: bool,
    ) -> Result<Self> {
        let vault = Self {
            db,
            path: path.into(),
            actor: os_user(),
            key,
            lock,
            changes: AtomicI64::new(0),
            changed_elsewhere: AtomicBool::new(false),
            looking: tokio::sync::Mutex::new(()),
            read_only,
        };
        match Self::change_count(&vault.db).await {
            Ok(n) => {
                vault.changes.store(n, Ordering::SeqCst);
                Ok(vault)
            }
            Err(e) => {
                let _ = vault.close().await;
                Err(e)
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who the audit log names for changes made through this handle.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The code that opens this vault on its own: shown once, in the recovery kit.
    pub fn recovery_code(&self) -> RecoveryCode {
        self.key.recovery_code()
    }

    pub(crate) fn key(&self) -> &VaultKey {
        &self.key
    }

    pub(crate) fn connection(&self) -> &DatabaseConnection {
        &self.db
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Closes the pool, checkpointing the WAL into the main file, then lets go of the lock.
    pub async fn close(self) -> Result<()> {
        self.db.close().await?;
        drop(self.lock);
        Ok(())
    }

    async fn change_count<C: ConnectionTrait>(db: &C) -> Result<i64> {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT changes FROM vault_state WHERE id = 1",
            ))
            .await?;
        Ok(match row {
            Some(row) => row.try_get("", "changes")?,
            None => 0,
        })
    }

    /// Counts a write inside its transaction: the vault's change counter as it will be once
    /// the transaction commits.
    async fn count_change<C: ConnectionTrait>(&self, tx: &C) -> Result<Option<i64>> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let row = tx
            .query_one_raw(Statement::from_string(
                tx.get_database_backend(),
                "UPDATE vault_state SET changes = changes + 1 WHERE id = 1 RETURNING changes",
            ))
            .await?;
        row.map(|row| row.try_get("", "changes"))
            .transpose()
            .map_err(Into::into)
    }

    /// Commits a counted write, and notes whether someone else wrote since this handle last
    /// looked. The look for changes elsewhere waits meanwhile: between the commit and the
    /// note it would take this handle's own write for someone else's.
    async fn commit(&self, tx: DatabaseTransaction, counted: Option<i64>) -> Result<()> {
        let _looking = self.looking.lock().await;
        tx.commit().await?;
        if let Some(now) = counted
            && self.changes.swap(now, Ordering::SeqCst) != now - 1
        {
            self.changed_elsewhere.store(true, Ordering::SeqCst);
        }
        Ok(())
    }

    /// Whether another process (the CLI, a second window) changed the vault since this
    /// handle last looked: then whatever was read before may be stale.
    pub async fn changed_elsewhere(&self) -> Result<bool> {
        // The connection before the lock: writes waiting for the lock each hold one, and
        // the pool may have none left to give while the lock is held.
        let read = self.db.begin().await?;
        let _looking = self.looking.lock().await;
        let now = Self::change_count(&read).await?;
        read.commit().await?;
        let seen = self.changes.swap(now, Ordering::SeqCst);
        Ok(self.changed_elsewhere.swap(false, Ordering::SeqCst) || seen != now)
    }

    pub async fn get<A: Aggregate>(&self, id: Id) -> Result<Option<Record<A>>> {
        A::get(&self.db, id).await
    }

    /// Like `get`, but a missing record is an error that names what was looked for.
    pub async fn fetch<A: Aggregate>(&self, id: Id) -> Result<Record<A>> {
        A::get(&self.db, id)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: A::KIND.as_str(),
                id: id.to_string(),
            })
    }

    pub async fn list<A: Aggregate>(&self) -> Result<Vec<Record<A>>> {
        A::list(&self.db).await
    }

    pub async fn insert<A: Aggregate>(&self, record: &Record<A>) -> Result<()> {
        let tx = self.db.begin().await?;
        let counted = self.count_change(&tx).await?;
        A::insert(&tx, record).await?;
        audit::write(
            &tx,
            audit::Change {
                at: record.updated_at,
                actor: &self.actor,
                entity: A::KIND,
                entity_id: record.id,
                action: AuditAction::Create,
                before: None,
                after: Some(repo::to_json(record)),
            },
        )
        .await?;
        self.commit(tx, counted).await?;
        Ok(())
    }

    /// Replaces a stored record, unless it changed since the version stamped `seen` (the
    /// `updated_at` the caller read): then the save is refused, naming who changed it and
    /// when. Returns what it was before.
    pub async fn update<A: Aggregate>(
        &self,
        record: &Record<A>,
        seen: DateTime<Utc>,
    ) -> Result<Record<A>> {
        let tx = self.db.begin().await?;
        let counted = self.count_change(&tx).await?;
        let before = A::get(&tx, record.id)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: A::KIND.as_str(),
                id: record.id.to_string(),
            })?;
        if before.updated_at != seen {
            let by = audit::for_record(&tx, A::KIND, record.id)
                .await?
                .pop()
                .map_or_else(|| "someone".to_string(), |e| e.actor);
            return Err(StoreError::Conflict {
                entity: A::KIND.as_str(),
                by,
                at: before.updated_at,
            });
        }
        A::update(&tx, record).await?;
        audit::write(
            &tx,
            audit::Change {
                at: record.updated_at,
                actor: &self.actor,
                entity: A::KIND,
                entity_id: record.id,
                action: AuditAction::Update,
                before: Some(repo::to_json(&before)),
                after: Some(repo::to_json(record)),
            },
        )
        .await?;
        self.commit(tx, counted).await?;
        Ok(before)
    }

    /// Deletes a record unless something still refers to it; returns what was deleted.
    pub async fn delete<A: Aggregate>(&self, id: Id, at: DateTime<Utc>) -> Result<Record<A>> {
        let tx = self.db.begin().await?;
        let counted = self.count_change(&tx).await?;
        let before = self.remove::<A, _>(&tx, id, at).await?;
        self.commit(tx, counted).await?;
        Ok(before)
    }

    /// Deletes a record inside a write, with its audit entry, unless something refers to it.
    async fn remove<A: Aggregate, C: ConnectionTrait>(
        &self,
        tx: &C,
        id: Id,
        at: DateTime<Utc>,
    ) -> Result<Record<A>> {
        let before = A::get(tx, id).await?.ok_or_else(|| StoreError::NotFound {
            entity: A::KIND.as_str(),
            id: id.to_string(),
        })?;
        let uses = A::referenced_by(tx, id).await?;
        if !uses.is_empty() {
            return Err(StoreError::InUse(format!(
                "The {} is still used by {} — remove or change those first.",
                A::label(&before),
                join_uses(&uses)
            )));
        }
        A::delete(tx, id).await?;
        audit::write(
            tx,
            audit::Change {
                at,
                actor: &self.actor,
                entity: A::KIND,
                entity_id: id,
                action: AuditAction::Delete,
                before: Some(repo::to_json(&before)),
                after: None,
            },
        )
        .await?;
        Ok(before)
    }

    /// Deletes a record inside a write when it still exists and nothing refers to it;
    /// returns the record kept because something does, if any.
    async fn remove_if_unused<A: Aggregate, C: ConnectionTrait>(
        &self,
        tx: &C,
        id: Id,
        at: DateTime<Utc>,
    ) -> Result<Option<Record<A>>> {
        let Some(record) = A::get(tx, id).await? else {
            return Ok(None);
        };
        if !A::referenced_by(tx, id).await?.is_empty() {
            return Ok(Some(record));
        }
        self.remove::<A, _>(tx, id, at).await?;
        Ok(None)
    }

    /// Writes an imported register's records, each with its "created" entry, and the
    /// import's own entry naming them, in one transaction.
    pub async fn insert_import(&self, set: &RecordSet, import: &RegisterImportEntry) -> Result<()> {
        let tx = self.db.begin().await?;
        let counted = self.count_change(&tx).await?;
        record_set::insert(&tx, &record_set::as_created(set, &self.actor, import.at)).await?;
        repo::register_import::insert(&tx, import).await?;
        self.commit(tx, counted).await?;
        Ok(())
    }

    pub async fn register_imports_of(&self, organisation: Id) -> Result<Vec<RegisterImportEntry>> {
        repo::register_import::list_for_organisation(&self.db, organisation).await
    }

    /// Undoes a register import in one transaction: its activities go (those the user deleted
    /// since are already gone), then the vendors it added and the organisation it made, unless
    /// other records use them now. An activity something else refers to stops the whole undo.
    pub async fn undo_import(&self, id: Id, at: DateTime<Utc>) -> Result<ImportUndone> {
        let tx = self.db.begin().await?;
        let counted = self.count_change(&tx).await?;
        let import =
            repo::register_import::get(&tx, id)
                .await?
                .ok_or_else(|| StoreError::NotFound {
                    entity: "register import",
                    id: id.to_string(),
                })?;
        if let Some(when) = import.undone_at {
            return Err(StoreError::InUse(format!(
                "This import was already undone on {} by {}.",
                when.format("%Y-%m-%d %H:%M UTC"),
                import.undone_by.as_deref().unwrap_or("someone")
            )));
        }
        let mut activities_removed = 0;
        for activity in &import.activity_ids {
            if ActivityData::get(&tx, *activity).await?.is_some() {
                self.remove::<ActivityData, _>(&tx, *activity, at).await?;
                activities_removed += 1;
            }
        }
        let mut vendors_removed = 0;
        let mut vendors_kept = Vec::new();
        for vendor in &import.vendor_ids {
            let existed = VendorData::get(&tx, *vendor).await?.is_some();
            match self
                .remove_if_unused::<VendorData, _>(&tx, *vendor, at)
                .await?
            {
                Some(kept) => vendors_kept.push(kept.data.legal_name),
                None if existed => vendors_removed += 1,
                None => {}
            }
        }
        let organisation_removed = import.new_organisation
            && OrganisationData::get(&tx, import.organisation_id)
                .await?
                .is_some()
            && self
                .remove_if_unused::<OrganisationData, _>(&tx, import.organisation_id, at)
                .await?
                .is_none();
        if !organisation_removed {
            repo::register_import::mark_undone(&tx, id, at, &self.actor).await?;
        }
        self.commit(tx, counted).await?;
        Ok(ImportUndone {
            activities_removed,
            vendors_removed,
            vendors_kept,
            organisation_removed,
        })
    }

    pub async fn activities_of(&self, organisation: Id) -> Result<Vec<Activity>> {
        repo::activity::list_for_organisation(&self.db, organisation).await
    }

    pub async fn processor_records_of(&self, organisation: Id) -> Result<Vec<ProcessorRecord>> {
        repo::processor_record::list_for_organisation(&self.db, organisation).await
    }

    pub async fn dpas_of(&self, organisation: Id) -> Result<Vec<Dpa>> {
        repo::dpa::list_for_organisation(&self.db, organisation).await
    }

    pub async fn dpas_with(&self, vendor: Id) -> Result<Vec<Dpa>> {
        repo::dpa::list_for_vendor(&self.db, vendor).await
    }

    pub async fn tias_of(&self, organisation: Id) -> Result<Vec<Tia>> {
        repo::tia::list_for_organisation(&self.db, organisation).await
    }

    /// The text of the reference dataset the user loaded into this vault, if any.
    pub async fn loaded_dataset(&self) -> Result<Option<String>> {
        repo::reference_dataset::get(&self.db).await
    }

    /// Keeps a validated dataset file in the vault, replacing any loaded before.
    pub async fn store_dataset(
        &self,
        version: &str,
        date: NaiveDate,
        content: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let tx = self.db.begin().await?;
        let counted = self.count_change(&tx).await?;
        repo::reference_dataset::put(&tx, version, date, content, at).await?;
        self.commit(tx, counted).await?;
        Ok(())
    }

    pub async fn clear_dataset(&self) -> Result<()> {
        let tx = self.db.begin().await?;
        let counted = self.count_change(&tx).await?;
        repo::reference_dataset::clear(&tx).await?;
        self.commit(tx, counted).await?;
        Ok(())
    }

    pub async fn subprocessor_lists_of(&self, vendor: Id) -> Result<Vec<SubprocessorList>> {
        repo::subprocessor_list::list_for_vendor(&self.db, vendor).await
    }

    /// Stores a file inside the vault, to be referenced from a DPA.
    pub async fn store_document(
        &self,
        file_name: &str,
        media_type: &str,
        content: &[u8],
        at: DateTime<Utc>,
    ) -> Result<DocumentRef> {
        let tx = self.db.begin().await?;
        let counted = self.count_change(&tx).await?;
        let stored = repo::document::insert(&tx, file_name, media_type, content, at).await?;
        self.commit(tx, counted).await?;
        Ok(stored)
    }

    pub async fn document_content(&self, id: Id) -> Result<Vec<u8>> {
        repo::document::content(&self.db, id)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: "document",
                id: id.to_string(),
            })
    }

    /// A stored file with its bytes and the time it was stored.
    pub async fn stored_document(&self, id: Id) -> Result<StoredDocument> {
        repo::document::stored(&self.db, id)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: "document",
                id: id.to_string(),
            })
    }

    /// Writes records as they are, with the audit entries given instead of new ones, in one
    /// transaction: all of them or, on any failure, none.
    pub async fn insert_records(&self, set: &RecordSet) -> Result<()> {
        let tx = self.db.begin().await?;
        let counted = self.count_change(&tx).await?;
        record_set::insert(&tx, set).await?;
        self.commit(tx, counted).await?;
        Ok(())
    }

    /// The histories of several records of one kind, oldest change first.
    pub async fn histories(&self, entity: EntityKind, ids: &[Id]) -> Result<Vec<AuditEntry>> {
        audit::for_records(&self.db, entity, ids).await
    }

    pub async fn history(&self, entity: EntityKind, id: Id) -> Result<Vec<AuditEntry>> {
        audit::for_record(&self.db, entity, id).await
    }

    /// The changes up to `until` to one organisation's records and the shared catalogues.
    pub async fn organisation_changes_until(
        &self,
        organisation: Id,
        until: DateTime<Utc>,
    ) -> Result<Vec<AuditEntry>> {
        audit::until_for(&self.db, organisation, until).await
    }

    pub async fn changes_until(&self, until: DateTime<Utc>) -> Result<Vec<AuditEntry>> {
        audit::until(&self.db, until).await
    }
}
