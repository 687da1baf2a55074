//! Running the `dpadesk` binary against a fresh vault, as the CLI tests do.
#![allow(dead_code, reason = "each test file uses its own part of these")]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub struct Vault {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn vault() -> Vault {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("register.dpadesk");
    let v = Vault { _dir: dir, path };
    let out = dpadesk(&v.path, &["init"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    v
}

pub fn dpadesk(vault: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("dpadesk")
        .expect("binary")
        .env("DPADESK_VAULT", vault)
        .env("DPADESK_PASSPHRASE", "terminal passphrase")
        .args(args)
        .output()
        .expect("runs")
}

pub fn ok(vault: &Path, args: &[&str]) -> String {
    let out = dpadesk(vault, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

pub fn json(vault: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(vault, args)).expect("JSON output")
}

/// Runs a command that must fail as a user error; returns its one-line message.
pub fn user_error(vault: &Path, args: &[&str]) -> String {
    let out = dpadesk(vault, args);
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail with 1");
    assert!(
        out.stdout.is_empty(),
        "{args:?} printed {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "{args:?}: one line expected, got {err}"
    );
    err
}
