//! The vault file, its WAL and its shared-memory file never hold register data in clear,
//! and a wrong key opens nothing and changes nothing.

mod common;

use common::*;
use dpadesk_model::OrganisationData;
use dpadesk_store::{KeySource, MemoryKeychain, StoreError, Vault};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;

const MARKER: &str = "MARKER-7f3a9c1e-Zażółć-gęślą-jaźń";

fn files_of(path: &Path) -> Vec<(String, Vec<u8>)> {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| {
            let p = format!("{}{s}", path.display());
            std::fs::read(&p).ok().map(|b| (p, b))
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn assert_no_marker(path: &Path) {
    let files = files_of(path);
    assert!(!files.is_empty());
    for (name, bytes) in files {
        assert!(
            !contains(&bytes, MARKER.as_bytes()),
            "{name} holds the marker in clear"
        );
        assert!(
            !contains(&bytes, b"SQLite format 3"),
            "{name} has a plain SQLite header"
        );
    }
}

fn digest_dir(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| {
            let e = e.expect("entry");
            let bytes = std::fs::read(e.path()).expect("read");
            (
                e.file_name().to_string_lossy().into_owned(),
                hex::encode(Sha256::digest(bytes)),
            )
        })
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn register_data_is_never_in_clear_on_disk() {
    let t = temp_vault().await;
    let mut org = organisation("Acme", &[]);
    org.data = OrganisationData {
        name: MARKER.into(),
        notes: MARKER.repeat(50),
        ..org.data
    };
    t.vault.insert(&org).await.expect("insert");
    // While open, the change sits in the WAL.
    assert_no_marker(&t.path);
    t.vault.close().await.expect("close");
    assert_no_marker(&t.path);
    let again = Vault::open(&t.path, &passphrase()).await.expect("reopen");
    let read = again
        .fetch::<OrganisationData>(org.id)
        .await
        .expect("read back");
    assert_eq!(read.name, MARKER);
    again.close().await.expect("closed");
}

#[tokio::test]
async fn wrong_passphrase_is_refused_and_changes_nothing() {
    let t = temp_vault().await;
    t.vault
        .insert(&organisation("Acme", &[]))
        .await
        .expect("insert");
    t.vault.close().await.expect("close");
    let before = digest_dir(t.dir.path());

    let err = Vault::open(&t.path, &KeySource::passphrase("not the passphrase"))
        .await
        .expect_err("must fail");
    assert!(matches!(err, StoreError::WrongKey), "{err:?}");
    assert!(
        err.to_string().contains("does not open this vault"),
        "{err}"
    );

    assert_eq!(before, digest_dir(t.dir.path()), "the vault folder changed");
}

#[tokio::test]
async fn keychain_vault_needs_its_keychain_entry() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("k.dpadesk");
    let keychain = KeySource::Keychain(Arc::new(MemoryKeychain::new()));
    let vault = Vault::create(&path, &keychain).await.expect("create");
    vault
        .insert(&organisation("Keyed", &[]))
        .await
        .expect("insert");
    vault.close().await.expect("close");

    let reopened = Vault::open(&path, &keychain)
        .await
        .expect("same keychain opens it");
    assert_eq!(
        reopened
            .list::<OrganisationData>()
            .await
            .expect("list")
            .len(),
        1
    );
    reopened.close().await.expect("close");

    let before = digest_dir(dir.path());
    let other = KeySource::Keychain(Arc::new(MemoryKeychain::new()));
    let err = Vault::open(&path, &other)
        .await
        .expect_err("another keychain has no key");
    assert!(matches!(err, StoreError::KeyUnavailable(_)), "{err:?}");
    let err = Vault::open(&path, &passphrase())
        .await
        .expect_err("a passphrase is not its key");
    assert!(matches!(err, StoreError::WrongKey), "{err:?}");
    assert_eq!(before, digest_dir(dir.path()));
}

#[tokio::test]
async fn not_a_vault_and_missing_vault_get_clear_errors() {
    let dir = tempfile::tempdir().expect("dir");
    let missing = Vault::open(&dir.path().join("none.dpadesk"), &passphrase())
        .await
        .expect_err("missing");
    assert!(
        matches!(missing, StoreError::VaultMissing(_)),
        "{missing:?}"
    );

    let tiny = dir.path().join("tiny.dpadesk");
    std::fs::write(&tiny, b"hello").expect("write");
    let err = Vault::open(&tiny, &passphrase())
        .await
        .expect_err("too small");
    assert!(matches!(err, StoreError::NotAVault(_)), "{err:?}");

    let junk = dir.path().join("junk.dpadesk");
    std::fs::write(&junk, vec![0x5a; 8192]).expect("write");
    let err = Vault::open(&junk, &passphrase())
        .await
        .expect_err("random bytes");
    assert!(matches!(err, StoreError::WrongKey), "{err:?}");
    assert_eq!(std::fs::read(&junk).expect("read"), vec![0x5a; 8192]);

    let t = temp_vault().await;
    let exists = Vault::create(&t.path, &passphrase())
        .await
        .expect_err("exists");
    assert!(matches!(exists, StoreError::VaultExists(_)), "{exists:?}");
    t.vault.close().await.expect("closed");
}
