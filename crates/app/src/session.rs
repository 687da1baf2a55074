//! Finding, creating and opening the vault: where it lives by default and which key opens it.

use crate::{App, AppResult};
use dpadesk_store::{KeySource, Vault};
use std::path::{Path, PathBuf};

/// The vault used when none is named: `vault.dpadesk` in the OS data directory
/// (e.g. `~/.local/share/dpadesk/` on Linux).
pub fn default_vault_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dpadesk").map(|d| d.data_dir().join("vault.dpadesk"))
}

/// A passphrase when one is given, otherwise the OS keychain.
pub fn key_source(passphrase: Option<String>) -> KeySource {
    match passphrase {
        Some(p) => KeySource::passphrase(p),
        None => KeySource::os_keychain(),
    }
}

/// Creates a vault that starts with the security-measures library.
pub async fn create_vault(path: &Path, keys: &KeySource) -> AppResult<App> {
    let app = App::new(Vault::create(path, keys).await?);
    app.preload_library().await?;
    Ok(app)
}

pub async fn open_vault(path: &Path, keys: &KeySource) -> AppResult<App> {
    Ok(App::new(Vault::open(path, keys).await?))
}
