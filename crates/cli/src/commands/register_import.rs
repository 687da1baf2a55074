//! `import-register`: an Art. 30 register the user already keeps (XLSX, XLS, ODS, CSV, DOCX,
//! Markdown, HTML) read into activities and saved as drafts in an organisation, or, with
//! `--dry-run`, only shown (no vault needed).

use crate::output;
use dpadesk_app::lists::{Watch, refuse_oversized};
use dpadesk_app::register_import::{Mapping, RegisterImport, RegisterRead, read_register_file};
use dpadesk_app::{App, AppError, AppResult, FieldError};
use dpadesk_model::Id;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ImportRegister {
    /// The register: XLSX, XLS, ODS, CSV, DOCX, Markdown, HTML or text.
    pub file: PathBuf,
    /// The organisation the activities go to (id or name); a new one of that name is made
    /// when the vault has none.
    #[arg(long)]
    pub org: String,
    /// A JSON file choosing the field of each label: {"labels": {"Zweck": "purposes",
    /// "Bemerkung": "notes", "Lfd. Nr.": "skip"}}; labels it does not name keep the
    /// suggested field.
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Print what was read; save nothing (no vault needed).
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub json: bool,
}

fn invalid(field: &str, message: String) -> AppError {
    AppError::Invalid(vec![FieldError::new(field, message)])
}

/// The file's bytes, its name, and the mapping, read before the vault is opened.
pub struct Input {
    bytes: Vec<u8>,
    name: String,
    mapping: Mapping,
}

pub fn input(args: &ImportRegister) -> AppResult<Input> {
    let path = &args.file;
    let unreadable =
        |e: std::io::Error| invalid("file", format!("{} cannot be read: {e}.", path.display()));
    refuse_oversized(std::fs::metadata(path).map_err(unreadable)?.len())?;
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let mapping = match &args.mapping {
        None => Mapping::default(),
        Some(file) => {
            let text = std::fs::read_to_string(file).map_err(|e| {
                invalid(
                    "mapping",
                    format!("{} cannot be read: {e}.", file.display()),
                )
            })?;
            serde_json::from_str(&text).map_err(|e| {
                invalid(
                    "mapping",
                    format!("{} is no mapping file: {e}.", file.display()),
                )
            })?
        }
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Input {
        bytes,
        name,
        mapping,
    })
}

/// What `--json` prints; scripts depend on these keys.
#[derive(Serialize)]
struct Printed<'a> {
    organisation: &'a str,
    new_organisation: bool,
    written: bool,
    new_vendors: &'a [String],
    /// Set once written: what `imports --undo` takes.
    import_id: Option<Id>,
    #[serde(flatten)]
    read: &'a RegisterRead,
}

/// `--dry-run`: the file as read, with no vault.
pub fn dry_run(args: &ImportRegister) -> AppResult<()> {
    let input = input(args)?;
    let read = read_register_file(
        &input.bytes,
        Some(&input.name),
        &input.mapping,
        &Watch::default(),
    )?;
    print(
        &Printed {
            organisation: args.org.trim(),
            new_organisation: false,
            written: false,
            new_vendors: &[],
            import_id: None,
            read: &read,
        },
        args.json,
    );
    Ok(())
}

pub async fn save(app: &App, args: &ImportRegister, input: Input) -> AppResult<()> {
    let done: RegisterImport = app
        .import_register(
            &input.bytes,
            Some(&input.name),
            &args.org,
            &input.mapping,
            &[],
            false,
        )
        .await?;
    print(
        &Printed {
            organisation: &done.organisation,
            new_organisation: done.new_organisation,
            written: done.written,
            new_vendors: &done.new_vendors,
            import_id: done.import_id,
            read: &done.read,
        },
        args.json,
    );
    Ok(())
}

fn print(p: &Printed, json: bool) {
    if json {
        return output::json(p);
    }
    for warning in &p.read.warnings {
        eprintln!("note: {warning}");
    }
    if p.read.template {
        output::line(
            "The file is a blank register template: it names a register's items but holds no activity.",
        );
        return;
    }
    output::table(
        &[
            "ACTIVITY",
            "PURPOSES",
            "LEGAL BASES",
            "DATA CATEGORIES",
            "UNSURE",
        ],
        &p.read
            .activities
            .iter()
            .map(|a| {
                let unsure: Vec<&str> = a
                    .confidence
                    .iter()
                    .filter(|(_, c)| **c < 0.7)
                    .map(|(f, _)| f.key())
                    .collect();
                vec![
                    a.name.clone(),
                    a.purposes.len().to_string(),
                    if a.legal_bases.is_empty() {
                        a.suggested_legal_bases
                            .iter()
                            .map(|b| format!("{b}?"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    } else {
                        a.legal_bases.join(" ")
                    },
                    a.data_categories.len().to_string(),
                    unsure.join(", "),
                ]
            })
            .collect::<Vec<_>>(),
    );
    let count = p.read.activities.len();
    if p.written {
        let org = if p.new_organisation {
            format!("the new organisation {}", p.organisation)
        } else {
            p.organisation.to_string()
        };
        output::line(&format!("Saved {count} activities as drafts in {org}."));
        if !p.new_vendors.is_empty() {
            output::line(&format!("Added vendors: {}", p.new_vendors.join(", ")));
        }
        if let Some(id) = p.import_id {
            output::line(&format!(
                "To take it back: dpadesk imports --org \"{}\" --undo {id}",
                p.organisation
            ));
        }
    } else {
        output::line(&format!(
            "{count} activities read; nothing was saved (--dry-run)."
        ));
    }
}
