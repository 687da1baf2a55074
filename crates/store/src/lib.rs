//! The DPA Desk vault: an encrypted SQLite file behind sea-orm. The only crate that speaks
//! SQL. It knows how to create and open a vault (keys from the OS keychain or a passphrase),
//! how to migrate it, and how to read and write every aggregate with its audit entry.

mod entities;
pub mod error;
pub mod keys;
mod migration;
pub mod repo;
pub mod vault;

pub use error::{Result, StoreError};
pub use keys::{KeySource, MemoryKeychain, OsKeychain, SecretStore};
pub use repo::Aggregate;
pub use vault::Vault;
