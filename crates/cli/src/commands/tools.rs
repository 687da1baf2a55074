//! The commands around the register rather than one kind of record: sample data,
//! completeness, reminders, search, copies between clients, templates, history and the
//! register imports made.

use super::Listed;
use crate::output::{self, opt};
use chrono::NaiveDate;
use dpadesk_app::{App, AppError, AppResult, FieldError, library};
use dpadesk_model::*;

#[derive(Debug, clap::Subcommand)]
pub enum ToolCommand {
    /// Add demo organisations, vendors, agreements and subprocessor lists to explore.
    Sample {
        #[arg(long)]
        json: bool,
    },
    /// Which Art. 30 items an organisation's register still lacks.
    Completeness {
        /// Organisation id or name.
        #[arg(long)]
        org: String,
        #[arg(long)]
        json: bool,
    },
    /// Agreements to review or renew, processors without a DPA, checklist gaps, reviews due.
    Reminders {
        /// Organisation id or name (default: every organisation).
        #[arg(long)]
        org: Option<String>,
        /// The day to judge from (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Find organisations, activities, vendors, subprocessors and categories.
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Copy an activity to another organisation's register, as a draft.
    CopyActivity {
        /// Activity id.
        activity: String,
        /// Organisation id or name.
        #[arg(long)]
        to: String,
        #[arg(long)]
        json: bool,
    },
    /// Copy an agreement, with its document, to another organisation using the same vendor.
    CopyDpa {
        /// DPA id.
        dpa: String,
        /// Organisation id or name.
        #[arg(long)]
        to: String,
        #[arg(long)]
        json: bool,
    },
    /// Typical activities to start a new client's register from.
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Who changed a record, when, and each field before and after.
    History {
        #[arg(value_enum)]
        kind: HistoryKind,
        /// Id (or name, for organisations and vendors).
        key: String,
        #[arg(long)]
        json: bool,
    },
    /// The reference dataset the transfer checks judge against; load a newer file or go
    /// back to the built-in one.
    Dataset {
        #[command(subcommand)]
        action: Option<DatasetAction>,
        #[arg(long, global = true)]
        json: bool,
    },
    /// The register imports made into an organisation (`import-register`), newest first;
    /// `--undo ID` takes one back as a whole.
    Imports {
        /// Organisation id or name.
        #[arg(long)]
        org: String,
        /// The import to undo: its activities go, and the vendors and organisation it made
        /// unless other records use them now.
        #[arg(long, value_name = "ID")]
        undo: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// An organisation's register as it stood at the end of a day.
    #[command(name = "register")]
    RegisterAsOf {
        /// Organisation id or name.
        #[arg(long)]
        org: String,
        /// The day (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum TemplateCommand {
    /// The templates and their keys.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add template activities to an organisation's register, as drafts.
    Apply {
        /// Organisation id or name.
        #[arg(long)]
        org: String,
        /// Template keys (see `template list`).
        #[arg(required = true)]
        keys: Vec<String>,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum DatasetAction {
    /// Validate a dataset file and use it from now on, if it is newer than the one in use.
    Load { file: std::path::PathBuf },
    /// Forget a loaded dataset and use the one this version ships with.
    Reset,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum HistoryKind {
    Org,
    Activity,
    Vendor,
    Dpa,
    Measure,
}

async fn list_imports(app: &App, org: Id, json: bool) -> AppResult<()> {
    let imports = app.register_imports(org).await?;
    if json {
        output::json(&imports);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = imports
        .iter()
        .map(|i| {
            vec![
                i.id.to_string(),
                i.at.format("%Y-%m-%d %H:%M").to_string(),
                i.actor.clone(),
                i.file_name.clone(),
                i.activity_ids.len().to_string(),
                i.undone_at
                    .map(|at| format!("undone {}", at.format("%Y-%m-%d %H:%M")))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    output::table(
        &["Id", "When (UTC)", "Who", "File", "Activities", "State"],
        &rows,
    );
    Ok(())
}

async fn undo_import(app: &App, org: Id, id: &str, json: bool) -> AppResult<()> {
    let not_found = || AppError::NotFound(format!("No import {id} in this organisation."));
    let id: Id = id.trim().parse().map_err(|_| not_found())?;
    if !app.register_imports(org).await?.iter().any(|i| i.id == id) {
        return Err(not_found());
    }
    let undone = app.undo_register_import(id).await?;
    if json {
        output::json(&undone);
        return Ok(());
    }
    output::line(&format!(
        "Removed {} activities and {} vendors{}.",
        undone.activities_removed,
        undone.vendors_removed,
        if undone.organisation_removed {
            ", and the organisation the import made"
        } else {
            ""
        }
    ));
    if !undone.vendors_kept.is_empty() {
        output::line(&format!(
            "Kept, as other records use them: {}",
            undone.vendors_kept.join(", ")
        ));
    }
    Ok(())
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A snake_case name as words, for the terminal.
fn words<T: serde::Serialize>(value: &T) -> String {
    serde_name(value).replace('_', " ")
}

pub async fn run(app: &App, cmd: ToolCommand) -> AppResult<()> {
    match cmd {
        ToolCommand::Sample { json } => {
            let s = app.load_sample().await?;
            if json {
                output::json(&s);
            } else {
                crate::output::line(&format!(
                    "Added sample data: {} organisations, {} activities, {} vendors, {} agreements, {} subprocessor lists.",
                    s.organisations, s.activities, s.vendors, s.dpas, s.subprocessor_lists
                ));
            }
        }
        ToolCommand::Dataset { action, json } => {
            let status = match action {
                None => app.reference_dataset().await?,
                Some(DatasetAction::Load { file }) => {
                    let bytes = std::fs::read(&file).map_err(|e| {
                        AppError::Invalid(vec![FieldError::new(
                            "file",
                            format!("{} cannot be read: {e}.", file.display()),
                        )])
                    })?;
                    app.load_dataset(&bytes).await?
                }
                Some(DatasetAction::Reset) => app.reset_dataset().await?,
            };
            if json {
                output::json(&status);
            } else {
                let d = &status.in_use;
                output::line(&format!(
                    "Reference dataset {} of {} ({}){}",
                    d.version,
                    d.date,
                    if status.loaded {
                        "loaded from a file"
                    } else {
                        "built in"
                    },
                    match d.unverified_rows {
                        0 => String::new(),
                        n => format!("; {n} row(s) not confirmed from an official text"),
                    }
                ));
            }
        }
        ToolCommand::Completeness { org, json } => {
            let org = app.find_organisation(&org).await?;
            let c = app.completeness_of(org.id).await?;
            if json {
                output::json(&c);
                return Ok(());
            }
            let gaps = |c: &dpadesk_app::completeness::Completeness| {
                c.missing
                    .iter()
                    .map(|g| words(&g.item))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            crate::output::line(&format!("{}: {}% complete", org.name, c.percent));
            let mut rows = vec![vec![
                "(organisation details)".to_string(),
                format!("{}%", c.header.percent),
                gaps(&c.header),
            ]];
            rows.extend(c.activities.iter().map(|a| {
                vec![
                    a.name.clone(),
                    format!("{}%", a.completeness.percent),
                    gaps(&a.completeness),
                ]
            }));
            output::table(&["Activity", "Complete", "Missing"], &rows);
        }
        ToolCommand::Reminders { org, on, json } => {
            let day = on.unwrap_or_else(today);
            let orgs = match org {
                Some(key) => vec![app.find_organisation(&key).await?],
                None => app.list::<OrganisationData>().await?,
            };
            let mut all = Vec::new();
            for o in orgs {
                all.extend(app.reminders_of(o.id, day).await?);
            }
            if json {
                output::json(&all);
                return Ok(());
            }
            let rows: Vec<Vec<String>> = all
                .iter()
                .map(|r| {
                    let about = [r.vendor.as_str(), r.activity.as_str()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" / ");
                    let items = r.items.iter().map(words).collect::<Vec<_>>().join(", ");
                    vec![
                        r.organisation.clone(),
                        words(&r.kind),
                        about,
                        opt(&r.due_on),
                        items,
                    ]
                })
                .collect();
            output::table(
                &["Organisation", "Reminder", "About", "Due", "Items"],
                &rows,
            );
        }
        ToolCommand::Search { query, json } => {
            let hits = app.search(&query).await?;
            if json {
                output::json(&hits);
                return Ok(());
            }
            let rows: Vec<Vec<String>> = hits
                .iter()
                .map(|h| vec![words(&h.kind), h.title.clone(), h.detail.clone()])
                .collect();
            output::table(&["Kind", "Found", "Where"], &rows);
        }
        ToolCommand::CopyActivity { activity, to, json } => {
            let source = ActivityData::find(app, &activity).await?;
            let to = app.find_organisation(&to).await?;
            let copy = app.copy_activity(source.id, to.id).await?;
            if json {
                output::json(&copy);
                return Ok(());
            }
            crate::output::line(&format!(
                "Copied activity “{}” to {} as a draft ({})",
                copy.name, to.name, copy.id
            ));
        }
        ToolCommand::CopyDpa { dpa, to, json } => {
            let source = DpaData::find(app, &dpa).await?;
            let to = app.find_organisation(&to).await?;
            let copy = app.copy_dpa(source.id, to.id).await?;
            if json {
                output::json(&copy);
                return Ok(());
            }
            crate::output::line(&format!(
                "Copied the agreement to {} ({})",
                to.name, copy.id
            ));
        }
        ToolCommand::Template(TemplateCommand::List { json }) => {
            let templates = library::templates();
            if json {
                output::json(&templates);
                return Ok(());
            }
            let rows: Vec<Vec<String>> = templates
                .iter()
                .map(|t| vec![t.key.clone(), t.data.name.clone()])
                .collect();
            output::table(&["Key", "Activity"], &rows);
        }
        ToolCommand::Template(TemplateCommand::Apply { org, keys }) => {
            let org = app.find_organisation(&org).await?;
            let added = app.apply_templates(org.id, &keys).await?;
            let names: Vec<&str> = added.iter().map(|a| a.name.as_str()).collect();
            crate::output::line(&format!(
                "Added {} draft activities to {}: {}",
                added.len(),
                org.name,
                names.join(", ")
            ));
        }
        ToolCommand::History { kind, key, json } => {
            let (entity, id) = match kind {
                HistoryKind::Org => (
                    EntityKind::Organisation,
                    app.find_organisation(&key).await?.id,
                ),
                HistoryKind::Activity => (
                    EntityKind::Activity,
                    ActivityData::find(app, &key).await?.id,
                ),
                HistoryKind::Vendor => (EntityKind::Vendor, app.find_vendor(&key).await?.id),
                HistoryKind::Dpa => (EntityKind::Dpa, DpaData::find(app, &key).await?.id),
                HistoryKind::Measure => {
                    (EntityKind::Measure, MeasureData::find(app, &key).await?.id)
                }
            };
            let changes = app.record_changes(entity, id).await?;
            if json {
                output::json(&changes);
                return Ok(());
            }
            let rows: Vec<Vec<String>> = changes
                .iter()
                .map(|c| {
                    let fields = c
                        .fields
                        .iter()
                        .map(|f| format!("{}: {} → {}", f.field, f.before, f.after))
                        .collect::<Vec<_>>()
                        .join("; ");
                    vec![
                        c.at.format("%Y-%m-%d %H:%M").to_string(),
                        c.actor.clone(),
                        words(&c.action),
                        fields,
                    ]
                })
                .collect();
            output::table(&["When (UTC)", "Who", "Action", "Changes"], &rows);
        }
        ToolCommand::Imports { org, undo, json } => {
            let org = app.find_organisation(&org).await?;
            match undo {
                Some(id) => undo_import(app, org.id, &id, json).await?,
                None => list_imports(app, org.id, json).await?,
            }
        }
        ToolCommand::RegisterAsOf { org, as_of, json } => {
            let org = app.find_organisation(&org).await?;
            let day = as_of.unwrap_or_else(today);
            let snapshot = app.register_as_of(org.id, day).await?;
            if json {
                output::json(&snapshot);
                return Ok(());
            }
            let Some(then) = &snapshot.organisation else {
                return Err(AppError::NotFound(format!(
                    "{} was not in the vault yet on {day}.",
                    org.name
                )));
            };
            crate::output::line(&format!("Register of {} as of {day}", then.name));
            let rows: Vec<Vec<String>> =
                snapshot.activities.iter().map(ActivityData::row).collect();
            output::table(ActivityData::HEADER, &rows);
        }
    }
    Ok(())
}
