//! `dpadesk`: the DPA Desk register from a terminal. A thin adapter over `dpadesk-app`.
//! Exit codes: 0 success, 1 a problem the user can fix (message on stderr), 2 an internal
//! error. `check` differs: 1 means a blocker or high finding, 2 any error (usage errors too).

mod args;
mod commands;
mod output;
mod parse;

use args::{Cli, Command, RegisterCommand, VendorCommand};
use clap::Parser;
use commands::vault::{self as vault_file, PASSPHRASE_VAR, RECOVERY_CODE_VAR};
use dpadesk_app::session::{default_vault_path, open_backup, open_vault};
use dpadesk_app::{App, AppError};
use dpadesk_model::{ActivityData, DpaData, MeasureData, OrganisationData, VendorData};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

enum Failure {
    User(String),
    Internal(String),
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        let mut message = e.to_string();
        if matches!(e, AppError::Locked(_))
            && std::env::var_os(PASSPHRASE_VAR).is_none()
            && std::env::var_os(RECOVERY_CODE_VAR).is_none()
        {
            message.push_str(&format!(
                " (Set {PASSPHRASE_VAR} to use a passphrase, or {RECOVERY_CODE_VAR} to use the recovery code.)"
            ));
        }
        if e.is_user_error() {
            Self::User(message)
        } else {
            Self::Internal(message)
        }
    }
}

fn vault_path(cli: &Cli) -> Result<PathBuf, Failure> {
    cli.vault
        .clone()
        .or_else(default_vault_path)
        .ok_or_else(|| {
            Failure::User(
                "This system has no data directory for the vault; name one with --vault PATH."
                    .into(),
            )
        })
}

/// Runs the command; `Ok(true)` when it found something that needs action (exit code 1).
async fn run(cli: Cli) -> Result<bool, Failure> {
    if let Command::ImportList(args) = &cli.command
        && args.dry_run
    {
        let preview = commands::lists::read(args)?;
        commands::lists::print_preview(&preview, args.json);
        return Ok(false);
    }
    if let Command::ImportRegister(args) = &cli.command
        && args.dry_run
    {
        commands::register_import::dry_run(args)?;
        return Ok(false);
    }
    if let Some(backup) = cli.backup.clone() {
        return look_up_in_backup(&backup, cli.command).await;
    }
    let path = vault_path(&cli)?;
    let command = match cli.command {
        Command::Init(args) => return done(vault_file::init(&path, args).await),
        Command::Recover(args) => return done(vault_file::recover(&path, args).await),
        Command::Key(command) => return done(vault_file::key(&path, command).await),
        Command::Backup(args) => return done(vault_file::backup(&path, args).await),
        Command::Backups(args) => return done(vault_file::list(&path, args).await),
        Command::Restore(args) => return done(vault_file::restore(&path, args).await),
        Command::Doctor(args) => return done(vault_file::doctor(&path, args).await),
        Command::ImportList(args) => {
            // Read first: a bad file is reported without touching the vault.
            let preview = commands::lists::read(&args)?;
            let app = open_vault(&path, &vault_file::keys()?).await?;
            let result = commands::lists::save(&app, args, preview).await;
            let closed = app.close().await;
            result?;
            closed?;
            return Ok(false);
        }
        Command::ImportRegister(args) => {
            // Read first: a bad file is reported without touching the vault.
            let input = commands::register_import::input(&args)?;
            let app = open_vault(&path, &vault_file::keys()?).await?;
            let result = commands::register_import::save(&app, &args, input).await;
            let closed = app.close().await;
            result?;
            closed?;
            return Ok(false);
        }
        Command::Register(command) => command,
    };
    let app = open_vault(&path, &vault_file::keys()?).await?;
    dispatch_then_close(app, command).await
}

/// Runs the command, then closes the vault whatever the outcome; the command's error wins.
async fn dispatch_then_close(app: App, command: RegisterCommand) -> Result<bool, Failure> {
    let result = dispatch(&app, command).await;
    let closed = app.close().await;
    let attention = result?;
    closed?;
    Ok(attention)
}

/// Runs a register command on a backup opened read-only, through a private copy that is
/// deleted afterwards.
async fn look_up_in_backup(backup: &Path, command: Command) -> Result<bool, Failure> {
    let Command::Register(command) = command else {
        return Err(Failure::User(
            "--backup works with the commands that read the register; restore the backup to do anything else with it."
                .into(),
        ));
    };
    let copy_dir = tempfile::tempdir()
        .map_err(|e| Failure::Internal(format!("cannot make a private copy of the backup: {e}")))?;
    let app = open_backup(backup, &vault_file::keys()?, copy_dir.path()).await?;
    dispatch_then_close(app, command).await
}

fn done(result: Result<(), AppError>) -> Result<bool, Failure> {
    result?;
    Ok(false)
}

async fn dispatch(app: &App, command: RegisterCommand) -> Result<bool, AppError> {
    use commands::run;
    let done = match command {
        RegisterCommand::Check(args) => return commands::check::run(app, args).await,
        RegisterCommand::Export(args) => commands::export::export(app, args).await,
        RegisterCommand::ImportOrg(args) => commands::export::import_org(app, args).await,
        RegisterCommand::Org(cmd) => run::<OrganisationData, _, _>(app, cmd).await,
        RegisterCommand::Vendor(VendorCommand::Crud(cmd)) => {
            run::<VendorData, _, _>(app, cmd).await
        }
        RegisterCommand::Vendor(VendorCommand::Watch(args)) => {
            commands::vendor::watch(app, args).await
        }
        RegisterCommand::Vendor(VendorCommand::Check(args)) => {
            return commands::vendor::check(app, args).await;
        }
        RegisterCommand::Measure(cmd) => run::<MeasureData, _, _>(app, cmd).await,
        RegisterCommand::Activity(cmd) => run::<ActivityData, _, _>(app, cmd).await,
        RegisterCommand::Dpa(cmd) => run::<DpaData, _, _>(app, cmd).await,
        RegisterCommand::Subprocessors(cmd) => commands::lists::run(app, cmd).await,
        RegisterCommand::Tool(cmd) => commands::tools::run(app, cmd).await,
    };
    done.map(|()| false)
}

/// Whether the command line asks for `check`: its first word that is neither a global flag
/// nor that flag's value.
fn names_check(mut args: impl Iterator<Item = String>) -> bool {
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--vault" | "--backup" => {
                args.next();
            }
            a if a.starts_with('-') => {}
            a => return a == "check",
        }
    }
    false
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            eprintln!("{} (see dpadesk --help)", first.trim());
            // `check` keeps 1 for "findings need action": its usage errors exit 2 too.
            return ExitCode::from(if names_check(std::env::args().skip(1)) {
                2
            } else {
                1
            });
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::from(2);
        }
    };
    // `check` keeps exit code 1 for "findings need action", so its errors all exit with 2.
    let user_error_code = match &cli.command {
        Command::Register(RegisterCommand::Check(_)) => 2,
        _ => 1,
    };
    match runtime.block_on(run(cli)) {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(Failure::User(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(user_error_code)
        }
        Err(Failure::Internal(message)) => {
            eprintln!("internal error: {message}");
            ExitCode::from(2)
        }
    }
}
