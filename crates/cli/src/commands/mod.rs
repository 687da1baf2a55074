//! One module per command group; each turns flags into `model` data and calls `app`. The
//! add/list/show/update/remove flow itself is shared by all groups (`run`).

pub mod activity;
pub mod check;
pub mod dpa;
pub mod export;
pub mod lists;
pub mod measure;
pub mod org;
pub mod register_import;
pub mod tools;
pub mod vault;
pub mod vendor;

use crate::args::{Crud, Show};
use crate::output;
use dpadesk_app::validate::Editable;
use dpadesk_app::{App, AppError, AppResult, FieldError};
use dpadesk_model::{Id, Record};
use serde::Serialize;
use std::future::Future;

/// A file a command names, read before anything is saved and attached after.
#[derive(Debug)]
pub struct Document {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Flags that fill in or change a record's data.
pub trait Fields<A>: clap::Args {
    /// Flags `add` cannot do without, reported before anything else is checked.
    fn required_for_add(&self) -> Vec<FieldError> {
        Vec::new()
    }

    /// Fills in `data`; returns the document to attach once the record is saved.
    fn apply(self, app: &App, data: &mut A) -> impl Future<Output = AppResult<Option<Document>>>;
}

/// How a group's `list` chooses its records.
pub trait Query<A>: clap::Args {
    fn json(&self) -> bool;
    fn fetch(self, app: &App) -> impl Future<Output = AppResult<Vec<Record<A>>>>;
}

/// `list` of a group that has no filter: every record.
#[derive(Debug, clap::Args)]
pub struct ListAll {
    #[arg(long)]
    json: bool,
}

impl<A: Editable> Query<A> for ListAll {
    fn json(&self) -> bool {
        self.json
    }

    async fn fetch(self, app: &App) -> AppResult<Vec<Record<A>>> {
        app.list::<A>().await
    }
}

/// A record kind the commands handle.
pub trait Listed: Editable + Default {
    const HEADER: &'static [&'static str];
    fn row(record: &Record<Self>) -> Vec<String>;
    fn find(app: &App, key: &str) -> impl Future<Output = AppResult<Record<Self>>>;
    fn describe(record: &Record<Self>) -> String;

    /// Attaches a document to the saved record; only kinds that keep documents accept one.
    fn attach(app: &App, id: Id, document: Document) -> impl Future<Output = AppResult<()>> {
        let _ = (app, id, document);
        async {
            Err(AppError::Invalid(vec![FieldError::new(
                "document",
                "This kind of record keeps no document.",
            )]))
        }
    }
}

/// Looks a record up by id; for kinds that have no name to look them up by.
pub async fn find_by_id<A: Editable>(app: &App, key: &str, what: &str) -> AppResult<Record<A>> {
    let id: Id = key
        .parse()
        .map_err(|_| AppError::NotFound(format!("“{key}” is not {what} id.")))?;
    app.get(id).await
}

pub async fn run<A: Listed, F: Fields<A>, L: Query<A>>(
    app: &App,
    cmd: Crud<F, L>,
) -> AppResult<()> {
    match cmd {
        Crud::Add(fields) => {
            let missing = fields.required_for_add();
            if !missing.is_empty() {
                return Err(AppError::Invalid(missing));
            }
            let mut data = A::default();
            let document = fields.apply(app, &mut data).await?;
            let record = app.create(data).await?;
            if let Some(document) = document {
                A::attach(app, record.id, document).await?;
            }
            crate::output::line(&format!("Added {} ({})", A::describe(&record), record.id));
        }
        Crud::List(query) => {
            let json = query.json();
            list(&query.fetch(app).await?, json);
        }
        Crud::Show(Show { key, json }) => show(&A::find(app, &key).await?, json),
        Crud::Update { key, fields } => {
            let current = A::find(app, &key).await?;
            let mut data = current.data;
            let document = fields.apply(app, &mut data).await?;
            let record = app.update(current.id, data).await?;
            if let Some(document) = document {
                A::attach(app, record.id, document).await?;
            }
            crate::output::line(&format!("Updated {}", A::describe(&record)));
        }
        Crud::Remove { key } => {
            let current = A::find(app, &key).await?;
            let removed = app.delete::<A>(current.id).await?;
            crate::output::line(&format!("Removed {}", A::describe(&removed)));
        }
    }
    Ok(())
}

fn list<A: Listed>(records: &[Record<A>], json: bool) {
    if json {
        output::json(&records);
    } else {
        let rows: Vec<_> = records.iter().map(A::row).collect();
        output::table(A::HEADER, &rows);
    }
}

fn show<T: Serialize>(record: &T, json: bool) {
    if json {
        output::json(record);
    } else {
        let value = serde_json::to_value(record).unwrap_or_default();
        print_fields(&value, "");
    }
}

/// `key: value` lines, nested keys joined with dots; empty values left out.
fn print_fields(value: &serde_json::Value, prefix: &str) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                print_fields(v, &key);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                print_fields(v, &format!("{prefix}[{i}]"));
            }
        }
        Value::Null => {}
        Value::String(s) if s.is_empty() => {}
        Value::String(s) => crate::output::line(&format!("{prefix}: {s}")),
        other => crate::output::line(&format!("{prefix}: {other}")),
    }
}

/// Replaces `target` when the flag was given.
pub fn set<T>(target: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *target = v;
    }
}

/// Replaces a list when the flag was given at least once.
pub fn set_list<T>(target: &mut Vec<T>, values: Vec<T>) {
    if !values.is_empty() {
        *target = values;
    }
}
