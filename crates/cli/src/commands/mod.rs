//! One module per command group; each turns flags into `model` data and calls `app`.

pub mod activity;
pub mod dpa;
pub mod measure;
pub mod org;
pub mod vendor;

use crate::args::{Crud, ListArgs, Show};
use crate::output;
use dpadesk_app::validate::Editable;
use dpadesk_app::{App, AppResult};
use dpadesk_model::Record;
use serde::Serialize;
use std::future::Future;

/// Flags that fill in or change a record's data.
pub trait Fields<A> {
    fn apply(self, app: &App, data: &mut A) -> impl Future<Output = AppResult<()>>;
}

/// A record kind the generic add/list/show/update/remove commands handle.
pub trait Listed: Editable + Default {
    const HEADER: &'static [&'static str];
    fn row(record: &Record<Self>) -> Vec<String>;
    fn find(app: &App, key: &str) -> impl Future<Output = AppResult<Record<Self>>>;
    fn describe(record: &Record<Self>) -> String;
}

pub async fn crud<A: Listed, F: Fields<A> + clap::Args>(app: &App, cmd: Crud<F>) -> AppResult<()> {
    match cmd {
        Crud::Add(fields) => {
            let mut data = A::default();
            fields.apply(app, &mut data).await?;
            let record = app.create(data).await?;
            println!("Added {} ({})", A::describe(&record), record.id);
        }
        Crud::List(ListArgs { json }) => list(&app.list::<A>().await?, json),
        Crud::Show(Show { key, json }) => show(&A::find(app, &key).await?, json),
        Crud::Update { key, fields } => {
            update(app, &key, fields).await?;
        }
        Crud::Remove { key } => remove::<A>(app, &key).await?,
    }
    Ok(())
}

/// Applies the flags given to the record named by `key` and saves it.
pub async fn update<A: Listed, F: Fields<A>>(
    app: &App,
    key: &str,
    fields: F,
) -> AppResult<Record<A>> {
    let current = A::find(app, key).await?;
    let mut data = current.data;
    fields.apply(app, &mut data).await?;
    let record = app.update(current.id, data).await?;
    println!("Updated {}", A::describe(&record));
    Ok(record)
}

pub async fn remove<A: Listed>(app: &App, key: &str) -> AppResult<()> {
    let current = A::find(app, key).await?;
    let removed = app.delete::<A>(current.id).await?;
    println!("Removed {}", A::describe(&removed));
    Ok(())
}

pub fn list<A: Listed>(records: &[Record<A>], json: bool) {
    if json {
        output::json(&records);
    } else {
        let rows: Vec<_> = records.iter().map(A::row).collect();
        output::table(A::HEADER, &rows);
    }
}

pub fn show<T: Serialize>(record: &T, json: bool) {
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
        Value::String(s) => println!("{prefix}: {s}"),
        other => println!("{prefix}: {other}"),
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
