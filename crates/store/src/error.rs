//! What can go wrong in the vault, worded for the person who has to act on it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("No vault at {0}. Create one first (`dpadesk init`).")]
    VaultMissing(PathBuf),
    #[error("A file already exists at {0}; choose another place for the new vault.")]
    VaultExists(PathBuf),
    #[error("{0} is not a DPA Desk vault.")]
    NotAVault(PathBuf),
    #[error("The key or passphrase does not open this vault. Nothing was changed.")]
    WrongKey,
    #[error("{0}")]
    KeyUnavailable(String),
    #[error("The OS keychain could not be used: {0}")]
    Keychain(String),
    #[error("No {entity} with id {id}.")]
    NotFound { entity: &'static str, id: String },
    #[error("{0}")]
    InUse(String),
    /// Another process holds the vault (a write that waited too long, or a file replaced).
    #[error("{0}")]
    Busy(String),
    /// The file is not what was written: truncated, a page overwritten, a damaged header.
    #[error("The vault file is damaged: {0}.")]
    Damaged(String),
    /// A record changed since the version the save started from.
    #[error("This {entity} was changed by {by} at {at} after you opened it.")]
    Conflict {
        entity: &'static str,
        by: String,
        at: chrono::DateTime<chrono::Utc>,
    },
    #[error("This is a backup opened to look things up; restore it to change it.")]
    ReadOnly,
    #[error("The vault holds data this version cannot read ({0}).")]
    Corrupt(String),
    #[error("Could not read or write the vault file: {0}")]
    Io(#[from] std::io::Error),
    #[error("Database error: {0}")]
    Db(sea_orm::DbErr),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// SQLite's primary result codes that mean something to the user.
const SQLITE_BUSY: i32 = 5;
const SQLITE_LOCKED: i32 = 6;
const SQLITE_CORRUPT: i32 = 11;
const SQLITE_NOTADB: i32 = 26;

/// The SQLite result code behind a database error, if it came from SQLite.
pub(crate) fn sqlite_code(e: &sea_orm::DbErr) -> Option<i32> {
    use sea_orm::{DbErr, RuntimeErr};
    let (DbErr::Conn(RuntimeErr::SqlxError(e))
    | DbErr::Exec(RuntimeErr::SqlxError(e))
    | DbErr::Query(RuntimeErr::SqlxError(e))) = e
    else {
        return None;
    };
    sqlx_code(e)
}

pub(crate) fn sqlx_code(e: &sea_orm::sqlx::Error) -> Option<i32> {
    match e {
        sea_orm::sqlx::Error::Database(db) => db.code()?.parse::<i32>().ok().map(|c| c & 0xff),
        _ => None,
    }
}

/// A driver's error in the words of this crate: a damaged file and a busy vault are told
/// apart from the rest, so no one sees SQLite's own message for them.
pub(crate) fn from_code(code: Option<i32>) -> Option<StoreError> {
    match code? {
        SQLITE_CORRUPT | SQLITE_NOTADB => Some(StoreError::Damaged(
            "a part of it cannot be read (it may have been cut short or overwritten)".into(),
        )),
        SQLITE_BUSY | SQLITE_LOCKED => Some(StoreError::Busy(
            "The vault is busy: another DPA Desk window or command is writing to it. Try again in a moment."
                .into(),
        )),
        _ => None,
    }
}

impl From<sea_orm::DbErr> for StoreError {
    fn from(e: sea_orm::DbErr) -> Self {
        if let sea_orm::DbErr::ConnectionAcquire(_) = e {
            return StoreError::Busy(
                "The vault is busy: too many tasks are waiting for it. Try again in a moment."
                    .into(),
            );
        }
        from_code(sqlite_code(&e)).unwrap_or(Self::Db(e))
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        Self::Corrupt(e.to_string())
    }
}
