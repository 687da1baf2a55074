//! Backups as the user sees them: where they go and how many are kept (settings kept in
//! the OS's config folder, so they are known even when the vault itself will not open), the
//! list with what each holds, the daily and on-demand backups, and restoring one.

use crate::{App, AppError, AppResult, config_files};
use chrono::{DateTime, Utc};
use dpadesk_store::backup::{self, BackupPlace};
use dpadesk_store::{BackupFile, BackupReason, KeySource, check_vault_file};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The user's choice for one vault; missing values mean the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupSettings {
    /// The folder (a second disk, a synced folder); default: `NAME.backups` beside the vault.
    #[ts(type = "string | null")]
    pub dir: Option<PathBuf>,
    /// How many backups to keep; default 30.
    #[ts(type = "number | null")]
    pub keep: Option<usize>,
}

/// One backup as Settings and `dpadesk backups` list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupSummary {
    pub path: String,
    pub made_at: DateTime<Utc>,
    /// `manual`, `daily`, `before_migration`, `before_restore`, `before_import`, `before_dataset`.
    pub reason: String,
    #[ts(type = "number")]
    pub size: u64,
    /// What it holds, when the current key opens it (a backup made before a key change
    /// opens with the key of that time).
    #[ts(type = "number | null")]
    pub organisations: Option<u64>,
    #[ts(type = "number | null")]
    pub activities: Option<u64>,
}

fn settings_file() -> Option<PathBuf> {
    config_files::path("backups.json")
}

fn key_of(vault: &Path) -> String {
    std::path::absolute(vault)
        .unwrap_or_else(|_| vault.to_path_buf())
        .display()
        .to_string()
}

fn all_settings() -> BTreeMap<String, BackupSettings> {
    config_files::read(settings_file().as_deref())
}

pub fn settings(vault: &Path) -> BackupSettings {
    all_settings().remove(&key_of(vault)).unwrap_or_default()
}

/// Keeps the backup settings of one vault.
pub fn save_settings(vault: &Path, chosen: BackupSettings) -> AppResult<()> {
    if chosen.keep == Some(0) {
        return Err(AppError::Invalid(vec![crate::FieldError::new(
            "keep",
            "Keep at least one backup.",
        )]));
    }
    if let Some(dir) = &chosen.dir {
        std::fs::create_dir_all(dir).map_err(|e| {
            AppError::Invalid(vec![crate::FieldError::new(
                "dir",
                format!("The folder {} cannot be used: {e}", dir.display()),
            )])
        })?;
    }
    let mut all = all_settings();
    all.insert(key_of(vault), chosen);
    config_files::write(settings_file().as_deref(), &all)
}

/// Where the vault's backups go now.
pub fn place(vault: &Path) -> BackupPlace {
    let chosen = settings(vault);
    let default = BackupPlace::beside(vault);
    BackupPlace {
        dir: chosen.dir.unwrap_or(default.dir),
        keep: chosen.keep.unwrap_or(default.keep),
    }
}

/// The vault's backups, newest first, each opened with `keys` to say what it holds.
pub async fn list(vault: &Path, keys: &KeySource) -> AppResult<Vec<BackupSummary>> {
    let mut out = Vec::new();
    for file in backup::list(vault, &place(vault).dir)? {
        let contents = file.contents(keys).await.ok();
        out.push(BackupSummary {
            path: file.path.display().to_string(),
            made_at: file.made_at,
            reason: file.reason.as_str().to_string(),
            size: file.size,
            organisations: contents.map(|c| c.organisations),
            activities: contents.map(|c| c.activities),
        });
    }
    Ok(out)
}

/// The newest backup that `keys` opens and that reads back whole, if any.
pub async fn newest_good(vault: &Path, keys: &KeySource) -> Option<BackupFile> {
    for file in backup::list(vault, &place(vault).dir).ok()? {
        if file.contents(keys).await.is_ok() {
            return Some(file);
        }
    }
    None
}

/// Replaces the (closed) vault with a backup; the vault as it was is kept as a backup first.
pub async fn restore(vault: &Path, backup: &Path, keys: &KeySource) -> AppResult<BackupFile> {
    if check_vault_file(backup).is_err() {
        return Err(AppError::NotFound(format!(
            "{} is not a DPA Desk backup.",
            backup.display()
        )));
    }
    Ok(backup::restore(vault, backup, keys, &place(vault), Utc::now()).await?)
}

impl App {
    /// Writes a verified backup now.
    pub async fn backup(&self, reason: BackupReason) -> AppResult<BackupFile> {
        let path = self.vault.path();
        Ok(self.vault.backup(&place(path), reason, self.now()).await?)
    }

    /// The backup of the day's first open: made unless one was made today (UTC) already.
    pub async fn daily_backup(&self) -> AppResult<Option<BackupFile>> {
        let today = self.now().date_naive();
        let path = self.vault.path();
        let newest = backup::list(path, &place(path).dir)?;
        if newest
            .first()
            .is_some_and(|b| b.made_at.date_naive() >= today)
        {
            return Ok(None);
        }
        self.backup(BackupReason::Daily).await.map(Some)
    }
}
