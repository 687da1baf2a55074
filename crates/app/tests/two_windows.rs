//! The window and the CLI on one vault, as the app sees it: another process's change is
//! noticed and the caches follow it; a form saved over a version it did not see is refused
//! with who changed it; the day's first open makes one backup.

use dpadesk_app::session::{
    create_vault, daily_backup_logged, key_source, open_vault, open_vault_quickly,
};
use dpadesk_app::{AppError, backups};
use dpadesk_model::*;

fn org(name: &str) -> OrganisationData {
    OrganisationData {
        name: name.into(),
        country: Some("PL".parse().expect("PL")),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_second_writer_is_seen_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.dpadesk");
    let keys = key_source(Some("pass phrase".into()));
    let window = create_vault(&path, &keys).await.unwrap();
    let acme = window.create(org("Acme Sp. z o.o.")).await.unwrap();
    // The window has read the register (its caches are full).
    assert_eq!(window.search("Acme").await.unwrap().len(), 1);
    assert!(!window.refresh_if_changed_elsewhere().await.unwrap());

    let cli = open_vault(&path, &keys).await.unwrap();
    let mut theirs = cli.get::<OrganisationData>(acme.id).await.unwrap();
    theirs.data.name = "Acme Polska Sp. z o.o.".into();
    let theirs = cli
        .update_seen(acme.id, theirs.data, theirs.updated_at)
        .await
        .unwrap();
    cli.create(org("Second Client")).await.unwrap();
    cli.close().await.unwrap();

    assert!(window.refresh_if_changed_elsewhere().await.unwrap());
    assert_eq!(
        window.search("Second Client").await.unwrap().len(),
        1,
        "the search follows"
    );

    // The window's form was opened before the CLI's change.
    let mut mine = acme.data.clone();
    mine.address = "ul. Prosta 1, Warszawa".into();
    let err = window
        .update_seen(acme.id, mine.clone(), acme.updated_at)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), dpadesk_app::error::ErrorKind::Conflict);
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["conflict"]["by"], window.vault().actor());
    assert!(
        json["message"].as_str().unwrap().contains("changed by"),
        "{json}"
    );
    let stored = window.get::<OrganisationData>(acme.id).await.unwrap();
    assert_eq!(stored.data.name, "Acme Polska Sp. z o.o.");
    // "Keep mine": saved again over the version now stored.
    let kept = window
        .update_seen(acme.id, mine, theirs.updated_at)
        .await
        .unwrap();
    assert_eq!(kept.data.address, "ul. Prosta 1, Warszawa");
    assert!(matches!(
        window
            .update_seen(acme.id, kept.data.clone(), acme.updated_at)
            .await,
        Err(AppError::Conflict { .. })
    ));
    window.close().await.unwrap();
}

#[tokio::test]
async fn the_days_first_open_makes_one_backup_and_an_import_another() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.dpadesk");
    let keys = key_source(Some("pass phrase".into()));
    let app = create_vault(&path, &keys).await.unwrap();
    let acme = app.create(org("Acme Sp. z o.o.")).await.unwrap();
    let handover = app.export_organisation(acme.id).await.unwrap();
    app.close().await.unwrap();
    // The window opens without waiting for the copy, and makes it once it has read ahead.
    let window = open_vault_quickly(&path, &keys).await.unwrap();
    assert!(backups::list(&path, &keys).await.unwrap().is_empty());
    daily_backup_logged(&window).await;
    window.close().await.unwrap();
    assert_eq!(backups::list(&path, &keys).await.unwrap().len(), 1);
    for _ in 0..2 {
        open_vault(&path, &keys)
            .await
            .unwrap()
            .close()
            .await
            .unwrap();
    }
    let listed = backups::list(&path, &keys).await.unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].reason, "daily");
    assert_eq!(listed[0].organisations, Some(1));

    let other = dir.path().join("other.dpadesk");
    let app = create_vault(&other, &keys).await.unwrap();
    app.import_organisation(&handover).await.unwrap();
    let made = backups::list(&other, &keys).await.unwrap();
    assert_eq!(made[0].reason, "before_import");
    assert_eq!(
        made[0].organisations,
        Some(0),
        "the backup is of the vault before the import"
    );
    app.close().await.unwrap();
}
