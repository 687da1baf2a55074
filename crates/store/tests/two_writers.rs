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

/// The window looks for changes every few seconds while it saves: a look that falls in the
/// middle of its own save must not take that save for someone else's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn its_own_writes_are_never_news_however_the_looks_fall() {
    let t = temp_vault().await;
    let vault = std::sync::Arc::new(t.vault);
    let writer = {
        let vault = vault.clone();
        tokio::spawn(async move {
            for i in 0..150 {
                vault.insert(&vendor(&format!("Vendor {i}"))).await.unwrap();
            }
        })
    };
    let mut news = 0;
    while !writer.is_finished() {
        news += usize::from(vault.changed_elsewhere().await.unwrap());
        tokio::task::yield_now().await;
    }
    writer.await.unwrap();
    news += usize::from(vault.changed_elsewhere().await.unwrap());
    assert_eq!(news, 0, "its own writes were taken for changes elsewhere");
}
