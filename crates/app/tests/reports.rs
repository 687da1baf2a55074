//! Exports over a vault with a past: the register as it stood at the end of an earlier day
//! (rebuilt from the audit log), and the requests an export refuses.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use dpadesk_app::reports::{ExportFormat, ExportRequest, ReportKind};
use dpadesk_app::session::key_source;
use dpadesk_app::{App, AppError};
use dpadesk_model::*;
use dpadesk_report::Lang;
use std::sync::atomic::{AtomicI64, Ordering};

/// The app's clock, moved by the test between changes.
static NOW: AtomicI64 = AtomicI64::new(0);

fn clock() -> DateTime<Utc> {
    Utc.timestamp_opt(NOW.load(Ordering::SeqCst), 0)
        .single()
        .expect("time")
}

fn set_now(y: i32, m: u32, d: u32) {
    let t = Utc
        .with_ymd_and_hms(y, m, d, 9, 0, 0)
        .single()
        .expect("time");
    NOW.store(t.timestamp(), Ordering::SeqCst);
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

#[tokio::test]
async fn a_past_day_gives_the_register_as_it_stood_and_bad_requests_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let vault = dpadesk_store::Vault::create(
        &dir.path().join("v.dpadesk"),
        &key_source(Some("pass phrase".into())),
    )
    .await
    .expect("vault");
    let app = App::with_clock(vault, clock);
    set_now(2026, 3, 10);
    app.load_sample().await.expect("sample");
    let shop = app
        .find_organisation("Czajnik i Filiżanka Sp. z o.o.")
        .await
        .expect("shop");
    let activity = app
        .activities_of(shop.id)
        .await
        .expect("activities")
        .remove(0);
    set_now(2026, 6, 1);
    app.update(
        activity.id,
        ActivityData {
            name: "Renamed in June".into(),
            ..activity.data.clone()
        },
    )
    .await
    .expect("renamed");
    let today = day("2026-12-02");

    let march = app
        .report_snapshot(shop.id, day("2026-03-31"), today)
        .await
        .expect("March");
    let then = march
        .activities
        .iter()
        .find(|a| a.id == activity.id)
        .expect("the activity existed");
    assert_eq!(then.data.name, activity.data.name);
    assert_eq!(march.as_of, day("2026-03-31"));
    assert_eq!(march.issued_on, today);
    assert!(!march.vendors.is_empty() && !march.measures.is_empty());
    let now = app
        .report_snapshot(shop.id, today, today)
        .await
        .expect("now");
    assert!(
        now.activities
            .iter()
            .any(|a| a.data.name == "Renamed in June")
    );

    let before = app
        .report_snapshot(shop.id, day("2026-03-09"), today)
        .await
        .expect_err("not there yet");
    assert!(matches!(before, AppError::NotFound(_)), "{before:?}");

    let request = |format, kind, as_of: Option<&str>| ExportRequest {
        organisation: shop.id,
        format,
        kind,
        lang: Lang::Pl,
        as_of: as_of.map(day),
    };
    for (refused, field) in [
        (
            request(ExportFormat::Pdf, ReportKind::Register, Some("2027-01-01")),
            "as_of",
        ),
        (
            request(ExportFormat::Json, ReportKind::Register, Some("2026-03-31")),
            "as_of",
        ),
        (request(ExportFormat::Csv, ReportKind::Risk, None), "kind"),
    ] {
        let err = app.export(&refused, today).await.expect_err("refused");
        assert_eq!(err.fields()[0].field, field, "{err}");
    }
    let file = app
        .export(
            &request(ExportFormat::Pdf, ReportKind::Register, Some("2026-03-31")),
            today,
        )
        .await
        .expect("pdf");
    assert!(file.bytes.starts_with(b"%PDF"));
    assert!(
        file.file_name.ends_with("2026-03-31.pdf"),
        "{}",
        file.file_name
    );
    app.close().await.expect("closed");
}
