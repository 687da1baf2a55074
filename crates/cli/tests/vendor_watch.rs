//! `dpadesk vendor watch` and `dpadesk vendor check` against a web server the test starts on
//! 127.0.0.1: the contract of the JSON, the exit codes, and that nothing is fetched for a
//! vendor nobody set an address for.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

const PAGE: &str = "| Subprocessor | Country | Service |\n|---|---|---|\n| Hetzner Online GmbH | Germany | Hosting |\n| Zendesk, Inc. | United States | Support |\n";

/// Serves PAGE at /list and a 500 elsewhere; counts the requests it gets.
fn server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = hits.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            counted.fetch_add(1, Ordering::SeqCst);
            let mut request = String::new();
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let _ = reader.read_line(&mut request);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let (status, body) = match request.split_whitespace().nth(1) {
                Some("/list.md") => ("200 OK", PAGE),
                _ => ("500 Internal Server Error", "down"),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (base, hits)
}

#[test]
fn a_watched_list_is_fetched_stored_once_and_errors_exit_with_1() {
    let v = vault();
    let p = &v.path;
    let (base, hits) = server();
    ok(
        p,
        &[
            "vendor",
            "add",
            "--name",
            "Cloud Suite GmbH",
            "--country",
            "DE",
        ],
    );
    ok(
        p,
        &["vendor", "add", "--name", "Quiet GmbH", "--country", "DE"],
    );

    let none = json(p, &["vendor", "check", "--json"]);
    assert_eq!(none, serde_json::json!([]));
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "nothing is fetched before a vendor is watched"
    );

    let refused = user_error(
        p,
        &[
            "vendor",
            "watch",
            "Cloud Suite GmbH",
            "--url",
            "ftp://example.org/list",
        ],
    );
    assert!(refused.contains("http or https"), "{refused}");
    let said = ok(
        p,
        &[
            "vendor",
            "watch",
            "Cloud Suite GmbH",
            "--url",
            &format!("{base}/list.md"),
        ],
    );
    assert!(said.contains("is watched at"), "{said}");

    let first = json(p, &["vendor", "check", "Cloud Suite GmbH", "--json"]);
    let check = &first[0];
    assert_eq!(check["vendor"], "Cloud Suite GmbH");
    assert_eq!(check["url"], format!("{base}/list.md"));
    assert_eq!(check["outcome"], "new_version");
    assert_eq!(check["added"], 2);
    assert!(check["list_id"].is_string());
    let again = json(p, &["vendor", "check", "--json"]);
    assert_eq!(again[0]["outcome"], "unchanged");
    let versions = json(
        p,
        &[
            "subprocessors",
            "versions",
            "--vendor",
            "Cloud Suite GmbH",
            "--json",
        ],
    );
    assert_eq!(versions.as_array().map(Vec::len), Some(1), "{versions:#}");
    // The page as fetched is kept with the version.
    let list = check["list_id"].as_str().expect("id");
    let out = tempfile::tempdir().expect("dir");
    let copy = out.path().join("evidence.md");
    ok(
        p,
        &[
            "subprocessors",
            "evidence",
            list,
            "--out",
            copy.to_str().expect("path"),
        ],
    );
    assert_eq!(std::fs::read_to_string(&copy).expect("written"), PAGE);

    ok(
        p,
        &[
            "vendor",
            "watch",
            "Quiet GmbH",
            "--url",
            &format!("{base}/down"),
        ],
    );
    let out = dpadesk(p, &["vendor", "check", "--json"]);
    assert_eq!(out.status.code(), Some(1), "a failed check needs action");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let quiet = report
        .as_array()
        .expect("array")
        .iter()
        .find(|c| c["vendor"] == "Quiet GmbH")
        .expect("checked");
    assert_eq!(quiet["outcome"], "failed");
    assert!(
        quiet["message"].as_str().is_some_and(|m| m.contains("500")),
        "{quiet}"
    );

    ok(p, &["vendor", "watch", "Quiet GmbH", "--stop"]);
    let shown = json(p, &["vendor", "show", "Quiet GmbH", "--json"]);
    assert_eq!(shown["list_url"], "");
}
