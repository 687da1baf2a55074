//! What the window keeps between commands: where the vault is and, once unlocked, the app.

use dpadesk_app::{App, AppError};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use tauri::{AppHandle, Manager};
use tokio::sync::RwLock;

#[derive(Debug)]
pub struct Desk {
    pub vault_path: Option<PathBuf>,
    pub app: RwLock<Option<App>>,
    /// Set by the cancel button; the running list import stops at its next step.
    pub import_cancel: Arc<AtomicBool>,
}

impl Desk {
    pub fn new(vault_path: Option<PathBuf>) -> Self {
        Self {
            vault_path,
            app: RwLock::new(None),
            import_cancel: Arc::default(),
        }
    }

    pub fn path(&self) -> Result<PathBuf, AppError> {
        self.vault_path.clone().ok_or_else(|| {
            AppError::Locked("This system has no data directory for the vault.".into())
        })
    }
}

pub fn not_open() -> AppError {
    AppError::Locked("The vault is not open yet.".into())
}

/// Reads the vault's whole register into memory in the background once it is open, so the
/// first screens (the home screen above all) do not wait for it on a large vault. Screens
/// asking meanwhile wait for the same load rather than starting their own.
pub fn warm_up(handle: &AppHandle) {
    let handle = handle.clone();
    tauri::async_runtime::spawn(async move {
        let desk = handle.state::<Desk>();
        let guard = desk.app.read().await;
        if let Some(app) = guard.as_ref()
            && let Err(e) = app.warm_up(crate::commands::today()).await
        {
            log::warn!("the register was not read ahead: {e}");
        }
    });
}
