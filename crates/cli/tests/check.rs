//! `dpadesk check`: the JSON contract scripts depend on, the exit code (1 with a blocker or
//! high finding, 0 without), and the register judged as of a date.

mod common;

use common::*;

fn findings(value: &serde_json::Value) -> &Vec<serde_json::Value> {
    value["findings"].as_array().expect("findings")
}

#[test]
fn a_privacy_shield_set_up_is_clean_before_schrems_ii_and_blocks_after() {
    let v = vault();
    let p = &v.path;
    ok(
        p,
        &[
            "org",
            "add",
            "--name",
            "Acme Sp. z o.o.",
            "--country",
            "PL",
            "--role",
            "controller",
        ],
    );
    ok(
        p,
        &[
            "vendor",
            "add",
            "--name",
            "Course Cloud Inc.",
            "--country",
            "US",
        ],
    );
    ok(
        p,
        &[
            "activity",
            "add",
            "--org",
            "Acme Sp. z o.o.",
            "--name",
            "E-learning",
            "--purpose",
            "Staff training=b",
            "--subject",
            "Employees",
            "--data",
            "Name:until the end of employment",
            "--processor",
            "Course Cloud Inc.",
        ],
    );
    ok(
        p,
        &[
            "dpa",
            "add",
            "--org",
            "Acme Sp. z o.o.",
            "--vendor",
            "Course Cloud Inc.",
            "--signed",
            "2019-03-01",
            "--mechanism",
            "privacy-shield",
        ],
    );

    let before = dpadesk(
        p,
        &[
            "check",
            "--org",
            "Acme Sp. z o.o.",
            "--as-of",
            "2020-07-01",
            "--json",
        ],
    );
    assert_eq!(
        before.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&before.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&before.stdout).expect("JSON");
    assert_eq!(report["as_of"], "2020-07-01");
    assert!(
        report["dataset_version"]
            .as_str()
            .is_some_and(|v| !v.is_empty())
    );
    assert!(
        !findings(&report)
            .iter()
            .any(|f| f["rule"] == "invalid_mechanism"),
        "{report:#}"
    );

    let after = dpadesk(
        p,
        &[
            "check",
            "--org",
            "Acme Sp. z o.o.",
            "--as-of",
            "2020-08-01",
            "--json",
        ],
    );
    assert_eq!(after.status.code(), Some(1), "a blocker needs action");
    let report: serde_json::Value = serde_json::from_slice(&after.stdout).expect("JSON");
    let invalid = findings(&report)
        .iter()
        .find(|f| f["rule"] == "invalid_mechanism")
        .expect("the Privacy Shield is flagged");
    for key in [
        "rule",
        "severity",
        "organisation",
        "activity",
        "vendor",
        "subprocessor",
        "country",
        "message",
        "articles",
        "remedy",
    ] {
        assert!(invalid.get(key).is_some(), "{key} missing in {invalid:#}");
    }
    assert_eq!(invalid["severity"], "blocker");
    assert_eq!(invalid["organisation"], "Acme Sp. z o.o.");
    assert_eq!(invalid["vendor"], "Course Cloud Inc.");
    assert_eq!(invalid["country"], "US");
    assert!(!invalid["articles"].as_array().expect("articles").is_empty());
}

#[test]
fn an_error_exits_with_2_not_with_the_findings_code() {
    let v = vault();
    let out = dpadesk(&v.path, &["check", "--org", "Nobody", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nobody"));
    let empty = dpadesk(&v.path, &["check", "--json"]);
    assert_eq!(empty.status.code(), Some(0), "no organisation, no finding");
}
