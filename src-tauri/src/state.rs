//! What the window keeps between commands: where the vault is, once unlocked the app and how
//! its key was given, and the background work on it (reading ahead, noticing other writers).

use dpadesk_app::error::ErrorKind;
use dpadesk_app::session::daily_backup_logged;
use dpadesk_app::{App, AppError};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};
use tokio::sync::RwLock;

/// How the open vault was unlocked, which decides what a key change asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    Keychain,
    Passphrase,
    RecoveryCode,
}

/// Why the vault did not open when the window started (damaged, busy…), as the UI shows
/// errors: kind and message.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub kind: ErrorKind,
    pub message: String,
}

#[derive(Debug)]
pub struct Desk {
    pub vault_path: Option<PathBuf>,
    pub app: RwLock<Option<App>>,
    /// Set by the cancel button; the running list import stops at its next step.
    pub import_cancel: Arc<AtomicBool>,
    opened_with: Mutex<Option<KeyKind>>,
    start_problem: Mutex<Option<Problem>>,
    /// The register file being imported, while the user maps and previews it.
    register_file: Mutex<Option<Arc<HeldFile>>>,
}

/// A file the user gave the window, as it arrived.
#[derive(Debug)]
pub struct HeldFile {
    pub bytes: Vec<u8>,
    pub name: String,
}

impl Desk {
    pub fn new(vault_path: Option<PathBuf>) -> Self {
        Self {
            vault_path,
            app: RwLock::new(None),
            import_cancel: Arc::default(),
            opened_with: Mutex::new(None),
            start_problem: Mutex::new(None),
            register_file: Mutex::new(None),
        }
    }

    pub fn path(&self) -> Result<PathBuf, AppError> {
        self.vault_path.clone().ok_or_else(|| {
            AppError::Locked("This system has no data directory for the vault.".into())
        })
    }

    pub fn opened(&self, kind: KeyKind) {
        *self.opened_with.lock().unwrap_or_else(|p| p.into_inner()) = Some(kind);
        *self.start_problem.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    pub fn opened_with(&self) -> Option<KeyKind> {
        *self.opened_with.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps why the vault did not open at start, unless it is only that the keychain has
    /// no key for it (the unlock screen asks for one anyway).
    pub fn did_not_open(&self, e: &AppError) {
        if matches!(
            e.kind(),
            ErrorKind::Damaged | ErrorKind::Busy | ErrorKind::Vault
        ) {
            *self.start_problem.lock().unwrap_or_else(|p| p.into_inner()) = Some(Problem {
                kind: e.kind(),
                message: e.to_string(),
            });
        }
    }

    pub fn hold_register(&self, file: HeldFile) {
        *self.register_file.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(file));
    }

    pub fn held_register(&self) -> Result<Arc<HeldFile>, AppError> {
        self.register_file
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .ok_or_else(|| {
                AppError::Invalid(vec![dpadesk_app::FieldError::new(
                    "file",
                    "Choose the register file again: the window no longer holds it.",
                )])
            })
    }

    pub fn release_register(&self) {
        *self.register_file.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    pub fn start_problem(&self) -> Option<Problem> {
        self.start_problem
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

pub fn not_open() -> AppError {
    AppError::Locked("The vault is not open yet.".into())
}

/// Reads the vault's whole register into memory in the background once it is open, so the
/// first screens (the home screen above all) do not wait for it on a large vault. Screens
/// asking meanwhile wait for the same load rather than starting their own. A vault the
/// window opened quickly then gets the day's first backup (`daily_backup`).
pub fn warm_up(handle: &AppHandle, daily_backup: bool) {
    let handle = handle.clone();
    tauri::async_runtime::spawn(async move {
        let desk = handle.state::<Desk>();
        let guard = desk.app.read().await;
        if let Some(app) = guard.as_ref() {
            if let Err(e) = app.warm_up(crate::commands::today()).await {
                log::warn!("the register was not read ahead: {e}");
            }
            // After the read-ahead, so that the first screens do not wait for the copy.
            if daily_backup {
                daily_backup_logged(app).await;
            }
        }
    });
}

/// How often the window looks for changes another program (the CLI, a second window) made.
const LOOK_EVERY: Duration = Duration::from_secs(2);

/// Looks for changes made elsewhere for as long as the window runs; when there are, the
/// app forgets what it kept in memory and the UI gets `vault-changed` to reload its screen.
pub fn watch_other_writers(handle: &AppHandle) {
    let handle = handle.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(LOOK_EVERY).await;
            let desk = handle.state::<Desk>();
            // A key change or restore holds the write lock; skip this round rather than wait.
            let Ok(guard) = desk.app.try_read() else {
                continue;
            };
            let changed = match guard.as_ref() {
                Some(app) => app.refresh_if_changed_elsewhere().await,
                None => Ok(false),
            };
            drop(guard);
            match changed {
                Ok(true) => {
                    if let Err(e) = handle.emit("vault-changed", ()) {
                        log::warn!("the window was not told of a change made elsewhere: {e}");
                    }
                }
                Ok(false) => {}
                Err(e) => log::warn!("could not look for changes made elsewhere: {e}"),
            }
        }
    });
}

/// How often the window asks whether the day of the daily list checks has come.
const DAILY_LOOK_EVERY: Duration = Duration::from_secs(60 * 60);

/// Once a day while the window runs, fetches the published lists of the vendors the user
/// asked to have checked daily (none is fetched otherwise); a changed one is stored as a
/// version to review and the screens reload to show it.
pub fn check_lists_daily(handle: &AppHandle) {
    let handle = handle.clone();
    tauri::async_runtime::spawn(async move {
        let mut last_day = None;
        loop {
            // First a minute after start, so that opening the vault is not slowed.
            tokio::time::sleep(Duration::from_secs(60)).await;
            let today = crate::commands::today();
            if last_day == Some(today) {
                tokio::time::sleep(DAILY_LOOK_EVERY).await;
                continue;
            }
            let desk = handle.state::<Desk>();
            let Ok(guard) = desk.app.try_read() else {
                continue;
            };
            let Some(app) = guard.as_ref() else {
                continue;
            };
            let limits = dpadesk_app::lists::FetchLimits::default();
            match app.check_daily_lists(&limits).await {
                Ok(checks) => {
                    last_day = Some(today);
                    let stored = checks.iter().any(|c| {
                        matches!(
                            c.outcome,
                            dpadesk_app::lists::ListCheckOutcome::NewVersion { .. }
                        )
                    });
                    for c in &checks {
                        if let dpadesk_app::lists::ListCheckOutcome::Failed { message } = &c.outcome
                        {
                            log::warn!("the daily check of {}'s list failed: {message}", c.vendor);
                        }
                    }
                    drop(guard);
                    if stored && let Err(e) = handle.emit("vault-changed", ()) {
                        log::warn!("the window was not told of a new list version: {e}");
                    }
                }
                Err(e) => log::warn!("the daily list checks did not run: {e}"),
            }
        }
    });
}
