//! An existing register coming into the window: a file chosen in the dialog or dropped onto
//! the window is held here while the user maps its labels, skips rows and picks the
//! organisation, each change previewed again from the same file; saving writes it all at once,
//! and an import can be undone from history.

use crate::commands::with_app;
use crate::documents;
use crate::state::{Desk, HeldFile};
use dpadesk_app::AppResult;
use dpadesk_app::register_import::Mapping;
use dpadesk_app::register_preview::RegisterPreview;
use dpadesk_model::{Id, ImportUndone, RegisterImportEntry};
use tauri::State;
use tauri::ipc::{InvokeBody, Request};

/// What the dialog offers: the formats registers are kept in.
const REGISTER_EXTENSIONS: &[&str] = &[
    "xlsx", "xls", "ods", "csv", "tsv", "txt", "docx", "md", "html", "htm",
];
/// The header naming the organisation a dropped register goes to (URI-encoded by the UI).
const ORGANISATION_HEADER: &str = "x-organisation";

/// Holds `file` and previews it with the mapping remembered for its layout.
async fn hold(desk: &Desk, file: HeldFile, organisation: &str) -> AppResult<RegisterPreview> {
    let preview = with_app(desk, async |app| {
        app.preview_register(&file.bytes, Some(&file.name), organisation, None, &[])
            .await
    })
    .await?;
    desk.hold_register(file);
    Ok(preview)
}

/// Lets the user choose a register file and previews it; `None` when the dialog was dismissed.
#[tauri::command]
pub async fn register_import_pick(
    window: tauri::Window,
    desk: State<'_, Desk>,
    organisation: String,
) -> AppResult<Option<RegisterPreview>> {
    let Some(path) = documents::pick(&window, "Registers", REGISTER_EXTENSIONS).await else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = documents::read_checked(&path, dpadesk_app::lists::refuse_oversized).await?;
    hold(&desk, HeldFile { bytes, name }, &organisation)
        .await
        .map(Some)
}

/// Previews a register file dropped onto the window: its bytes are the request body.
#[tauri::command]
pub async fn register_import_bytes(
    desk: State<'_, Desk>,
    request: Request<'_>,
) -> AppResult<RegisterPreview> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(documents::refused_file(
            "The dropped file did not arrive as bytes.".into(),
        ));
    };
    dpadesk_app::lists::refuse_oversized(bytes.len() as u64)?;
    let file = HeldFile {
        bytes: bytes.clone(),
        name: documents::header_text(&request, documents::FILE_NAME_HEADER).unwrap_or_default(),
    };
    let organisation = documents::header_text(&request, ORGANISATION_HEADER).unwrap_or_default();
    hold(&desk, file, &organisation).await
}

/// Previews the held file again with the user's mapping, skipped rows and organisation.
#[tauri::command]
pub async fn register_import_preview(
    desk: State<'_, Desk>,
    organisation: String,
    mapping: Mapping,
    skip: Vec<String>,
) -> AppResult<RegisterPreview> {
    let file = desk.held_register()?;
    with_app(&desk, async |app| {
        app.preview_register(
            &file.bytes,
            Some(&file.name),
            &organisation,
            Some(&mapping),
            &skip,
        )
        .await
    })
    .await
}

/// Saves the held file as previewed; the file is let go once it is saved.
#[tauri::command]
pub async fn register_import_save(
    desk: State<'_, Desk>,
    organisation: String,
    mapping: Mapping,
    skip: Vec<String>,
) -> AppResult<RegisterPreview> {
    let file = desk.held_register()?;
    let saved = with_app(&desk, async |app| {
        app.save_register_import(
            &file.bytes,
            Some(&file.name),
            &organisation,
            &mapping,
            &skip,
        )
        .await
    })
    .await?;
    desk.release_register();
    Ok(saved)
}

/// Lets go of the held file when the user closes the import.
#[tauri::command]
pub fn register_import_cancel(desk: State<'_, Desk>) {
    desk.release_register();
}

/// The register imports made into an organisation, newest first, for history.
#[tauri::command]
pub async fn register_imports(
    desk: State<'_, Desk>,
    organisation: Id,
) -> AppResult<Vec<RegisterImportEntry>> {
    with_app(&desk, async |app| app.register_imports(organisation).await).await
}

/// Undoes a register import as a whole.
#[tauri::command]
pub async fn register_import_undo(desk: State<'_, Desk>, id: Id) -> AppResult<ImportUndone> {
    with_app(&desk, async |app| app.undo_register_import(id).await).await
}
