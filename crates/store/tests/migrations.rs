//! Vaults written by earlier releases open and migrate. Each release adds its fixture
//! (written by `cargo run -p dpadesk-store --example write_fixture`).

use dpadesk_model::{OrganisationData, VendorData};
use dpadesk_store::{KeySource, Vault};
use std::path::PathBuf;

const FIXTURE_PASSPHRASE: &str = "fixture passphrase";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[tokio::test]
async fn vault_from_0_1_opens_and_reads() {
    let dir = tempfile::tempdir().expect("dir");
    let copy = dir.path().join("v0.1.dpadesk");
    std::fs::copy(fixture("vault-0.1.dpadesk"), &copy).expect("copy fixture");
    let vault = Vault::open(&copy, &KeySource::passphrase(FIXTURE_PASSPHRASE))
        .await
        .expect("opens");
    let orgs = vault.list::<OrganisationData>().await.expect("orgs");
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].name, "Fixture Sp. z o.o.");
    let vendors = vault.list::<VendorData>().await.expect("vendors");
    assert_eq!(vendors[0].legal_name, "Fixture Vendor GmbH");
    assert_eq!(
        vault
            .activities_of(orgs[0].id)
            .await
            .expect("activities")
            .len(),
        1
    );
    // The entries the old release wrote now name their organisation: its past register is
    // rebuilt from them alone.
    let far = chrono::Utc::now() + chrono::Duration::days(3650);
    let own = vault
        .organisation_changes_until(orgs[0].id, far)
        .await
        .expect("its history");
    let kinds: Vec<_> = own.iter().map(|e| e.entity).collect();
    assert!(
        kinds.contains(&dpadesk_model::EntityKind::Organisation)
            && kinds.contains(&dpadesk_model::EntityKind::Activity),
        "{kinds:?}"
    );
    assert!(
        vault
            .organisation_changes_until(dpadesk_model::Id::new(), far)
            .await
            .expect("another's")
            .iter()
            .all(|e| !kinds_owned(e.entity)),
        "another organisation's history holds none of its records"
    );
    // Closed before the process ends: SQLCipher's exit handler must not meet a closing pool.
    vault.close().await.expect("closed");

    // The migration was preceded by a backup of the vault as the old release left it.
    let place = dpadesk_store::BackupPlace::beside(&copy);
    let backups = dpadesk_store::backup::list(&copy, &place.dir).expect("listed");
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(
        backups[0].reason,
        dpadesk_store::BackupReason::BeforeMigration
    );
    let kept = backups[0]
        .contents(&KeySource::passphrase(FIXTURE_PASSPHRASE))
        .await
        .expect("the backup opens");
    assert_eq!((kept.organisations, kept.activities), (1, 1));
    // Opened again, nothing is left to migrate and no second backup is made.
    let again = Vault::open(&copy, &KeySource::passphrase(FIXTURE_PASSPHRASE))
        .await
        .expect("opens again");
    again.close().await.expect("closed");
    assert_eq!(
        dpadesk_store::backup::list(&copy, &place.dir)
            .unwrap()
            .len(),
        1
    );
}

fn kinds_owned(kind: dpadesk_model::EntityKind) -> bool {
    use dpadesk_model::EntityKind::*;
    matches!(kind, Organisation | Activity | ProcessorRecord | Dpa | Tia)
}
