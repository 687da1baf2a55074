//! Results kept in memory between calls (the search index, every activity, the changed
//! subprocessor lists) so a screen does not reload the vault after each edit. Each is
//! cleared or updated by the change that affects it; a load that a change overtook is not
//! kept, since it may have missed that change.

use std::sync::Mutex;

#[derive(Debug)]
pub(crate) struct Memo<T>(Mutex<Option<T>>);

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Self(Mutex::new(None))
    }
}

impl<T: Clone> Memo<T> {
    pub(crate) fn get(&self) -> Option<T> {
        self.0.lock().ok()?.clone()
    }

    /// Keeps a fresh load unless a change landed while it ran (`unchanged` false).
    pub(crate) fn fill(&self, value: T, unchanged: bool) {
        if let Ok(mut slot) = self.0.lock()
            && unchanged
        {
            *slot = Some(value);
        }
    }

    /// Changes the kept value in place; nothing happens when none is kept.
    pub(crate) fn update(&self, change: impl FnOnce(&mut T)) {
        if let Ok(mut slot) = self.0.lock()
            && let Some(value) = slot.as_mut()
        {
            change(value);
        }
    }

    pub(crate) fn clear(&self) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = None;
        }
    }
}
