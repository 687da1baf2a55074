//! The vault file's own commands as a script uses them: `init --json` gives the recovery
//! code, the code alone opens a copy on a computer without its key, key changes, backups,
//! restore and `doctor` with their exit codes. Keychain cases run in the test keyring
//! session (`scripts/with-keyring`).

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

/// One computer: its own home (config, keychain entries named per vault) and environment.
struct Run<'a> {
    home: &'a Path,
    vault: &'a Path,
    env: Vec<(&'a str, String)>,
}

impl<'a> Run<'a> {
    fn new(home: &'a Path, vault: &'a Path) -> Self {
        Self {
            home,
            vault,
            env: Vec::new(),
        }
    }

    fn with(mut self, name: &'a str, value: &str) -> Self {
        self.env.push((name, value.to_string()));
        self
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        let mut cmd = Command::cargo_bin("dpadesk").expect("binary");
        cmd.env_remove("DPADESK_PASSPHRASE")
            .env_remove("DPADESK_RECOVERY_CODE")
            .env_remove("DPADESK_NEW_PASSPHRASE")
            .env("HOME", self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env("DPADESK_VAULT", self.vault);
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd.args(args).write_stdin("").output().expect("runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("JSON")
    }

    fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        err
    }
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// No file left on disk holds any of the secrets, as typed or without the dashes.
fn assert_no_secret_on_disk(dir: &Path, secrets: &[&str]) {
    for file in files_under(dir) {
        let bytes = std::fs::read(&file).unwrap_or_default();
        for secret in secrets {
            for form in [secret.to_string(), secret.replace('-', "")] {
                assert!(
                    !bytes.windows(form.len()).any(|w| w == form.as_bytes()),
                    "{} holds a secret in clear",
                    file.display()
                );
            }
        }
    }
}

fn code_of(kit: &Value) -> String {
    kit["recovery_code"]
        .as_str()
        .expect("recovery_code")
        .to_string()
}

#[test]
fn a_passphrase_vault_copied_alone_opens_with_its_recovery_code() {
    let (home, laptop) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let path = home.path().join("register.dpadesk");
    let here = Run::new(home.path(), &path).with("DPADESK_PASSPHRASE", "old laptop passphrase");
    let kit = here.json(&["init", "--json"]);
    assert_eq!(kit["vault"].as_str().unwrap(), path.display().to_string());
    let code = code_of(&kit);
    here.ok(&[
        "org",
        "add",
        "--name",
        "Acme Sp. z o.o.",
        "--country",
        "PL",
        "--role",
        "controller",
    ]);

    let copy = laptop.path().join("restored-from-my-backup.dpadesk");
    std::fs::copy(&path, &copy).unwrap();
    let there = Run::new(laptop.path(), &copy);
    let err = there
        .clone_with("DPADESK_PASSPHRASE", "a guess")
        .fails(&["org", "list"], 1);
    assert!(err.contains("does not open"), "{err}");

    let with_code =
        Run::new(laptop.path(), &copy).with("DPADESK_RECOVERY_CODE", &code.to_lowercase());
    assert!(with_code.ok(&["org", "list"]).contains("Acme"));
    let kit = with_code
        .with("DPADESK_NEW_PASSPHRASE", "new laptop passphrase")
        .json(&["recover", "--passphrase", "--json"]);
    let new_code = code_of(&kit);
    assert_ne!(new_code, code);
    let chosen = Run::new(laptop.path(), &copy).with("DPADESK_PASSPHRASE", "new laptop passphrase");
    assert!(chosen.ok(&["org", "list"]).contains("Acme"));
    let old = Run::new(laptop.path(), &copy).with("DPADESK_RECOVERY_CODE", &code);
    old.fails(&["org", "list"], 1);
    // One character changed; never to itself, which would be the right code.
    let other = if new_code.starts_with('A') { 'B' } else { 'A' };
    let typo = Run::new(laptop.path(), &copy).with(
        "DPADESK_RECOVERY_CODE",
        &format!("{other}{}", &new_code[1..]),
    );
    assert!(typo.fails(&["org", "list"], 1).contains("typing mistake"));
}

#[test]
fn a_keychain_vault_whose_entry_is_gone_recovers_into_the_keychain() {
    let home = tempfile::tempdir().unwrap();
    let original = home.path().join("a.dpadesk");
    let a = Run::new(home.path(), &original);
    let code = code_of(&a.json(&["init", "--json"]));
    a.ok(&["vendor", "add", "--name", "Vercom S.A.", "--country", "PL"]);
    // The copy shares the original's key; once the original's key changes, the keychain
    // holds nothing for the copy: a new computer.
    let copy = home.path().join("b.dpadesk");
    std::fs::copy(&original, &copy).unwrap();
    a.with("DPADESK_NEW_PASSPHRASE", "moved to a passphrase")
        .ok(&["key", "passphrase"]);
    let b = Run::new(home.path(), &copy);
    let err = b.fails(&["vendor", "list"], 1);
    assert!(err.contains("recovery code"), "{err}");

    let kit = b
        .clone_with("DPADESK_RECOVERY_CODE", &code)
        .json(&["recover", "--json"]);
    assert_eq!(
        code_of(&kit),
        code,
        "kept in the keychain, the code stays the same"
    );
    assert!(b.ok(&["vendor", "list"]).contains("Vercom"));
}

#[test]
fn key_changes_backups_restore_and_doctor() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("register.dpadesk");
    let run = Run::new(home.path(), &path).with("DPADESK_PASSPHRASE", "first-passphrase-x1");
    let first = code_of(&run.json(&["init", "--json"]));
    run.ok(&[
        "org",
        "add",
        "--name",
        "Kept Ltd",
        "--country",
        "IE",
        "--role",
        "controller",
    ]);

    let second = code_of(
        &run.clone_with("DPADESK_NEW_PASSPHRASE", "second-passphrase-x2")
            .json(&["key", "passphrase", "--json"]),
    );
    assert_ne!(first, second);
    let run = Run::new(home.path(), &path).with("DPADESK_PASSPHRASE", "second-passphrase-x2");
    let third = code_of(&run.json(&["key", "new-code", "--json"]));
    assert_ne!(second, third);
    Run::new(home.path(), &path)
        .with("DPADESK_RECOVERY_CODE", &second)
        .fails(&["org", "list"], 1);

    let elsewhere = home.path().join("second disk");
    let made: Value = run.json(&["backup", "--json"]);
    assert!(made["path"].as_str().unwrap().contains("register.backups"));
    run.ok(&[
        "backups",
        "--set-dir",
        elsewhere.to_str().unwrap(),
        "--set-keep",
        "5",
    ]);
    let made: Value = run.json(&["backup", "--json"]);
    let backup = made["path"].as_str().unwrap().to_string();
    assert!(backup.starts_with(elsewhere.to_str().unwrap()), "{backup}");
    let listed = run.json(&["backups", "--json"]);
    assert_eq!(listed[0]["path"], backup);
    assert_eq!(listed[0]["organisations"], 1);
    assert_eq!(listed[0]["reason"], "manual");

    run.ok(&[
        "org",
        "add",
        "--name",
        "Added after",
        "--country",
        "IE",
        "--role",
        "controller",
    ]);
    assert!(run.ok(&["doctor"]).contains("sound"));

    // A backup is looked into without restoring it; a change through it is refused and
    // neither the backup nor the vault changes.
    let backup_bytes = std::fs::read(&backup).unwrap();
    let inside = run.ok(&["--backup", &backup, "org", "list"]);
    assert!(
        inside.contains("Kept Ltd") && !inside.contains("Added after"),
        "{inside}"
    );
    let refused = run.fails(
        &[
            "--backup",
            &backup,
            "org",
            "add",
            "--name",
            "Sneaked in",
            "--country",
            "IE",
            "--role",
            "controller",
        ],
        1,
    );
    assert!(refused.contains("restore it"), "{refused}");
    run.fails(&["--backup", &backup, "backup"], 1);
    // Reading commands that compute (the checks, an export) work on a backup too.
    let checked = run.run(&["--backup", &backup, "check", "--json"]);
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    let handover = home.path().join("from-backup.json");
    run.ok(&[
        "--backup",
        &backup,
        "export",
        "--org",
        "Kept Ltd",
        "--format",
        "json",
        "--out",
        handover.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(&handover)
            .unwrap()
            .contains("Kept Ltd")
    );
    assert_eq!(std::fs::read(&backup).unwrap(), backup_bytes);
    assert!(!run.ok(&["org", "list"]).contains("Sneaked in"));

    // Cut short: every command says it is damaged and names the backup, exit 1.
    let len = std::fs::metadata(&path).unwrap().len();
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(len / 2).unwrap();
    drop(file);
    for args in [&["org", "list"][..], &["doctor"]] {
        let err = run.fails(args, 1);
        assert!(err.contains("damaged") && err.contains(&backup), "{err}");
        assert!(
            !err.contains("internal error") && !err.contains("code: 11"),
            "{err}"
        );
    }
    let out = run.ok(&["restore", &backup]);
    assert!(out.contains("kept as"), "{out}");
    let orgs = run.ok(&["org", "list"]);
    assert!(
        orgs.contains("Kept Ltd") && !orgs.contains("Added after"),
        "{orgs}"
    );
    assert!(run.ok(&["doctor"]).contains("sound"));
    // A file that is no backup is refused, and the vault stays as it is.
    let junk = home.path().join("junk.dpadesk");
    std::fs::write(&junk, b"not a vault at all, only text").unwrap();
    run.fails(&["restore", junk.to_str().unwrap()], 1);
    assert!(run.ok(&["org", "list"]).contains("Kept Ltd"));

    // The wrong-key and damaged-file messages never repeat what was typed.
    let wrong = Run::new(home.path(), &path).with("DPADESK_PASSPHRASE", "typed-wrong-secret");
    assert!(
        !wrong
            .fails(&["org", "list"], 1)
            .contains("typed-wrong-secret")
    );
    assert_no_secret_on_disk(
        home.path(),
        &[
            "first-passphrase-x1",
            "second-passphrase-x2",
            "typed-wrong-secret",
            &first,
            &second,
            &third,
        ],
    );
}

impl Run<'_> {
    fn clone_with(&self, name: &'static str, value: &str) -> Self {
        let mut env = self.env.clone();
        env.push((name, value.to_string()));
        Self {
            home: self.home,
            vault: self.vault,
            env,
        }
    }
}
