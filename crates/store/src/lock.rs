//! Who else has the vault open. Every handle holds a shared lock on a small file beside the
//! vault (`NAME.lock`, empty); replacing the vault file (a key change, a restore) needs the
//! lock alone, so it never happens under another process that would go on writing to the
//! replaced file. A file of its own rather than the vault: on Windows a lock on the vault
//! itself would collide with SQLite's own byte-range locks.

use crate::error::{Result, StoreError};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub(crate) struct VaultLock {
    _file: File,
}

pub(crate) fn lock_path(vault: &Path) -> PathBuf {
    let mut name = vault.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn lock_file(vault: &Path) -> Result<File> {
    Ok(OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(vault))?)
}

impl VaultLock {
    /// Taken by every handle that opens the vault; only a sole user waits on it.
    pub(crate) fn shared(vault: &Path) -> Result<Self> {
        let file = lock_file(vault)?;
        match file.try_lock_shared() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(replacing()),
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }

    /// Taken to replace the vault file: refused while anyone else has it open.
    pub(crate) fn sole(vault: &Path) -> Result<Self> {
        let file = lock_file(vault)?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Busy(
                "The vault is open in another DPA Desk window or command. Close it there, then try again."
                    .into(),
            )),
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }
}

fn replacing() -> StoreError {
    StoreError::Busy(
        "The vault is being replaced (a key change or a restore is running). Try again in a moment."
            .into(),
    )
}
