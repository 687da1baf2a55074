//! Finding, creating and opening the vault: where it lives by default, which key opens it,
//! and changing that key. Opening is also where a damaged file is explained and the day's
//! first backup is made.

use crate::{App, AppError, AppResult, backups};
use dpadesk_store::{KeySource, RecoveryCode, StoreError, Vault};
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

/// The shortest passphrase a vault may get: Argon2id slows guessing, it cannot make a short
/// passphrase long.
pub const MIN_PASSPHRASE: usize = 10;

/// A passphrase the user chooses for a vault (a new one, or its key changing), once it is
/// long enough.
pub fn new_passphrase(passphrase: String) -> AppResult<KeySource> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(AppError::Invalid(vec![crate::FieldError::new(
            "passphrase",
            format!("Choose a passphrase of at least {MIN_PASSPHRASE} characters."),
        )]));
    }
    Ok(KeySource::passphrase(passphrase))
}

/// The key typed back from a recovery kit.
pub fn recovery_key(typed: &str) -> AppResult<KeySource> {
    Ok(KeySource::RecoveryCode(RecoveryCode::parse(typed)?))
}

/// Creates a vault that starts with the security-measures library. Its recovery code is
/// `App::recovery_code`, to be shown once.
pub async fn create_vault(path: &Path, keys: &KeySource) -> AppResult<App> {
    let app = App::new(Vault::create(path, keys).await?);
    app.preload_library().await?;
    Ok(app)
}

/// Opens the vault, and on its first open of the day writes the day's backup. A file that
/// does not open is explained: damaged (with the newest good backup named), or a key that
/// does not fit.
pub async fn open_vault(path: &Path, keys: &KeySource) -> AppResult<App> {
    let app = open_vault_quickly(path, keys).await?;
    daily_backup_logged(&app).await;
    Ok(app)
}

/// Opens the vault like `open_vault`, leaving the day's backup to the caller
/// (`daily_backup_logged`): the window makes it in the background once it has read ahead,
/// so that the first open of a day is as quick as the others.
pub async fn open_vault_quickly(path: &Path, keys: &KeySource) -> AppResult<App> {
    match Vault::open_in(path, keys, &backups::place(path)).await {
        Ok(vault) => Ok(App::new(vault)),
        Err(e) => Err(explain(path, keys, e).await),
    }
}

/// The day's first backup, unless one was made today.
pub async fn daily_backup_logged(app: &App) {
    if let Err(e) = app.daily_backup().await {
        // The vault is fine; a backup folder that cannot be written must not lock the user out.
        log::warn!("the daily backup was not made: {e}");
    }
}

/// Opens a backup to look something up, through a private copy; nothing can be changed.
pub async fn open_backup(backup: &Path, keys: &KeySource, copy_dir: &Path) -> AppResult<App> {
    let copy = copy_dir.join("backup-opened.dpadesk");
    Ok(App::new(Vault::open_backup(backup, &copy, keys).await?))
}

async fn explain(path: &Path, keys: &KeySource, e: StoreError) -> AppError {
    let newest = match &e {
        StoreError::Damaged(_) => backups::newest_good(path, keys).await,
        // Only a backup with the vault's own salt (made since its last key change) proves
        // that the key is right and the file is what changed.
        StoreError::WrongKey => backups::newest_good(path, keys)
            .await
            .filter(|b| dpadesk_store::backup::same_key(path, &b.path)),
        _ => None,
    };
    let restore = |b: &dpadesk_store::BackupFile| {
        format!(
            " The newest good backup is {} ({}). Restore it in the window (Settings → Backups) \
             or with `dpadesk restore \"{}\"`; the damaged file is kept aside first.",
            b.path.display(),
            b.made_at.format("%Y-%m-%d %H:%M UTC"),
            b.path.display()
        )
    };
    match (e, newest) {
        (StoreError::Damaged(problem), Some(b)) => AppError::Damaged(format!(
            "The vault file {} is damaged: {problem}.{}",
            path.display(),
            restore(&b)
        )),
        (StoreError::Damaged(problem), None) => AppError::Damaged(format!(
            "The vault file {} is damaged: {problem}. No backup of it was found; \
             look for a copy in your own backups.",
            path.display()
        )),
        // The same key opens the backup, so it is the file that changed, not the key.
        (StoreError::WrongKey, Some(b)) => AppError::Damaged(format!(
            "The vault file {} is damaged: its first page cannot be read with the key that \
             opens its backups.{}",
            path.display(),
            restore(&b)
        )),
        (other, _) => other.into(),
    }
}

/// Gives the closed vault a new key (a new passphrase, the keychain instead of a passphrase
/// or the other way round, or only a new recovery code); returns the new recovery code. The
/// old key, and the old code, stop working.
pub async fn change_key(
    path: &Path,
    current: &KeySource,
    next: &KeySource,
) -> AppResult<RecoveryCode> {
    Ok(dpadesk_store::change_key(path, current, next).await?)
}

/// After opening with the recovery code on a new computer: this computer's keychain keeps
/// the key from now on. The recovery code stays valid.
pub async fn keep_in_keychain(path: &Path, code: &RecoveryCode) -> AppResult<()> {
    Ok(dpadesk_store::keep_in_keychain(path, code, &KeySource::os_keychain()).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_passphrase_must_be_long_enough_counted_in_characters() {
        let short = new_passphrase("ąęłńóśźż9".into()).unwrap_err();
        assert_eq!(short.kind(), crate::error::ErrorKind::Invalid);
        assert!(
            short.to_string().contains("at least 10 characters"),
            "{short}"
        );
        // Ten characters, though more than ten bytes.
        assert!(new_passphrase("ąęłńóśźż90".into()).is_ok());
    }
}
