//! The recovery code opens a vault with nothing but its file, and key changes swap the key
//! whole: the old key stops working, the new one works, the data stay.

mod common;

use common::*;
use dpadesk_model::{OrganisationData, VendorData};
use dpadesk_store::{KeySource, MemoryKeychain, RecoveryCode, StoreError, Vault, change_key};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn keychain() -> KeySource {
    KeySource::Keychain(Arc::new(MemoryKeychain::new()))
}

async fn vault_with_data(path: &Path, keys: &KeySource) -> RecoveryCode {
    let v = Vault::create(path, keys).await.expect("created");
    let org = organisation("Acme Sp. z o.o.", &[]);
    v.insert(&org).await.expect("org");
    v.insert(&vendor("Vercom S.A.")).await.expect("vendor");
    let code = v.recovery_code();
    v.close().await.expect("closed");
    code
}

async fn names(path: &Path, keys: &KeySource) -> Vec<String> {
    let v = Vault::open(path, keys).await.expect("opens");
    let orgs = v.list::<OrganisationData>().await.expect("orgs");
    let vendors = v.list::<VendorData>().await.expect("vendors");
    v.close().await.expect("closed");
    orgs.into_iter()
        .map(|o| o.data.name)
        .chain(vendors.into_iter().map(|v| v.data.legal_name))
        .collect()
}

/// The vault file alone, copied to another folder: a new computer.
fn moved(path: &Path, to: &tempfile::TempDir) -> PathBuf {
    let target = to.path().join("copied.dpadesk");
    std::fs::copy(path, &target).expect("copied");
    target
}

#[tokio::test]
async fn the_recovery_code_alone_opens_a_keychain_vault_on_another_computer() {
    let (here, there) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let path = here.path().join("v.dpadesk");
    let code = vault_with_data(&path, &keychain()).await;
    let copy = moved(&path, &there);

    let empty = keychain();
    let err = Vault::open(&copy, &empty).await.unwrap_err().to_string();
    assert!(err.contains("recovery code"), "{err}");

    let typed = RecoveryCode::parse(&code.display()).expect("parses");
    let with_code = KeySource::RecoveryCode(typed.clone());
    assert_eq!(
        names(&copy, &with_code).await,
        ["Acme Sp. z o.o.", "Vercom S.A."]
    );

    // Kept in this computer's keychain, it opens without the code, and the code still works.
    dpadesk_store::keep_in_keychain(&copy, &typed, &empty)
        .await
        .expect("kept");
    assert_eq!(names(&copy, &empty).await.len(), 2);
    assert_eq!(names(&copy, &with_code).await.len(), 2);
}

#[tokio::test]
async fn the_recovery_code_opens_a_passphrase_vault_and_a_new_passphrase_replaces_it() {
    let (here, there) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let path = here.path().join("v.dpadesk");
    let code = vault_with_data(&path, &passphrase()).await;
    let copy = moved(&path, &there);
    let with_code = KeySource::RecoveryCode(code.clone());
    assert_eq!(names(&copy, &with_code).await.len(), 2);

    let chosen = KeySource::passphrase("a new passphrase on the new laptop");
    let new_code = change_key(&copy, &with_code, &chosen)
        .await
        .expect("changed");
    assert_ne!(new_code, code);
    assert_eq!(names(&copy, &chosen).await.len(), 2);
    assert_eq!(
        names(&copy, &KeySource::RecoveryCode(new_code)).await.len(),
        2
    );
    for old in [with_code, passphrase()] {
        let err = Vault::open(&copy, &old).await.unwrap_err();
        assert!(matches!(err, StoreError::WrongKey), "{err}");
    }
}

#[tokio::test]
async fn every_key_change_keeps_the_data_and_retires_the_old_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.dpadesk");
    let store = Arc::new(MemoryKeychain::new());
    let chain = KeySource::Keychain(store.clone());
    let first_code = vault_with_data(&path, &chain).await;
    let first_account = dpadesk_store::keys::keychain_account_of(&path).unwrap();

    // keychain → passphrase: the old keychain entry goes.
    let pass = KeySource::passphrase("switch to a passphrase");
    let code2 = change_key(&path, &chain, &pass)
        .await
        .expect("to passphrase");
    assert!(
        dpadesk_store::SecretStore::get(&*store, &first_account)
            .unwrap()
            .is_none()
    );
    assert_eq!(names(&path, &pass).await.len(), 2);

    // passphrase → another passphrase.
    let pass2 = KeySource::passphrase("and another one");
    let code3 = change_key(&path, &pass, &pass2)
        .await
        .expect("new passphrase");
    assert!(matches!(
        Vault::open(&path, &pass).await.unwrap_err(),
        StoreError::WrongKey
    ));

    // passphrase → keychain, then a new recovery code with the keychain kept.
    let code4 = change_key(&path, &pass2, &chain)
        .await
        .expect("to keychain");
    let code5 = change_key(&path, &chain, &chain).await.expect("new code");
    assert_eq!(names(&path, &chain).await.len(), 2);
    let codes = [first_code, code2, code3, code4, code5.clone()];
    for (i, old) in codes[..4].iter().enumerate() {
        let err = Vault::open(&path, &KeySource::RecoveryCode(old.clone()))
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::WrongKey), "code {i}: {err}");
    }
    assert_eq!(names(&path, &KeySource::RecoveryCode(code5)).await.len(), 2);

    // The audit log goes on where it was: nothing was lost or renumbered.
    let v = Vault::open(&path, &chain).await.unwrap();
    v.insert(&vendor("After the changes")).await.unwrap();
    let log = v
        .changes_until(chrono::Utc::now() + chrono::Duration::days(3650))
        .await
        .unwrap();
    let seqs: Vec<_> = log.iter().map(|e| e.seq).collect();
    assert_eq!(seqs.len(), 3);
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    v.close().await.unwrap();
}

#[tokio::test]
async fn a_key_change_is_refused_while_the_vault_is_open_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.dpadesk");
    vault_with_data(&path, &passphrase()).await;
    let open = Vault::open(&path, &passphrase()).await.unwrap();
    let err = change_key(&path, &passphrase(), &KeySource::passphrase("other"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy(_)), "{err}");
    open.close().await.unwrap();
    // Refused, it changed nothing.
    assert_eq!(names(&path, &passphrase()).await.len(), 2);
}

#[tokio::test]
async fn a_wrong_current_key_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.dpadesk");
    vault_with_data(&path, &passphrase()).await;
    let before = std::fs::read(&path).unwrap();
    let err = change_key(
        &path,
        &KeySource::passphrase("wrong"),
        &KeySource::passphrase("new"),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, StoreError::WrongKey), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("v.dpadesk.rekey.partial").exists());
}
