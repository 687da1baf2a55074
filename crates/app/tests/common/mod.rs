//! What the app's integration tests share: a new vault in a temporary folder (as the window
//! creates one, or with a clock the test chooses), and a clock the test moves between changes.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use dpadesk_app::App;
use dpadesk_app::session::key_source;
use std::sync::atomic::{AtomicI64, Ordering};

/// An app over a new vault created as the window and the CLI create one.
pub async fn new_vault() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("dir");
    let app = dpadesk_app::session::create_vault(
        &dir.path().join("v.dpadesk"),
        &key_source(Some("pass phrase".into())),
    )
    .await
    .expect("vault");
    (dir, app)
}

/// An app over a new, empty vault (no measures library) that stamps changes with `clock`.
pub async fn app_with_clock(clock: fn() -> DateTime<Utc>) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("dir");
    let vault = dpadesk_store::Vault::create(
        &dir.path().join("v.dpadesk"),
        &key_source(Some("pass phrase".into())),
    )
    .await
    .expect("vault");
    (dir, App::with_clock(vault, clock))
}

static NOW: AtomicI64 = AtomicI64::new(0);

/// A clock standing where `set_now` put it.
pub fn moved_clock() -> DateTime<Utc> {
    Utc.timestamp_opt(NOW.load(Ordering::SeqCst), 0)
        .single()
        .expect("time")
}

/// Moves `moved_clock` to noon (UTC) of `day`.
pub fn set_now(day: NaiveDate) {
    let t = day.and_hms_opt(12, 0, 0).expect("noon").and_utc();
    NOW.store(t.timestamp(), Ordering::SeqCst);
}
