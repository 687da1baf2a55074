//! The transfer facts the CLI records and `check` judges: DPF participation in three states
//! with the day and place it was checked, partial adequacy conditions, an exporter in an EEA
//! state outside the EU, and a vendor that is an international organisation.

mod common;

use common::*;
use serde_json::Value;

fn add_org(p: &std::path::Path, name: &str, country: &str) {
    ok(
        p,
        &[
            "org",
            "add",
            "--name",
            name,
            "--country",
            country,
            "--role",
            "controller",
        ],
    );
}

/// An activity of `org` using `vendor` as processor, with a DPA relying on `mechanism`.
fn uses(p: &std::path::Path, org: &str, vendor: &str, mechanism: &str) {
    ok(
        p,
        &[
            "activity",
            "add",
            "--org",
            org,
            "--name",
            &format!("Work with {vendor}"),
            "--purpose",
            "Service=b",
            "--subject",
            "Customers",
            "--data",
            "Name",
            "--processor",
            vendor,
        ],
    );
    ok(
        p,
        &[
            "dpa",
            "add",
            "--org",
            org,
            "--vendor",
            vendor,
            "--signed",
            "2024-01-10",
            "--mechanism",
            mechanism,
        ],
    );
}

/// `check` as of `day`: its exit code and the transfer findings (those with a destination)
/// about `vendor`; the DPA's own gaps are another matter.
fn check(p: &std::path::Path, org: &str, day: &str, vendor: &str) -> (Option<i32>, Vec<Value>) {
    let out = dpadesk(p, &["check", "--org", org, "--as-of", day, "--json"]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let about = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["vendor"] == vendor && !f["country"].is_null())
        .cloned()
        .collect();
    (out.status.code(), about)
}

fn rules(findings: &[Value]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().into(),
                f["severity"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn dpf_participation_has_three_states_and_only_a_check_says_not_certified() {
    let v = vault();
    let p = &v.path;
    add_org(p, "Acme Sp. z o.o.", "PL");
    ok(
        p,
        &["vendor", "add", "--name", "Plain Inc.", "--country", "US"],
    );
    uses(p, "Acme Sp. z o.o.", "Plain Inc.", "dpf");

    let (code, found) = check(p, "Acme Sp. z o.o.", "2026-11-03", "Plain Inc.");
    assert_eq!(code, Some(1));
    assert_eq!(
        rules(&found),
        [("adequacy_scope_unverified".into(), "high".into())]
    );

    ok(
        p,
        &[
            "vendor",
            "update",
            "Plain Inc.",
            "--dpf",
            "not-certified",
            "--dpf-checked-on",
            "2026-11-02",
            "--dpf-source",
            "https://www.dataprivacyframework.gov/list",
        ],
    );
    let shown = json(p, &["vendor", "show", "Plain Inc.", "--json"]);
    assert_eq!(
        shown["scope_checks"],
        serde_json::json!([{
            "scope": "dpf_listed", "outcome": "outside", "checked_on": "2026-11-02",
            "source": "https://www.dataprivacyframework.gov/list"
        }])
    );
    let (code, found) = check(p, "Acme Sp. z o.o.", "2026-11-03", "Plain Inc.");
    assert_eq!(code, Some(1));
    assert_eq!(
        rules(&found),
        [("outside_adequacy_scope".into(), "blocker".into())]
    );
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("checked on 2 November 2026 (https://www.dataprivacyframework.gov/list) and is not on the DPF list"),
        "{message}"
    );

    ok(p, &["vendor", "update", "Plain Inc.", "--dpf", "certified"]);
    let shown = json(p, &["vendor", "show", "Plain Inc.", "--json"]);
    assert_eq!(shown["scope_checks"][0]["outcome"], "inside");
    assert_eq!(
        shown["scope_checks"][0]["checked_on"]
            .as_str()
            .map(str::len),
        Some(10),
        "a check without a day is dated today"
    );
    let (code, found) = check(p, "Acme Sp. z o.o.", "2026-11-03", "Plain Inc.");
    assert_eq!((code, found.len()), (Some(0), 0), "{found:#?}");

    ok(
        p,
        &["vendor", "update", "Plain Inc.", "--dpf", "not-checked"],
    );
    let shown = json(p, &["vendor", "show", "Plain Inc.", "--json"]);
    assert_eq!(shown["scope_checks"], serde_json::json!([]));

    // A state or condition the CLI does not know is refused, naming the good ones, and
    // changes nothing.
    for (bad, names) in [
        (
            &["vendor", "update", "Plain Inc.", "--dpf", "maybe"][..],
            "certified, not-certified, not-checked",
        ),
        (
            &["vendor", "update", "Plain Inc.", "--scope", "pipeda=inside"][..],
            "pipeda-subject",
        ),
        (
            &[
                "vendor",
                "update",
                "Plain Inc.",
                "--scope",
                "pipeda-subject=perhaps",
            ][..],
            "inside, outside or not-checked",
        ),
    ] {
        let out = dpadesk(p, bad);
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(names), "{bad:?}: {said}");
    }
    let shown = json(p, &["vendor", "show", "Plain Inc.", "--json"]);
    assert_eq!(shown["scope_checks"], serde_json::json!([]));
}

#[test]
fn partial_conditions_and_norwegian_exporters_are_judged() {
    let v = vault();
    let p = &v.path;
    add_org(p, "Acme Sp. z o.o.", "PL");
    add_org(p, "Fjord AS", "NO");
    ok(
        p,
        &[
            "vendor",
            "add",
            "--name",
            "São Paulo Ltda.",
            "--country",
            "BR",
            "--scope",
            "lgpd-subject=inside",
            "--scope-checked-on",
            "2026-02-01",
        ],
    );
    ok(
        p,
        &[
            "vendor",
            "add",
            "--name",
            "Provincial Agency",
            "--country",
            "CA",
            "--scope",
            "pipeda-subject=outside",
        ],
    );
    for org in ["Acme Sp. z o.o.", "Fjord AS"] {
        uses(p, org, "São Paulo Ltda.", "adequacy");
    }
    uses(p, "Acme Sp. z o.o.", "Provincial Agency", "adequacy");

    let (_, found) = check(p, "Acme Sp. z o.o.", "2026-06-01", "São Paulo Ltda.");
    assert!(
        found.is_empty(),
        "an EU exporter relies on the decision: {found:#?}"
    );
    let (code, found) = check(p, "Fjord AS", "2026-06-01", "São Paulo Ltda.");
    assert_eq!(code, Some(1));
    assert_eq!(
        rules(&found),
        [("adequacy_not_in_eea_agreement".into(), "blocker".into())]
    );
    assert_eq!(found[0]["country"], "BR");
    assert!(found[0]["message"].as_str().unwrap().contains("Norway"));

    let (_, found) = check(p, "Acme Sp. z o.o.", "2026-06-01", "Provincial Agency");
    assert_eq!(
        rules(&found),
        [("outside_adequacy_scope".into(), "blocker".into())]
    );
}

#[test]
fn a_vendor_can_be_an_international_organisation() {
    let v = vault();
    let p = &v.path;
    add_org(p, "Acme Sp. z o.o.", "PL");
    let refused = dpadesk(p, &["vendor", "add", "--name", "EPO", "--country", "EPO"]);
    assert_ne!(refused.status.code(), Some(0));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("--international-organisation EPO"), "{said}");

    ok(
        p,
        &[
            "vendor",
            "add",
            "--name",
            "European Patent Office",
            "--country",
            "DE",
            "--international-organisation",
            "EPO",
        ],
    );
    ok(
        p,
        &[
            "vendor",
            "add",
            "--name",
            "UN Agency",
            "--international-organisation",
            "UN",
        ],
    );
    let shown = json(p, &["vendor", "show", "European Patent Office", "--json"]);
    assert_eq!(shown["international_organisation"], "EPO");
    uses(p, "Acme Sp. z o.o.", "European Patent Office", "adequacy");
    uses(p, "Acme Sp. z o.o.", "UN Agency", "adequacy");

    let (_, found) = check(p, "Acme Sp. z o.o.", "2025-08-01", "European Patent Office");
    assert!(found.is_empty(), "the EPO's decision covers it: {found:#?}");
    let (_, found) = check(p, "Acme Sp. z o.o.", "2025-07-01", "European Patent Office");
    assert_eq!(
        rules(&found),
        [("adequacy_absent".into(), "blocker".into())]
    );
    assert_eq!(found[0]["country"], "EPO");
    let (_, found) = check(p, "Acme Sp. z o.o.", "2025-08-01", "UN Agency");
    assert_eq!(
        rules(&found),
        [("adequacy_absent".into(), "blocker".into())]
    );
    assert_eq!(found[0]["country"], "UN");
}
