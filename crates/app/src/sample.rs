//! The demo content behind `dpadesk sample` and the first-run button: organisations,
//! vendors, agreements, subprocessor lists and a TIA built from published vendor facts, so a new
//! user sees a filled register before entering their own.
//!
//! `data/sample.json` names records by references such as `"@v-emaillabs"`; any string
//! equal to a reference declared earlier in the file becomes that record's id.

use crate::{App, AppError, AppResult};
use dpadesk_model::*;
use dpadesk_store::StoreError;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
struct SampleFile {
    measures: Vec<Entry>,
    vendors: Vec<Entry>,
    organisations: Vec<Entry>,
    activities: Vec<Entry>,
    processor_records: Vec<Entry>,
    dpas: Vec<Entry>,
    subprocessor_lists: Vec<Entry>,
    tias: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    #[serde(rename = "ref")]
    reference: Option<String>,
    data: serde_json::Value,
}

/// How much the sample added.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SampleSummary {
    pub organisations: usize,
    pub activities: usize,
    pub vendors: usize,
    pub dpas: usize,
    pub subprocessor_lists: usize,
}

fn resolve(value: &mut serde_json::Value, ids: &HashMap<String, Id>) -> Result<(), String> {
    match value {
        serde_json::Value::String(s) if s.starts_with('@') => {
            let id = ids
                .get(s.as_str())
                .ok_or_else(|| format!("unknown reference {s}"))?;
            *s = id.to_string();
        }
        serde_json::Value::Array(items) => {
            for item in items {
                resolve(item, ids)?;
            }
        }
        serde_json::Value::Object(fields) => {
            for v in fields.values_mut() {
                resolve(v, ids)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// A fault in the bundled file is ours, not the user's: say so plainly.
fn broken(what: String) -> AppError {
    AppError::Vault(StoreError::Corrupt(format!(
        "The bundled sample data are damaged ({what})."
    )))
}

impl App {
    /// Adds the sample to the vault; refused, with nothing added, when it is there already.
    pub async fn load_sample(&self) -> AppResult<SampleSummary> {
        let file: SampleFile = serde_json::from_str(include_str!("../data/sample.json"))
            .map_err(|e| broken(e.to_string()))?;
        let names: Vec<String> = file
            .organisations
            .iter()
            .chain(&file.vendors)
            .filter_map(|e| {
                e.data
                    .get("name")
                    .or_else(|| e.data.get("legal_name"))
                    .and_then(|n| n.as_str())
                    .map(str::to_lowercase)
            })
            .collect();
        let existing = self
            .list::<OrganisationData>()
            .await?
            .into_iter()
            .map(|o| o.data.name)
            .chain(
                self.list::<VendorData>()
                    .await?
                    .into_iter()
                    .map(|v| v.data.legal_name),
            );
        for name in existing {
            if names.contains(&name.to_lowercase()) {
                return Err(AppError::InUse(format!(
                    "The sample is already in this vault (“{name}” exists)."
                )));
            }
        }
        let mut ids = HashMap::new();
        let mut summary = SampleSummary::default();
        self.add_all::<MeasureData>(&file.measures, &mut ids)
            .await?;
        summary.vendors = self.add_all::<VendorData>(&file.vendors, &mut ids).await?;
        summary.organisations = self
            .add_all::<OrganisationData>(&file.organisations, &mut ids)
            .await?;
        summary.activities = self
            .add_all::<ActivityData>(&file.activities, &mut ids)
            .await?;
        self.add_all::<ProcessorRecordData>(&file.processor_records, &mut ids)
            .await?;
        summary.dpas = self.add_all::<DpaData>(&file.dpas, &mut ids).await?;
        summary.subprocessor_lists = self
            .add_all::<SubprocessorListData>(&file.subprocessor_lists, &mut ids)
            .await?;
        self.add_all::<TiaData>(&file.tias, &mut ids).await?;
        Ok(summary)
    }

    async fn add_all<A: crate::validate::Editable + DeserializeOwned>(
        &self,
        entries: &[Entry],
        ids: &mut HashMap<String, Id>,
    ) -> AppResult<usize> {
        for entry in entries {
            let mut value = entry.data.clone();
            resolve(&mut value, ids).map_err(broken)?;
            let data: A = serde_json::from_value(value).map_err(|e| broken(e.to_string()))?;
            let record = self.create(data).await?;
            if let Some(reference) = &entry.reference {
                ids.insert(reference.clone(), record.id);
            }
        }
        Ok(entries.len())
    }
}
