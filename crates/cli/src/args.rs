//! The command line: `dpadesk [--vault PATH] <command>`. These shapes are a contract that
//! scripts depend on; change them only by adding.

use crate::commands::activity::{ActivityFields, ActivityList};
use crate::commands::check::Check;
use crate::commands::dpa::{DpaFields, DpaList};
use crate::commands::export::{Export, ImportOrg};
use crate::commands::lists::{ImportList, SubprocessorCommand};
use crate::commands::register_import::ImportRegister;
use crate::commands::tools::ToolCommand;
use crate::commands::vault::{Backup, Backups, Doctor, Init, KeyCommand, Recover, Restore};
use crate::commands::{ListAll, measure::MeasureFields, org::OrgFields, vendor::VendorFields};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "dpadesk",
    version,
    about = "DPA Desk: the GDPR register, vendors and DPAs, from a terminal."
)]
pub struct Cli {
    /// The vault file (default: vault.dpadesk in the OS data directory).
    #[arg(long, global = true, env = "DPADESK_VAULT")]
    pub vault: Option<PathBuf>,
    /// Look something up in a backup instead of the vault: the command reads the backup, and
    /// any change is refused (restore the backup to change it).
    #[arg(long, global = true, value_name = "FILE")]
    pub backup: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
#[expect(
    clippy::large_enum_variant,
    reason = "parsed once per run; boxing buys nothing"
)]
pub enum Command {
    /// Create a new vault and print its recovery code. Its key goes to the OS keychain, or
    /// comes from DPADESK_PASSPHRASE.
    Init(Init),
    /// Open the vault with its recovery code (DPADESK_RECOVERY_CODE, or typed) on a computer
    /// that has no key for it, and keep the key in its keychain or choose a passphrase.
    Recover(Recover),
    /// Change the vault's key: a new passphrase, the keychain, or a new recovery code.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Write a verified backup of the vault now.
    Backup(Backup),
    /// List the vault's backups (and choose where they go and how many are kept).
    Backups(Backups),
    /// Replace the vault with a backup; the vault as it was is kept as a backup first.
    Restore(Restore),
    /// Examine the whole vault file: every page, its structure and its links (exit code 1
    /// when it is damaged).
    Doctor(Doctor),
    /// Read a vendor's subprocessor list and save it as the vendor's newest version.
    ImportList(ImportList),
    /// Read an Art. 30 register kept elsewhere (a spreadsheet, a CSV, a Word or Markdown
    /// document) and save its activities as drafts in an organisation.
    ImportRegister(ImportRegister),
    #[command(flatten)]
    Register(RegisterCommand),
}

/// The commands that work on an open vault.
#[derive(Debug, Subcommand)]
pub enum RegisterCommand {
    /// Organisations whose registers are kept.
    #[command(subcommand)]
    Org(Crud<OrgFields, ListAll>),
    /// Processing activities of an organisation's register.
    #[command(subcommand)]
    Activity(Crud<ActivityFields, ActivityList>),
    /// The vendor catalogue shared by all organisations, and the lists vendors publish.
    #[command(subcommand)]
    Vendor(VendorCommand),
    /// Data processing agreements between an organisation and a vendor.
    #[command(subcommand)]
    Dpa(Crud<DpaFields, DpaList>),
    /// The security measure library.
    #[command(subcommand)]
    Measure(Crud<MeasureFields, ListAll>),
    /// The register, the processor register or the transfer-risk report as PDF; the register
    /// as XLSX or CSV; or the whole organisation as a handover file (JSON).
    Export(Export),
    /// Bring an organisation from a handover file into this vault (nothing is written if
    /// the file is refused).
    ImportOrg(ImportOrg),
    /// International-transfer checks as of a date (exit code 1 when a blocker or high finding needs action).
    Check(Check),
    /// Vendors' subprocessor list versions, their changes and their review.
    #[command(subcommand)]
    Subprocessors(SubprocessorCommand),
    #[command(flatten)]
    Tool(ToolCommand),
}

#[derive(Debug, Subcommand)]
// Parsed once per run: the size of the catalogue commands' fields costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum VendorCommand {
    #[command(flatten)]
    Crud(Crud<VendorFields, ListAll>),
    /// Watch the subprocessor list the vendor publishes at a web address. Checking it is the
    /// only network call DPA Desk makes, and only for vendors watched this way.
    Watch(WatchList),
    /// Fetch the published list of one vendor, or of every watched vendor, now; a list whose
    /// rows changed is stored as a new version to review (exit code 1 when a check failed).
    Check(CheckLists),
}

#[derive(Debug, Args)]
pub struct WatchList {
    /// Id or name.
    pub key: String,
    /// The address (http or https) of the vendor's published list.
    #[arg(long, required_unless_present = "stop")]
    pub url: Option<String>,
    /// Also check it once a day while the window is open.
    #[arg(long)]
    pub daily: bool,
    /// Stop watching: forget the address.
    #[arg(long, conflicts_with_all = ["url", "daily"])]
    pub stop: bool,
}

#[derive(Debug, Args)]
pub struct CheckLists {
    /// Id or name (default: every watched vendor).
    pub key: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct Show {
    /// Id or name.
    pub key: String,
    #[arg(long)]
    pub json: bool,
}

/// The same five commands for every kind of record: `F` are its fields, `L` how it is listed.
#[derive(Debug, Subcommand)]
pub enum Crud<F: Args, L: Args> {
    /// Add a new one.
    Add(#[command(flatten)] F),
    /// List them.
    List(#[command(flatten)] L),
    /// Show one.
    Show(Show),
    /// Change the fields given; the rest stay as they are (repeatable flags replace the list).
    Update {
        /// Id or name.
        key: String,
        #[command(flatten)]
        fields: F,
    },
    /// Remove one (refused while anything still uses it).
    Remove {
        /// Id or name.
        key: String,
    },
}
