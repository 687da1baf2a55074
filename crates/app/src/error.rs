//! Errors of the use-cases. Each carries what the user needs to act on it; the window gets
//! an `ApiError` (`{kind, message, fields, conflict}`, its TypeScript type generated from
//! here) and the CLI prints the message.

use dpadesk_import::ImportError;
use dpadesk_store::StoreError;
use serde::Serialize;
use std::fmt;

/// A problem with one field of a form, addressed by its path (e.g. `purposes[0].description`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{}", describe(.0))]
    Invalid(Vec<FieldError>),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    InUse(String),
    #[error("{0}")]
    Locked(String),
    #[error("{0}")]
    Vault(StoreError),
    /// A file or text that could not be read as a subprocessor list; nothing was stored.
    #[error("{0}")]
    Import(ImportError),
    /// An organisation file that cannot be imported as it is; nothing was written.
    #[error("{0}")]
    Handover(String),
    /// The vault file is damaged; the message names the newest good backup, if any.
    #[error("{0}")]
    Damaged(String),
    /// Another process holds the vault for now.
    #[error("{0}")]
    Busy(String),
    /// The record changed since the form was opened: who changed it, and when.
    #[error("{message}")]
    Conflict {
        message: String,
        by: String,
        at: chrono::DateTime<chrono::Utc>,
    },
    /// A report file could not be written: a defect, not the user's input.
    #[error("The file could not be made: {0}")]
    Report(dpadesk_report::ReportError),
}

fn describe(errors: &[FieldError]) -> String {
    match errors {
        [one] => one.to_string(),
        many => format!(
            "{} fields need attention: {}",
            many.len(),
            many.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}

/// The kind of a failure, stable for the UI and for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Invalid,
    NotFound,
    InUse,
    Locked,
    Vault,
    Cancelled,
    Import,
    Handover,
    Report,
    Damaged,
    Busy,
    Conflict,
}

/// Who changed a record meanwhile, and when.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ConflictInfo {
    pub by: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// An error as every door hands it out.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
    pub fields: Vec<FieldError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub conflict: Option<ConflictInfo>,
}

impl AppError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Invalid(_) => ErrorKind::Invalid,
            Self::NotFound(_) => ErrorKind::NotFound,
            Self::InUse(_) => ErrorKind::InUse,
            Self::Locked(_) => ErrorKind::Locked,
            Self::Vault(_) => ErrorKind::Vault,
            Self::Import(ImportError::Cancelled) => ErrorKind::Cancelled,
            Self::Import(_) => ErrorKind::Import,
            Self::Handover(_) => ErrorKind::Handover,
            Self::Report(_) => ErrorKind::Report,
            Self::Damaged(_) => ErrorKind::Damaged,
            Self::Busy(_) => ErrorKind::Busy,
            Self::Conflict { .. } => ErrorKind::Conflict,
        }
    }

    pub fn to_api(&self) -> ApiError {
        ApiError {
            kind: self.kind(),
            message: self.to_string(),
            fields: self.fields().to_vec(),
            conflict: match self {
                Self::Conflict { by, at, .. } => Some(ConflictInfo {
                    by: by.clone(),
                    at: *at,
                }),
                _ => None,
            },
        }
    }

    /// True when the user can fix the problem (bad input, missing record, wrong key);
    /// false when something broke underneath.
    pub fn is_user_error(&self) -> bool {
        !matches!(
            self,
            Self::Vault(StoreError::Db(_) | StoreError::Io(_) | StoreError::Corrupt(_))
                | Self::Report(_)
        )
    }

    pub fn fields(&self) -> &[FieldError] {
        match self {
            Self::Invalid(f) => f,
            _ => &[],
        }
    }
}

impl From<dpadesk_report::ReportError> for AppError {
    fn from(e: dpadesk_report::ReportError) -> Self {
        Self::Report(e)
    }
}

impl From<ImportError> for AppError {
    fn from(e: ImportError) -> Self {
        Self::Import(e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } => Self::NotFound(e.to_string()),
            StoreError::InUse(msg) => Self::InUse(msg),
            StoreError::Busy(msg) => Self::Busy(msg),
            StoreError::Damaged(_) => Self::Damaged(format!(
                "{e} Run `dpadesk doctor` to examine it, and restore the newest backup \
                 (Settings → Backups, or `dpadesk backups` and `dpadesk restore FILE`)."
            )),
            StoreError::Conflict { ref by, at, .. } => Self::Conflict {
                message: format!("{e} Reload to see their version, or save again to keep yours."),
                by: by.clone(),
                at,
            },
            StoreError::ReadOnly => Self::Locked(e.to_string()),
            StoreError::WrongKey | StoreError::KeyUnavailable(_) | StoreError::Keychain(_) => {
                Self::Locked(e.to_string())
            }
            other => Self::Vault(other),
        }
    }
}

impl Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_api().serialize(s)
    }
}

pub type AppResult<T> = Result<T, AppError>;
