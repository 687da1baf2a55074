//! Against the real OS keychain (Secret Service on Linux). `make test` runs the tests inside
//! a private D-Bus session with an unlocked gnome-keyring, so nothing touches the user's own.

mod common;

use common::organisation;
use dpadesk_model::OrganisationData;
use dpadesk_store::keys::keychain_account_of;
use dpadesk_store::{KeySource, OsKeychain, SecretStore, StoreError, Vault};

#[tokio::test]
async fn a_vault_keyed_in_the_os_keychain_reopens_from_it() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("keychain.dpadesk");
    let vault = Vault::create(&path, &KeySource::os_keychain())
        .await
        .expect("the OS keychain must be reachable: run inside `make test` or a desktop session");
    vault
        .insert(&organisation("Keychain Sp. z o.o.", &[]))
        .await
        .expect("insert");
    vault.close().await.expect("close");

    let account = keychain_account_of(&path).expect("account");
    let stored = OsKeychain
        .get(&account)
        .expect("keychain read")
        .expect("the key is in the keychain");
    assert_eq!(stored.len(), 64, "a 256-bit key in hex");

    let reopened = Vault::open(&path, &KeySource::os_keychain())
        .await
        .expect("reopens from the keychain");
    let orgs = reopened.list::<OrganisationData>().await.expect("list");
    assert_eq!(orgs[0].name, "Keychain Sp. z o.o.");
    reopened.close().await.expect("close");

    OsKeychain.delete(&account).expect("remove the key");
    let err = Vault::open(&path, &KeySource::os_keychain())
        .await
        .expect_err("key gone");
    assert!(matches!(err, StoreError::KeyUnavailable(_)), "{err:?}");
}
