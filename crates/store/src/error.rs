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
    #[error("The vault holds data this version cannot read ({0}).")]
    Corrupt(String),
    #[error("Could not read or write the vault file: {0}")]
    Io(#[from] std::io::Error),
    #[error("Database error: {0}")]
    Db(#[from] sea_orm::DbErr),
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        Self::Corrupt(e.to_string())
    }
}
