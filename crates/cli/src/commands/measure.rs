//! `dpadesk measure …`: the security measure library.

use super::{Fields, Listed, set};
use crate::parse;
use dpadesk_app::{App, AppError, AppResult};
use dpadesk_model::{ControlGroup, Id, Measure, MeasureData};

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
    async fn apply(self, _: &App, d: &mut MeasureData) -> AppResult<()> {
        set(&mut d.title, self.title);
        set(&mut d.group, self.group);
        set(&mut d.description, self.description);
        Ok(())
    }
}

impl Listed for MeasureData {
    const HEADER: &'static [&'static str] = &["ID", "GROUP", "TITLE"];

    fn row(m: &Measure) -> Vec<String> {
        vec![
            m.id.to_string(),
            crate::parse_name(&m.group),
            m.title.clone(),
        ]
    }

    async fn find(app: &App, key: &str) -> AppResult<Measure> {
        let id: Id = key
            .parse()
            .map_err(|_| AppError::NotFound(format!("“{key}” is not a measure id.")))?;
        app.get(id).await
    }

    fn describe(m: &Measure) -> String {
        format!("measure “{}”", m.title)
    }
}
