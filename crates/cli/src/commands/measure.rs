//! `dpadesk measure …`: the security measure library.

use super::{Document, Fields, Listed, set};
use crate::parse;
use dpadesk_app::{App, AppResult};
use dpadesk_model::{ControlGroup, Measure, MeasureData};

#[derive(Debug, Default, clap::Args)]
pub struct MeasureFields {
    #[arg(long)]
    title: Option<String>,
    #[arg(long, value_parser = parse::group)]
    group: Option<ControlGroup>,
    #[arg(long)]
    description: Option<String>,
}

impl Fields<MeasureData> for MeasureFields {
    async fn apply(self, _: &App, d: &mut MeasureData) -> AppResult<Option<Document>> {
        set(&mut d.title, self.title);
        set(&mut d.group, self.group);
        set(&mut d.description, self.description);
        Ok(None)
    }
}

impl Listed for MeasureData {
    const HEADER: &'static [&'static str] = &["ID", "GROUP", "TITLE"];

    fn row(m: &Measure) -> Vec<String> {
        vec![
            m.id.to_string(),
            dpadesk_model::serde_name(&m.group),
            m.title.clone(),
        ]
    }

    async fn find(app: &App, key: &str) -> AppResult<Measure> {
        super::find_by_id(app, key, "a measure").await
    }

    fn describe(m: &Measure) -> String {
        format!("measure “{}”", m.title)
    }
}
