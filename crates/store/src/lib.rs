//! The DPA Desk vault: an encrypted SQLite file behind sea-orm. The only crate that speaks
//! SQL. It knows how to create and open a vault (keys from the OS keychain or a passphrase),
//! how to migrate it, and how to read and write every aggregate with its audit entry.

mod entities;
pub mod error;
pub mod keys;
mod migration;
mod record_set;
pub mod repo;
pub mod vault;

pub use error::{Result, StoreError};
pub use keys::{KeySource, MemoryKeychain, OsKeychain, SecretStore};
pub use record_set::RecordSet;
pub use repo::Aggregate;
pub use repo::document::StoredDocument;
pub use vault::Vault;
