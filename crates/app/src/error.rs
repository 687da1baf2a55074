//! Errors of the use-cases. Each carries what the user needs to act on it; the window shows
//! `{kind, message, fields}` and the CLI prints the message.

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

impl AppError {
    /// A stable name for the kind of error, for the UI and for scripts.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "invalid",
            Self::NotFound(_) => "not_found",
            Self::InUse(_) => "in_use",
            Self::Locked(_) => "locked",
            Self::Vault(_) => "vault",
            Self::Import(ImportError::Cancelled) => "cancelled",
            Self::Import(_) => "import",
            Self::Handover(_) => "handover",
            Self::Report(_) => "report",
            Self::Damaged(_) => "damaged",
            Self::Busy(_) => "busy",
            Self::Conflict { .. } => "conflict",
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
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("AppError", 4)?;
        st.serialize_field("kind", self.kind())?;
        st.serialize_field("message", &self.to_string())?;
        st.serialize_field("fields", self.fields())?;
        // A conflict says who changed the record and when, for the form to show both.
        if let Self::Conflict { by, at, .. } = self {
            st.serialize_field("conflict", &serde_json::json!({ "by": by, "at": at }))?;
        } else {
            st.skip_field("conflict")?;
        }
        st.end()
    }
}

pub type AppResult<T> = Result<T, AppError>;
