//! Files going into and out of the vault: the dialogs to pick a file and to save one, the
//! checks on a picked agreement, and opening a stored copy with the system's own viewer.

use dpadesk_app::{AppError, AppResult, FieldError};
use std::path::{Path, PathBuf};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// Asks for one file through the system dialog, offering `extensions` under `label`;
/// `None` when the user dismisses it.
pub async fn pick(window: &tauri::Window, label: &str, extensions: &[&str]) -> Option<PathBuf> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    window
        .dialog()
        .file()
        .set_parent(window)
        .add_filter(label, extensions)
        .pick_file(move |picked| {
            let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
        });
    rx.await.ok().flatten()
}

/// Asks for a folder through the system dialog; `None` when the user dismisses it.
pub async fn pick_dir(window: &tauri::Window) -> Option<PathBuf> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    window
        .dialog()
        .file()
        .set_parent(window)
        .pick_folder(move |picked| {
            let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
        });
    rx.await.ok().flatten()
}

/// Asks where to save a file, offering `file_name`; `None` when the user dismisses it.
pub async fn save_to(
    window: &tauri::Window,
    file_name: &str,
    label: &str,
    extension: &str,
) -> Option<PathBuf> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    window
        .dialog()
        .file()
        .set_parent(window)
        .set_file_name(file_name)
        .add_filter(label, &[extension])
        .save_file(move |picked| {
            let _ = tx.send(picked.and_then(|p| p.into_path().ok()));
        });
    rx.await.ok().flatten()
}

/// A file the user gave that cannot be used, said about the form's file field.
/// The header naming a dropped file (URI-encoded by the UI).
pub const FILE_NAME_HEADER: &str = "x-file-name";

/// A text header of a command whose body is a dropped file's bytes, as the UI URI-encoded it.
pub fn header_text(request: &tauri::ipc::Request<'_>, name: &str) -> Option<String> {
    request
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        })
}

pub fn refused_file(message: String) -> AppError {
    AppError::Invalid(vec![FieldError::new("file", message)])
}

/// Reads a picked file once `check` has accepted its size (each kind of file has its limit
/// in `app`), so an oversized one is never read into memory.
pub async fn read_checked(
    path: &Path,
    check: impl FnOnce(u64) -> AppResult<()>,
) -> AppResult<Vec<u8>> {
    let unreadable =
        |e: std::io::Error| refused_file(format!("{} cannot be read: {e}.", path.display()));
    check(tokio::fs::metadata(path).await.map_err(unreadable)?.len())?;
    tokio::fs::read(path).await.map_err(unreadable)
}

/// The file's name and bytes, once its size passed the rule for attached documents (its
/// type and content are checked by `app` when it is attached).
pub async fn read_document(path: &Path) -> AppResult<(String, Vec<u8>)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = read_checked(path, |size| {
        dpadesk_app::documents::refuse_oversized_document(&name, size)
    })
    .await?;
    Ok((name, bytes))
}

/// Writes the document to a private temporary folder and hands it to the system viewer.
pub fn open(window: &tauri::Window, file_name: &str, bytes: &[u8]) -> AppResult<()> {
    let failed = |e: &dyn std::fmt::Display| {
        AppError::NotFound(format!("“{file_name}” could not be opened: {e}."))
    };
    let dir = std::env::temp_dir().join("dpadesk-documents");
    std::fs::create_dir_all(&dir).map_err(|e| failed(&e))?;
    // Only the file name is kept from what the user once picked: no path can escape `dir`.
    let safe = Path::new(file_name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "agreement".into());
    let path = dir.join(safe);
    std::fs::write(&path, bytes).map_err(|e| failed(&e))?;
    window
        .opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| failed(&e))
}
