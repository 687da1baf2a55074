//! The DPA Desk vault: an encrypted SQLite file behind sea-orm. The only crate that speaks
//! SQL. It knows how to create and open a vault (keys from the OS keychain or a passphrase),
//! how to migrate it, back it up, restore it, change its key and check it is whole, and how
//! to read and write every aggregate with its audit entry.

pub mod backup;
mod entities;
pub mod error;
pub mod health;
pub mod keys;
mod lock;
mod migration;
mod record_set;
pub mod recovery;
mod rekey;
pub mod repo;
pub mod vault;

pub use backup::{BackupContents, BackupFile, BackupPlace, BackupReason};
pub use error::{Result, StoreError};
pub use health::HealthReport;
pub use keys::{KeySource, MemoryKeychain, OsKeychain, SecretStore};
pub use record_set::RecordSet;
pub use recovery::RecoveryCode;
pub use rekey::{change_key, keep_in_keychain};
pub use repo::Aggregate;
pub use repo::document::StoredDocument;
pub use vault::{Vault, check_vault_file};
