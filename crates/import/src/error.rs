//! What can stop an import, in words a user can act on.

use thiserror::Error;

pub type ImportResult<T> = Result<T, ImportError>;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("The file is empty.")]
    Empty,
    #[error(
        "The file is {size_mb} MB; DPA Desk reads lists of up to {limit_mb} MB. Save the part with the subprocessors as a smaller file."
    )]
    TooLarge { size_mb: u64, limit_mb: u64 },
    #[error(
        "DPA Desk cannot tell what kind of file this is. Use CSV, XLSX, XLS, ODS, HTML, PDF, DOCX, Markdown or plain text, or paste the list as text."
    )]
    UnknownFormat,
    #[error("The PDF is password-protected. Open it, save an unprotected copy, and import that.")]
    EncryptedPdf,
    #[error(
        "The PDF holds only images of pages (a scan), no text to read. Ask the vendor for a text PDF, or copy the list and paste it as text."
    )]
    ScannedPdf,
    #[error(
        "The {format} file unpacks to more than {limit_mb} MB, which no subprocessor list needs; it was not read."
    )]
    Bomb { format: &'static str, limit_mb: u64 },
    #[error("The {format} file could not be read: {detail}")]
    Malformed {
        format: &'static str,
        detail: String,
    },
    #[error(
        "This file holds no processing register: no table or section in it names the items of one (the activities with their purposes, legal bases, categories of data). A list of vendors or subprocessors is imported on the vendor's page."
    )]
    NoRegister,
    #[error("The import was cancelled.")]
    Cancelled,
}
