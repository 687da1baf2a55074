//! Subprocessor lists coming into the window — a file chosen in the dialog, a file dropped
//! onto the window (its bytes), or pasted text — read off the async runtime, with progress
//! events and a cancel button; then saved, compared and reviewed.

use crate::commands::with_app;
use crate::documents;
use crate::state::Desk;
use dpadesk_app::AppResult;
use dpadesk_app::lists::{self, ImportPreview, ListChangeReport, Watch};
use dpadesk_model::*;
use std::sync::atomic::Ordering;
use tauri::ipc::{InvokeBody, Request};
use tauri::{Emitter, State};

/// The event carrying a running import's progress (0.0–1.0) to the UI.
const PROGRESS_EVENT: &str = "list-import-progress";
/// What the dialog offers: every format the importer reads.
const LIST_EXTENSIONS: &[&str] = &[
    "csv", "tsv", "txt", "md", "html", "htm", "pdf", "docx", "xlsx", "xls", "ods",
];

/// Reads `bytes` on a blocking thread, reporting progress to `window`, then matches the
/// rows to the vendor catalogue.
async fn read(
    window: tauri::Window,
    desk: &Desk,
    bytes: Vec<u8>,
    file_name: Option<String>,
) -> AppResult<ImportPreview> {
    let cancel = desk.import_cancel.clone();
    cancel.store(false, Ordering::SeqCst);
    let mut preview = tokio::task::spawn_blocking(move || {
        let report = move |done: f32| {
            let _ = window.emit(PROGRESS_EVENT, done);
        };
        let watch = Watch {
            cancel: Some(&cancel),
            progress: Some(&report),
        };
        lists::read_file(&bytes, file_name.as_deref(), &watch)
    })
    .await
    .map_err(|e| documents::refused_file(format!("The import stopped unexpectedly: {e}.")))??;
    with_matches(desk, &mut preview).await?;
    Ok(preview)
}

async fn with_matches(desk: &Desk, preview: &mut ImportPreview) -> AppResult<()> {
    if let Some(app) = desk.app.read().await.as_ref() {
        app.match_vendors(preview).await?;
    }
    Ok(())
}

/// Lets the user choose a file and reads it; `None` when the dialog was dismissed.
#[tauri::command]
pub async fn list_import_pick(
    window: tauri::Window,
    desk: State<'_, Desk>,
) -> AppResult<Option<ImportPreview>> {
    let Some(path) = documents::pick(&window, "Subprocessor lists", LIST_EXTENSIONS).await else {
        return Ok(None);
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let bytes = documents::read_checked(&path, lists::refuse_oversized).await?;
    read(window, &desk, bytes, name).await.map(Some)
}

/// Reads a file dropped onto the window: its bytes are the request body.
#[tauri::command]
pub async fn list_import_bytes(
    window: tauri::Window,
    desk: State<'_, Desk>,
    request: Request<'_>,
) -> AppResult<ImportPreview> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(documents::refused_file(
            "The dropped file did not arrive as bytes.".into(),
        ));
    };
    let name = documents::header_text(&request, documents::FILE_NAME_HEADER);
    lists::refuse_oversized(bytes.len() as u64)?;
    read(window, &desk, bytes.clone(), name).await
}

/// Reads a list pasted as text.
#[tauri::command]
pub async fn list_import_text(desk: State<'_, Desk>, text: String) -> AppResult<ImportPreview> {
    if text.trim().is_empty() {
        return Err(documents::refused_file(
            "Paste the list's text first.".into(),
        ));
    }
    let mut preview = lists::read_text(&text);
    with_matches(&desk, &mut preview).await?;
    Ok(preview)
}

/// Stops the running import at its next step.
#[tauri::command]
pub fn list_import_cancel(desk: State<'_, Desk>) {
    desk.import_cancel.store(true, Ordering::SeqCst);
}

#[tauri::command]
pub async fn list_save(
    desk: State<'_, Desk>,
    vendor: Id,
    received_on: Option<chrono::NaiveDate>,
    source: String,
    content_hash: String,
    entries: Vec<SubprocessorEntry>,
) -> AppResult<SubprocessorList> {
    with_app(&desk, async |app| {
        app.save_list(vendor, received_on, &source, &content_hash, entries)
            .await
    })
    .await
}

/// Fetches the list the vendor publishes at the address the user gave it (the only network
/// call the window makes) and stores a changed one as a new version to review.
#[tauri::command]
pub async fn vendor_check_list(desk: State<'_, Desk>, vendor: Id) -> AppResult<lists::ListCheck> {
    with_app(&desk, async |app| {
        let checks = app
            .check_published_lists(Some(vendor), &lists::FetchLimits::default())
            .await?;
        checks
            .into_iter()
            .next()
            .ok_or_else(|| dpadesk_app::AppError::NotFound("That vendor is not watched.".into()))
    })
    .await
}

#[tauri::command]
pub async fn list_change(desk: State<'_, Desk>, list: Id) -> AppResult<ListChangeReport> {
    with_app(&desk, async |app| app.list_change(list).await).await
}

#[tauri::command]
pub async fn list_review(
    desk: State<'_, Desk>,
    list: Id,
    review: ChangeReview,
) -> AppResult<SubprocessorList> {
    with_app(&desk, async |app| app.review_list(list, review).await).await
}
