//! The command line: `dpadesk [--vault PATH] <command>`. These shapes are a contract that
//! scripts depend on; change them only by adding.

use crate::commands::{
    activity::ActivityFields, dpa::DpaFields, measure::MeasureFields, org::OrgFields,
    vendor::VendorFields,
};
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
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new vault. Its key goes to the OS keychain, or comes from DPADESK_PASSPHRASE.
    Init,
    /// Organisations whose registers are kept.
    #[command(subcommand)]
    Org(Crud<OrgFields>),
    /// Processing activities of an organisation's register.
    #[command(subcommand)]
    Activity(ActivityCommand),
    /// The vendor catalogue shared by all organisations.
    #[command(subcommand)]
    Vendor(Crud<VendorFields>),
    /// Data processing agreements between an organisation and a vendor.
    #[command(subcommand)]
    Dpa(DpaCommand),
    /// The security measure library.
    #[command(subcommand)]
    Measure(Crud<MeasureFields>),
}

#[derive(Debug, Args)]
pub struct Show {
    /// Id or name.
    pub key: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Crud<F: Args> {
    /// Add a new one.
    Add(#[command(flatten)] F),
    /// List them all.
    List(ListArgs),
    /// Show one.
    Show(Show),
    /// Change the fields given; the rest stay as they are.
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

#[derive(Debug, Subcommand)]
pub enum ActivityCommand {
    /// Add an activity to an organisation's register.
    Add(#[command(flatten)] ActivityFields),
    /// List an organisation's activities.
    List {
        /// Organisation id or name.
        #[arg(long)]
        org: String,
        #[arg(long)]
        json: bool,
    },
    Show(Show),
    /// Change the fields given; lists given replace the stored ones.
    Update {
        key: String,
        #[command(flatten)]
        fields: ActivityFields,
    },
    Remove {
        key: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum DpaCommand {
    Add(#[command(flatten)] DpaFields),
    /// List DPAs, of one organisation or with one vendor, or all.
    List {
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        vendor: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Show(Show),
    Update {
        key: String,
        #[command(flatten)]
        fields: DpaFields,
    },
    Remove {
        key: String,
    },
}
