//! The tools around the register over a temporary vault: sample data, the preloaded
//! library, completeness, reminders, search, consultant copies and templates, history.

mod common;

use chrono::NaiveDate;
use common::{app_with_clock, moved_clock, set_now};
use dpadesk_app::completeness::RegisterItem;
use dpadesk_app::reminders::ReminderKind;
use dpadesk_app::search::HitKind;
use dpadesk_app::{App, library};
use dpadesk_model::*;

async fn app() -> (tempfile::TempDir, App) {
    common::new_vault().await
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn org(name: &str) -> OrganisationData {
    OrganisationData {
        name: name.into(),
        country: Some("PL".parse().expect("PL")),
        ..Default::default()
    }
}

async fn vendor(app: &App, name: &str) -> Vendor {
    app.create(VendorData {
        legal_name: name.into(),
        ..Default::default()
    })
    .await
    .expect("vendor")
}

fn uses(organisation: Id, name: &str, vendor: Id) -> ActivityData {
    ActivityData {
        organisation_id: organisation,
        name: name.into(),
        recipients: vec![Recipient {
            kind: RecipientKind::Processor,
            name: "Processor".into(),
            vendor_id: Some(vendor),
            country: None,
        }],
        ..Default::default()
    }
}

#[tokio::test]
async fn a_new_vault_holds_the_measures_library_once() {
    let (_d, app) = app().await;
    let measures = app.list::<MeasureData>().await.expect("measures");
    assert_eq!(measures.len(), library::measures().len());
    assert!(measures.len() >= 40, "{}", measures.len());
    assert_eq!(app.preload_library().await.expect("again"), 0);
    // A user's own measure sits beside the preloaded ones.
    app.create(MeasureData {
        group: ControlGroup::EntryControl,
        title: "Alarm linked to a security company".into(),
        description: String::new(),
    })
    .await
    .expect("own measure");
    assert_eq!(
        app.list::<MeasureData>().await.expect("list").len(),
        library::measures().len() + 1
    );
    app.close().await.expect("closed");
}

#[tokio::test]
async fn the_sample_loads_once_and_tells_what_it_added() {
    let (_d, app) = app().await;
    let summary = app.load_sample().await.expect("sample");
    assert_eq!(summary.organisations, 2);
    assert!(summary.activities >= 5 && summary.dpas >= 3, "{summary:?}");
    let orgs = app.list::<OrganisationData>().await.expect("orgs");
    assert_eq!(orgs.len(), 2);
    let processor = orgs
        .iter()
        .find(|o| o.data.role != OrgRole::Controller)
        .expect("a processor organisation");
    assert_eq!(
        app.processor_records_of(processor.id)
            .await
            .expect("records")
            .len(),
        2
    );
    let vendors = app.list::<VendorData>().await.expect("vendors");
    let alliance = vendors
        .iter()
        .find(|v| v.data.legal_name.contains("Customer Alliance"))
        .expect("Customer Alliance");
    let lists = app.subprocessor_lists_of(alliance.id).await.expect("lists");
    assert_eq!(lists.last().expect("a list").data.entries.len(), 14);
    // The e-learning vendor's 2020 agreement relied on the Privacy Shield.
    let dpas = app.list::<DpaData>().await.expect("dpas");
    assert!(
        dpas.iter()
            .any(|d| d.data.transfer_mechanism == Some(TransferMechanism::PrivacyShield))
    );

    let again = app.load_sample().await.expect_err("twice");
    assert_eq!(again.kind(), dpadesk_app::error::ErrorKind::InUse);
    assert_eq!(app.list::<OrganisationData>().await.expect("orgs").len(), 2);
    app.close().await.expect("closed");
}

#[tokio::test]
async fn the_sample_shows_reminders_and_incomplete_items() {
    let (_d, app) = app().await;
    app.load_sample().await.expect("sample");
    let summaries = app
        .organisation_summaries(day(2026, 11, 24))
        .await
        .expect("summaries");
    assert_eq!(summaries.len(), 2);
    let controller = summaries
        .iter()
        .find(|s| s.organisation.data.role == OrgRole::Controller)
        .expect("controller");
    assert!(controller.reminders > 0 && controller.activities >= 3);
    assert!(controller.completeness > 0 && controller.completeness <= 100);
    let reminders = app
        .reminders_of(controller.organisation.id, day(2026, 11, 24))
        .await
        .expect("reminders");
    let kinds: Vec<ReminderKind> = reminders.iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&ReminderKind::ChecklistGap), "{kinds:?}");
    assert!(kinds.contains(&ReminderKind::DpaReviewDue), "{kinds:?}");
    app.close().await.expect("closed");
}

#[tokio::test]
async fn completeness_points_at_the_missing_fields() {
    let (_d, app) = app().await;
    let acme = app.create(org("Acme")).await.expect("org");
    let activity = app
        .create(ActivityData {
            organisation_id: acme.id,
            name: "Payroll".into(),
            data_categories: vec![DataCategory {
                name: "Sick notes".into(),
                sensitivity: DataSensitivity::Special,
                retention: None,
            }],
            purposes: vec![Purpose {
                description: "Pay salaries".into(),
                legal_basis: LegalBasis::LegalObligation,
                basis_detail: "Labour code".into(),
                art9_condition: None,
                art10_basis: None,
            }],
            ..Default::default()
        })
        .await
        .expect("draft");
    let rows = app.activity_rows(acme.id).await.expect("rows");
    let missing: Vec<(RegisterItem, &str)> = rows[0]
        .completeness
        .missing
        .iter()
        .map(|g| (g.item, g.field.as_str()))
        .collect();
    assert!(missing.contains(&(RegisterItem::Retention, "data_categories[0].retention")));
    assert!(missing.contains(&(RegisterItem::Art9Condition, "purposes[0].art9_condition")));
    assert!(!missing.iter().any(|(i, _)| *i == RegisterItem::Purposes));

    let whole = app
        .completeness_of(acme.id)
        .await
        .expect("org completeness");
    assert_eq!(whole.activities[0].activity_id, activity.id);
    assert!(whole.percent < 100);
    assert!(
        whole
            .header
            .missing
            .iter()
            .any(|g| g.item == RegisterItem::Dpo)
    );
    app.close().await.expect("closed");
}

#[tokio::test]
async fn reminders_name_missing_agreements_and_checklist_gaps() {
    let (_d, app) = app().await;
    let acme = app.create(org("Acme")).await.expect("org");
    let mail = vendor(&app, "Vercom S.A.").await;
    let cloud = vendor(&app, "Hosting Ltd").await;
    app.create(uses(acme.id, "Newsletter", mail.id))
        .await
        .expect("activity");
    app.create(uses(acme.id, "Website", cloud.id))
        .await
        .expect("activity");
    let mut checklist: Vec<ChecklistItem> = Art28Item::ALL
        .into_iter()
        .map(|item| ChecklistItem {
            item,
            status: ItemStatus::Present,
            clause_ref: "§ 1".into(),
        })
        .collect();
    checklist[8].status = ItemStatus::Missing;
    app.create(DpaData {
        organisation_id: acme.id,
        vendor_id: mail.id,
        version: "2024".into(),
        checklist,
        expires_on: Some(day(2026, 12, 10)),
        ..Default::default()
    })
    .await
    .expect("dpa");

    let reminders = app
        .reminders_of(acme.id, day(2026, 11, 24))
        .await
        .expect("reminders");
    let summary: Vec<(ReminderKind, &str)> = reminders
        .iter()
        .map(|r| (r.kind, r.vendor.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (ReminderKind::DpaMissing, "Hosting Ltd"),
            (ReminderKind::ChecklistGap, "Vercom S.A."),
            (ReminderKind::DpaExpiring, "Vercom S.A."),
        ]
    );
    assert_eq!(reminders[1].items, [Art28Item::Subprocessors]);
    // A month later the agreement has run out.
    let later = app
        .reminders_of(acme.id, day(2026, 12, 24))
        .await
        .expect("reminders");
    assert!(later.iter().any(|r| r.kind == ReminderKind::DpaExpired));
    app.close().await.expect("closed");
}

#[tokio::test]
async fn search_finds_new_records_as_they_are_saved() {
    let (_d, app) = app().await;
    let acme = app.create(org("Kwiaciarnia Róża")).await.expect("org");
    assert_eq!(app.search("róża").await.expect("search").len(), 1);
    let mail = vendor(&app, "Vercom S.A.").await;
    app.create(uses(acme.id, "Newsletter", mail.id))
        .await
        .expect("activity");
    let hits = app.search("newsl").await.expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].kind, hits[0].organisation_id),
        (HitKind::Activity, Some(acme.id))
    );
    assert_eq!(hits[0].detail, "Kwiaciarnia Róża");
    let renamed = VendorData {
        legal_name: "Vercom Group".into(),
        ..mail.data.clone()
    };
    app.update(mail.id, renamed).await.expect("rename");
    assert_eq!(app.search("vercom s.a.").await.expect("search"), []);
    assert_eq!(
        app.search("vercom group").await.expect("search")[0].kind,
        HitKind::Vendor
    );
    app.close().await.expect("closed");
}

#[tokio::test]
async fn an_activity_and_an_agreement_copy_to_another_client() {
    let (_d, app) = app().await;
    let a = app.create(org("Client A")).await.expect("org");
    let b = app.create(org("Client B")).await.expect("org");
    let mail = vendor(&app, "Vercom S.A.").await;
    let source = app
        .create(ActivityData {
            status: ActivityStatus::Active,
            ..uses(a.id, "Newsletter", mail.id)
        })
        .await
        .expect("activity");
    let copy = app.copy_activity(source.id, b.id).await.expect("copy");
    assert_eq!(copy.data.organisation_id, b.id);
    assert_eq!(copy.data.status, ActivityStatus::Draft);
    assert_eq!(copy.data.recipients, source.data.recipients);
    assert_ne!(copy.id, source.id);
    let missing_target = app
        .copy_activity(source.id, Id::new())
        .await
        .expect_err("no such client");
    assert_eq!(
        missing_target.kind(),
        dpadesk_app::error::ErrorKind::NotFound
    );

    let dpa = app
        .create(DpaData {
            organisation_id: a.id,
            vendor_id: mail.id,
            version: "2024".into(),
            objection_window_days: Some(14),
            ..Default::default()
        })
        .await
        .expect("dpa");
    app.attach_dpa_document(dpa.id, "dpa.pdf", b"%PDF-1.7 a")
        .await
        .expect("doc");
    let copied = app.copy_dpa(dpa.id, b.id).await.expect("copy dpa");
    assert_eq!(copied.data.objection_window_days, Some(14));
    let copied_doc = copied.data.document.clone().expect("document copied");
    let original_doc = app
        .get::<DpaData>(dpa.id)
        .await
        .expect("dpa")
        .data
        .document
        .expect("document");
    assert_ne!(
        copied_doc.id, original_doc.id,
        "each agreement owns its file"
    );
    assert_eq!(
        app.dpa_document(copied.id).await.expect("bytes").1,
        b"%PDF-1.7 a"
    );
    let twice = app.copy_dpa(dpa.id, b.id).await.expect_err("twice");
    assert_eq!(twice.kind(), dpadesk_app::error::ErrorKind::InUse);
    assert_eq!(app.dpas_of(b.id).await.expect("dpas").len(), 1);
    app.close().await.expect("closed");
}

#[tokio::test]
async fn templates_start_a_new_client_with_drafts() {
    let (_d, app) = app().await;
    let client = app.create(org("New client")).await.expect("org");
    let keys: Vec<String> = library::templates().iter().map(|t| t.key.clone()).collect();
    assert_eq!(keys.len(), 7);
    let added = app
        .apply_templates(client.id, &keys)
        .await
        .expect("templates");
    assert_eq!(added.len(), 7);
    assert!(
        added
            .iter()
            .all(|a| a.data.status == ActivityStatus::Draft && a.data.organisation_id == client.id)
    );
    let unknown = app
        .apply_templates(client.id, &["hr_payroll".into(), "nope".into()])
        .await
        .expect_err("unknown template");
    assert_eq!(unknown.kind(), dpadesk_app::error::ErrorKind::NotFound);
    assert_eq!(
        app.activities_of(client.id).await.expect("list").len(),
        7,
        "nothing added when one key is unknown"
    );
    app.close().await.expect("closed");
}

#[tokio::test]
async fn history_lists_changes_and_rebuilds_a_past_register() {
    let (_dir, app) = app_with_clock(moved_clock).await;
    set_now(day(2026, 3, 1));
    let acme = app.create(org("Acme")).await.expect("org");
    let mut data = ActivityData {
        organisation_id: acme.id,
        name: "Payroll".into(),
        description: "Monthly pay".into(),
        ..Default::default()
    };
    let payroll = app.create(data.clone()).await.expect("activity");
    set_now(day(2026, 5, 1));
    data.description = "Monthly pay and bonuses".into();
    app.update(payroll.id, data).await.expect("edit");
    set_now(day(2026, 6, 1));
    let cctv = app
        .create(ActivityData {
            organisation_id: acme.id,
            name: "CCTV".into(),
            ..Default::default()
        })
        .await
        .expect("activity");
    app.delete::<ActivityData>(cctv.id).await.expect("delete");

    let changes = app
        .record_changes(EntityKind::Activity, payroll.id)
        .await
        .expect("changes");
    assert_eq!(changes.len(), 2);
    let edit = &changes[1];
    assert_eq!(edit.action, AuditAction::Update);
    assert_eq!(edit.fields.len(), 1);
    assert_eq!(edit.fields[0].field, "description");
    assert_eq!(edit.fields[0].before, "Monthly pay");
    assert_eq!(edit.fields[0].after, "Monthly pay and bonuses");

    let descriptions = |s: &dpadesk_app::history::RegisterSnapshot| -> Vec<String> {
        s.activities
            .iter()
            .map(|a| format!("{}: {}", a.data.name, a.data.description))
            .collect()
    };
    let before = app
        .register_as_of(acme.id, day(2026, 4, 1))
        .await
        .expect("april");
    assert_eq!(descriptions(&before), ["Payroll: Monthly pay"]);
    let after = app
        .register_as_of(acme.id, day(2026, 6, 1))
        .await
        .expect("june");
    assert_eq!(descriptions(&after), ["Payroll: Monthly pay and bonuses"]);
    let too_early = app
        .register_as_of(acme.id, day(2026, 2, 1))
        .await
        .expect("feb");
    assert!(too_early.organisation.is_none() && too_early.activities.is_empty());
    app.close().await.expect("closed");
}
