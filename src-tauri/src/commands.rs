//! The commands the UI invokes. Each is a one-liner over `dpadesk-app`; errors reach the UI
//! as `{kind, message, fields}`.

use crate::state::{Desk, not_open};
use dpadesk_app::session::{create_vault, key_source, open_vault};
use dpadesk_app::validate::Editable;
use dpadesk_app::{App, AppResult};
use dpadesk_model::*;
use serde::Serialize;
use tauri::State;

/// Runs `f` with the open app, or fails with a `locked` error.
async fn with_app<T>(desk: &Desk, f: impl AsyncFnOnce(&App) -> AppResult<T>) -> AppResult<T> {
    let guard = desk.app.read().await;
    let app = guard.as_ref().ok_or_else(not_open)?;
    f(app).await
}

#[derive(Debug, Serialize)]
pub struct VaultStatus {
    pub path: String,
    pub exists: bool,
    pub open: bool,
}

#[tauri::command]
pub async fn vault_status(desk: State<'_, Desk>) -> AppResult<VaultStatus> {
    let path = desk.path()?;
    Ok(VaultStatus {
        path: path.display().to_string(),
        exists: path.exists(),
        open: desk.app.read().await.is_some(),
    })
}

/// Creates the vault: its key goes to the OS keychain unless a passphrase is given.
#[tauri::command]
pub async fn vault_create(desk: State<'_, Desk>, passphrase: Option<String>) -> AppResult<()> {
    let app = create_vault(
        &desk.path()?,
        &key_source(passphrase.filter(|p| !p.is_empty())),
    )
    .await?;
    *desk.app.write().await = Some(app);
    Ok(())
}

/// Opens the vault with the OS keychain, or with the passphrase given.
#[tauri::command]
pub async fn vault_open(desk: State<'_, Desk>, passphrase: Option<String>) -> AppResult<()> {
    let mut slot = desk.app.write().await;
    if slot.is_none() {
        *slot = Some(
            open_vault(
                &desk.path()?,
                &key_source(passphrase.filter(|p| !p.is_empty())),
            )
            .await?,
        );
    }
    Ok(())
}

async fn list<A: Editable>(desk: &Desk) -> AppResult<Vec<Record<A>>> {
    with_app(desk, async |app| app.list::<A>().await).await
}

async fn create<A: Editable>(desk: &Desk, data: A) -> AppResult<Record<A>> {
    with_app(desk, async |app| app.create(data).await).await
}

#[tauri::command]
pub async fn organisation_list(desk: State<'_, Desk>) -> AppResult<Vec<Organisation>> {
    list(&desk).await
}

#[tauri::command]
pub async fn organisation_create(
    desk: State<'_, Desk>,
    data: OrganisationData,
) -> AppResult<Organisation> {
    create(&desk, data).await
}

#[tauri::command]
pub async fn activity_list(desk: State<'_, Desk>, organisation: Id) -> AppResult<Vec<Activity>> {
    with_app(&desk, async |app| app.activities_of(organisation).await).await
}

#[tauri::command]
pub async fn activity_create(desk: State<'_, Desk>, data: ActivityData) -> AppResult<Activity> {
    create(&desk, data).await
}

#[tauri::command]
pub async fn vendor_list(desk: State<'_, Desk>) -> AppResult<Vec<Vendor>> {
    list(&desk).await
}

#[tauri::command]
pub async fn vendor_create(desk: State<'_, Desk>, data: VendorData) -> AppResult<Vendor> {
    create(&desk, data).await
}

#[tauri::command]
pub async fn measure_list(desk: State<'_, Desk>) -> AppResult<Vec<Measure>> {
    list(&desk).await
}
