//! The Reports commands: a file made and saved where the user chooses, a PDF's bytes for
//! the preview, an objection letter, and an organisation brought in from a handover file.

use crate::commands::{today, with_app};
use crate::documents;
use crate::state::Desk;
use dpadesk_app::handover::{self, ImportSummary};
use dpadesk_app::reports::{ExportFile, ExportFormat, ExportRequest};
use dpadesk_app::{AppError, AppResult, FieldError};
use dpadesk_model::Id;
use dpadesk_report::Lang;
use tauri::State;
use tauri::ipc::{InvokeBody, Request, Response};

/// Offers the save dialog for a made file; the path written, or `None` when dismissed.
async fn save(window: &tauri::Window, file: ExportFile) -> AppResult<Option<String>> {
    let extension = file.file_name.rsplit('.').next().unwrap_or("").to_string();
    let label = extension.to_uppercase();
    let Some(path) = documents::save_to(window, &file.file_name, &label, &extension).await else {
        return Ok(None);
    };
    std::fs::write(&path, &file.bytes).map_err(|e| {
        documents::refused_file(format!("{} could not be written: {e}.", path.display()))
    })?;
    Ok(Some(path.display().to_string()))
}

/// Makes the export and asks where to save it; the saved path, `None` when cancelled.
#[tauri::command]
pub async fn report_export(
    window: tauri::Window,
    desk: State<'_, Desk>,
    request: ExportRequest,
) -> AppResult<Option<String>> {
    let file = with_app(&desk, async |app| app.export(&request, today()).await).await?;
    save(&window, file).await
}

/// A PDF export's bytes, for the window to show its first pages.
#[tauri::command]
pub async fn report_preview(desk: State<'_, Desk>, request: ExportRequest) -> AppResult<Response> {
    if request.format != ExportFormat::Pdf {
        return Err(AppError::Invalid(vec![FieldError::new(
            "format",
            "Only PDF exports have a preview.",
        )]));
    }
    let file = with_app(&desk, async |app| app.export(&request, today()).await).await?;
    Ok(Response::new(file.bytes))
}

/// An objection letter for one organisation against a received list version.
#[tauri::command]
pub async fn objection_letter(
    window: tauri::Window,
    desk: State<'_, Desk>,
    organisation: Id,
    list: Id,
    reasons: String,
    place: String,
    lang: Lang,
) -> AppResult<Option<String>> {
    let file = with_app(&desk, async |app| {
        app.objection_letter(organisation, list, &reasons, &place, lang, today())
            .await
    })
    .await?;
    save(&window, file).await
}

/// A handover file chosen through the dialog; `None` when the user cancels.
#[tauri::command]
pub async fn org_import_pick(
    window: tauri::Window,
    desk: State<'_, Desk>,
) -> AppResult<Option<ImportSummary>> {
    let Some(path) = documents::pick(&window, "DPA Desk handover (JSON)", &["json"]).await else {
        return Ok(None);
    };
    let bytes = documents::read_checked(&path, handover::refuse_oversized).await?;
    with_app(&desk, async |app| app.import_organisation(&bytes).await)
        .await
        .map(Some)
}

/// A handover file dropped onto the window: its bytes are the request body.
#[tauri::command]
pub async fn org_import_bytes(
    desk: State<'_, Desk>,
    request: Request<'_>,
) -> AppResult<ImportSummary> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(documents::refused_file(
            "The dropped file did not arrive as bytes.".into(),
        ));
    };
    with_app(&desk, async |app| app.import_organisation(bytes).await).await
}
