//! The `dpadesk` binary as scripts use it: build a small register from the terminal, read
//! it back as JSON, and get exit code 1 with one clear line for bad input, writing nothing.

mod common;

use assert_cmd::Command;
use common::*;

#[test]
fn builds_a_register_and_reads_it_back_as_json() {
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
            "both",
            "--email",
            "biuro@acme.pl",
            "--dpo-name",
            "Jan Kowalski",
            "--dpo-firm",
            "RODO Partner",
            "--lead-authority",
            "UODO (PL)",
        ],
    );
    ok(
        p,
        &[
            "vendor",
            "add",
            "--name",
            "Vercom S.A.",
            "--country",
            "PL",
            "--service",
            "E-mail delivery",
            "--dpf",
            "not-checked",
        ],
    );
    ok(
        p,
        &[
            "vendor",
            "add",
            "--name",
            "Cloudflare, Inc.",
            "--country",
            "US",
            "--service",
            "WAF",
            "--dpf",
            "certified",
            "--dpf-checked-on",
            "2026-11-02",
            "--dpf-source",
            "https://www.dataprivacyframework.gov/list",
        ],
    );
    let measure_out = ok(
        p,
        &[
            "measure",
            "add",
            "--title",
            "Encrypted backups",
            "--group",
            "availability-control",
        ],
    );
    let measure_id = measure_out
        .rsplit('(')
        .next()
        .expect("id")
        .trim()
        .trim_end_matches(')')
        .to_string();

    ok(
        p,
        &[
            "activity",
            "add",
            "--org",
            "Acme Sp. z o.o.",
            "--reference",
            "MKT-01",
            "--name",
            "Newsletter",
            "--purpose",
            "Sending the newsletter=a",
            "--purpose",
            "Measuring opens=f",
            "--subject",
            "Subscribers",
            "--data",
            "E-mail address:until consent is withdrawn",
            "--processor",
            "Vercom S.A.",
            "--recipient",
            "internal:Marketing",
            "--measure",
            &measure_id,
            "--system",
            "EmailLabs",
            "--location",
            "EEA",
            "--status",
            "active",
        ],
    );
    let signed = p.with_file_name("umowa-2024.pdf");
    std::fs::write(&signed, b"%PDF-1.7 podpisana").expect("write document");
    let agreement = ok(
        p,
        &[
            "dpa",
            "add",
            "--org",
            "acme sp. z o.o.",
            "--vendor",
            "Vercom S.A.",
            "--version",
            "2024-05",
            "--signed",
            "2024-05-10",
            "--review",
            "2026-05-10",
            "--objection-days",
            "14",
            "--item",
            "subprocessors=present:7.2",
            "--item",
            "audits-and-information=missing",
            "--mechanism",
            "eea",
            "--document",
            signed.to_str().expect("utf-8 path"),
        ],
    );
    assert!(
        agreement.starts_with("Added DPA version “2024-05”"),
        "{agreement}"
    );

    let orgs = json(p, &["org", "list", "--json"]);
    assert_eq!(orgs.as_array().map(Vec::len), Some(1));
    let org = &orgs[0];
    assert_eq!(org["name"], "Acme Sp. z o.o.");
    assert_eq!(org["role"], "both");
    assert_eq!(org["dpo"]["external_firm"]["name"], "RODO Partner");
    assert_eq!(org["lead_supervisory_authority"], "UODO (PL)");

    let vendors = json(p, &["vendor", "list", "--json"]);
    let names: Vec<_> = vendors
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v["legal_name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Cloudflare, Inc.", "Vercom S.A."]);
    let dpf = &vendors[0]["scope_checks"][0];
    assert_eq!(dpf["scope"], "dpf_listed");
    assert_eq!(dpf["outcome"], "inside");
    assert_eq!(dpf["checked_on"], "2026-11-02");
    assert_eq!(dpf["source"], "https://www.dataprivacyframework.gov/list");
    assert_eq!(vendors[1]["scope_checks"], serde_json::json!([]));

    let activities = json(
        p,
        &["activity", "list", "--org", "Acme Sp. z o.o.", "--json"],
    );
    let a = &activities[0];
    assert_eq!(a["name"], "Newsletter");
    assert_eq!(a["status"], "active");
    assert_eq!(a["purposes"][1]["legal_basis"], "legitimate_interests");
    assert_eq!(
        a["data_categories"][0]["retention"]["text"],
        "until consent is withdrawn"
    );
    assert_eq!(a["recipients"][0]["kind"], "internal");
    assert_eq!(a["recipients"][1]["vendor_id"], vendors[1]["id"]);
    assert_eq!(a["measure_ids"][0], measure_id.as_str());

    let shown = json(
        p,
        &["activity", "show", a["id"].as_str().expect("id"), "--json"],
    );
    assert_eq!(&shown, a);

    let dpas = json(p, &["dpa", "list", "--org", "Acme Sp. z o.o.", "--json"]);
    assert_eq!(dpas[0]["objection_window_days"], 14);
    assert_eq!(dpas[0]["checklist"][0]["item"], "subprocessors");
    assert_eq!(dpas[0]["checklist"][0]["clause_ref"], "7.2");
    assert_eq!(dpas[0]["document"]["file_name"], "umowa-2024.pdf");
    assert_eq!(dpas[0]["document"]["media_type"], "application/pdf");
    assert_eq!(dpas[0]["document"]["size"], 18);

    ok(
        p,
        &[
            "org",
            "update",
            "Acme Sp. z o.o.",
            "--phone",
            "+48 22 123 45 67",
        ],
    );
    let updated = json(p, &["org", "show", "Acme Sp. z o.o.", "--json"]);
    assert_eq!(updated["phone"], "+48 22 123 45 67");
    assert_eq!(updated["email"], "biuro@acme.pl", "fields not given stay");

    let human = ok(p, &["org", "list"]);
    assert!(
        human.contains("Acme Sp. z o.o.") && human.contains("NAME"),
        "{human}"
    );
}

#[test]
fn bad_input_is_refused_with_one_line_and_writes_nothing() {
    let v = vault();
    let p = &v.path;
    ok(p, &["org", "add", "--name", "Acme"]);
    ok(
        p,
        &["vendor", "add", "--name", "Vendor GmbH", "--country", "DE"],
    );
    let before = std::fs::read(p).expect("vault bytes");

    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "dpa",
                "add",
                "--org",
                "Acme",
                "--vendor",
                "Vendor GmbH",
                "--signed",
                "2024-02-30",
            ],
            "is not a date",
        ),
        (
            &[
                "dpa",
                "add",
                "--org",
                "Acme",
                "--vendor",
                "Vendor GmbH",
                "--expires",
                "tomorrow",
            ],
            "YYYY-MM-DD",
        ),
        (
            &["org", "add", "--name", "Beta", "--country", "XY"],
            "not an ISO 3166-1",
        ),
        (
            &["vendor", "add", "--name", "Gamma", "--country", "Germany"],
            "not an ISO 3166-1",
        ),
        (
            &["org", "add", "--name", "   "],
            "Enter the organisation's name",
        ),
        (&["org", "add"], "Enter the organisation's name"),
        (
            &["vendor", "add", "--name", ""],
            "Enter the vendor's legal name",
        ),
        (
            &[
                "activity",
                "add",
                "--org",
                "01a20000-0000-7000-8000-000000000000",
                "--name",
                "X",
            ],
            "No organisation with id",
        ),
        (
            &["activity", "add", "--org", "Nobody Ltd", "--name", "X"],
            "No organisation named “Nobody Ltd”",
        ),
        (
            &["activity", "add", "--org", "Acme", "--name", ""],
            "Enter a name for the activity",
        ),
        (
            &[
                "activity",
                "add",
                "--org",
                "Acme",
                "--name",
                "X",
                "--purpose",
                "No basis",
            ],
            "needs a legal basis",
        ),
        (&["org", "show", "Nobody"], "No organisation named"),
        (&["org", "remove", "Nobody"], "No organisation named"),
        (&["org", "add", "--name", "ACME"], "already in this vault"),
        (
            &[
                "org",
                "add",
                "--name",
                "Delta",
                "--email",
                "delta.example.com",
            ],
            "is not an e-mail address",
        ),
        (
            &["dpa", "add", "--org", "Acme"],
            "Name the vendor with --vendor",
        ),
        (
            &[
                "dpa",
                "add",
                "--org",
                "Acme",
                "--vendor",
                "Vendor GmbH",
                "--document",
                "/no/such/file.pdf",
            ],
            "Cannot read",
        ),
        (&["org", "frobnicate"], "unrecognized subcommand"),
    ];
    for (args, expected) in cases {
        let err = user_error(p, args);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    // The attached document's rule: by name and by content, before anything is saved.
    let program = p.with_file_name("signed.pdf");
    std::fs::write(&program, b"MZ\x90\x00 a program, not an agreement").unwrap();
    let script = p.with_file_name("agreement.html");
    std::fs::write(&script, b"<script>alert(1)</script>").unwrap();
    for (file, expected) in [(&program, "something else"), (&script, "not a PDF")] {
        let file = file.to_str().unwrap();
        let args = [
            "dpa",
            "add",
            "--org",
            "Acme",
            "--vendor",
            "Vendor GmbH",
            "--document",
            file,
        ];
        let err = user_error(p, &args);
        assert!(err.contains(expected), "{file}: {err}");
    }
    assert_eq!(
        std::fs::read(p).expect("vault bytes"),
        before,
        "a refused command changed the vault"
    );
    assert_eq!(
        json(p, &["org", "list", "--json"]).as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(
        json(p, &["dpa", "list", "--json"]).as_array().map(Vec::len),
        Some(0)
    );
}

#[test]
fn vault_problems_are_user_errors() {
    let dir = tempfile::tempdir().expect("dir");
    let missing = dir.path().join("missing.dpadesk");
    assert!(user_error(&missing, &["org", "list"]).contains("No vault at"));

    let v = vault();
    assert!(user_error(&v.path, &["init"]).contains("already exists"));
    let out = Command::cargo_bin("dpadesk")
        .expect("binary")
        .env("DPADESK_VAULT", &v.path)
        .env("DPADESK_PASSPHRASE", "not the passphrase")
        .args(["org", "list"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not open this vault"));
}

#[test]
fn help_exits_zero() {
    let out = Command::cargo_bin("dpadesk")
        .expect("binary")
        .arg("--help")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("activity"));
}
