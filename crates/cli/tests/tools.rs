//! The register tools from a terminal: sample data, completeness, reminders, search,
//! templates, copies between clients, history and the register as of a day.

mod common;

use common::*;

#[test]
fn the_sample_feeds_completeness_reminders_and_search() {
    let v = vault();
    let p = &v.path;
    let summary = json(p, &["sample", "--json"]);
    assert_eq!(summary["organisations"], 2);
    assert!(user_error(p, &["sample"]).contains("already"));

    let orgs = json(p, &["org", "list", "--json"]);
    let controller = orgs
        .as_array()
        .expect("array")
        .iter()
        .find(|o| o["role"] == "controller")
        .expect("a controller")["name"]
        .as_str()
        .expect("name")
        .to_string();

    let completeness = json(p, &["completeness", "--org", &controller, "--json"]);
    let percent = completeness["percent"].as_u64().expect("percent");
    assert!(percent > 0 && percent <= 100, "{percent}");
    assert!(
        !completeness["activities"]
            .as_array()
            .expect("rows")
            .is_empty()
    );
    let text = ok(p, &["completeness", "--org", &controller]);
    assert!(text.contains("% complete"), "{text}");

    let reminders = json(
        p,
        &[
            "reminders",
            "--org",
            &controller,
            "--on",
            "2026-11-24",
            "--json",
        ],
    );
    let kinds: Vec<&str> = reminders
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["kind"].as_str().expect("kind"))
        .collect();
    assert!(kinds.contains(&"checklist_gap"), "{kinds:?}");
    assert!(kinds.contains(&"dpa_review_due"), "{kinds:?}");

    let hits = json(p, &["search", "hetzner", "--json"]);
    assert_eq!(hits[0]["kind"], "subprocessor");
    assert_eq!(hits[0]["detail"], "CA Customer Alliance GmbH");
    assert!(ok(p, &["search", "no such thing anywhere"]).contains("(none)"));
}

#[test]
fn templates_copies_history_and_the_past_register() {
    let v = vault();
    let p = &v.path;
    ok(p, &["org", "add", "--name", "Client A", "--country", "PL"]);
    ok(p, &["org", "add", "--name", "Client B", "--country", "DE"]);
    let listed = json(p, &["template", "list", "--json"]);
    assert_eq!(listed.as_array().expect("array").len(), 7);
    let added = ok(
        p,
        &[
            "template",
            "apply",
            "--org",
            "Client A",
            "hr_payroll",
            "cctv",
        ],
    );
    assert!(added.starts_with("Added 2 draft activities"), "{added}");
    assert!(user_error(p, &["template", "apply", "--org", "Client A", "nope"]).contains("nope"));

    let activities = json(p, &["activity", "list", "--org", "Client A", "--json"]);
    let id = activities[0]["id"].as_str().expect("id").to_string();
    let copy = json(p, &["copy-activity", &id, "--to", "Client B", "--json"]);
    assert_eq!(copy["status"], "draft");
    assert_eq!(copy["name"], activities[0]["name"]);

    ok(
        p,
        &["activity", "update", &id, "--description", "Changed today"],
    );
    let history = json(p, &["history", "activity", &id, "--json"]);
    let last = history.as_array().expect("array").last().expect("a change");
    assert_eq!(last["action"], "update");
    assert_eq!(last["fields"][0]["field"], "description");
    assert_eq!(last["fields"][0]["after"], "Changed today");

    let today = json(p, &["register", "--org", "Client A", "--json"]);
    assert_eq!(today["activities"].as_array().expect("rows").len(), 2);
    assert!(
        user_error(
            p,
            &["register", "--org", "Client A", "--as-of", "2001-01-01"]
        )
        .contains("not in the vault yet")
    );
    assert!(
        user_error(
            p,
            &["register", "--org", "Client A", "--as-of", "yesterday"]
        )
        .contains("as-of")
    );
}
