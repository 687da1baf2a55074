//! Every aggregate goes in with every field filled and comes out the same; records still
//! in use cannot be deleted, and the message says what uses them.

mod common;

use common::*;
use dpadesk_model::*;
use dpadesk_store::StoreError;

#[tokio::test]
async fn every_aggregate_round_trips_with_every_field() {
    let t = temp_vault().await;
    let v = &t.vault;
    let m = measure("TLS everywhere");
    v.insert(&m).await.expect("measure");
    let org = organisation("Acme Sp. z o.o.", &[m.id]);
    v.insert(&org).await.expect("organisation");
    let ven = vendor("Vercom S.A.");
    v.insert(&ven).await.expect("vendor");
    let act = activity(org.id, ven.id, &[m.id]);
    v.insert(&act).await.expect("activity");
    let rec = processor_record(org.id, ven.id, &[m.id]);
    v.insert(&rec).await.expect("processor record");
    let doc = v
        .store_document("umowa.pdf", "application/pdf", b"%PDF-1.7 signed", at(2))
        .await
        .expect("doc");
    let agreement = dpa(org.id, ven.id, Some(doc.clone()));
    v.insert(&agreement).await.expect("dpa");
    let list = subprocessor_list(ven.id);
    v.insert(&list).await.expect("list");
    let assessment = tia(org.id, ven.id);
    v.insert(&assessment).await.expect("tia");

    assert_eq!(v.fetch::<MeasureData>(m.id).await.expect("get"), m);
    assert_eq!(v.fetch::<OrganisationData>(org.id).await.expect("get"), org);
    assert_eq!(v.fetch::<VendorData>(ven.id).await.expect("get"), ven);
    assert_eq!(v.fetch::<ActivityData>(act.id).await.expect("get"), act);
    assert_eq!(
        v.fetch::<ProcessorRecordData>(rec.id).await.expect("get"),
        rec
    );
    assert_eq!(
        v.fetch::<DpaData>(agreement.id).await.expect("get"),
        agreement
    );
    assert_eq!(
        v.fetch::<SubprocessorListData>(list.id).await.expect("get"),
        list
    );
    assert_eq!(
        v.fetch::<TiaData>(assessment.id).await.expect("get"),
        assessment
    );
    assert_eq!(
        v.tias_of(org.id).await.expect("list"),
        vec![assessment.clone()]
    );
    assert_eq!(
        v.document_content(doc.id).await.expect("content"),
        b"%PDF-1.7 signed"
    );

    assert_eq!(
        v.activities_of(org.id).await.expect("list"),
        vec![act.clone()]
    );
    assert_eq!(
        v.dpas_of(org.id).await.expect("list"),
        vec![agreement.clone()]
    );
    assert_eq!(
        v.dpas_with(ven.id).await.expect("list"),
        vec![agreement.clone()]
    );
    assert_eq!(
        v.processor_records_of(org.id).await.expect("list"),
        vec![rec.clone()]
    );
    assert_eq!(
        v.subprocessor_lists_of(ven.id).await.expect("list"),
        vec![list.clone()]
    );

    // Updates replace nested lists and links too.
    let mut changed = act.clone();
    changed.data.recipients.clear();
    changed.data.measure_ids.clear();
    changed.data.purposes[0].legal_basis = LegalBasis::Consent;
    changed.updated_at = at(3);
    let before = v.update(&changed, act.updated_at).await.expect("update");
    assert_eq!(before, act);
    assert_eq!(v.fetch::<ActivityData>(act.id).await.expect("get"), changed);
    t.vault.close().await.expect("closed");
}

#[tokio::test]
async fn deleting_a_record_in_use_is_refused_with_what_uses_it() {
    let t = temp_vault().await;
    let v = &t.vault;
    let m = measure("Backups");
    v.insert(&m).await.expect("measure");
    let org = organisation("Acme Sp. z o.o.", &[]);
    v.insert(&org).await.expect("org");
    let ven = vendor("Google Ireland Ltd");
    v.insert(&ven).await.expect("vendor");
    let act = activity(org.id, ven.id, &[m.id]);
    v.insert(&act).await.expect("activity");
    let agreement = dpa(org.id, ven.id, None);
    v.insert(&agreement).await.expect("dpa");

    let err = v
        .delete::<VendorData>(ven.id, at(4))
        .await
        .expect_err("vendor in use");
    let msg = err.to_string();
    assert!(matches!(err, StoreError::InUse(_)), "{err:?}");
    assert!(msg.contains("Google Ireland Ltd"), "{msg}");
    assert!(msg.contains("the DPA of Acme Sp. z o.o."), "{msg}");
    assert!(
        msg.contains("activity “Lohnbuchhaltung” of Acme Sp. z o.o."),
        "{msg}"
    );
    assert!(v.get::<VendorData>(ven.id).await.expect("get").is_some());

    let err = v
        .delete::<MeasureData>(m.id, at(4))
        .await
        .expect_err("measure in use");
    assert!(err.to_string().contains("Lohnbuchhaltung"), "{err}");

    let err = v
        .delete::<OrganisationData>(org.id, at(4))
        .await
        .expect_err("org in use");
    assert!(
        err.to_string().contains("1 processing activity and 1 DPA"),
        "{err}"
    );

    v.delete::<DpaData>(agreement.id, at(5))
        .await
        .expect("dpa deleted");
    v.delete::<ActivityData>(act.id, at(5))
        .await
        .expect("activity deleted");
    v.delete::<VendorData>(ven.id, at(5))
        .await
        .expect("vendor now free");
    v.delete::<MeasureData>(m.id, at(5))
        .await
        .expect("measure now free");
    v.delete::<OrganisationData>(org.id, at(5))
        .await
        .expect("org now free");
    assert!(v.list::<OrganisationData>().await.expect("list").is_empty());

    let missing = v
        .delete::<VendorData>(ven.id, at(6))
        .await
        .expect_err("gone");
    assert!(
        matches!(missing, StoreError::NotFound { .. }),
        "{missing:?}"
    );
    t.vault.close().await.expect("closed");
}

#[tokio::test]
async fn replacing_a_dpa_document_drops_the_old_file() {
    let t = temp_vault().await;
    let v = &t.vault;
    let org = organisation("Acme", &[]);
    v.insert(&org).await.expect("org");
    let ven = vendor("Vendor");
    v.insert(&ven).await.expect("vendor");
    let first = v
        .store_document("v1.pdf", "application/pdf", b"one", at(2))
        .await
        .expect("doc");
    let mut agreement = dpa(org.id, ven.id, Some(first.clone()));
    v.insert(&agreement).await.expect("dpa");
    let second = v
        .store_document(
            "v2.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"two",
            at(3),
        )
        .await
        .expect("doc");
    agreement.data.document = Some(second.clone());
    v.update(&agreement, agreement.updated_at)
        .await
        .expect("update");
    assert!(v.document_content(first.id).await.is_err());
    assert_eq!(
        v.document_content(second.id).await.expect("content"),
        b"two"
    );
    v.delete::<DpaData>(agreement.id, at(4))
        .await
        .expect("delete");
    assert!(v.document_content(second.id).await.is_err());
    t.vault.close().await.expect("closed");
}

#[tokio::test]
async fn a_tia_keeps_its_organisation_and_vendor_and_a_loaded_dataset_is_one_row() {
    let t = temp_vault().await;
    let v = &t.vault;
    let org = organisation("Acme Sp. z o.o.", &[]);
    v.insert(&org).await.expect("org");
    let ven = vendor("Vercom S.A.");
    v.insert(&ven).await.expect("vendor");
    let assessment = tia(org.id, ven.id);
    v.insert(&assessment).await.expect("tia");

    let err = v
        .delete::<VendorData>(ven.id, at(4))
        .await
        .expect_err("vendor in use");
    assert!(
        err.to_string().contains(
            "the transfer impact assessment of Acme Sp. z o.o. for Amazon Web Services, Inc."
        ),
        "{err}"
    );
    let err = v
        .delete::<OrganisationData>(org.id, at(4))
        .await
        .expect_err("org in use");
    assert!(
        err.to_string().contains("1 transfer impact assessment"),
        "{err}"
    );
    v.delete::<TiaData>(assessment.id, at(5))
        .await
        .expect("tia deleted");
    v.delete::<VendorData>(ven.id, at(5))
        .await
        .expect("vendor free");

    assert_eq!(v.loaded_dataset().await.expect("none"), None);
    v.store_dataset("2027.1", date(2027, 1, 1), "{\"a\":1}", at(6))
        .await
        .expect("stored");
    v.store_dataset("2027.2", date(2027, 2, 1), "{\"a\":2}", at(7))
        .await
        .expect("replaced");
    assert_eq!(
        v.loaded_dataset().await.expect("one"),
        Some("{\"a\":2}".to_string())
    );
    v.clear_dataset().await.expect("cleared");
    assert_eq!(v.loaded_dataset().await.expect("none"), None);
    t.vault.close().await.expect("closed");
}
