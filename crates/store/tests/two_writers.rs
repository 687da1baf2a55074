//! Two handles on one vault, as the window and the CLI are: each notices the other's
//! changes, and a save over a change it has not seen is refused, naming who made it.

mod common;

use common::*;
use dpadesk_model::VendorData;
use dpadesk_store::{StoreError, Vault};

#[tokio::test]
async fn a_second_writer_is_noticed_and_a_stale_save_refused() {
    let t = temp_vault().await;
    let window = &t.vault;
    let original = vendor("Vercom S.A.");
    window.insert(&original).await.unwrap();
    assert!(
        !window.changed_elsewhere().await.unwrap(),
        "its own write is not news"
    );

    let cli = Vault::open(&t.path, &passphrase()).await.unwrap();
    let mut theirs = cli.fetch::<VendorData>(original.id).await.unwrap();
    theirs.data.services = vec!["E-mail delivery".into()];
    theirs.updated_at = at(5);
    cli.update(&theirs, original.updated_at).await.unwrap();
    cli.close().await.unwrap();

    assert!(window.changed_elsewhere().await.unwrap());
    assert!(!window.changed_elsewhere().await.unwrap(), "told once");

    // The window's form still holds the version it opened.
    let mut mine = original.clone();
    mine.data.legal_name = "Vercom Spółka Akcyjna".into();
    mine.updated_at = at(6);
    let err = window.update(&mine, original.updated_at).await.unwrap_err();
    match &err {
        StoreError::Conflict {
            entity,
            by,
            at: when,
        } => {
            assert_eq!(*entity, "vendor");
            assert_eq!(by, window.actor());
            assert_eq!(*when, at(5));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        window.fetch::<VendorData>(original.id).await.unwrap(),
        theirs
    );
    // Keeping the user's version is a save from the version now stored.
    window.update(&mine, at(5)).await.unwrap();
    assert_eq!(window.fetch::<VendorData>(original.id).await.unwrap(), mine);
    t.vault.close().await.unwrap();
}
