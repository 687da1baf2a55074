//! Small JSON files in the OS's config folder for what belongs to this computer rather than
//! to a vault (where backups go, the register mappings chosen): known even when no vault
//! opens, and written so that a crash leaves the previous file whole.

use crate::{AppError, AppResult};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// `NAME` in DPA Desk's config folder.
pub(crate) fn path(name: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dpadesk").map(|d| d.config_dir().join(name))
}

/// The file's contents, or the default when it is missing or unreadable.
pub(crate) fn read<T: DeserializeOwned + Default>(file: Option<&Path>) -> T {
    file.and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Writes `value` whole under another name and renames it over the file.
pub(crate) fn write<T: Serialize>(file: Option<&Path>, value: &T) -> AppResult<()> {
    let file =
        file.ok_or_else(|| AppError::Locked("This system has no config directory.".into()))?;
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(dpadesk_store::StoreError::Io)?;
    }
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let partial = file.with_extension("json.partial");
    std::fs::write(&partial, text).map_err(dpadesk_store::StoreError::Io)?;
    std::fs::rename(&partial, file).map_err(dpadesk_store::StoreError::Io)?;
    Ok(())
}
