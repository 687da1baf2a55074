//! Records written as they are, with the audit entries given and no others, in one
//! transaction: a set that fails half-way leaves the vault as it was.

mod common;

use chrono::{DateTime, Utc};
use common::*;
use dpadesk_model::*;
use dpadesk_store::{RecordSet, StoredDocument, Vault};

fn created<T: serde::Serialize>(record: &Record<T>, entity: EntityKind) -> AuditEntry {
    AuditEntry {
        seq: 0,
        at: record.created_at,
        actor: "consultant-a".into(),
        entity,
        entity_id: record.id,
        action: AuditAction::Create,
        before: None,
        after: Some(serde_json::to_value(record).expect("json")),
    }
}

async fn all_changes(v: &Vault) -> Vec<AuditEntry> {
    let end: DateTime<Utc> = "9999-12-31T23:59:59Z".parse().expect("time");
    v.changes_until(end).await.expect("log")
}

#[tokio::test]
async fn records_go_in_with_their_own_history_and_no_new_entries() {
    let t = temp_vault().await;
    let v = &t.vault;
    let m = measure("Encrypted backups");
    let ven = vendor("Hetzner Online GmbH");
    let mut org = organisation("Acme Sp. z o.o.", &[m.id]);
    let act = activity(org.id, ven.id, &[m.id]);
    let rec = processor_record(org.id, ven.id, &[m.id]);
    let content = b"%PDF-1.7 signed".to_vec();
    let doc = StoredDocument {
        reference: DocumentRef {
            id: Id::new(),
            file_name: "DPA.pdf".into(),
            media_type: "application/pdf".into(),
            size: content.len() as u64,
            sha256: "whatever the file says".into(),
        },
        content,
        created_at: at(3),
    };
    let agreement = dpa(org.id, ven.id, Some(doc.reference.clone()));
    let list = subprocessor_list(ven.id);
    let assessment = tia(org.id, ven.id);
    let first = created(&org, EntityKind::Organisation);
    org.data.notes = "renamed later".into();
    org.updated_at = at(4);
    let history = vec![
        created(&m, EntityKind::Measure),
        created(&ven, EntityKind::Vendor),
        first.clone(),
        AuditEntry {
            at: at(4),
            action: AuditAction::Update,
            before: first.after.clone(),
            after: Some(serde_json::to_value(&org).expect("json")),
            ..first
        },
        created(&act, EntityKind::Activity),
    ];
    let set = RecordSet {
        measures: vec![m.clone()],
        vendors: vec![ven.clone()],
        organisations: vec![org.clone()],
        activities: vec![act.clone()],
        processor_records: vec![rec.clone()],
        documents: vec![doc.clone()],
        dpas: vec![agreement.clone()],
        subprocessor_lists: vec![list.clone()],
        tias: vec![assessment.clone()],
        history: history.clone(),
    };
    v.insert_records(&set).await.expect("insert");

    assert_eq!(v.fetch::<MeasureData>(m.id).await.expect("m"), m);
    assert_eq!(v.fetch::<VendorData>(ven.id).await.expect("v"), ven);
    assert_eq!(v.fetch::<OrganisationData>(org.id).await.expect("o"), org);
    assert_eq!(v.fetch::<ActivityData>(act.id).await.expect("a"), act);
    assert_eq!(
        v.fetch::<ProcessorRecordData>(rec.id).await.expect("r"),
        rec
    );
    assert_eq!(
        v.fetch::<DpaData>(agreement.id).await.expect("d"),
        agreement
    );
    assert_eq!(v.stored_document(doc.reference.id).await.expect("doc"), doc);
    assert_eq!(
        v.fetch::<SubprocessorListData>(list.id).await.expect("l"),
        list
    );
    assert_eq!(
        v.fetch::<TiaData>(assessment.id).await.expect("t"),
        assessment
    );

    let log = all_changes(v).await;
    assert_eq!(log.len(), history.len(), "no entry of its own");
    for (written, given) in log.iter().zip(&history) {
        assert_eq!(
            AuditEntry {
                seq: 0,
                ..written.clone()
            },
            *given
        );
    }
    let org_history = v
        .histories(EntityKind::Organisation, &[org.id, Id::new()])
        .await
        .expect("history");
    assert_eq!(org_history.len(), 2);
    assert_eq!(org_history[1].action, AuditAction::Update);
    t.vault.close().await.expect("closed");
}

#[tokio::test]
async fn a_set_that_fails_half_way_writes_nothing() {
    let t = temp_vault().await;
    let v = &t.vault;
    let m = measure("Encrypted backups");
    let org = organisation("Acme Sp. z o.o.", &[m.id]);
    // The DPA's vendor is in neither the set nor the vault.
    let orphan = dpa(org.id, Id::new(), None);
    let set = RecordSet {
        measures: vec![m.clone()],
        organisations: vec![org.clone()],
        dpas: vec![orphan],
        history: vec![created(&m, EntityKind::Measure)],
        ..Default::default()
    };
    assert!(v.insert_records(&set).await.is_err());
    assert!(v.list::<MeasureData>().await.expect("list").is_empty());
    assert!(v.list::<OrganisationData>().await.expect("list").is_empty());
    assert!(all_changes(v).await.is_empty());
    t.vault.close().await.expect("closed");
}
