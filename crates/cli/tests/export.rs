//! `dpadesk export` and `dpadesk import-org`: each format written where asked, the handover
//! file's round trip through a second vault, and refusals that write nothing.

mod common;

use common::*;

fn sample() -> Vault {
    let v = vault();
    ok(&v.path, &["sample"]);
    v
}

const SHOP: &str = "Czajnik i Filiżanka Sp. z o.o.";

#[test]
fn every_format_is_written_where_asked() {
    let v = sample();
    let dir = tempfile::tempdir().expect("dir");
    for (format, kind, lang, magic) in [
        ("pdf", "register", "pl", &b"%PDF"[..]),
        ("pdf", "risk", "de", b"%PDF"),
        ("xlsx", "register", "fr", b"PK"),
        ("csv", "register", "it", b"\xEF\xBB\xBF"),
        ("json", "register", "en", b"{"),
    ] {
        let out = dir.path().join(format!("{kind}-{lang}.{format}"));
        ok(
            &v.path,
            &[
                "export",
                "--org",
                SHOP,
                "--format",
                format,
                "--kind",
                kind,
                "--lang",
                lang,
                "--out",
                out.to_str().expect("path"),
            ],
        );
        let bytes = std::fs::read(&out).expect("written");
        assert!(
            bytes.starts_with(magic),
            "{format} {kind}: {:?}",
            &bytes[..8.min(bytes.len())]
        );
    }
    let csv = std::fs::read_to_string(dir.path().join("register-it.csv")).expect("csv");
    assert!(csv.contains("E-mail newsletter"), "{csv}");
}

#[test]
fn a_handover_file_round_trips_through_another_vault() {
    let from = sample();
    let dir = tempfile::tempdir().expect("dir");
    let first = dir.path().join("first.json");
    ok(
        &from.path,
        &[
            "export",
            "--org",
            SHOP,
            "--format",
            "json",
            "--out",
            first.to_str().expect("path"),
        ],
    );
    let to = vault();
    ok(&to.path, &["import-org", first.to_str().expect("path")]);
    let second = dir.path().join("second.json");
    ok(
        &to.path,
        &[
            "export",
            "--org",
            SHOP,
            "--format",
            "json",
            "--out",
            second.to_str().expect("path"),
        ],
    );
    assert!(
        std::fs::read(&first).expect("first") == std::fs::read(&second).expect("second"),
        "export → import → export gives the same file"
    );
    // The same organisation a second time is refused.
    let message = user_error(&to.path, &["import-org", first.to_str().expect("path")]);
    assert!(message.contains(SHOP), "{message}");
}

#[test]
fn refused_requests_write_nothing() {
    let v = sample();
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("risk.csv");
    let message = user_error(
        &v.path,
        &[
            "export",
            "--org",
            SHOP,
            "--format",
            "csv",
            "--kind",
            "risk",
            "--out",
            out.to_str().expect("path"),
        ],
    );
    assert!(message.contains("PDF"), "{message}");
    assert!(!out.exists());
    let message = user_error(
        &v.path,
        &[
            "export",
            "--org",
            SHOP,
            "--format",
            "pdf",
            "--as-of",
            "2999-01-01",
            "--out",
            out.to_str().expect("path"),
        ],
    );
    assert!(message.contains("future"), "{message}");

    let orgs = json(&v.path, &["org", "list", "--json"]);
    let garbage = dir.path().join("garbage.json");
    std::fs::write(&garbage, b"{\"format\": \"something else\"").expect("write");
    user_error(&v.path, &["import-org", garbage.to_str().expect("path")]);
    assert_eq!(
        json(&v.path, &["org", "list", "--json"]),
        orgs,
        "nothing written"
    );
}

#[test]
fn a_file_too_large_to_be_a_handover_file_is_refused_unread() {
    let v = vault();
    let dir = tempfile::tempdir().expect("dir");
    let huge = dir.path().join("huge.json");
    // Sparse: 1.5 GB long, nothing written, so the refusal must come from its size.
    std::fs::File::create(&huge)
        .expect("file")
        .set_len(1536 * 1024 * 1024)
        .expect("length");
    let message = user_error(&v.path, &["import-org", huge.to_str().expect("path")]);
    assert!(message.contains("1536 MB"), "{message}");
    assert!(message.contains("Nothing was imported"), "{message}");
}
