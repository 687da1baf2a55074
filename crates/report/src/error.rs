//! What can go wrong while a file is made.

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The PDF or spreadsheet library refused the content (a defect, not user input).
    #[error("the {format} file could not be written: {message}")]
    Write {
        format: &'static str,
        message: String,
    },
}
