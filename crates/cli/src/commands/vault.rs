//! The vault file itself: `init` (with its recovery code), `recover`, `key`, `backup`,
//! `backups`, `restore` and `doctor`. The key comes from `DPADESK_RECOVERY_CODE`, else
//! `DPADESK_PASSPHRASE`, else the OS keychain; a new passphrase from `DPADESK_NEW_PASSPHRASE`.

use crate::output;
use dpadesk_app::session::{self, create_vault, key_source, open_vault, recovery_key};
use dpadesk_app::{AppError, AppResult, FieldError, backups};
use dpadesk_store::{BackupPlace, BackupReason, KeySource, RecoveryCode};
use serde::Serialize;
use std::path::{Path, PathBuf};

pub const PASSPHRASE_VAR: &str = "DPADESK_PASSPHRASE";
pub const RECOVERY_CODE_VAR: &str = "DPADESK_RECOVERY_CODE";
pub const NEW_PASSPHRASE_VAR: &str = "DPADESK_NEW_PASSPHRASE";

#[derive(Debug, clap::Args)]
pub struct Init {
    /// Print `{vault, recovery_code}` as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct Recover {
    /// Protect the vault with a new passphrase (from DPADESK_NEW_PASSPHRASE) instead of this
    /// computer's keychain; the vault then gets a new recovery code.
    #[arg(long)]
    pub passphrase: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum KeyCommand {
    /// A new passphrase (from DPADESK_NEW_PASSPHRASE) protects the vault from now on.
    Passphrase {
        #[arg(long)]
        json: bool,
    },
    /// A new random key kept in the OS keychain protects the vault from now on.
    Keychain {
        #[arg(long)]
        json: bool,
    },
    /// The same kind of key, but a new recovery code; the old code stops working.
    NewCode {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct Backup {
    /// Write it into this folder instead of the backups folder.
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct Backups {
    /// From now on, keep the backups in this folder (a second disk, a synced folder).
    #[arg(long, value_name = "DIR")]
    pub set_dir: Option<PathBuf>,
    /// From now on, keep this many backups.
    #[arg(long, value_name = "N")]
    pub set_keep: Option<usize>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct Restore {
    /// A backup file (see `dpadesk backups`).
    pub file: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct Doctor {
    #[arg(long)]
    pub json: bool,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The key this run opens the vault with.
pub fn keys() -> AppResult<KeySource> {
    match env(RECOVERY_CODE_VAR) {
        Some(code) => recovery_key(&code),
        None => Ok(key_source(env(PASSPHRASE_VAR))),
    }
}

fn new_passphrase() -> AppResult<KeySource> {
    let chosen = env(NEW_PASSPHRASE_VAR).ok_or_else(|| {
        AppError::Invalid(vec![FieldError::new(
            "passphrase",
            format!("Set {NEW_PASSPHRASE_VAR} to the new passphrase."),
        )])
    })?;
    session::new_passphrase(chosen)
}

#[derive(Serialize)]
struct Kit<'a> {
    vault: String,
    recovery_code: &'a str,
}

fn print_code(vault: &Path, code: &RecoveryCode, json: bool, headline: &str) {
    let shown = code.display();
    if json {
        output::json(&Kit {
            vault: vault.display().to_string(),
            recovery_code: &shown,
        });
    } else {
        output::line(headline);
        output::line(&format!("Recovery code: {}", *shown));
        output::line(
            "Write it down (or print the recovery kit from the window) and keep it away from \
             this computer: with the vault file alone it opens the vault on any computer.",
        );
    }
}

pub async fn init(path: &Path, args: Init) -> AppResult<()> {
    let keys = keys()?;
    let app = create_vault(path, &keys).await?;
    let code = app.recovery_code();
    app.close().await?;
    let how = if keys.is_keychain() {
        "its key is in the OS keychain"
    } else {
        "protected by your passphrase"
    };
    print_code(
        path,
        &code,
        args.json,
        &format!("Created vault {} ({how}).", path.display()),
    );
    Ok(())
}

/// The code from DPADESK_RECOVERY_CODE, or typed on standard input.
fn typed_code() -> AppResult<RecoveryCode> {
    if let Some(code) = env(RECOVERY_CODE_VAR) {
        return Ok(RecoveryCode::parse(&code)?);
    }
    let mut line = String::new();
    eprint!("Recovery code: ");
    std::io::stdin()
        .read_line(&mut line)
        .map_err(dpadesk_store::StoreError::Io)?;
    Ok(RecoveryCode::parse(&zeroize::Zeroizing::new(line))?)
}

pub async fn recover(path: &Path, args: Recover) -> AppResult<()> {
    let code = typed_code()?;
    let with_code = KeySource::RecoveryCode(code.clone());
    // Proves the code before anything changes.
    open_vault(path, &with_code).await?.close().await?;
    if args.passphrase {
        let next = new_passphrase()?;
        let new_code = session::change_key(path, &with_code, &next).await?;
        print_code(
            path,
            &new_code,
            args.json,
            "The vault opens with your new passphrase. It has a new recovery code; the old one no longer works.",
        );
    } else {
        session::keep_in_keychain(path, &code).await?;
        print_code(
            path,
            &code,
            args.json,
            "The vault opens from this computer's keychain now. Your recovery code stays valid.",
        );
    }
    Ok(())
}

pub async fn key(path: &Path, command: KeyCommand) -> AppResult<()> {
    let current = keys()?;
    let (next, json) = match command {
        KeyCommand::Passphrase { json } => (new_passphrase()?, json),
        KeyCommand::Keychain { json } => (KeySource::os_keychain(), json),
        KeyCommand::NewCode { json } => match &current {
            KeySource::RecoveryCode(_) => {
                return Err(AppError::Invalid(vec![FieldError::new(
                    "key",
                    "Opened with a recovery code, the vault needs a new key: use `dpadesk key keychain` or `dpadesk key passphrase`.",
                )]));
            }
            same => (same.clone(), json),
        },
    };
    let code = session::change_key(path, &current, &next).await?;
    print_code(
        path,
        &code,
        json,
        "The vault's key was changed. It has a new recovery code; the old one no longer works.",
    );
    Ok(())
}

pub async fn backup(path: &Path, args: Backup) -> AppResult<()> {
    let app = open_vault(path, &keys()?).await?;
    let made = match args.to {
        Some(dir) => {
            let place = BackupPlace {
                dir,
                keep: backups::place(path).keep,
            };
            app.vault()
                .backup(&place, BackupReason::Manual, chrono::Utc::now())
                .await
                .map_err(AppError::from)
        }
        None => app.backup(BackupReason::Manual).await,
    };
    let closed = app.close().await;
    let made = made?;
    closed?;
    if args.json {
        output::json(&made);
    } else {
        output::line(&format!(
            "Backed up to {} ({} bytes), read back and checked.",
            made.path.display(),
            made.size
        ));
    }
    Ok(())
}

pub async fn list(path: &Path, args: Backups) -> AppResult<()> {
    if args.set_dir.is_some() || args.set_keep.is_some() {
        let mut chosen = backups::settings(path);
        if let Some(dir) = args.set_dir {
            chosen.dir = Some(std::path::absolute(&dir).unwrap_or(dir));
        }
        if let Some(keep) = args.set_keep {
            chosen.keep = Some(keep);
        }
        backups::save_settings(path, chosen)?;
    }
    let found = backups::list(path, &keys()?).await?;
    if args.json {
        output::json(&found);
        return Ok(());
    }
    let place = backups::place(path);
    output::line(&format!(
        "Backups in {} (the newest {} are kept):",
        place.dir.display(),
        place.keep
    ));
    let count = |n: Option<u64>| n.map_or_else(|| "?".into(), |n| n.to_string());
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|b| {
            vec![
                b.made_at.format("%Y-%m-%d %H:%M:%S").to_string(),
                b.reason.clone(),
                b.size.to_string(),
                count(b.organisations),
                count(b.activities),
                b.path.clone(),
            ]
        })
        .collect();
    output::table(
        &["MADE (UTC)", "WHY", "BYTES", "ORGS", "ACTIVITIES", "FILE"],
        &rows,
    );
    Ok(())
}

pub async fn restore(path: &Path, args: Restore) -> AppResult<()> {
    let aside = backups::restore(path, &args.file, &keys()?).await?;
    output::line(&format!(
        "Restored {} from {}. The vault as it was is kept as {}.",
        path.display(),
        args.file.display(),
        aside.path.display()
    ));
    Ok(())
}

/// Exits 1 (an error) when the vault is damaged.
pub async fn doctor(path: &Path, args: Doctor) -> AppResult<()> {
    let app = open_vault(path, &keys()?).await?;
    let report = app.vault().examine().await;
    let closed = app.close().await;
    let report = report?;
    closed?;
    if args.json {
        output::json(&report);
    }
    if report.is_sound() {
        if !args.json {
            output::line(&format!(
                "{} is sound: every page reads back as written, its structure and its links are whole.",
                path.display()
            ));
        }
        return Ok(());
    }
    let newest = backups::newest_good(path, &keys()?).await;
    let mut problem = format!(
        "{} damaged page(s), {} structural problem(s), {} broken link(s)",
        report.damaged_pages.len(),
        report.integrity.len(),
        report.foreign_keys.len()
    );
    if let Some(b) = newest {
        problem.push_str(&format!(
            ". The newest good backup is {} ({}): `dpadesk restore \"{}\"`",
            b.path.display(),
            b.made_at.format("%Y-%m-%d %H:%M UTC"),
            b.path.display()
        ));
    }
    Err(AppError::Damaged(format!(
        "The vault file {} is damaged: {problem}.",
        path.display()
    )))
}
