//! The commands that look after the vault itself: its recovery kit, opening it with the
//! recovery code, key changes, backups and restoring one. Each step that needs the file to
//! itself closes the open vault first and opens it again afterwards, whatever the outcome.

use crate::commands::today;
use crate::documents;
use crate::state::{Desk, KeyKind, warm_up};
use dpadesk_app::backups::{self, BackupSettings, BackupSummary};
use dpadesk_app::session::{self, key_source, open_vault};
use dpadesk_app::{App, AppError, AppResult, FieldError};
use dpadesk_report::Lang;
use dpadesk_store::{BackupReason, KeySource, RecoveryCode};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tauri::{AppHandle, State};

/// Saves the recovery kit of `code` as a PDF where the user chooses; the path, or `None`
/// when the dialog is dismissed.
#[tauri::command]
pub async fn recovery_kit_save(
    window: tauri::Window,
    desk: State<'_, Desk>,
    code: String,
    lang: Lang,
) -> AppResult<Option<String>> {
    let code = RecoveryCode::parse(&zeroize::Zeroizing::new(code))?;
    let file = dpadesk_app::recovery_kit::recovery_kit(&desk.path()?, &code, lang, today())?;
    let Some(path) = documents::save_to(&window, &file.file_name, "PDF", "pdf").await else {
        return Ok(None);
    };
    std::fs::write(&path, &file.bytes).map_err(|e| {
        documents::refused_file(format!("{} could not be written: {e}.", path.display()))
    })?;
    Ok(Some(path.display().to_string()))
}

/// How the vault should open from now on, as the user chose it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", tag = "mode", content = "passphrase")]
pub enum NextKey {
    Keychain,
    Passphrase(String),
}

impl NextKey {
    fn source(&self) -> AppResult<(KeySource, KeyKind)> {
        match self {
            Self::Keychain => Ok((KeySource::os_keychain(), KeyKind::Keychain)),
            Self::Passphrase(p) => Ok((session::new_passphrase(p.clone())?, KeyKind::Passphrase)),
        }
    }
}

/// What the window shows after a step that issued a recovery code.
#[derive(Debug, Serialize)]
pub struct NewCode {
    /// The new code, to be shown once on the recovery kit screen; `None` when the old one
    /// stays valid.
    pub recovery_code: Option<String>,
}

impl NewCode {
    pub fn issued(code: &RecoveryCode) -> Self {
        Self {
            recovery_code: Some(code.display().to_string()),
        }
    }
}

/// Opens the vault with the code from its recovery kit, then keeps its key as the user
/// chose: in this computer's keychain (the code stays valid), or behind a new passphrase
/// (which gives the vault a new key, so a new code).
#[tauri::command]
pub async fn vault_recover(
    handle: AppHandle,
    desk: State<'_, Desk>,
    code: String,
    next: NextKey,
) -> AppResult<NewCode> {
    let path = desk.path()?;
    let code = RecoveryCode::parse(&zeroize::Zeroizing::new(code))?;
    let with_code = KeySource::RecoveryCode(code.clone());
    let (next_source, kind) = next.source()?;
    let mut slot = desk.app.write().await;
    if let Some(open) = slot.take() {
        open.close().await?;
    }
    // Proves the code before anything changes.
    open_vault(&path, &with_code).await?.close().await?;
    let issued = match next {
        NextKey::Keychain => {
            session::keep_in_keychain(&path, &code).await?;
            NewCode {
                recovery_code: None,
            }
        }
        NextKey::Passphrase(_) => {
            NewCode::issued(&session::change_key(&path, &with_code, &next_source).await?)
        }
    };
    *slot = Some(open_vault(&path, &next_source).await?);
    desk.opened(kind);
    drop(slot);
    warm_up(&handle, false);
    Ok(issued)
}

/// Gives the open vault a new key (`next`), or only a new recovery code (`next` absent);
/// a passphrase vault asks for its current passphrase first. The old key and the old
/// code stop working; an interrupted change leaves the old key working.
#[tauri::command]
pub async fn vault_change_key(
    handle: AppHandle,
    desk: State<'_, Desk>,
    current_passphrase: Option<String>,
    next: Option<NextKey>,
) -> AppResult<NewCode> {
    let path = desk.path()?;
    let opened_with = desk.opened_with();
    let current = match opened_with {
        Some(KeyKind::Passphrase) => {
            let typed = current_passphrase
                .filter(|p| !p.is_empty())
                .ok_or_else(|| {
                    AppError::Invalid(vec![FieldError::new(
                        "current",
                        "Type the vault's current passphrase.",
                    )])
                })?;
            KeySource::passphrase(typed)
        }
        _ => KeySource::os_keychain(),
    };
    let (next_source, kind) = match next {
        Some(next) => next.source()?,
        None => match opened_with {
            Some(KeyKind::Passphrase) => (current.clone(), KeyKind::Passphrase),
            Some(KeyKind::Keychain) => (KeySource::os_keychain(), KeyKind::Keychain),
            _ => {
                return Err(AppError::Invalid(vec![FieldError::new(
                    "key",
                    "Opened with a recovery code, the vault needs a new key first: choose the keychain or a passphrase.",
                )]));
            }
        },
    };
    let mut slot = desk.app.write().await;
    let Some(open) = slot.take() else {
        return Err(crate::state::not_open());
    };
    let code = open.recovery_code();
    open.close().await?;
    // A recovery-opened vault proves its key with the code it was opened with.
    let current = match opened_with {
        Some(KeyKind::RecoveryCode) => KeySource::RecoveryCode(code.clone()),
        _ => current,
    };
    let changed = session::change_key(&path, &current, &next_source).await;
    // Whatever happened, the vault opens again: with the new key, or the old one.
    let (reopen, kind) = match &changed {
        Ok(_) => (next_source, kind),
        Err(_) => (
            KeySource::RecoveryCode(code),
            opened_with.unwrap_or(KeyKind::RecoveryCode),
        ),
    };
    *slot = Some(open_vault(&path, &reopen).await?);
    desk.opened(kind);
    drop(slot);
    warm_up(&handle, false);
    changed.map(|code| NewCode::issued(&code))
}

/// The key that opens the vault now: the open vault's own, or the one the user typed on
/// the unlock or damaged-vault screen (a passphrase or a recovery code), or the keychain.
async fn current_key(desk: &Desk, typed: Option<String>) -> AppResult<KeySource> {
    if let Some(app) = desk.app.read().await.as_ref() {
        return Ok(KeySource::RecoveryCode(app.recovery_code()));
    }
    Ok(match typed.filter(|t| !t.trim().is_empty()) {
        Some(t) => match RecoveryCode::parse(&t) {
            Ok(code) => KeySource::RecoveryCode(code),
            Err(_) => key_source(Some(t)),
        },
        None => key_source(None),
    })
}

/// The vault's backups, newest first, with what each holds; works on a vault that does
/// not open, so the damaged-vault screen can offer them.
#[tauri::command]
pub async fn backup_list(
    desk: State<'_, Desk>,
    key: Option<String>,
) -> AppResult<Vec<BackupSummary>> {
    let path = desk.path()?;
    backups::list(&path, &current_key(&desk, key).await?).await
}

/// A verified backup of the open vault, now.
#[tauri::command]
pub async fn backup_now(desk: State<'_, Desk>) -> AppResult<String> {
    crate::commands::with_app(&desk, async |app: &App| {
        app.backup(BackupReason::Manual)
            .await
            .map(|b| b.path.display().to_string())
    })
    .await
}

/// Where backups go and how many are kept: the user's choice and what is in force.
#[derive(Debug, Serialize)]
pub struct BackupPlaceShown {
    pub chosen: BackupSettings,
    pub dir: String,
    pub keep: usize,
}

#[tauri::command]
pub fn backup_settings(desk: State<'_, Desk>) -> AppResult<BackupPlaceShown> {
    let path = desk.path()?;
    let place = backups::place(&path);
    Ok(BackupPlaceShown {
        chosen: backups::settings(&path),
        dir: place.dir.display().to_string(),
        keep: place.keep,
    })
}

#[tauri::command]
pub fn backup_settings_save(
    desk: State<'_, Desk>,
    chosen: BackupSettings,
) -> AppResult<BackupPlaceShown> {
    backups::save_settings(&desk.path()?, chosen)?;
    backup_settings(desk)
}

/// Asks for the backup folder through the system dialog; `None` when dismissed.
#[tauri::command]
pub async fn backup_pick_dir(window: tauri::Window) -> Option<String> {
    documents::pick_dir(&window)
        .await
        .map(|p| p.display().to_string())
}

/// Replaces the vault with one of its backups (the vault as it was is kept aside first),
/// then opens it. Works on an open vault and on one that will not open.
#[tauri::command]
pub async fn backup_restore(
    handle: AppHandle,
    desk: State<'_, Desk>,
    backup: PathBuf,
    key: Option<String>,
) -> AppResult<String> {
    let path = desk.path()?;
    let keys = current_key(&desk, key).await?;
    let mut slot = desk.app.write().await;
    if let Some(open) = slot.take() {
        open.close().await?;
    }
    let restored = backups::restore(&path, &backup, &keys).await;
    // Restored or not, the vault opens again if it can (a refused restore changed nothing).
    match open_vault(&path, &keys).await {
        Ok(app) => *slot = Some(app),
        Err(e) => {
            restored?;
            return Err(e);
        }
    }
    let aside = restored?;
    if desk.opened_with().is_none() {
        desk.opened(kind_of(&keys));
    }
    drop(slot);
    warm_up(&handle, false);
    Ok(aside.path.display().to_string())
}

/// How `keys` unlocks a vault, as Settings tells the user.
pub fn kind_of(keys: &KeySource) -> KeyKind {
    match keys {
        KeySource::Keychain(_) => KeyKind::Keychain,
        KeySource::Passphrase(_) => KeyKind::Passphrase,
        KeySource::RecoveryCode(_) => KeyKind::RecoveryCode,
    }
}
