//! Backups: encrypted snapshots of the vault, each a whole vault file with the same key, and
//! restoring one.
//!
//! A snapshot is written with `VACUUM INTO` (a consistent copy even while others write) to a
//! `.partial` name, opened again with the key and checked page by page, and only then given
//! its real name, so a listed backup is always one that was read back whole. Names say when
//! and why: `STEM-20261206T101500123Z-daily.dpadesk`. A restore puts the current vault aside
//! as a backup first (byte for byte, so even a damaged one is kept) and swaps the files by a
//! rename, so an interrupted restore leaves either the old vault or the restored one.

use crate::error::{Result, StoreError};
use crate::keys::{KeySource, VaultKey};
use crate::lock::VaultLock;
use crate::vault::{Vault, options, read_salt};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::sqlx::Connection;
use sea_orm::sqlx::sqlite::SqliteConnection;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const EXTENSION: &str = "dpadesk";
const STAMP: &str = "%Y%m%dT%H%M%S%3fZ";

/// Why a backup was made; also the last word of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// Asked for by the user.
    Manual,
    /// The first open of the day.
    Daily,
    BeforeMigration,
    BeforeRestore,
    BeforeImport,
    BeforeDataset,
}

impl BackupReason {
    const ALL: [Self; 6] = [
        Self::Manual,
        Self::Daily,
        Self::BeforeMigration,
        Self::BeforeRestore,
        Self::BeforeImport,
        Self::BeforeDataset,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::Daily => "daily",
            Self::BeforeMigration => "before_migration",
            Self::BeforeRestore => "before_restore",
            Self::BeforeImport => "before_import",
            Self::BeforeDataset => "before_dataset",
        }
    }
}

/// Where a vault's backups go and how many are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupPlace {
    pub dir: PathBuf,
    pub keep: usize,
}

impl BackupPlace {
    pub const DEFAULT_KEEP: usize = 30;

    /// The default: a folder beside the vault named after it (`vault.backups/`).
    pub fn beside(vault: &Path) -> Self {
        let stem = stem_of(vault);
        let dir = vault
            .parent()
            .unwrap_or(Path::new("."))
            .join(format!("{stem}.backups"));
        Self {
            dir,
            keep: Self::DEFAULT_KEEP,
        }
    }
}

/// One backup file in a backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupFile {
    pub path: PathBuf,
    pub made_at: DateTime<Utc>,
    pub reason: BackupReason,
    /// Bytes on disk.
    pub size: u64,
}

/// What a backup holds, read by opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BackupContents {
    pub organisations: u64,
    pub activities: u64,
}

fn stem_of(vault: &Path) -> String {
    vault
        .file_stem()
        .map_or_else(|| "vault".into(), |s| s.to_string_lossy().into_owned())
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

impl BackupFile {
    fn name(vault: &Path, at: DateTime<Utc>, reason: BackupReason) -> String {
        format!(
            "{}-{}-{}.{EXTENSION}",
            stem_of(vault),
            at.format(STAMP),
            reason.as_str()
        )
    }

    /// Reads what the name says; `None` for any other file.
    fn parse(vault_stem: &str, path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?;
        let rest = name
            .strip_prefix(vault_stem)?
            .strip_prefix('-')?
            .strip_suffix(&format!(".{EXTENSION}"))?;
        let (stamp, reason) = rest.split_once('-')?;
        let reason = BackupReason::ALL
            .into_iter()
            .find(|r| r.as_str() == reason)?;
        let made_at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
        let size = std::fs::metadata(path).ok()?.len();
        Some(Self {
            path: path.into(),
            made_at,
            reason,
            size,
        })
    }

    /// Opens the backup just long enough to count what it holds.
    pub async fn contents(&self, keys: &KeySource) -> Result<BackupContents> {
        let key = keys.existing_key(read_salt(&self.path)?)?;
        let mut conn = read_only(&self.path, &key).await?;
        let counted = async {
            Ok(BackupContents {
                organisations: count(&mut conn, "SELECT count(*) FROM organisation").await?,
                activities: count(&mut conn, "SELECT count(*) FROM activity").await?,
            })
        }
        .await;
        let _ = conn.close().await;
        counted
    }
}

/// Whether two vault files carry the same salt, and so the same key: a backup made since
/// the vault's last key change.
pub fn same_key(a: &Path, b: &Path) -> bool {
    matches!((read_salt(a), read_salt(b)), (Ok(x), Ok(y)) if x == y)
}

/// The backups of the vault at `vault` in `dir`, newest first.
pub fn list(vault: &Path, dir: &Path) -> Result<Vec<BackupFile>> {
    let stem = stem_of(vault);
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut found: Vec<_> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| BackupFile::parse(&stem, &e.path()))
        .collect();
    found.sort_by(|a, b| b.made_at.cmp(&a.made_at).then(b.path.cmp(&a.path)));
    Ok(found)
}

async fn read_only(path: &Path, key: &VaultKey) -> Result<SqliteConnection> {
    SqliteConnection::connect_with(&options(path, key).read_only(true))
        .await
        .map_err(|e| match crate::error::sqlx_code(&e) {
            Some(26) => StoreError::WrongKey,
            _ => crate::error::from_code(crate::error::sqlx_code(&e))
                .unwrap_or(StoreError::Damaged(format!("it cannot be read ({e})"))),
        })
}

async fn count(conn: &mut SqliteConnection, sql: &'static str) -> Result<u64> {
    use sea_orm::sqlx::Row;
    let row = sea_orm::sqlx::query(sql)
        .fetch_one(&mut *conn)
        .await
        .map_err(query_error)?;
    Ok(row
        .try_get_unchecked::<i64, _>(0)
        .map_err(query_error)?
        .max(0) as u64)
}

fn query_error(e: sea_orm::sqlx::Error) -> StoreError {
    if crate::error::sqlx_code(&e) == Some(26) {
        return StoreError::WrongKey;
    }
    crate::error::from_code(crate::error::sqlx_code(&e))
        .unwrap_or_else(|| StoreError::Damaged(format!("it cannot be read ({e})")))
}

/// Opens a vault file written just now (read-write, so a WAL beside it is folded in) and
/// reads every page of it: HMACs and b-trees.
pub(crate) async fn verify(path: &Path, key: &VaultKey) -> Result<()> {
    let mut conn = SqliteConnection::connect_with(&options(path, key))
        .await
        .map_err(query_error)?;
    let checked = async {
        let rows = sea_orm::sqlx::query("PRAGMA cipher_integrity_check")
            .fetch_all(&mut conn)
            .await
            .map_err(query_error)?;
        if !rows.is_empty() {
            return Err(StoreError::Damaged(format!(
                "{} of its pages do not read back as written",
                rows.len()
            )));
        }
        use sea_orm::sqlx::Row;
        let row = sea_orm::sqlx::query("PRAGMA quick_check")
            .fetch_one(&mut conn)
            .await
            .map_err(query_error)?;
        let verdict: String = row.try_get_unchecked(0).map_err(query_error)?;
        if verdict != "ok" {
            return Err(StoreError::Damaged(format!(
                "its structure is broken ({verdict})"
            )));
        }
        Ok(())
    }
    .await;
    let _ = conn.close().await;
    checked
}

/// Flushes a file, and the folder that names it, to the disk.
pub(crate) fn sync(path: &Path) -> Result<()> {
    std::fs::File::open(path)?.sync_all()?;
    sync_dir(path);
    Ok(())
}

fn sync_dir(path: &Path) {
    // Windows cannot open a folder as a file; there the rename is flushed with the file.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(dir) = std::fs::File::open(dir)
    {
        let _ = dir.sync_all();
    }
}

/// Writes a verified snapshot of the open database `db` into `place`, then keeps only the
/// newest `place.keep` backups.
pub(crate) async fn snapshot(
    db: &DatabaseConnection,
    vault: &Path,
    key: &VaultKey,
    place: &BackupPlace,
    reason: BackupReason,
    at: DateTime<Utc>,
) -> Result<BackupFile> {
    std::fs::create_dir_all(&place.dir)?;
    let target = place.dir.join(BackupFile::name(vault, at, reason));
    let partial = sibling(&target, ".partial");
    let _ = std::fs::remove_file(&partial);
    let written = async {
        db.execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "VACUUM INTO ?",
            [partial.to_string_lossy().into_owned().into()],
        ))
        .await?;
        verify(&partial, key).await?;
        sync(&partial)?;
        std::fs::rename(&partial, &target)?;
        sync_dir(&target);
        Ok(())
    }
    .await;
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    prune(vault, place)?;
    BackupFile::parse(&stem_of(vault), &target)
        .ok_or_else(|| StoreError::Corrupt("the backup just written cannot be listed".into()))
}

fn prune(vault: &Path, place: &BackupPlace) -> Result<()> {
    for old in list(vault, &place.dir)?.iter().skip(place.keep.max(1)) {
        std::fs::remove_file(&old.path)?;
    }
    Ok(())
}

impl Vault {
    /// Writes a backup of this vault now.
    pub async fn backup(
        &self,
        place: &BackupPlace,
        reason: BackupReason,
        at: DateTime<Utc>,
    ) -> Result<BackupFile> {
        snapshot(
            self.connection(),
            self.path(),
            self.key(),
            place,
            reason,
            at,
        )
        .await
    }
}

/// Replaces the vault at `vault` with `backup`, which must open with `keys` and read back
/// whole. The vault as it was is kept in `place` first, byte for byte (and so is its WAL,
/// when it has changes not yet folded in). Refused while anyone has the vault open.
/// Returns that copy.
pub async fn restore(
    vault: &Path,
    backup: &Path,
    keys: &KeySource,
    place: &BackupPlace,
    at: DateTime<Utc>,
) -> Result<BackupFile> {
    let _sole = VaultLock::sole(vault)?;
    let key = keys.existing_key(read_salt(backup)?)?;
    let staged = sibling(vault, ".restore.partial");
    let swapped = async {
        copy_with_wal(backup, &staged)?;
        verify(&staged, &key).await?;
        sync(&staged)?;
        fold_wal(vault, keys).await;
        let aside = keep_aside(vault, place, at)?;
        for suffix in ["-wal", "-shm"] {
            match std::fs::remove_file(sibling(vault, suffix)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        std::fs::rename(&staged, vault)?;
        sync_dir(vault);
        Ok(aside)
    }
    .await;
    if swapped.is_err() {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(sibling(&staged, suffix));
        }
    }
    swapped
}

/// Folds the WAL into the vault file when the vault opens with `keys`, so that the copy
/// kept aside is one file; a vault that does not open keeps its WAL beside the copy.
pub(crate) async fn fold_wal(vault: &Path, keys: &KeySource) {
    let Ok(key) = read_salt(vault).and_then(|salt| keys.existing_key(salt)) else {
        return;
    };
    if let Ok(mut conn) = SqliteConnection::connect_with(&options(vault, &key)).await {
        let _ = sea_orm::sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut conn)
            .await;
        let _ = conn.close().await;
    }
}

/// Copies a vault file, and its WAL when one lies beside it, under a new name.
fn copy_with_wal(from: &Path, to: &Path) -> Result<()> {
    std::fs::copy(from, to)?;
    let wal = sibling(from, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        std::fs::copy(&wal, sibling(to, "-wal"))?;
    }
    Ok(())
}

/// Copies the vault file (and a WAL holding changes) into the backups folder as it is.
fn keep_aside(vault: &Path, place: &BackupPlace, at: DateTime<Utc>) -> Result<BackupFile> {
    std::fs::create_dir_all(&place.dir)?;
    let target = place
        .dir
        .join(BackupFile::name(vault, at, BackupReason::BeforeRestore));
    let partial = sibling(&target, ".partial");
    std::fs::copy(vault, &partial)?;
    let wal = sibling(vault, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        // Changes not yet folded into the file travel beside it, under the copy's name.
        std::fs::copy(&wal, sibling(&target, "-wal"))?;
    }
    sync(&partial)?;
    std::fs::rename(&partial, &target)?;
    sync_dir(&target);
    BackupFile::parse(&stem_of(vault), &target)
        .ok_or_else(|| StoreError::Corrupt("the copy just written cannot be listed".into()))
}
