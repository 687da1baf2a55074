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
    // Worded in English, naming the judgment and what to do.
    let message = invalid["message"].as_str().expect("message");
    assert!(message.contains("Course Cloud Inc."), "{message}");
    assert!(message.contains("C-311/18"), "{message}");
    assert!(
        invalid["remedy"]
            .as_str()
            .is_some_and(|r| r.starts_with("Replace it"))
    );
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
    // Usage errors are errors too: a malformed date or country code exits 2, like `diff`.
    for args in [
        &["check", "--as-of", "2026-13-45"][..],
        &["check", "--if-adequacy-ends", "XX1"],
        &["check", "--no-such-flag"],
        &[
            "--vault",
            v.path.to_str().unwrap(),
            "check",
            "--as-of",
            "soon",
        ],
    ] {
        let out = dpadesk(&v.path, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    // Elsewhere a usage error stays a problem the user can fix (exit 1).
    assert_eq!(
        dpadesk(&v.path, &["org", "list", "--bogus"]).status.code(),
        Some(1)
    );
    // A typo in a what-if is refused, naming what the dataset holds, not read as all-clear.
    let typo = dpadesk(&v.path, &["check", "--if-invalid", "2021/9144"]);
    assert_eq!(typo.status.code(), Some(2));
    let said = String::from_utf8_lossy(&typo.stderr);
    assert!(
        said.contains("2021/9144") && said.contains("2021/914 ("),
        "{said}"
    );
    let none = dpadesk(&v.path, &["check", "--if-adequacy-ends", "AU"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no adequacy decision for AU"));
}

#[test]
fn what_if_the_us_adequacy_ended_lists_what_would_lose_its_basis() {
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
            "Zoom Video Communications, Inc.",
            "--country",
            "US",
            "--dpf",
            "certified",
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
            "Video calls",
            "--purpose",
            "Meetings=f",
            "--subject",
            "Employees",
            "--data",
            "Name:until the end of employment",
            "--processor",
            "Zoom Video Communications, Inc.",
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
            "Zoom Video Communications, Inc.",
            "--signed",
            "2024-01-10",
            "--mechanism",
            "dpf",
        ],
    );
    let today = dpadesk(p, &["check", "--as-of", "2026-12-01", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&today.stdout).expect("JSON");
    assert!(
        !findings(&report).iter().any(|f| f["country"] == "US"),
        "{report:#}"
    );

    let out = dpadesk(
        p,
        &[
            "check",
            "--as-of",
            "2026-12-01",
            "--if-adequacy-ends",
            "US",
            "--json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lost: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(lost["hypotheses"][0]["kind"], "decision_ended");
    assert_eq!(lost["activities"], serde_json::json!(["Video calls"]));
    assert_eq!(
        lost["organisations"],
        serde_json::json!(["Acme Sp. z o.o."])
    );
    assert!(
        findings(&lost)
            .iter()
            .all(|f| f["country"] == "US" && f["vendor"] == "Zoom Video Communications, Inc."),
        "{lost:#}"
    );
    assert!(!findings(&lost).is_empty());
}

#[test]
fn a_reference_dataset_file_is_validated_before_it_is_used() {
    let v = vault();
    let p = &v.path;
    let shown = json(p, &["dataset", "--json"]);
    assert_eq!(shown["loaded"], false);
    let version = shown["in_use"]["version"].clone();

    let dir = tempfile::tempdir().expect("dir");
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        br#"{"format": 1, "version": "9999", "date": "2999-01-01"}"#,
    )
    .expect("write");
    let message = user_error(p, &["dataset", "load", bad.to_str().expect("path")]);
    assert!(message.contains("cannot be used"), "{message}");
    assert_eq!(
        json(p, &["dataset", "--json"])["in_use"]["version"],
        version
    );

    let mut newer: serde_json::Value =
        serde_json::from_str(include_str!("../../transfer/data/dataset.json")).expect("dataset");
    newer["version"] = "2099.01.1".into();
    newer["date"] = "2099-01-01".into();
    let good = dir.path().join("dataset-2099.json");
    std::fs::write(&good, serde_json::to_vec(&newer).expect("bytes")).expect("write");
    let loaded = json(
        p,
        &["dataset", "load", good.to_str().expect("path"), "--json"],
    );
    assert_eq!(loaded["loaded"], true);
    let report = json(p, &["check", "--json"]);
    assert_eq!(report["dataset_version"], "2099.01.1");
    assert_eq!(
        json(p, &["dataset", "reset", "--json"])["in_use"]["version"],
        version
    );
}
