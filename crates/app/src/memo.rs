//! Results kept in memory between calls (the search index, every activity, the changed
//! subprocessor lists) so a screen does not reload the vault after each edit. Each is
//! cleared or updated by the change that affects it; a load that a change overtook is not
//! kept, since it may have missed that change. One load runs at a time: the screens the
//! window asks for together (the home screen's summaries and transfer counts) wait for the
//! same load instead of each reading the whole vault.

use std::sync::Mutex;

#[derive(Debug)]
pub(crate) struct Memo<T> {
    value: Mutex<Option<T>>,
    loading: tokio::sync::Mutex<()>,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Self {
            value: Mutex::new(None),
            loading: tokio::sync::Mutex::new(()),
        }
    }
}

impl<T: Clone> Memo<T> {
    pub(crate) fn get(&self) -> Option<T> {
        self.value.lock().ok()?.clone()
    }

    /// Held while loading; whoever waited for it finds the value kept (see `App::memoised`).
    pub(crate) async fn loading(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.loading.lock().await
    }

    /// Keeps a fresh load unless a change landed while it ran (`unchanged` false).
    pub(crate) fn fill(&self, value: T, unchanged: bool) {
        if let Ok(mut slot) = self.value.lock()
            && unchanged
        {
            *slot = Some(value);
        }
    }

    /// Changes the kept value in place; nothing happens when none is kept.
    pub(crate) fn update(&self, change: impl FnOnce(&mut T)) {
        if let Ok(mut slot) = self.value.lock()
            && let Some(value) = slot.as_mut()
        {
            change(value);
        }
    }

    pub(crate) fn clear(&self) {
        if let Ok(mut slot) = self.value.lock() {
            *slot = None;
        }
    }
}
