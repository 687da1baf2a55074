//! Backups are whole, verified copies that restore every record; a damaged vault says so in
//! plain words instead of failing somewhere later.

mod common;

use chrono::Utc;
use common::*;
use dpadesk_model::{ActivityData, OrganisationData, VendorData};
use dpadesk_store::backup::{list, restore};
use dpadesk_store::{BackupPlace, BackupReason, StoreError, Vault};
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

async fn filled(path: &Path) -> Vault {
    let v = Vault::create(path, &passphrase()).await.expect("created");
    let m = measure("Encrypted backups");
    v.insert(&m).await.unwrap();
    let org = organisation("Acme Sp. z o.o.", &[m.id]);
    v.insert(&org).await.unwrap();
    let ven = vendor("Vercom S.A.");
    v.insert(&ven).await.unwrap();
    // Enough rows that the file spans many pages.
    for _ in 0..40 {
        v.insert(&activity(org.id, ven.id, &[m.id])).await.unwrap();
    }
    v
}

async fn count_activities(path: &Path) -> usize {
    let v = Vault::open(path, &passphrase()).await.expect("opens");
    let n = v.list::<ActivityData>().await.unwrap().len();
    v.close().await.unwrap();
    n
}

#[tokio::test]
async fn a_backup_is_verified_listed_pruned_and_restores_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.dpadesk");
    let place = BackupPlace {
        dir: dir.path().join("elsewhere"),
        keep: 2,
    };
    let v = filled(&path).await;
    let first = v
        .backup(&place, BackupReason::Manual, Utc::now())
        .await
        .unwrap();
    assert!(first.size > 0);
    let contents = first.contents(&passphrase()).await.unwrap();
    assert_eq!((contents.organisations, contents.activities), (1, 40));

    // Changed after the backup: the restore brings the earlier state back.
    let orgs = v.list::<OrganisationData>().await.unwrap();
    v.insert(&vendor("Added later")).await.unwrap();
    for later in 1..=2 {
        v.backup(
            &place,
            BackupReason::Daily,
            Utc::now() + chrono::Duration::seconds(later),
        )
        .await
        .unwrap();
    }
    // Refused while the vault is open here.
    let busy = restore(&path, &first.path, &passphrase(), &place, Utc::now()).await;
    assert!(matches!(busy, Err(StoreError::Busy(_))), "{busy:?}");
    v.close().await.unwrap();

    let kept = list(&path, &place.dir).unwrap();
    assert_eq!(kept.len(), 2, "only the newest two are kept");
    assert!(kept.iter().all(|b| b.reason == BackupReason::Daily));
    assert!(kept[0].made_at > kept[1].made_at);
    // A backup opened to look something up refuses changes.
    let copy = dir.path().join("look.dpadesk");
    let look = Vault::open_backup(&kept[1].path, &copy, &passphrase())
        .await
        .unwrap();
    assert_eq!(look.list::<VendorData>().await.unwrap().len(), 2);
    let refused = look.insert(&vendor("Not here")).await;
    assert!(matches!(refused, Err(StoreError::ReadOnly)), "{refused:?}");
    look.close().await.unwrap();

    let aside = restore(&path, &kept[1].path, &passphrase(), &place, Utc::now())
        .await
        .unwrap();
    assert_eq!(aside.reason, BackupReason::BeforeRestore);
    let v = Vault::open(&path, &passphrase()).await.unwrap();
    assert_eq!(v.list::<OrganisationData>().await.unwrap(), orgs);
    assert_eq!(v.list::<ActivityData>().await.unwrap().len(), 40);
    v.close().await.unwrap();
    // The vault as it was before the restore is itself a backup that opens.
    assert_eq!(aside.contents(&passphrase()).await.unwrap().activities, 40);
}

fn damage(path: &Path, f: impl FnOnce(&mut std::fs::File, u64)) {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .unwrap();
    let len = file.metadata().unwrap().len();
    f(&mut file, len);
    file.sync_all().unwrap();
}

async fn damaged_copy(
    dir: &Path,
    name: &str,
    f: impl FnOnce(&mut std::fs::File, u64),
) -> std::path::PathBuf {
    let path = dir.join(name);
    let v = filled(&path).await;
    v.close().await.unwrap();
    damage(&path, f);
    path
}

/// Opens, and reads every record: the damage must show as `Damaged`, at open or on
/// examination, never as a driver's error.
async fn damage_found(path: &Path) -> String {
    match Vault::open(path, &passphrase()).await {
        Err(e) => {
            assert!(matches!(e, StoreError::Damaged(_)), "{e:?}");
            e.to_string()
        }
        Ok(v) => {
            let report = v.examine().await;
            let read = v.list::<ActivityData>().await;
            v.close().await.unwrap();
            match (report, read) {
                (Ok(r), _) if !r.is_sound() => format!("{r:?}"),
                (Err(e), _) | (_, Err(e)) => {
                    assert!(matches!(e, StoreError::Damaged(_)), "{e:?}");
                    e.to_string()
                }
                (Ok(_), Ok(_)) => panic!("{} reads as sound", path.display()),
            }
        }
    }
}

#[tokio::test]
async fn a_truncated_vault_is_damaged_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_copy(dir.path(), "cut.dpadesk", |f, len| {
        f.set_len(len / 2).unwrap()
    })
    .await;
    let err = Vault::open(&path, &passphrase()).await.unwrap_err();
    assert!(matches!(err, StoreError::Damaged(_)), "{err:?}");
    assert!(err.to_string().contains("cut short"), "{err}");
}

#[tokio::test]
async fn a_page_zeroed_in_the_middle_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_copy(dir.path(), "zeroed.dpadesk", |f, len| {
        let page = 4096;
        let middle = (len / page / 2) * page;
        f.seek(SeekFrom::Start(middle)).unwrap();
        f.write_all(&vec![0u8; page as usize]).unwrap();
    })
    .await;
    let said = damage_found(&path).await;
    assert!(!said.contains("code: 11"), "{said}");
}

#[tokio::test]
async fn a_damaged_header_is_not_a_driver_error() {
    let dir = tempfile::tempdir().unwrap();
    // Past the salt: the first page's encrypted content.
    let path = damaged_copy(dir.path(), "header.dpadesk", |f, _| {
        f.seek(SeekFrom::Start(40)).unwrap();
        f.write_all(&[0xAB; 64]).unwrap();
    })
    .await;
    let err = Vault::open(&path, &passphrase()).await.unwrap_err();
    // The first page fails its HMAC exactly as a wrong key does; the app tells them apart
    // with a backup that the same key opens.
    assert!(
        matches!(err, StoreError::WrongKey | StoreError::Damaged(_)),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_sound_vault_examines_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fine.dpadesk");
    let v = filled(&path).await;
    let report = v.examine().await.unwrap();
    assert!(report.is_sound(), "{report:?}");
    v.close().await.unwrap();
    assert_eq!(count_activities(&path).await, 40);
}
