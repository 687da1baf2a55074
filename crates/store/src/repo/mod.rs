//! Reading and writing each aggregate: the mapping between the `model` types and the
//! tables, one module per aggregate, behind one trait the vault uses for every change.

use crate::error::{Result, StoreError};
use dpadesk_model::{CountryCode, EntityKind, Id, Record};
use sea_orm::ConnectionTrait;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;

pub mod activity;
pub mod audit;
pub mod document;
pub mod dpa;
pub mod links;
pub mod measure;
pub mod organisation;
pub mod processor_record;
pub mod reference_dataset;
pub mod register_import;
pub mod subprocessor_list;
pub mod tia;
pub mod vendor;

/// An aggregate the vault stores: one root row, its JSON columns and its links.
pub trait Aggregate: Sized + Clone + Serialize + DeserializeOwned + Send + Sync + 'static {
    const KIND: EntityKind;

    fn get<C: ConnectionTrait>(
        c: &C,
        id: Id,
    ) -> impl Future<Output = Result<Option<Record<Self>>>> + Send;
    fn list<C: ConnectionTrait>(c: &C) -> impl Future<Output = Result<Vec<Record<Self>>>> + Send;
    fn insert<C: ConnectionTrait>(
        c: &C,
        r: &Record<Self>,
    ) -> impl Future<Output = Result<()>> + Send;
    fn update<C: ConnectionTrait>(
        c: &C,
        r: &Record<Self>,
    ) -> impl Future<Output = Result<()>> + Send;
    fn delete<C: ConnectionTrait>(c: &C, id: Id) -> impl Future<Output = Result<()>> + Send;
    /// What still refers to this record, worded for the user; deleting is refused while any.
    fn referenced_by<C: ConnectionTrait>(
        c: &C,
        id: Id,
    ) -> impl Future<Output = Result<Vec<String>>> + Send;
    /// How the user calls this record in messages.
    fn label(r: &Record<Self>) -> String;
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

pub(crate) fn from_json<T: DeserializeOwned>(value: serde_json::Value) -> Result<T> {
    Ok(serde_json::from_value(value)?)
}

pub(crate) fn opt_from_json<T: DeserializeOwned>(
    value: Option<serde_json::Value>,
) -> Result<Option<T>> {
    value.map(from_json).transpose()
}

pub(crate) use dpadesk_model::serde_name;

pub(crate) fn enum_parse<T: DeserializeOwned>(s: &str) -> Result<T> {
    from_json(serde_json::Value::String(s.to_string()))
}

pub(crate) fn id_parse(s: &str) -> Result<Id> {
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("bad id {s:?}")))
}

pub(crate) fn country_parse(s: Option<String>) -> Result<Option<CountryCode>> {
    s.map(|c| {
        c.parse()
            .map_err(|e: dpadesk_model::country::UnknownCountry| StoreError::Corrupt(e.to_string()))
    })
    .transpose()
}

pub(crate) fn country_str(c: &Option<CountryCode>) -> Option<String> {
    c.as_ref().map(|c| c.to_string())
}
