//! The vault: one encrypted SQLite file (SQLCipher) holding any number of organisations,
//! the shared vendor catalogue and the audit log. Every change goes through here, in one
//! transaction with its audit entry.

use crate::error::{Result, StoreError};
use crate::keys::{KeySource, SALT_LEN, VaultKey};
use crate::migration::Migrator;
use crate::record_set::{self, RecordSet};
use crate::repo::document::StoredDocument;
use crate::repo::{self, Aggregate, audit};
use chrono::{DateTime, NaiveDate, Utc};
use dpadesk_model::{
    Activity, AuditAction, AuditEntry, DocumentRef, Dpa, EntityKind, Id, ProcessorRecord, Record,
    SubprocessorList, Tia,
};
use sea_orm::sqlx::Connection;
use sea_orm::sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sea_orm::{DatabaseConnection, SqlxSqliteConnector, TransactionTrait};
use sea_orm_migration::MigratorTrait;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

const PLAIN_SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

#[derive(Debug)]
pub struct Vault {
    db: DatabaseConnection,
    path: PathBuf,
    actor: String,
}

fn map_connect_error(e: sea_orm::sqlx::Error) -> StoreError {
    match &e {
        sea_orm::sqlx::Error::Database(db) if db.message().contains("file is not a database") => {
            StoreError::WrongKey
        }
        _ => StoreError::Db(sea_orm::DbErr::Conn(sea_orm::RuntimeErr::SqlxError(
            e.into(),
        ))),
    }
}

async fn connect(path: &Path, key: &VaultKey, create: bool) -> Result<DatabaseConnection> {
    // SQLCipher's OpenSSL would otherwise register its cleanup to run at process exit, and
    // that cleanup can free what a connection thread still closing is using: a crash after
    // the work is done (seen as SIGSEGV or "double free" at exit). openssl-sys initialises
    // the library first, with OPENSSL_INIT_NO_ATEXIT.
    openssl_sys::init();
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(create)
        .pragma("key", key.pragma_value().to_string())
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
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
/// opening it never reads the file and a wrong key shows in the query instead.
async fn check_key(path: &Path, key: &VaultKey) -> Result<()> {
    let probe = SqliteConnectOptions::new()
        .filename(path)
        .pragma("key", key.pragma_value().to_string());
    let mut conn = SqliteConnection::connect_with(&probe)
        .await
        .map_err(map_connect_error)?;
    let tried = sea_orm::sqlx::query("SELECT count(*) FROM sqlite_master")
        .fetch_one(&mut conn)
        .await;
    let _ = conn.close().await;
    tried.map(|_| ()).map_err(map_connect_error)
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
            StoreError::Db(e)
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
        let key = keys.new_key()?;
        let made = async { migrated(connect(path, &key, true).await?).await }.await;
        match made {
            Ok(db) => Ok(Self::over(db, path)),
            Err(e) => {
                keys.forget(&key);
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
                Err(e)
            }
        }
    }

    /// Opens an existing vault and brings its schema up to date.
    pub async fn open(path: &Path, keys: &KeySource) -> Result<Self> {
        let salt = read_salt(path)?;
        let key = keys.existing_key(salt)?;
        let db = migrated(connect(path, &key, false).await?).await?;
        Ok(Self::over(db, path))
    }

    fn over(db: DatabaseConnection, path: &Path) -> Self {
        Self {
            db,
            path: path.into(),
            actor: os_user(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who the audit log names for changes made through this handle.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Closes the pool, checkpointing the WAL into the main file.
    pub async fn close(self) -> Result<()> {
        self.db.close().await?;
        Ok(())
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
        tx.commit().await?;
        Ok(())
    }

    /// Replaces a stored record; returns what it was before.
    pub async fn update<A: Aggregate>(&self, record: &Record<A>) -> Result<Record<A>> {
        let tx = self.db.begin().await?;
        let before = A::get(&tx, record.id)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: A::KIND.as_str(),
                id: record.id.to_string(),
            })?;
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
        tx.commit().await?;
        Ok(before)
    }

    /// Deletes a record unless something still refers to it; returns what was deleted.
    pub async fn delete<A: Aggregate>(&self, id: Id, at: DateTime<Utc>) -> Result<Record<A>> {
        let tx = self.db.begin().await?;
        let before = A::get(&tx, id).await?.ok_or_else(|| StoreError::NotFound {
            entity: A::KIND.as_str(),
            id: id.to_string(),
        })?;
        let uses = A::referenced_by(&tx, id).await?;
        if !uses.is_empty() {
            return Err(StoreError::InUse(format!(
                "The {} is still used by {} — remove or change those first.",
                A::label(&before),
                join_uses(&uses)
            )));
        }
        A::delete(&tx, id).await?;
        audit::write(
            &tx,
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
        tx.commit().await?;
        Ok(before)
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
        repo::reference_dataset::put(&self.db, version, date, content, at).await
    }

    pub async fn clear_dataset(&self) -> Result<()> {
        repo::reference_dataset::clear(&self.db).await
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
        repo::document::insert(&self.db, file_name, media_type, content, at).await
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
        record_set::insert(&tx, set).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The histories of several records of one kind, oldest change first.
    pub async fn histories(&self, entity: EntityKind, ids: &[Id]) -> Result<Vec<AuditEntry>> {
        audit::for_records(&self.db, entity, ids).await
    }

    pub async fn history(&self, entity: EntityKind, id: Id) -> Result<Vec<AuditEntry>> {
        audit::for_record(&self.db, entity, id).await
    }

    pub async fn changes_until(&self, until: DateTime<Utc>) -> Result<Vec<AuditEntry>> {
        audit::until(&self.db, until).await
    }
}
