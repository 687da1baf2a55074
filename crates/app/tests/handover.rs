//! The organisation file: exported, imported into an empty vault and exported again, it
//! comes out byte for byte the same; a file that is unfit, or an organisation the vault
//! already holds, is refused with a message that says why, and the vault is left as it was.

use chrono::{DateTime, Utc};
use dpadesk_app::session::{create_vault, key_source};
use dpadesk_app::{App, AppError};
use dpadesk_model::*;
use serde_json::Value;
use std::path::Path;

async fn vault(dir: &Path, name: &str) -> App {
    create_vault(&dir.join(name), &key_source(Some("pass phrase".into())))
        .await
        .expect("vault")
}

async fn organisation(app: &App, role: OrgRole) -> Organisation {
    app.list::<OrganisationData>()
        .await
        .expect("organisations")
        .into_iter()
        .find(|o| o.data.role == role)
        .expect("a sample organisation")
}

async fn vendor(app: &App, legal_name: &str) -> Vendor {
    app.find_vendor(legal_name).await.expect("a sample vendor")
}

/// The sample, plus what it lacks for a full handover: a signed document on a DPA, a second
/// version of a list with an entry matched to a vendor the shop does not use itself, and an
/// update in the organisation's history.
const PAGE: &[u8] =
    b"| Subprocessor | Country |\n|---|---|\n| Amazon Web Services EMEA SARL | Luxembourg |\n";

async fn sample(dir: &Path) -> App {
    let app = vault(dir, "source.dpadesk").await;
    app.load_sample().await.expect("sample");
    let shop = organisation(&app, OrgRole::Controller).await;
    let emaillabs = vendor(&app, "Vercom S.A.").await;
    let dpa = app
        .dpas_of(shop.id)
        .await
        .expect("dpas")
        .into_iter()
        .find(|d| d.vendor_id == emaillabs.id)
        .expect("the EmailLabs DPA");
    app.attach_dpa_document(dpa.id, "Umowa powierzenia.pdf", b"%PDF-1.7 signed")
        .await
        .expect("document");
    let aws = vendor(&app, "Amazon Web Services EMEA SARL").await;
    let first = app
        .subprocessor_lists_of(emaillabs.id)
        .await
        .expect("lists")
        .pop()
        .expect("the EmailLabs list");
    let mut entries = first.data.entries.clone();
    for e in &mut entries {
        if e.name == aws.legal_name {
            e.vendor_id = Some(aws.id);
        }
    }
    // The second version was fetched from the vendor's page, which is kept as its evidence.
    let page = app
        .vault()
        .store_document(
            "subprocessors.md",
            "text/plain; charset=utf-8",
            PAGE,
            "2026-11-20T08:00:00Z".parse().expect("time"),
        )
        .await
        .expect("the fetched page");
    app.create(SubprocessorListData {
        evidence: Some(page.id),
        received_on: Some("2026-11-20".parse().expect("date")),
        source: "https://emaillabs.io/subprocessors".into(),
        content_hash: page.sha256.clone(),
        entries,
        ..first.data
    })
    .await
    .expect("a second version");
    app.update(
        shop.id,
        OrganisationData {
            notes: "Handed over to the new DPO in December.".into(),
            ..shop.data
        },
    )
    .await
    .expect("update");
    app
}

/// Records of every kind, and audit entries, in the vault.
async fn counts(app: &App) -> Vec<usize> {
    let end: DateTime<Utc> = "9999-12-31T23:59:59Z".parse().expect("time");
    vec![
        app.list::<OrganisationData>().await.expect("count").len(),
        app.list::<ActivityData>().await.expect("count").len(),
        app.list::<ProcessorRecordData>()
            .await
            .expect("count")
            .len(),
        app.list::<VendorData>().await.expect("count").len(),
        app.list::<DpaData>().await.expect("count").len(),
        app.list::<SubprocessorListData>()
            .await
            .expect("count")
            .len(),
        app.list::<MeasureData>().await.expect("count").len(),
        app.list::<TiaData>().await.expect("count").len(),
        app.vault().changes_until(end).await.expect("count").len(),
    ]
}

/// Where two exports part, for a readable failure.
fn same_bytes(expected: &[u8], actual: &[u8], what: &str) {
    if expected == actual {
        return;
    }
    let (a, b) = (
        String::from_utf8_lossy(expected),
        String::from_utf8_lossy(actual),
    );
    let line = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(a.lines().count().min(b.lines().count()));
    panic!(
        "{what}: the exports differ from line {}:\n{:?}\n{:?}",
        line + 1,
        a.lines().nth(line),
        b.lines().nth(line)
    );
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("the export is JSON")
}

#[tokio::test]
async fn an_export_imported_into_an_empty_vault_exports_to_the_same_bytes() {
    let dir = tempfile::tempdir().expect("dir");
    let source = sample(dir.path()).await;
    let shop = organisation(&source, OrgRole::Controller).await;
    let processor = organisation(&source, OrgRole::Processor).await;
    let shop_file = source.export_organisation(shop.id).await.expect("export");
    assert_eq!(
        shop_file,
        source.export_organisation(shop.id).await.expect("export"),
        "the same vault gives the same bytes"
    );
    let doc = json(&shop_file);
    assert_eq!(doc["format"], "dpadesk-organisation");
    assert_eq!(doc["version"], 1);
    assert!(doc.get("exported_at").is_none());
    let emaillabs = vendor(&source, "Vercom S.A.").await;
    let versions = doc["subprocessor_lists"]
        .as_array()
        .expect("lists")
        .iter()
        .filter(|l| l["vendor_id"] == emaillabs.id.to_string())
        .count();
    assert_eq!(versions, 2, "every version of a vendor's list");
    let aws = vendor(&source, "Amazon Web Services EMEA SARL").await;
    assert!(
        doc["vendors"]
            .as_array()
            .expect("vendors")
            .iter()
            .any(|v| v["id"] == aws.id.to_string()),
        "a vendor reached only through a list entry travels with it"
    );

    let target = vault(dir.path(), "target.dpadesk").await;
    let summary = target
        .import_organisation(&shop_file)
        .await
        .expect("import");
    assert_eq!(summary.organisation_id, shop.id);
    assert_eq!(summary.activities, 5);
    assert_eq!(summary.dpas, 3);
    // The signed DPA and the page fetched for a list version.
    assert_eq!(summary.documents, 2);
    let fetched = target
        .list::<SubprocessorListData>()
        .await
        .expect("lists")
        .into_iter()
        .find(|l| l.evidence.is_some())
        .expect("the fetched version");
    assert_eq!(
        target.list_evidence(fetched.id).await.expect("evidence"),
        PAGE,
        "the fetched page travels with its version"
    );
    assert_eq!(summary.tias, 1);
    let len = |field: &str| doc[field].as_array().map_or(0, Vec::len);
    assert_eq!((summary.vendors, summary.vendors_kept), (len("vendors"), 0));
    assert_eq!(summary.subprocessor_lists, len("subprocessor_lists"));
    assert_eq!(summary.history, len("history"), "every entry, none added");
    same_bytes(
        &shop_file,
        &target
            .export_organisation(shop.id)
            .await
            .expect("re-export"),
        "the shop",
    );
    let (_, bytes) = target
        .dpa_document(
            target
                .dpas_of(shop.id)
                .await
                .expect("dpas")
                .into_iter()
                .find(|d| d.document.is_some())
                .expect("the DPA with a document")
                .id,
        )
        .await
        .expect("document");
    assert_eq!(bytes, b"%PDF-1.7 signed");
    assert_eq!(
        target
            .history(EntityKind::Organisation, shop.id)
            .await
            .expect("history")
            .len(),
        2,
        "created and updated, as in the source vault; nothing new"
    );

    // The processor shares measures and Amazon Web Services with the shop: the target keeps
    // its copies, and the export is still the source's.
    let processor_file = source
        .export_organisation(processor.id)
        .await
        .expect("export");
    let summary = target
        .import_organisation(&processor_file)
        .await
        .expect("import");
    assert!(
        summary.measures_kept > 0 && summary.vendors_kept > 0,
        "{summary:?}"
    );
    same_bytes(
        &processor_file,
        &target
            .export_organisation(processor.id)
            .await
            .expect("re-export"),
        "the processor",
    );
    source.close().await.expect("closed");
    target.close().await.expect("closed");
}

fn assert_refused(result: Result<impl std::fmt::Debug, AppError>, says: &str) {
    match result {
        Err(e) => {
            assert_eq!(e.kind(), dpadesk_app::error::ErrorKind::Handover, "{e}");
            let message = e.to_string();
            assert!(message.contains(says), "{message:?} should say {says:?}");
            assert!(message.ends_with("Nothing was imported."), "{message}");
        }
        Ok(done) => panic!("imported: {done:?}"),
    }
}

fn edited(file: &[u8], edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc = json(file);
    edit(&mut doc);
    serde_json::to_vec_pretty(&doc).expect("json")
}

#[tokio::test]
async fn unfit_files_are_refused_and_the_vault_is_unchanged() {
    let dir = tempfile::tempdir().expect("dir");
    let source = sample(dir.path()).await;
    let shop = organisation(&source, OrgRole::Controller).await;
    let file = source.export_organisation(shop.id).await.expect("export");
    let target = vault(dir.path(), "target.dpadesk").await;
    let before = counts(&target).await;

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "The file is empty."),
        (
            "malformed",
            b"{\"format\": dpadesk".to_vec(),
            "not valid JSON",
        ),
        (
            "another format",
            edited(&file, |d| d["format"] = "dpadesk-register".into()),
            "its format is “dpadesk-register”",
        ),
        (
            "a list, not an organisation file",
            b"[1, 2, 3]".to_vec(),
            "does not name the “dpadesk-organisation” format",
        ),
        (
            "version 2",
            edited(&file, |d| d["version"] = 2.into()),
            "written by a newer version of DPA Desk",
        ),
        (
            "truncated",
            file[..file.len() / 2].to_vec(),
            "ends too early",
        ),
        (
            "a field of the wrong type",
            edited(&file, |d| d["activities"][0]["purposes"] = "none".into()),
            "The file is damaged",
        ),
        (
            "a document that is not the DPA's",
            edited(&file, |d| {
                for dpa in d["dpas"].as_array_mut().expect("dpas") {
                    if let Some(f) = dpa.get_mut("document_file") {
                        f["content_base64"] = "JVBERi0xLjcgZm9yZ2Vk".into();
                    }
                }
            }),
            "its size or SHA-256 differs",
        ),
        (
            "a fetched page that is not the list version's",
            edited(&file, |d| {
                for list in d["subprocessor_lists"].as_array_mut().expect("lists") {
                    if let Some(f) = list.get_mut("evidence_file") {
                        f["content_base64"] = "Zm9yZ2Vk".into();
                    }
                }
            }),
            "is not the one its SHA-256 names",
        ),
        (
            "a list version naming a fetched page the file lacks",
            edited(&file, |d| {
                for list in d["subprocessor_lists"].as_array_mut().expect("lists") {
                    list.as_object_mut().expect("list").remove("evidence_file");
                }
            }),
            "names a fetched page that the file does not hold",
        ),
        (
            "a vendor left out",
            edited(&file, |d| {
                d["vendors"].as_array_mut().expect("vendors").remove(0);
            }),
            "that the file does not hold",
        ),
    ];
    for (what, bytes, says) in cases {
        assert_refused(target.import_organisation(&bytes).await, says);
        assert_eq!(counts(&target).await, before, "{what} changed the vault");
    }
    source.close().await.expect("closed");
    target.close().await.expect("closed");
}

#[tokio::test]
async fn an_organisation_already_in_the_vault_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let source = sample(dir.path()).await;
    let shop = organisation(&source, OrgRole::Controller).await;
    let file = source.export_organisation(shop.id).await.expect("export");

    // The same organisation, back into the vault it came from.
    let before = counts(&source).await;
    assert_refused(
        source.import_organisation(&file).await,
        "is already in this vault",
    );
    assert_eq!(counts(&source).await, before);

    // Another organisation under the same name (any case).
    let target = vault(dir.path(), "target.dpadesk").await;
    target
        .create(OrganisationData {
            name: shop.name.to_uppercase(),
            ..Default::default()
        })
        .await
        .expect("organisation");
    let before = counts(&target).await;
    assert_refused(
        target.import_organisation(&file).await,
        "Another organisation named",
    );
    assert_eq!(counts(&target).await, before);
    source.close().await.expect("closed");
    target.close().await.expect("closed");
}

#[tokio::test]
async fn vendors_and_measures_that_differ_in_the_vault_are_named() {
    let dir = tempfile::tempdir().expect("dir");
    let source = sample(dir.path()).await;
    let shop = organisation(&source, OrgRole::Controller).await;
    let processor = organisation(&source, OrgRole::Processor).await;
    let shop_file = source.export_organisation(shop.id).await.expect("export");
    let processor_file = source
        .export_organisation(processor.id)
        .await
        .expect("export");

    // The processor's measures arrive first, then one is edited in the receiving vault.
    let target = vault(dir.path(), "target.dpadesk").await;
    target
        .import_organisation(&processor_file)
        .await
        .expect("import");
    let shared = shop.data.measure_ids[0];
    let measure = target.get::<MeasureData>(shared).await.expect("measure");
    target
        .update(
            shared,
            MeasureData {
                description: "Changed here.".into(),
                ..measure.data.clone()
            },
        )
        .await
        .expect("update");
    let before = counts(&target).await;
    assert_refused(
        target.import_organisation(&shop_file).await,
        &format!("measure “{}” (the vault's copy differs)", measure.title),
    );
    assert_eq!(counts(&target).await, before);

    // A vendor of the file's name under another id.
    let other = vault(dir.path(), "other.dpadesk").await;
    other
        .create(VendorData {
            legal_name: "VERCOM S.A.".into(),
            ..Default::default()
        })
        .await
        .expect("vendor");
    let before = counts(&other).await;
    assert_refused(
        other.import_organisation(&shop_file).await,
        "vendor “Vercom S.A.” (the vault has another vendor of that name)",
    );
    assert_eq!(counts(&other).await, before);
    source.close().await.expect("closed");
    target.close().await.expect("closed");
    other.close().await.expect("closed");
}

#[test]
fn a_file_too_large_to_be_an_organisation_file_is_refused_before_reading() {
    use dpadesk_app::handover::refuse_oversized;
    assert!(refuse_oversized(50 * 1024 * 1024).is_ok());
    let refused = refuse_oversized(3 * 1024 * 1024 * 1024).expect_err("3 GB");
    assert!(refused.to_string().contains("3072 MB"), "{refused}");
    assert!(
        refused.to_string().contains("Nothing was imported"),
        "{refused}"
    );
}
