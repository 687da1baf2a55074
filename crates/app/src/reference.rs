//! The reference dataset the transfer checks judge against: the one this build ships with,
//! or a newer file the user loaded into the vault (validated first; a bad or older file is
//! refused and the one in use stays).

use crate::error::{AppError, FieldError};
use crate::{App, AppResult};
use dpadesk_transfer::{Dataset, DatasetInfo};
use serde::Serialize;
use std::sync::Arc;
use ts_rs::TS;

/// What Settings shows about the dataset in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReferenceDataset {
    pub in_use: DatasetInfo,
    /// True when the dataset in use is a file the user loaded.
    pub loaded: bool,
    /// The dataset this build ships with.
    pub builtin: DatasetInfo,
}

fn refused(message: impl Into<String>) -> AppError {
    AppError::Invalid(vec![FieldError::new("file", message)])
}

impl App {
    /// The dataset in use: a loaded file newer than the built-in one, else the built-in one.
    pub async fn dataset(&self) -> AppResult<Arc<Dataset>> {
        if let Some(ds) = self.dataset.get() {
            return Ok(ds);
        }
        let builtin = Dataset::builtin();
        // A file kept by another release that this one cannot read, or one older than this
        // build's own, gives way to the built-in dataset; Settings shows which is in use.
        let loaded = self
            .vault
            .loaded_dataset()
            .await?
            .and_then(|text| Dataset::from_json(text.as_bytes()).ok())
            .filter(|ds| ds.date > builtin.date);
        let ds = Arc::new(loaded.unwrap_or(builtin));
        self.dataset.fill(ds.clone(), true);
        Ok(ds)
    }

    pub async fn reference_dataset(&self) -> AppResult<ReferenceDataset> {
        let builtin = Dataset::builtin().info();
        let in_use = self.dataset().await?.info();
        Ok(ReferenceDataset {
            loaded: in_use != builtin,
            in_use,
            builtin,
        })
    }

    /// Validates a dataset file and, when it is newer than the one in use, keeps it in the
    /// vault and uses it from now on.
    pub async fn load_dataset(&self, bytes: &[u8]) -> AppResult<ReferenceDataset> {
        // The shipped dataset is tens of kilobytes; a file far larger is something else.
        const MAX_BYTES: usize = 10 * 1024 * 1024;
        if bytes.len() > MAX_BYTES {
            return Err(refused(
                "This is not a reference dataset: the file is larger than 10 MB.",
            ));
        }
        let text = std::str::from_utf8(bytes)
            .map_err(|_| refused("This is not a reference dataset: the file is not UTF-8 text."))?;
        let ds = Dataset::from_json(text.as_bytes())
            .map_err(|e| refused(format!("This reference dataset cannot be used: {e}")))?;
        let current = self.dataset().await?;
        if ds.date <= current.date {
            return Err(refused(format!(
                "This reference dataset (version {}, {}) is not newer than the one in use (version {}, {}).",
                ds.version, ds.date, current.version, current.date
            )));
        }
        self.backup(dpadesk_store::BackupReason::BeforeDataset)
            .await?;
        self.vault
            .store_dataset(&ds.version, ds.date, text, self.now())
            .await?;
        self.dataset.fill(Arc::new(ds), true);
        self.finding_counts.forget(None);
        self.reference_dataset().await
    }

    /// Forgets a loaded dataset and goes back to the one this build ships with.
    pub async fn reset_dataset(&self) -> AppResult<ReferenceDataset> {
        self.vault.clear_dataset().await?;
        self.dataset.clear();
        self.finding_counts.forget(None);
        self.reference_dataset().await
    }
}
