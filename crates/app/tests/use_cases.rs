//! The use-cases over a temporary vault: what is accepted, what is refused and why.

mod common;

use dpadesk_app::session::{create_vault, key_source, open_vault};
use dpadesk_app::{App, AppError};
use dpadesk_model::*;

async fn app() -> (tempfile::TempDir, App) {
    common::new_vault().await
}

fn fields(err: AppError) -> Vec<String> {
    match err {
        AppError::Invalid(f) => f.into_iter().map(|f| f.field).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

fn org(name: &str) -> OrganisationData {
    OrganisationData {
        name: name.into(),
        country: Some("PL".parse().expect("PL")),
        ..Default::default()
    }
}

#[tokio::test]
async fn organisations_are_tidied_checked_and_unique() {
    let (_d, app) = app().await;
    let acme = app
        .create(org("  Acme Sp. z o.o.  "))
        .await
        .expect("created");
    assert_eq!(acme.name, "Acme Sp. z o.o.");

    let dup = app
        .create(org("ACME sp. z o.o."))
        .await
        .expect_err("duplicate name");
    assert_eq!(fields(dup), ["name"]);

    let bad = OrganisationData {
        name: "  ".into(),
        email: "not-an-email".into(),
        dpo: Some(Dpo {
            name: String::new(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let err = app.create(bad).await.expect_err("invalid");
    assert_eq!(err.kind(), dpadesk_app::error::ErrorKind::Invalid);
    assert_eq!(fields(err), ["name", "email", "dpo.name"]);
    assert_eq!(
        app.list::<OrganisationData>().await.expect("list").len(),
        1,
        "nothing written"
    );

    let mut renamed = acme.data.clone();
    renamed.name = "Acme S.A.".into();
    let updated = app.update(acme.id, renamed).await.expect("updated");
    assert_eq!(updated.created_at, acme.created_at);
    assert_eq!(
        app.find_organisation("acme s.a.")
            .await
            .expect("by name")
            .id,
        acme.id
    );
    assert_eq!(
        app.find_organisation(&acme.id.to_string())
            .await
            .expect("by id")
            .name,
        "Acme S.A."
    );
    let missing = app.find_organisation("Nobody").await.expect_err("missing");
    assert_eq!(missing.kind(), dpadesk_app::error::ErrorKind::NotFound);
    app.close().await.expect("closed");
}

#[tokio::test]
async fn activities_need_their_organisation_and_conditions_to_be_active() {
    let (_d, app) = app().await;
    let acme = app.create(org("Acme")).await.expect("org");
    let orphan = ActivityData {
        name: "Payroll".into(),
        organisation_id: Id::new(),
        ..Default::default()
    };
    assert_eq!(
        fields(app.create(orphan).await.expect_err("no org")),
        ["organisation_id"]
    );

    let mut payroll = ActivityData {
        organisation_id: acme.id,
        name: "Payroll".into(),
        purposes: vec![Purpose {
            description: "Pay salaries".into(),
            legal_basis: LegalBasis::LegalObligation,
            basis_detail: String::new(),
            art9_condition: None,
            art10_basis: None,
        }],
        data_categories: vec![DataCategory {
            name: "Sick-leave certificates".into(),
            sensitivity: DataSensitivity::Special,
            retention: Some(Retention::Period {
                count: 5,
                unit: PeriodUnit::Years,
                trigger: "end of employment".into(),
            }),
        }],
        ..Default::default()
    };
    let draft = app
        .create(payroll.clone())
        .await
        .expect("a draft may lack the condition");

    payroll.status = ActivityStatus::Active;
    let err = app
        .update(draft.id, payroll.clone())
        .await
        .expect_err("active needs Art. 9");
    let message = err.to_string();
    assert_eq!(fields(err), ["purposes[0].art9_condition"]);
    assert!(message.contains("Art. 9(2)"), "{message}");

    payroll.purposes[0].art9_condition = Some(Art9Condition::EmploymentAndSocialSecurity);
    let active = app.update(draft.id, payroll).await.expect("now active");
    assert_eq!(active.status, ActivityStatus::Active);
    assert_eq!(app.activities_of(acme.id).await.expect("list").len(), 1);
    app.close().await.expect("closed");
}

#[tokio::test]
async fn dpas_check_dates_window_module_and_references() {
    let (_d, app) = app().await;
    let acme = app.create(org("Acme")).await.expect("org");
    let vendor = app
        .create(VendorData {
            legal_name: "Vercom S.A.".into(),
            ..Default::default()
        })
        .await
        .expect("vendor");
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
    let bad = DpaData {
        organisation_id: acme.id,
        vendor_id: Id::new(),
        signed_on: date(2025, 5, 1),
        effective_on: date(2025, 4, 1),
        objection_window_days: Some(0),
        scc_module: Some(SccModule::ControllerToProcessor),
        transfer_mechanism: Some(TransferMechanism::Dpf),
        ..Default::default()
    };
    assert_eq!(
        fields(app.create(bad).await.expect_err("invalid")),
        [
            "effective_on",
            "objection_window_days",
            "scc_module",
            "vendor_id"
        ]
    );

    let good = DpaData {
        organisation_id: acme.id,
        vendor_id: vendor.id,
        version: "1.0".into(),
        signed_on: date(2025, 5, 1),
        objection_window_days: Some(14),
        transfer_mechanism: Some(TransferMechanism::Scc),
        scc_module: Some(SccModule::ControllerToProcessor),
        ..Default::default()
    };
    let dpa = app.create(good).await.expect("dpa");
    let with_doc = app
        .attach_dpa_document(dpa.id, "umowa.pdf", b"%PDF-1.7")
        .await
        .expect("attached");
    assert_eq!(with_doc.document.as_ref().map(|d| d.size), Some(8));
    let (doc, bytes) = app.dpa_document(dpa.id).await.expect("document");
    assert_eq!(
        (doc.file_name.as_str(), bytes.as_slice()),
        ("umowa.pdf", b"%PDF-1.7".as_slice())
    );

    let in_use = app
        .delete::<VendorData>(vendor.id)
        .await
        .expect_err("vendor in use");
    assert_eq!(in_use.kind(), dpadesk_app::error::ErrorKind::InUse);
    assert!(in_use.to_string().contains("the DPA of Acme"), "{in_use}");
    app.close().await.expect("closed");
}

#[tokio::test]
async fn processor_records_need_a_processor_organisation() {
    let (_d, app) = app().await;
    let controller = app.create(org("Only Controller")).await.expect("org");
    let record = ProcessorRecordData {
        organisation_id: controller.id,
        client: Party {
            name: "Client A".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let err = app
        .create(record.clone())
        .await
        .expect_err("controller only");
    assert!(err.to_string().contains("controller only"), "{err}");
    let mut data = controller.data.clone();
    data.role = OrgRole::Processor;
    app.update(controller.id, data).await.expect("role");
    app.create(record).await.expect("now accepted");
    app.close().await.expect("closed");
}

#[tokio::test]
async fn a_vault_reopens_and_a_wrong_passphrase_is_a_locked_error() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v.dpadesk");
    let app = create_vault(&path, &key_source(Some("right".into())))
        .await
        .expect("create");
    app.create(org("Acme")).await.expect("org");
    app.close().await.expect("close");
    let err = open_vault(&path, &key_source(Some("wrong".into())))
        .await
        .expect_err("wrong");
    assert_eq!(err.kind(), dpadesk_app::error::ErrorKind::Locked);
    assert!(err.is_user_error());
    let app = open_vault(&path, &key_source(Some("right".into())))
        .await
        .expect("open");
    assert_eq!(app.list::<OrganisationData>().await.expect("list").len(), 1);
    app.close().await.expect("closed");
}

#[tokio::test]
async fn errors_serialise_for_the_window() {
    let (_d, app) = app().await;
    let err = app.create(org("")).await.expect_err("invalid");
    let json = serde_json::to_value(&err).expect("json");
    assert_eq!(json["kind"], "invalid");
    assert_eq!(json["fields"][0]["field"], "name");
    assert_eq!(json["message"], "name: Enter the organisation's name.");
    app.close().await.expect("closed");
}
