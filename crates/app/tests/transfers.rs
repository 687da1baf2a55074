//! The transfer checks over the sample vault: the register the checker sees is built from
//! activities, DPAs and subprocessor lists, and judged as of a date.

use chrono::NaiveDate;
use dpadesk_app::App;
use dpadesk_app::session::{create_vault, key_source};
use dpadesk_model::*;
use dpadesk_transfer::{RuleId, Severity};

async fn sample() -> (tempfile::TempDir, App, Organisation) {
    let dir = tempfile::tempdir().expect("dir");
    let app = create_vault(
        &dir.path().join("v.dpadesk"),
        &key_source(Some("pass phrase".into())),
    )
    .await
    .expect("vault");
    app.load_sample().await.expect("sample");
    let shop = app
        .list::<OrganisationData>()
        .await
        .expect("orgs")
        .into_iter()
        .find(|o| o.data.role == OrgRole::Controller)
        .expect("the sample controller");
    (dir, app, shop)
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

#[tokio::test]
async fn the_e_learning_privacy_shield_set_up_turns_invalid_with_schrems_ii() {
    let (_dir, app, shop) = sample().await;
    let invalid = |report: &dpadesk_app::transfers::CheckReport| {
        report
            .findings
            .iter()
            .filter(|f| f.rule == RuleId::InvalidMechanism)
            .count()
    };
    let before = app
        .check_transfers(Some(shop.id), day("2020-07-01"))
        .await
        .expect("check");
    assert_eq!(invalid(&before), 0, "{:#?}", before.findings);
    let after = app
        .check_transfers(Some(shop.id), day("2020-08-01"))
        .await
        .expect("check");
    assert!(invalid(&after) > 0, "{:#?}", after.findings);
    assert!(after.needs_action());
    assert!(after.findings.iter().all(|f| f.organisation.id == shop.id));
    // Most severe first.
    assert!(
        after
            .findings
            .windows(2)
            .all(|w| w[0].severity >= w[1].severity)
    );
}

#[tokio::test]
async fn us_subprocessors_under_scc_without_a_tia_are_named_with_their_vendor() {
    let (_dir, app, shop) = sample().await;
    let report = app
        .check_transfers(Some(shop.id), day("2026-12-02"))
        .await
        .expect("check");
    let tia: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == RuleId::TiaMissing && f.severity == Severity::High)
        .filter_map(|f| f.subprocessor.as_ref().map(|s| s.name.as_str()))
        .collect();
    assert!(tia.contains(&"Stripe, Inc."), "{tia:?}");
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.destination.as_deref() != Some("DE")),
        "transfers inside the EEA produce no finding"
    );
    let everyone = app
        .check_transfers(None, day("2026-12-02"))
        .await
        .expect("all");
    assert!(everyone.findings.len() > report.findings.len());
    assert!(!everyone.dataset_version.is_empty());
}
