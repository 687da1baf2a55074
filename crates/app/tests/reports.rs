//! Exports over a vault with a past: the register as it stood at the end of an earlier day
//! (rebuilt from the audit log), and the requests an export refuses.

mod common;

use chrono::NaiveDate;
use common::{app_with_clock, moved_clock, set_now};
use dpadesk_app::AppError;
use dpadesk_app::reports::{ExportFormat, ExportRequest, ReportKind};
use dpadesk_model::*;
use dpadesk_report::Lang;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

#[tokio::test]
async fn a_past_day_gives_the_register_as_it_stood_and_bad_requests_are_refused() {
    let (_dir, app) = app_with_clock(moved_clock).await;
    set_now(day("2026-03-10"));
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
    set_now(day("2026-06-01"));
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
