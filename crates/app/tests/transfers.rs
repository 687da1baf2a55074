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
    assert!(
        after
            .findings
            .iter()
            .any(|f| f.rule == RuleId::InvalidMechanism && f.message.contains("C-311/18")),
        "the Privacy Shield finding names the judgment: {:#?}",
        after.findings
    );
    assert!(after.needs_action());
    assert!(after.findings.iter().all(|f| f.organisation.id == shop.id));
    // Most severe first.
    assert!(
        after
            .findings
            .windows(2)
            .all(|w| w[0].severity >= w[1].severity)
    );
    app.close().await.expect("closed");
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
    // Worded in English by default, in another language on request.
    let stripe = |r: &dpadesk_app::transfers::CheckReport| {
        r.findings
            .iter()
            .find(|f| {
                f.rule == RuleId::TiaMissing
                    && f.subprocessor
                        .as_ref()
                        .is_some_and(|s| s.name == "Stripe, Inc.")
            })
            .cloned()
            .expect("the Stripe finding")
    };
    let english = stripe(&report);
    assert!(
        english.message.contains("Stripe, Inc. (United States")
            && english.message.contains("subprocessor of"),
        "{}",
        english.message
    );
    assert!(
        english
            .remedy
            .starts_with("Document a transfer impact assessment")
    );
    let polish = stripe(&report.clone().in_language(dpadesk_report::Lang::Pl));
    assert!(
        polish.message.contains("Stripe, Inc. (Stany Zjednoczone"),
        "{}",
        polish.message
    );
    assert_ne!(polish.remedy, english.remedy);
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
    app.close().await.expect("closed");
}

fn vendor_named(vendors: &[Vendor], name: &str) -> Vendor {
    vendors
        .iter()
        .find(|v| v.data.legal_name == name)
        .cloned()
        .unwrap_or_else(|| panic!("sample vendor {name}"))
}

fn about<'a>(
    report: &'a dpadesk_app::transfers::CheckReport,
    rule: RuleId,
    recipient: &str,
) -> Vec<&'a dpadesk_transfer::Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .filter(|f| {
            let importer = match (&f.subprocessor, &f.vendor) {
                (Some(s), _) => Some(s.name.as_str()),
                (None, Some(v)) => Some(v.name.as_str()),
                (None, None) => None,
            };
            importer == Some(recipient)
        })
        .collect()
}

#[tokio::test]
async fn a_concluded_tia_answers_tia_missing_and_a_negative_one_blocks() {
    let (_dir, app, shop) = sample().await;
    let ca = vendor_named(
        &app.list::<VendorData>().await.expect("vendors"),
        "CA Customer Alliance GmbH",
    );
    let today = day("2026-12-02");
    let before = app
        .check_transfers(Some(shop.id), today)
        .await
        .expect("check");
    assert_eq!(
        about(&before, RuleId::TiaMissing, "Chargebee Inc.").len(),
        1
    );

    // The form opens pre-filled from the vendor's list and the dataset's notes on US law.
    let draft = app
        .tia_draft(shop.id, ca.id, "Chargebee Inc.", today)
        .await
        .expect("draft");
    assert!(draft.existing.is_none());
    assert!(draft.third_country && draft.art46_tool);
    assert_eq!(
        draft.adequacy, None,
        "Chargebee is not marked DPF-certified"
    );
    assert_eq!(draft.data.country, Some("US".parse().expect("US")));
    assert_eq!(draft.data.mechanism, Some(TransferMechanism::Scc));
    assert!(draft.laws.is_some_and(|l| !l.laws.is_empty()));

    // A conclusion needs a date and an assessment of the law.
    let unfinished = TiaData {
        conclusion: TiaConclusion::Equivalent,
        ..draft.data.clone()
    };
    let err = app.create(unfinished).await.expect_err("incomplete TIA");
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert!(
        fields.contains(&"assessed_on") && fields.contains(&"law_assessment"),
        "{fields:?}"
    );

    let tia = app
        .create(TiaData {
            law_assessment: "FISA 702 applies; encrypted at rest with EEA-held keys.".into(),
            measures: vec![SupplementaryMeasure::EncryptionKeysInEea],
            conclusion: TiaConclusion::EquivalentWithMeasures,
            assessed_on: Some(day("2026-11-30")),
            re_evaluate_on: Some(day("2027-11-30")),
            ..draft.data.clone()
        })
        .await
        .expect("TIA saved");
    let after = app
        .check_transfers(Some(shop.id), today)
        .await
        .expect("check");
    assert!(about(&after, RuleId::TiaMissing, "Chargebee Inc.").is_empty());
    assert_eq!(
        about(&after, RuleId::TiaMissing, "HubSpot, Inc.").len(),
        1,
        "a TIA covers one transfer only"
    );
    // Before it was written, it did not exist.
    let earlier = app
        .check_transfers(Some(shop.id), day("2026-11-01"))
        .await
        .expect("check");
    assert_eq!(
        about(&earlier, RuleId::TiaMissing, "Chargebee Inc.").len(),
        1
    );
    // Overdue a year later.
    let later = app
        .check_transfers(Some(shop.id), day("2027-12-01"))
        .await
        .expect("check");
    assert_eq!(about(&later, RuleId::TiaOverdue, "Chargebee Inc.").len(), 1);

    app.update(
        tia.id,
        TiaData {
            conclusion: TiaConclusion::NotEquivalent,
            ..tia.data.clone()
        },
    )
    .await
    .expect("updated");
    let negative = app
        .check_transfers(Some(shop.id), today)
        .await
        .expect("check");
    let blocked = about(&negative, RuleId::TiaNegative, "Chargebee Inc.");
    assert_eq!(blocked.len(), 1);
    assert_eq!(blocked[0].severity, Severity::Blocker);
    assert!(
        app.tia_draft(shop.id, ca.id, "chargebee inc.", today)
            .await
            .expect("draft")
            .existing
            .is_some_and(|t| t.id == tia.id),
        "the form reopens the recorded TIA"
    );
    // The vendor cannot be deleted from under its TIA.
    let refused = app.delete::<VendorData>(ca.id).await.expect_err("in use");
    assert!(
        refused.to_string().contains("transfer impact assessment"),
        "{refused}"
    );
    app.close().await.expect("closed");
}

#[tokio::test]
async fn remote_access_and_a_named_old_instrument_are_judged() {
    let (_dir, app, shop) = sample().await;
    let vendors = app.list::<VendorData>().await.expect("vendors");
    let vercom = vendor_named(&vendors, "Vercom S.A.");
    let today = day("2026-12-02");
    app.update(
        vercom.id,
        VendorData {
            remote_access_from: vec!["IN".parse().expect("IN")],
            ..vercom.data.clone()
        },
    )
    .await
    .expect("vendor");
    let report = app
        .check_transfers(Some(shop.id), today)
        .await
        .expect("check");
    let remote: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.vendor.as_ref().is_some_and(|v| v.id == vercom.id) && f.chain.is_empty())
        .filter(|f| f.destination.as_deref() == Some("IN"))
        .collect();
    assert!(
        remote.iter().any(|f| f.rule == RuleId::NoMechanism),
        "support from India is a transfer with no tool: {:#?}",
        report.findings
    );

    // The DPA names the 2010 SCCs for that remote access: invalid since 2022-12-27.
    let dpa = app
        .dpas_of(shop.id)
        .await
        .expect("dpas")
        .into_iter()
        .find(|d| d.vendor_id == vercom.id)
        .expect("dpa");
    app.update(
        dpa.id,
        DpaData {
            transfer_mechanism: Some(TransferMechanism::Scc),
            scc_module: Some(SccModule::ControllerToProcessor),
            transfer_instrument: "2010/87/EU".into(),
            ..dpa.data.clone()
        },
    )
    .await
    .expect("dpa");
    let report = app
        .check_transfers(Some(shop.id), today)
        .await
        .expect("check");
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == RuleId::InvalidMechanism
                && f.vendor.as_ref().is_some_and(|v| v.id == vercom.id)
                && f.destination.as_deref() == Some("IN")),
        "{:#?}",
        report.findings
    );
    app.close().await.expect("closed");
}

fn newer_dataset(date: &str, version: &str) -> Vec<u8> {
    let mut ds: serde_json::Value =
        serde_json::from_str(include_str!("../../transfer/data/dataset.json")).expect("json");
    ds["date"] = date.into();
    ds["version"] = version.into();
    serde_json::to_vec(&ds).expect("bytes")
}

#[tokio::test]
async fn a_newer_dataset_is_kept_in_the_vault_and_a_bad_one_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v.dpadesk");
    let keys = key_source(Some("pass phrase".into()));
    let app = create_vault(&path, &keys).await.expect("vault");
    let builtin = app.reference_dataset().await.expect("info");
    assert!(!builtin.loaded);
    assert_eq!(builtin.in_use, builtin.builtin);

    for bad in [
        b"not json at all".to_vec(),
        br#"{"format": 99}"#.to_vec(),
        br#"{"format": 1, "version": "x"}"#.to_vec(),
        newer_dataset("2001-01-01", "2001.1"),
    ] {
        let err = app.load_dataset(&bad).await.expect_err("refused");
        assert_eq!(err.kind(), dpadesk_app::error::ErrorKind::Invalid);
        assert_eq!(err.fields()[0].field, "file");
        assert_eq!(app.reference_dataset().await.expect("info"), builtin);
    }

    let loaded = app
        .load_dataset(&newer_dataset("2099-01-01", "2099.01.1"))
        .await
        .expect("loaded");
    assert!(loaded.loaded);
    assert_eq!(loaded.in_use.version, "2099.01.1");
    let report = app
        .check_transfers(None, day("2026-12-02"))
        .await
        .expect("check");
    assert_eq!(report.dataset_version, "2099.01.1");
    app.close().await.expect("closed");

    let again = dpadesk_app::session::open_vault(&path, &keys)
        .await
        .expect("reopened");
    assert_eq!(
        again
            .reference_dataset()
            .await
            .expect("info")
            .in_use
            .version,
        "2099.01.1",
        "the loaded dataset stays with the vault"
    );
    let reset = again.reset_dataset().await.expect("reset");
    assert_eq!(reset, builtin);
    again.close().await.expect("closed");
}

#[tokio::test]
async fn what_if_flows_and_summary_cover_every_organisation() {
    let (_dir, app, shop) = sample().await;
    let today = day("2026-12-02");
    let sccs_fall = dpadesk_transfer::Hypothesis::InstrumentInvalidated {
        reference: "2021/914".into(),
        on: today,
    };
    let baseline = app.check_transfers(None, today).await.expect("check");
    let lost = app
        .transfer_what_if(None, today, std::slice::from_ref(&sccs_fall))
        .await
        .expect("what if");
    assert_eq!(lost.hypotheses, vec![sccs_fall]);
    assert!(
        !lost.lost.findings.is_empty(),
        "the sample relies on the 2021 SCCs"
    );
    assert!(lost.lost.organisations.iter().any(|o| o.id == shop.id));
    assert!(
        lost.lost
            .findings
            .iter()
            .all(|f| f.rule == RuleId::InvalidMechanism && f.destination.is_some()),
        "{:#?}",
        lost.lost.findings
    );
    let known: Vec<_> = baseline.findings.iter().map(|f| f.key()).collect();
    assert!(lost.lost.findings.iter().all(|f| !known.contains(&f.key())));

    let flows = app
        .transfer_flows(Some(shop.id), today)
        .await
        .expect("flows");
    let own: Vec<_> = flows.flows.iter().filter(|f| f.chain.is_empty()).collect();
    assert!(own.iter().all(|f| !f.activities.is_empty()));
    let chargebee = flows
        .flows
        .iter()
        .find(|f| f.recipient == "Chargebee Inc.")
        .expect("onward hop");
    assert_eq!(chargebee.third_countries, vec!["US".to_string()]);
    assert_eq!(chargebee.status, Some(Severity::High), "TIA missing");
    assert!(
        flows
            .flows
            .iter()
            .filter(|f| f.country.as_deref() == Some("DE"))
            .all(|f| f.third_countries.is_empty() && f.status.is_none()),
        "EEA hops are in order"
    );

    let summary = app.transfer_summary(today).await.expect("summary");
    assert_eq!(
        summary.len(),
        app.list::<OrganisationData>().await.expect("orgs").len()
    );
    let mine = summary
        .iter()
        .find(|s| s.organisation.id == shop.id)
        .expect("shop");
    let c = mine.counts;
    let shop_report = app
        .check_transfers(Some(shop.id), today)
        .await
        .expect("check");
    assert_eq!(
        c.blocker + c.high + c.medium + c.low + c.info,
        shop_report.findings.len()
    );
    app.close().await.expect("closed");
}

#[tokio::test]
async fn the_sample_tia_is_overdue_for_re_evaluation() {
    let (_dir, app, shop) = sample().await;
    let tias = app.tias_of(shop.id).await.expect("tias");
    assert_eq!(tias.len(), 1);
    let on = |d| {
        let app = &app;
        async move {
            app.check_transfers(Some(shop.id), day(d))
                .await
                .expect("check")
        }
    };
    let fresh = on("2026-01-15").await;
    assert!(about(&fresh, RuleId::TiaMissing, "Google LLC").is_empty());
    assert!(about(&fresh, RuleId::TiaOverdue, "Google LLC").is_empty());
    let due = on("2026-12-02").await;
    assert_eq!(about(&due, RuleId::TiaOverdue, "Google LLC").len(), 1);
    app.close().await.expect("closed");
}

/// Every organisation's counts, checked afresh.
async fn counted_afresh(
    app: &App,
    on: NaiveDate,
) -> Vec<(String, dpadesk_transfer::SeverityCounts)> {
    let mut out = Vec::new();
    for org in app.list::<OrganisationData>().await.expect("orgs") {
        let report = app.check_transfers(Some(org.id), on).await.expect("check");
        out.push((org.data.name, dpadesk_transfer::summary(&report.findings)));
    }
    out
}

async fn counted_by_summary(
    app: &App,
    on: NaiveDate,
) -> Vec<(String, dpadesk_transfer::SeverityCounts)> {
    app.transfer_summary(on)
        .await
        .expect("summary")
        .into_iter()
        .map(|o| (o.organisation.name, o.counts))
        .collect()
}

#[tokio::test]
async fn the_home_screen_counts_follow_every_change() {
    let (_dir, app, shop) = sample().await;
    let today = day("2026-12-02");
    // As the window does once the vault is open: the counts are then kept.
    app.warm_up(today).await.expect("warm up");
    let before = counted_by_summary(&app, today).await;
    assert_eq!(before, counted_afresh(&app, today).await);

    // A change to one organisation's DPA: its counts change, the kept ones of the others stay right.
    let dpa = app.dpas_of(shop.id).await.expect("dpas")[0].clone();
    let mut data = dpa.data.clone();
    data.next_review_on = None;
    data.signed_on = None;
    app.update(dpa.id, data).await.expect("dpa");
    let after_dpa = counted_by_summary(&app, today).await;
    assert_eq!(after_dpa, counted_afresh(&app, today).await);
    assert_ne!(after_dpa, before, "the change shows in the counts");

    // A change every organisation shares: a vendor's country forgotten.
    let vendors = app.list::<VendorData>().await.expect("vendors");
    let used = &dpa.data.vendor_id;
    let vendor = vendors
        .iter()
        .find(|v| &v.id == used)
        .expect("the DPA's vendor");
    let mut data = vendor.data.clone();
    data.country = None;
    app.update(vendor.id, data).await.expect("vendor");
    let after_vendor = counted_by_summary(&app, today).await;
    assert_eq!(after_vendor, counted_afresh(&app, today).await);
    assert_ne!(after_vendor, after_dpa);

    // Another day is counted for that day.
    let earlier = day("2020-08-01");
    assert_eq!(
        counted_by_summary(&app, earlier).await,
        counted_afresh(&app, earlier).await
    );
    app.close().await.expect("closed");
}

#[tokio::test]
async fn transfers_the_register_records_reach_international_organisations_on_both_sides() {
    let (_dir, app, shop) = sample().await;
    let today = day("2026-12-02");
    let recorded = |recipient: &str, organisation: &str| TransferRecord {
        recipient: recipient.into(),
        country: "US".parse().expect("US"),
        international_organisation: Some(organisation.into()),
        mechanism: TransferMechanism::Adequacy,
        safeguards: String::new(),
    };
    let to = |report: &dpadesk_app::transfers::CheckReport, code: &str| {
        report
            .findings
            .iter()
            .filter(|f| f.destination.as_deref() == Some(code))
            .map(|f| (f.rule, f.client.is_some()))
            .collect::<Vec<_>>()
    };
    // The controller's activity sends data to the EPO, which has a decision of its own.
    let mut activity = app
        .activities_of(shop.id)
        .await
        .expect("activities")
        .into_iter()
        .find(|a| a.data.status == ActivityStatus::Active)
        .expect("an active activity");
    activity
        .data
        .transfers
        .push(recorded("European Patent Office", "EPO"));
    app.update(activity.id, activity.data.clone())
        .await
        .expect("saved");
    let report = app
        .check_transfers(Some(shop.id), today)
        .await
        .expect("check");
    assert!(to(&report, "EPO").is_empty(), "{:?}", to(&report, "EPO"));

    // A processor's Art. 30(2) record sending a client's data to an organisation without one.
    let processor = app
        .list::<OrganisationData>()
        .await
        .expect("orgs")
        .into_iter()
        .find(|o| o.data.role != OrgRole::Controller)
        .expect("the sample processor");
    let mut record = app
        .processor_records_of(processor.id)
        .await
        .expect("records")[0]
        .clone();
    record.data.transfers.push(recorded("UN agency", "UN"));
    app.update(record.id, record.data.clone())
        .await
        .expect("saved");
    let report = app
        .check_transfers(Some(processor.id), today)
        .await
        .expect("check");
    assert_eq!(to(&report, "UN"), [(RuleId::AdequacyAbsent, true)]);
    app.close().await.expect("closed");
}
