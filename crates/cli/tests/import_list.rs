//! `dpadesk import-list` and `dpadesk subprocessors`: the contract scripts depend on — the
//! dry-run JSON rows and their keys, standard input, no vault needed for a dry run — and a
//! saved second version compared with the first, then reviewed.

mod common;

use assert_cmd::Command;
use common::*;
use serde_json::Value;

const FIRST: &str = "\
Subprocessor;Country;Service;Transfer mechanism
Hetzner Online GmbH;Germany;Hosting;
Zendesk, Inc.;United States;Customer support;Standard Contractual Clauses
";

const SECOND: &str = "\
Subprocessor;Country;Service;Transfer mechanism
Hetzner Online GmbH;United States;Hosting;Standard Contractual Clauses
Zendesk, Inc.;United States;Customer support;Standard Contractual Clauses
Twilio Inc.;United States;SMS;Data Privacy Framework
";

fn write(dir: &tempfile::TempDir, name: &str, content: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, content).expect("write");
    path.display().to_string()
}

#[test]
fn a_dry_run_prints_the_contract_rows_and_needs_no_vault() {
    let dir = tempfile::tempdir().expect("dir");
    let list = write(&dir, "list.csv", SECOND);
    let no_vault = dir.path().join("none.dpadesk");
    let rows = json(&no_vault, &["import-list", &list, "--dry-run", "--json"]);
    assert!(!no_vault.exists(), "a dry run creates no vault");
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 3, "{rows:#?}");
    let keys: Vec<&str> = rows[0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "name",
        "address",
        "country",
        "service",
        "location",
        "mechanism",
        "certifications",
        "confidence",
    ];
    expected.sort_unstable();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, expected);
    let twilio = rows
        .iter()
        .find(|r| r["name"] == "Twilio Inc.")
        .expect("twilio");
    assert_eq!(twilio["country"], "US");
    assert_eq!(twilio["mechanism"], "dpf");
    let hetzner = rows
        .iter()
        .find(|r| r["name"] == "Hetzner Online GmbH")
        .expect("hetzner");
    assert_eq!(hetzner["mechanism"], "scc");
    let confidence = twilio["confidence"].as_f64().expect("number");
    assert!((0.0..=1.0).contains(&confidence));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let dir = tempfile::tempdir().expect("dir");
    let out = Command::cargo_bin("dpadesk")
        .expect("binary")
        .env("DPADESK_VAULT", dir.path().join("none.dpadesk"))
        .args(["import-list", "-", "--dry-run", "--json"])
        .write_stdin(FIRST)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let zendesk = rows
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["name"] == "Zendesk, Inc.")
        .expect("zendesk");
    assert_eq!(zendesk["country"], "US");
    assert_eq!(zendesk["mechanism"], "scc");
    let hetzner = rows
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["name"] == "Hetzner Online GmbH")
        .expect("hetzner");
    assert_eq!(
        hetzner["mechanism"], "eea",
        "inside the EEA whatever else the row says"
    );
}

#[test]
fn bad_files_get_a_clear_message_and_change_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let empty = write(&dir, "empty.csv", "");
    let v = vault();
    let message = user_error(&v.path, &["import-list", &empty, "--dry-run", "--json"]);
    assert!(message.contains("empty"), "{message}");
    let missing = dir.path().join("missing.pdf").display().to_string();
    let message = user_error(&v.path, &["import-list", &missing, "--dry-run"]);
    assert!(message.contains("cannot be read"), "{message}");
    // Sparse: the size is reported without writing 201 MB.
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(201 * 1024 * 1024))
        .expect("sparse file");
    let message = user_error(
        &v.path,
        &["import-list", &huge.display().to_string(), "--dry-run"],
    );
    assert!(message.contains("201 MB"), "{message}");
    let list = write(&dir, "list.csv", FIRST);
    let message = user_error(&v.path, &["import-list", &list]);
    assert!(message.contains("--vendor"), "{message}");
    let message = user_error(&v.path, &["import-list", &list, "--vendor", "Nobody Ltd"]);
    assert!(message.contains("Nobody Ltd"), "{message}");
    assert_eq!(
        json(&v.path, &["vendor", "list", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn a_second_version_is_compared_with_the_first_and_reviewed() {
    let dir = tempfile::tempdir().expect("dir");
    let v = vault();
    let p = &v.path;
    ok(p, &["vendor", "add", "--name", "Helpdesk Cloud GmbH"]);
    let first = write(&dir, "v1.csv", FIRST);
    let second = write(&dir, "v2.csv", SECOND);
    ok(
        p,
        &[
            "import-list",
            &first,
            "--vendor",
            "Helpdesk Cloud GmbH",
            "--received",
            "2026-11-01",
        ],
    );
    let report = json(
        p,
        &[
            "import-list",
            &second,
            "--vendor",
            "Helpdesk Cloud GmbH",
            "--received",
            "2026-12-20",
            "--json",
        ],
    );
    assert_eq!(report["changes"]["added"][0]["name"], "Twilio Inc.");
    assert_eq!(report["changes"]["changed"][0]["after"]["country"], "US");
    assert_eq!(report["changes"]["changed"][0]["before"]["country"], "DE");

    let versions = json(
        p,
        &[
            "subprocessors",
            "versions",
            "--vendor",
            "Helpdesk Cloud GmbH",
            "--json",
        ],
    );
    let versions = versions.as_array().expect("array");
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1]["source"], "v2.csv");
    let newest = versions[1]["id"].as_str().expect("id").to_string();

    let text = ok(
        p,
        &[
            "subprocessors",
            "changes",
            "--vendor",
            "Helpdesk Cloud GmbH",
        ],
    );
    assert!(
        text.contains("1 added, 0 removed, 1 changed, 1 unchanged"),
        "{text}"
    );
    assert!(text.contains("+ Twilio Inc."), "{text}");

    let said = ok(
        p,
        &[
            "subprocessors",
            "review",
            &newest,
            "--status",
            "objected",
            "--note",
            "US hosting",
        ],
    );
    assert!(said.starts_with("objected on "), "{said}");
    let versions = json(
        p,
        &[
            "subprocessors",
            "versions",
            "--vendor",
            "Helpdesk Cloud GmbH",
            "--json",
        ],
    );
    assert_eq!(versions[1]["review"]["status"], "objected");
    assert_eq!(versions[1]["review"]["note"], "US hosting");
}

#[test]
fn a_file_of_several_vendors_lists_keeps_the_rows_of_the_vendor_named() {
    let dir = tempfile::tempdir().expect("dir");
    let list = write(
        &dir,
        "scrape.csv",
        "Company,Sub-processor,Service category\n\
         Datadog,\"Amazon Web Services, Inc.\",Infrastructure\n\
         Datadog,Datadog,Monitoring\n\
         Datadog,\"Zendesk, Inc.\",Support\n\
         GitLab,\"Amazon Web Services, Inc.\",Hosting\n\
         GitLab,\"Mailgun Technologies, Inc.\",E-mail\n",
    );
    let no_vault = dir.path().join("none.dpadesk");
    let names = |rows: &Value| -> Vec<String> {
        rows.as_array()
            .expect("array")
            .iter()
            .map(|r| r["name"].as_str().expect("name").to_string())
            .collect()
    };
    // Without --vendor every vendor's rows stay, each its own (AWS twice); the vendor's
    // own line is none of its subprocessors.
    let all = json(&no_vault, &["import-list", &list, "--dry-run", "--json"]);
    assert_eq!(
        names(&all),
        [
            "Amazon Web Services, Inc.",
            "Zendesk, Inc.",
            "Amazon Web Services, Inc.",
            "Mailgun Technologies, Inc."
        ]
    );
    let gitlab = json(
        &no_vault,
        &[
            "import-list",
            &list,
            "--dry-run",
            "--json",
            "--vendor",
            "GitLab Inc.",
        ],
    );
    assert_eq!(
        names(&gitlab),
        ["Amazon Web Services, Inc.", "Mailgun Technologies, Inc."]
    );
    let nobody = user_error(
        &no_vault,
        &["import-list", &list, "--dry-run", "--vendor", "Acme GmbH"],
    );
    assert!(nobody.contains("Datadog, GitLab"), "{nobody}");
}
