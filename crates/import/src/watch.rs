//! Progress and cancellation for long reads, without tying the crate to a runtime.

use crate::{ImportError, ImportResult};
use std::sync::atomic::{AtomicBool, Ordering};

/// Passed down to the readers: they report progress (0.0–1.0) and stop when cancelled.
#[derive(Default)]
pub struct Watch<'a> {
    pub cancel: Option<&'a AtomicBool>,
    pub progress: Option<&'a (dyn Fn(f32) + Sync)>,
}

impl std::fmt::Debug for Watch<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch").finish_non_exhaustive()
    }
}

impl Watch<'_> {
    /// Reports progress and returns `Cancelled` once the user has cancelled.
    pub fn step(&self, done: f32) -> ImportResult<()> {
        if let Some(report) = self.progress {
            report(done.clamp(0.0, 1.0));
        }
        self.check()
    }

    pub fn check(&self) -> ImportResult<()> {
        match self.cancel {
            Some(flag) if flag.load(Ordering::Relaxed) => Err(ImportError::Cancelled),
            _ => Ok(()),
        }
    }
}
