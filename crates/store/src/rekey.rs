//! Changing a vault's key: a new passphrase, a switch between keychain and passphrase, or a
//! new recovery code. Every change gives the vault a new salt and key, so the recovery code
//! (which is the key) changes with it and the old one stops working.
//!
//! The vault is copied under the new key (`sqlcipher_export` into a `.rekey.partial` file),
//! the copy is read back whole, flushed, and renamed over the vault: interrupted at any
//! moment, the file on disk is the old vault with the old key or the new one with the new
//! key. A new keychain entry is written before the rename (under the new salt's name, so the
//! old one still works until then) and the old entry removed after it.

use crate::backup::{sync, verify};
use crate::error::{Result, StoreError};
use crate::keys::{KeySource, VaultKey};
use crate::lock::VaultLock;
use crate::recovery::RecoveryCode;
use crate::vault::{map_connect_error, options, read_salt};
use sea_orm::sqlx::Connection;
use sea_orm::sqlx::sqlite::SqliteConnection;
use std::path::{Path, PathBuf};

fn partial_of(vault: &Path) -> PathBuf {
    let mut name = vault.as_os_str().to_owned();
    name.push(".rekey.partial");
    PathBuf::from(name)
}

/// Re-encrypts the closed vault at `path`, opened with `current`, under a new key from
/// `next`; returns the new recovery code. Refused while anyone has the vault open.
pub async fn change_key(
    path: &Path,
    current: &KeySource,
    next: &KeySource,
) -> Result<RecoveryCode> {
    let _sole = VaultLock::sole(path)?;
    let old = current.existing_key(read_salt(path)?)?;
    let partial = partial_of(path);
    for suffix in ["", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    let new = next.new_key()?;
    match export(path, &old, &partial, &new).await {
        Ok(()) => {}
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            next.forget(&new);
            return Err(e);
        }
    }
    // The old vault was closed by its last connection with its WAL folded in, so nothing
    // beside it belongs to the file that replaces it.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::rename(&partial, path)?;
    sync(path)?;
    current.forget(&old);
    Ok(new.recovery_code())
}

async fn export(path: &Path, old: &VaultKey, partial: &Path, new: &VaultKey) -> Result<()> {
    // Allowed to create files, so that ATTACH can make the new one (the vault itself exists).
    let mut conn = SqliteConnection::connect_with(&options(path, old).create_if_missing(true))
        .await
        .map_err(map_connect_error)?;
    let exported = async {
        let run = |sql: &'static str| sea_orm::sqlx::query(sql);
        run("SELECT count(*) FROM sqlite_master")
            .fetch_one(&mut conn)
            .await
            .map_err(map_connect_error)?;
        run("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut conn)
            .await
            .map_err(map_connect_error)?;
        sea_orm::sqlx::query("ATTACH DATABASE ? AS rekeyed KEY ?")
            .bind(partial.to_string_lossy().into_owned())
            .bind(new.raw_text().to_string())
            .execute(&mut conn)
            .await
            .map_err(map_connect_error)?;
        run("SELECT sqlcipher_export('rekeyed')")
            .fetch_all(&mut conn)
            .await
            .map_err(map_connect_error)?;
        run("DETACH DATABASE rekeyed")
            .execute(&mut conn)
            .await
            .map_err(map_connect_error)?;
        Ok::<_, StoreError>(())
    }
    .await;
    let _ = conn.close().await;
    exported?;
    verify(partial, new).await?;
    sync(partial)
}

/// After a recovery on a new computer: keeps the vault's key (the recovery code) in this
/// computer's keychain, so it opens from now on without the code. The code stays valid.
pub async fn keep_in_keychain(
    path: &Path,
    code: &RecoveryCode,
    keychain: &KeySource,
) -> Result<()> {
    let key = KeySource::RecoveryCode(code.clone()).existing_key(read_salt(path)?)?;
    // Proves the code opens this vault before anything is stored.
    let mut conn = SqliteConnection::connect_with(&options(path, &key))
        .await
        .map_err(map_connect_error)?;
    let tried = sea_orm::sqlx::query("SELECT count(*) FROM sqlite_master")
        .fetch_one(&mut conn)
        .await
        .map_err(map_connect_error);
    let _ = conn.close().await;
    tried?;
    keychain.keep(&key)
}
