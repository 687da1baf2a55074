//! The recovery kit as a file: the PDF the user saves or prints when a vault gets a new
//! recovery code (on creation, after a key change or a recovery onto a passphrase).

use crate::reports::ExportFile;
use crate::{AppError, AppResult};
use chrono::NaiveDate;
use dpadesk_report::{Lang, RecoveryKit, recovery_kit_pdf};
use dpadesk_store::RecoveryCode;
use std::path::Path;

/// The kit of the vault at `vault` for `code`, worded in `lang`.
pub fn recovery_kit(
    vault: &Path,
    code: &RecoveryCode,
    lang: Lang,
    today: NaiveDate,
) -> AppResult<ExportFile> {
    let vault_name = vault
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kit = RecoveryKit {
        code: code.display().to_string(),
        vault_name: vault_name.clone(),
        vault_path: std::path::absolute(vault)
            .unwrap_or_else(|_| vault.to_path_buf())
            .display()
            .to_string(),
        made_on: today,
    };
    let bytes = recovery_kit_pdf(&kit, lang).map_err(AppError::Report)?;
    let stem = vault_name.trim_end_matches(".dpadesk");
    Ok(ExportFile {
        file_name: format!("{stem} recovery kit.pdf"),
        media_type: "application/pdf",
        bytes,
    })
}
