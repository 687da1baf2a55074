//! Subprocessor lists over a temporary vault: a pasted list previewed, corrected and saved;
//! a second version compared with the first; the objection deadline per organisation; the
//! review of a change; names matched to the vendor catalogue; bad input refused.

mod common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use dpadesk_app::lists::{self, ChangedField, Watch};
use dpadesk_app::reminders::{Reminder, ReminderKind};
use dpadesk_app::{App, AppError};
use dpadesk_model::*;

fn fixed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0)
        .single()
        .expect("time")
}

async fn app() -> (tempfile::TempDir, App) {
    common::app_with_clock(fixed_now).await
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

async fn vendor(app: &App, name: &str) -> Vendor {
    app.create(VendorData {
        legal_name: name.into(),
        ..Default::default()
    })
    .await
    .expect("vendor")
}

const FIRST: &str = "\
| Subprocessor | Country | Service | Transfer mechanism |
|---|---|---|---|
| Hetzner Online GmbH | Germany | Hosting | - |
| Zendesk, Inc. | United States | Customer support tickets | Standard Contractual Clauses |
| OVH SAS | France | Backups | - |
";

const SECOND: &str = "\
| Subprocessor | Country | Service | Transfer mechanism |
|---|---|---|---|
| Hetzner Online GmbH | United States | Hosting | Standard Contractual Clauses |
| Zendesk, Inc. | United States | Customer support tickets | Standard Contractual Clauses |
| OVH SAS | France | Backups | - |
| Twilio Inc. | United States | SMS notifications | Data Privacy Framework |
";

/// An organisation whose DPA with `vendor` gives `window` days to object, and one activity
/// using the vendor.
async fn client(app: &App, name: &str, vendor: Id, window: Option<u32>) -> Organisation {
    let org = app
        .create(OrganisationData {
            name: name.into(),
            country: Some("PL".parse().expect("PL")),
            ..Default::default()
        })
        .await
        .expect("organisation");
    app.create(DpaData {
        organisation_id: org.id,
        vendor_id: vendor,
        version: "2026".into(),
        objection_window_days: window,
        ..Default::default()
    })
    .await
    .expect("dpa");
    app.create(ActivityData {
        organisation_id: org.id,
        name: format!("Customer support at {name}"),
        recipients: vec![Recipient {
            kind: RecipientKind::Processor,
            name: "Helpdesk vendor".into(),
            vendor_id: Some(vendor),
            country: None,
        }],
        ..Default::default()
    })
    .await
    .expect("activity");
    org
}

fn entries(preview: &lists::ImportPreview) -> Vec<SubprocessorEntry> {
    preview.rows.iter().map(|r| r.entry.clone()).collect()
}

#[tokio::test]
async fn a_second_version_shows_what_changed_and_when_to_object() {
    let (_dir, app) = app().await;
    let helpdesk = vendor(&app, "Helpdesk Cloud GmbH").await;
    let acme = client(&app, "Acme Sp. z o.o.", helpdesk.id, Some(14)).await;
    let beta = client(&app, "Beta S.A.", helpdesk.id, None).await;

    let first = lists::read_text(FIRST);
    assert_eq!(first.rows.len(), 3, "{:#?}", first.rows);
    let saved = app
        .save_list(
            helpdesk.id,
            Some(day(2026, 11, 1)),
            &first.source,
            &first.content_hash,
            entries(&first),
        )
        .await
        .expect("first version");
    let report = app.list_change(saved.id).await.expect("first report");
    assert!(report.previous.is_none());
    assert_eq!(report.changes.added.len(), 3);

    let second = lists::read_text(SECOND);
    let saved = app
        .save_list(
            helpdesk.id,
            Some(day(2026, 12, 20)),
            "pasted text",
            &second.content_hash,
            entries(&second),
        )
        .await
        .expect("second version");
    let report = app.list_change(saved.id).await.expect("report");
    let c = &report.changes;
    assert_eq!(
        c.added.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
        ["Twilio Inc."]
    );
    assert!(c.removed.is_empty());
    assert_eq!(c.changed.len(), 1);
    assert_eq!(c.changed[0].after.name, "Hetzner Online GmbH");
    assert!(c.changed[0].fields.contains(&ChangedField::Country));
    assert_eq!(
        c.changed[0].after.country.as_ref().map(CountryCode::as_str),
        Some("US")
    );
    assert_eq!(c.unchanged.len(), 2);

    let of = |id: Id| {
        report
            .organisations
            .iter()
            .find(|o| o.organisation_id == id)
            .expect("concerned")
    };
    assert_eq!(of(acme.id).object_by, Some(day(2027, 1, 3)));
    assert_eq!(of(acme.id).activities.len(), 1);
    assert_eq!(of(beta.id).object_by, None, "no window in Beta's DPA");

    let change_reminders = |reminders: Vec<Reminder>| {
        reminders
            .into_iter()
            .filter(|r| r.kind == ReminderKind::SubprocessorChange)
            .map(|r| r.due_on)
            .collect::<Vec<_>>()
    };
    let today = day(2026, 12, 21);
    let pending = change_reminders(app.reminders_of(acme.id, today).await.expect("reminders"));
    assert_eq!(
        pending,
        vec![Some(day(2027, 1, 3))],
        "reminded until the last day to object"
    );
    app.review_list(
        saved.id,
        ChangeReview {
            status: ReviewStatus::Accepted,
            ..Default::default()
        },
    )
    .await
    .expect("reviewed");
    let after = change_reminders(app.reminders_of(acme.id, today).await.expect("reminders"));
    assert!(after.is_empty(), "a reviewed change reminds no more");
    app.close().await.expect("closed");
}

#[tokio::test]
async fn the_same_list_reformatted_is_no_change() {
    let (_dir, app) = app().await;
    let helpdesk = vendor(&app, "Helpdesk Cloud GmbH").await;
    let first = lists::read_text(FIRST);
    app.save_list(
        helpdesk.id,
        Some(day(2026, 11, 1)),
        "a",
        &first.content_hash,
        entries(&first),
    )
    .await
    .expect("first");
    let reformatted = "Subprocessor\tCountry\tService\tTransfer mechanism\n\
        OVH SAS\tFrance\tbackups\t\n\
        Hetzner Online GmbH\tGermany\thosting\t\n\
        ZENDESK INC\tUnited States\tCustomer Support Tickets\tSCC\n";
    let second = lists::read_text(reformatted);
    let saved = app
        .save_list(
            helpdesk.id,
            Some(day(2026, 12, 1)),
            "b",
            &second.content_hash,
            entries(&second),
        )
        .await
        .expect("second");
    let report = app.list_change(saved.id).await.expect("report");
    assert!(report.changes.is_empty(), "{:#?}", report.changes);
    assert_eq!(report.changes.unchanged.len(), 3);
    app.close().await.expect("closed");
}

#[tokio::test]
async fn a_matched_name_becomes_an_alias_and_matches_by_itself_next_time() {
    let (_dir, app) = app().await;
    let aws = vendor(&app, "Amazon Web Services EMEA SARL").await;
    let shop = vendor(&app, "Shop Platform GmbH").await;
    let mut preview = lists::read_text(
        "| Name | Country | Service |\n|---|---|---|\n| AWS | Luxembourg | Hosting |\n| Cloud Storage Provider One | Germany | Storage |\n",
    );
    app.match_vendors(&mut preview).await.expect("match");
    assert_eq!(
        preview.rows[0].entry.vendor_id,
        Some(aws.id),
        "initials match"
    );
    assert_eq!(preview.rows[1].entry.vendor_id, None);
    // The user says the second row is AWS too, under another name.
    let mut rows = entries(&preview);
    rows[1].vendor_id = Some(aws.id);
    app.save_list(shop.id, None, "pasted text", "", rows)
        .await
        .expect("saved");
    let learnt = app.get::<VendorData>(aws.id).await.expect("aws");
    assert!(
        learnt
            .aliases
            .contains(&"Cloud Storage Provider One".to_string()),
        "{:?}",
        learnt.aliases
    );

    let mut next = lists::read_text(
        "| Name | Country |\n|---|---|\n| Cloud Storage Provider One | Germany |\n",
    );
    app.match_vendors(&mut next).await.expect("match");
    assert_eq!(next.rows[0].entry.vendor_id, Some(aws.id));
    app.close().await.expect("closed");
}

#[tokio::test]
async fn the_vaults_own_vendors_fill_a_country_the_list_leaves_out() {
    let (_dir, app) = app().await;
    let own = app
        .create(VendorData {
            legal_name: "Nordlicht Hosting AS".into(),
            country: "NO".parse().ok(),
            ..Default::default()
        })
        .await
        .expect("vendor");
    let mut preview = lists::read_text(
        "| Name | Country | Service |\n|---|---|---|\n| Nordlicht Hosting AS | | Hosting |\n| Zendesk, Inc. | United States | Support |\n",
    );
    app.match_vendors(&mut preview).await.expect("match");
    let row = &preview.rows[0];
    assert_eq!(row.entry.vendor_id, Some(own.id));
    assert_eq!(row.entry.country.as_ref().map(|c| c.as_str()), Some("NO"));
    assert!(
        row.uncertain.contains(&"country".to_string()),
        "{:?}",
        row.uncertain
    );
    // What the list says stays.
    assert_eq!(
        preview.rows[1].entry.country.as_ref().map(|c| c.as_str()),
        Some("US")
    );
    app.close().await.expect("closed");
}

#[tokio::test]
async fn a_version_without_rows_or_for_an_unknown_vendor_is_refused() {
    let (_dir, app) = app().await;
    let helpdesk = vendor(&app, "Helpdesk Cloud GmbH").await;
    let empty = app.save_list(helpdesk.id, None, "x", "", Vec::new()).await;
    assert!(matches!(empty, Err(AppError::Invalid(_))), "{empty:?}");
    let nameless = app
        .save_list(
            helpdesk.id,
            None,
            "x",
            "",
            vec![SubprocessorEntry::default()],
        )
        .await;
    assert!(
        matches!(nameless, Err(AppError::Invalid(_))),
        "{nameless:?}"
    );
    let unknown = app
        .save_list(
            Id::new(),
            None,
            "x",
            "",
            vec![SubprocessorEntry {
                name: "A".into(),
                ..Default::default()
            }],
        )
        .await;
    assert!(matches!(unknown, Err(AppError::Invalid(_))), "{unknown:?}");
    assert!(
        app.subprocessor_lists_of(helpdesk.id)
            .await
            .expect("lists")
            .is_empty()
    );
    app.close().await.expect("closed");
}

#[tokio::test]
async fn a_review_is_stamped_with_the_day_it_was_decided() {
    let (_dir, app) = app().await;
    let helpdesk = vendor(&app, "Helpdesk Cloud GmbH").await;
    let first = lists::read_text(FIRST);
    let saved = app
        .save_list(helpdesk.id, None, "a", &first.content_hash, entries(&first))
        .await
        .expect("saved");
    assert_eq!(
        saved.received_on,
        Some(day(2026, 12, 2)),
        "today by default"
    );
    assert_eq!(saved.review.status, ReviewStatus::Pending);
    let reviewed = app
        .review_list(
            saved.id,
            ChangeReview {
                status: ReviewStatus::Objected,
                note: "Hosting moves to the US without a TIA.".into(),
                decided_on: None,
            },
        )
        .await
        .expect("reviewed");
    assert_eq!(reviewed.review.status, ReviewStatus::Objected);
    assert_eq!(reviewed.review.decided_on, Some(day(2026, 12, 2)));
    let stored = app
        .get::<SubprocessorListData>(saved.id)
        .await
        .expect("stored");
    assert_eq!(stored.review.note, "Hosting moves to the US without a TIA.");
    app.close().await.expect("closed");
}

#[test]
fn unreadable_bytes_are_an_import_error_with_a_message() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let err =
        lists::read_file(&garbage, Some("list.xlsx"), &Watch::default()).expect_err("refused");
    assert_eq!(err.kind(), dpadesk_app::error::ErrorKind::Import);
    assert!(!err.to_string().is_empty());
    let empty = lists::read_file(b"", Some("list.csv"), &Watch::default()).expect_err("empty");
    assert_eq!(empty.to_string(), "The file is empty.");
}
