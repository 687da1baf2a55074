//! Watching a vendor's published list against a web server this test starts on 127.0.0.1:
//! the first check stores the list, an unchanged page stores nothing, a changed page stores a
//! new version for review; errors, redirects, a stalled answer and a 300 MB page are refused
//! with a message and store nothing. A vendor without an address is never fetched.

mod common;

use dpadesk_app::App;
use dpadesk_app::lists::{FetchLimits, ListCheck, ListCheckOutcome};
use dpadesk_model::*;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const FIRST: &str = "<html><body><h1>Subprocessors</h1><table>\
<tr><th>Subprocessor</th><th>Country</th><th>Service</th></tr>\
<tr><td>Hetzner Online GmbH</td><td>Germany</td><td>Hosting</td></tr>\
<tr><td>Zendesk, Inc.</td><td>United States</td><td>Support tickets</td></tr>\
<tr><td>OVH SAS</td><td>France</td><td>Backups</td></tr>\
</table></body></html>";

/// A small web server: `/list` serves the page set in `page`, the other paths misbehave.
struct Server {
    base: String,
    page: Arc<Mutex<String>>,
}

fn serve(stream: TcpStream, page: &Mutex<String>) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // The rest of the head is read and ignored.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut out = stream;
    let reply = |out: &mut TcpStream, status: &str, headers: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n",
            body.len()
        );
        let _ = out.write_all(head.as_bytes());
        let _ = out.write_all(body);
    };
    match path.as_str() {
        "/list" => {
            let body = page.lock().expect("page").clone();
            reply(
                &mut out,
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\n",
                body.as_bytes(),
            );
        }
        "/moved" => reply(&mut out, "302 Found", "Location: /list\r\n", b""),
        "/loop" => reply(&mut out, "302 Found", "Location: /loop\r\n", b""),
        "/error" => reply(&mut out, "500 Internal Server Error", "", b"oops"),
        "/stall" => {
            let _ = out.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<html>");
            std::thread::sleep(Duration::from_secs(5));
        }
        "/huge" => {
            // 300 MB announced by nothing: the client has to stop reading by itself.
            let _ = out.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            let chunk = vec![b'a'; 64 * 1024];
            for _ in 0..(300 * 16) {
                if out.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
        _ => reply(&mut out, "404 Not Found", "", b""),
    }
}

fn server() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let page = Arc::new(Mutex::new(FIRST.to_string()));
    let shared = page.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let page = shared.clone();
            std::thread::spawn(move || serve(stream, &page));
        }
    });
    Server { base, page }
}

async fn vault() -> (tempfile::TempDir, App) {
    common::new_vault().await
}

async fn vendor(app: &App, name: &str, url: &str) -> Vendor {
    app.create(VendorData {
        legal_name: name.into(),
        list_url: url.into(),
        ..Default::default()
    })
    .await
    .expect("vendor")
}

fn quick() -> FetchLimits {
    FetchLimits {
        timeout: Duration::from_secs(2),
        ..FetchLimits::default()
    }
}

fn only(checks: Vec<ListCheck>) -> ListCheckOutcome {
    assert_eq!(checks.len(), 1, "{checks:?}");
    checks.into_iter().next().expect("one").outcome
}

#[tokio::test]
async fn a_changed_page_becomes_a_version_to_review_and_an_unchanged_one_does_not() {
    let s = server();
    let (_dir, app) = vault().await;
    let url = format!("{}/list", s.base);
    let cloud = vendor(&app, "Cloud Suite GmbH", &url).await;
    let offline = vendor(&app, "Offline Vendor GmbH", "").await;

    let first = only(
        app.check_published_lists(Some(cloud.id), &quick())
            .await
            .expect("check"),
    );
    let ListCheckOutcome::NewVersion { list_id, added, .. } = first else {
        panic!("the first check stores the list: {first:?}");
    };
    assert_eq!(added, 3);
    let stored = app
        .get::<SubprocessorListData>(list_id)
        .await
        .expect("list");
    assert_eq!(stored.source, url);
    assert_eq!(stored.content_hash.len(), 64, "the fetched bytes' SHA-256");
    let kept = app.list_evidence(list_id).await.expect("evidence");
    assert_eq!(
        kept,
        FIRST.as_bytes(),
        "the page as fetched is the version's evidence"
    );
    assert_eq!(stored.review.status, ReviewStatus::Pending);

    let again = only(
        app.check_published_lists(Some(cloud.id), &quick())
            .await
            .expect("check"),
    );
    assert!(matches!(again, ListCheckOutcome::Unchanged), "{again:?}");

    *s.page.lock().expect("page") = FIRST
        .replace("<tr><td>OVH SAS</td><td>France</td><td>Backups</td></tr>", "")
        .replace("</table>", "<tr><td>Mailgun Technologies, Inc.</td><td>United States</td><td>E-mail</td></tr></table>");
    let changed = only(
        app.check_published_lists(None, &quick())
            .await
            .expect("check"),
    );
    let ListCheckOutcome::NewVersion {
        list_id,
        added,
        removed,
        ..
    } = changed
    else {
        panic!("a changed page is a new version: {changed:?}");
    };
    assert_eq!((added, removed), (1, 1));
    let report = app.list_change(list_id).await.expect("change");
    assert_eq!(report.changes.added[0].name, "Mailgun Technologies, Inc.");

    // The daily round fetches only the vendors the user asked to have checked daily.
    let daily = app
        .create(VendorData {
            legal_name: "Daily GmbH".into(),
            list_url: url.clone(),
            watch_daily: true,
            ..Default::default()
        })
        .await
        .expect("vendor");
    let round = app.check_daily_lists(&quick()).await.expect("round");
    assert_eq!(
        round.iter().map(|c| c.vendor_id).collect::<Vec<_>>(),
        [daily.id]
    );

    // A vendor without an address is never fetched, and asking for it says so.
    let refused = app.check_published_lists(Some(offline.id), &quick()).await;
    assert!(refused.is_err(), "{refused:?}");
    app.close().await.expect("closed");
}

#[tokio::test]
async fn errors_redirects_stalls_and_huge_pages_store_nothing() {
    let s = server();
    let (_dir, app) = vault().await;
    let moved = vendor(&app, "Moved GmbH", &format!("{}/moved", s.base)).await;
    let ok = only(
        app.check_published_lists(Some(moved.id), &quick())
            .await
            .expect("check"),
    );
    assert!(
        matches!(ok, ListCheckOutcome::NewVersion { .. }),
        "a redirect is followed: {ok:?}"
    );

    for (path, says) in [
        ("/error", "answered 500"),
        ("/loop", "redirects too many times"),
        ("/stall", "took too long"),
        ("/huge", "larger than 20 MB"),
        ("/nothing-here", "answered 404"),
    ] {
        let v = vendor(
            &app,
            &format!("Vendor {path} GmbH"),
            &format!("{}{path}", s.base),
        )
        .await;
        let outcome = only(
            app.check_published_lists(Some(v.id), &quick())
                .await
                .expect("check"),
        );
        match outcome {
            ListCheckOutcome::Failed { message } => {
                assert!(message.contains(says), "{path}: {message}")
            }
            other => panic!("{path}: {other:?}"),
        }
        let lists = app.subprocessor_lists_of(v.id).await.expect("lists");
        assert!(lists.is_empty(), "{path} stored a version");
    }
    // Only a web address can be watched: the form and the CLI are told so.
    let refused = app
        .create(VendorData {
            legal_name: "File GmbH".into(),
            list_url: "file:///etc/passwd".into(),
            ..Default::default()
        })
        .await;
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.to_string().contains("http or https")),
        "{refused:?}"
    );
    app.close().await.expect("closed");
}
