//! What DPA Desk brings with it: the security-measures library every new vault starts with,
//! and the template activities a new client's register can start from. Both are data files
//! in `crates/app/data/`, read at compile time.

use dpadesk_model::{ActivityData, MeasureData};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use ts_rs::TS;

static MEASURES: LazyLock<Vec<MeasureData>> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../data/measures.json"))
        .expect("data/measures.json is checked by the library tests")
});

static TEMPLATES: LazyLock<Vec<Template>> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../data/templates.json"))
        .expect("data/templates.json is checked by the library tests")
});

/// The preloaded measures, grouped by the eight control groups.
pub fn measures() -> &'static [MeasureData] {
    &MEASURES
}

/// A typical processing activity to start a register from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Template {
    pub key: String,
    pub data: ActivityData,
}

pub fn templates() -> &'static [Template] {
    &TEMPLATES
}

pub fn template(key: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Editable;
    use dpadesk_model::ControlGroup;

    #[test]
    fn the_library_covers_the_eight_control_groups_with_unique_titles() {
        let groups: std::collections::BTreeSet<ControlGroup> =
            measures().iter().map(|m| m.group).collect();
        assert_eq!(groups.len(), 8, "{groups:?}");
        assert!(!groups.contains(&ControlGroup::Other));
        let mut titles: Vec<&str> = measures().iter().map(|m| m.title.as_str()).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), measures().len());
        for m in measures() {
            assert!(m.check().is_empty(), "{m:?}");
        }
    }

    #[test]
    fn the_templates_are_the_typical_activities_and_valid() {
        let keys: Vec<&str> = templates().iter().map(|t| t.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "hr_payroll",
                "recruitment",
                "customer_support",
                "newsletter",
                "website_analytics",
                "accounting",
                "cctv"
            ]
        );
        for t in templates() {
            assert!(t.data.check().is_empty(), "{}: {:?}", t.key, t.data.check());
            assert!(
                !t.data.purposes.is_empty() && !t.data.data_categories.is_empty(),
                "{}",
                t.key
            );
        }
    }
}
