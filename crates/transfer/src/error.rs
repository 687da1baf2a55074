//! Why a dataset file was refused, in words a user loading a newer file can act on.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatasetError {
    #[error("the dataset file is not valid JSON: {message} (line {line}, column {column})")]
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    #[error(
        "the dataset file does not have the expected fields: {message} (line {line}, column {column})"
    )]
    Shape {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("the dataset file does not say which format it uses (a `format` number)")]
    NoFormat,
    #[error(
        "the dataset file uses format {found}, newer than this version of DPA Desk reads ({supported}): update the app to load it"
    )]
    NewerFormat { found: u32, supported: u32 },
    #[error("{row}: {first_field} ({first}) is after {second_field} ({second})")]
    DatesOutOfOrder {
        row: String,
        first_field: &'static str,
        first: NaiveDate,
        second_field: &'static str,
        second: NaiveDate,
    },
    #[error("the reference \"{0}\" appears more than once in the dataset")]
    DuplicateReference(String),
    #[error("{0}")]
    Invalid(String),
}

impl DatasetError {
    pub(crate) fn from_json(e: serde_json::Error) -> Self {
        let (message, line, column) = (strip_position(&e), e.line(), e.column());
        if e.is_data() {
            Self::Shape {
                message,
                line,
                column,
            }
        } else {
            Self::NotJson {
                message,
                line,
                column,
            }
        }
    }
}

/// serde_json appends "at line L column C" to its messages; the error adds it in its own words.
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}
