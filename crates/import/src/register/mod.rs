//! Reads a register a user already keeps (a spreadsheet, a CSV, a Word or Markdown document,
//! often on an authority's template) into activities with their fields, each with the cell it
//! came from and how sure the reading is. Pure: bytes and an optional mapping in, activities
//! out; matching recipients to vendors and measures to a library is the app's.
//!
//! `outline` turns the file into headings, lines, items and tables; `labels` says which item
//! of a register a label names; `tables` and `sections` find the activities in the three
//! shapes registers take (a row per activity, a two-column table per activity, a section per
//! activity); `activity` reads each labelled cell into its field with `values` and `legal`.

mod activity;
mod labels;
mod legal;
mod mapping;
mod outline;
mod sections;
mod tables;
mod values;

pub use activity::{
    ReadActivity, ReadNote, ReadRecipient, ReadRetention, ReadTransfer, SourceCell,
};
pub use mapping::{LabelRead, Mapping, Target};

use crate::{Format, ImportError, ImportResult, Watch};
use serde::{Deserialize, Serialize};

/// An item of a register that a label can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegisterField {
    Name,
    Reference,
    Description,
    Purposes,
    LegalBasis,
    SubjectCategories,
    DataCategories,
    SpecialCategories,
    Recipients,
    Processors,
    InternalAccess,
    Transfers,
    Retention,
    Measures,
    Systems,
    Department,
    Dpia,
}

impl RegisterField {
    pub const ALL: [RegisterField; 17] = [
        Self::Name,
        Self::Reference,
        Self::Description,
        Self::Purposes,
        Self::LegalBasis,
        Self::SubjectCategories,
        Self::DataCategories,
        Self::SpecialCategories,
        Self::Recipients,
        Self::Processors,
        Self::InternalAccess,
        Self::Transfers,
        Self::Retention,
        Self::Measures,
        Self::Systems,
        Self::Department,
        Self::Dpia,
    ];

    /// The name used in mapping files and `--json` output.
    pub fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Reference => "reference",
            Self::Description => "description",
            Self::Purposes => "purposes",
            Self::LegalBasis => "legal_basis",
            Self::SubjectCategories => "subject_categories",
            Self::DataCategories => "data_categories",
            Self::SpecialCategories => "special_categories",
            Self::Recipients => "recipients",
            Self::Processors => "processors",
            Self::InternalAccess => "internal_access",
            Self::Transfers => "transfers",
            Self::Retention => "retention",
            Self::Measures => "measures",
            Self::Systems => "systems",
            Self::Department => "department",
            Self::Dpia => "dpia",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The fields that make a set of labelled cells a processing activity.
    fn is_core(self) -> bool {
        matches!(
            self,
            Self::Purposes
                | Self::LegalBasis
                | Self::SubjectCategories
                | Self::DataCategories
                | Self::Description
        )
    }

    /// The fields only a register has (a vendor's list has names, purposes and places, never
    /// these), so a table with one of them is a register's and not a subprocessor list.
    fn is_register_only(self) -> bool {
        matches!(
            self,
            Self::LegalBasis
                | Self::SubjectCategories
                | Self::Retention
                | Self::SpecialCategories
                | Self::Measures
                | Self::Dpia
        )
    }
}

/// How the register lays out its activities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    RowPerActivity,
    TablePerActivity,
    SectionPerActivity,
}

/// What a register file holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegisterRead {
    pub format: Format,
    /// `None` when no activity was found.
    pub shape: Option<Shape>,
    /// True for a blank template: the items of a register are there, no activity is.
    pub template: bool,
    /// Names the layout (the labels, in order), so a mapping chosen for one file applies to
    /// the next file of the same shape.
    pub layout: String,
    /// Every label seen, with the field it is read into.
    pub labels: Vec<LabelRead>,
    pub activities: Vec<ReadActivity>,
    pub warnings: Vec<String>,
}

/// A labelled cell found in the file: the label, its text, and where it is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub label: String,
    pub text: String,
    pub at: String,
}

/// Labelled cells that make one activity, with a name from outside them (a heading) if any.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub heading: Option<String>,
    pub entries: Vec<Entry>,
    pub at: String,
    pub shape: Shape,
}

/// Reads a register's bytes. `mapping` overrides the labels' suggested fields (the user's
/// corrections, or those remembered for this layout).
pub fn read_register(
    bytes: &[u8],
    file_name: Option<&str>,
    mapping: &Mapping,
    watch: &Watch,
) -> ImportResult<RegisterRead> {
    let document = crate::formats::read(bytes, file_name, watch)?;
    watch.check()?;
    let pieces = match crate::formats::markdown_source(bytes, file_name) {
        Some(text) => outline::of_markdown(&text),
        None => outline::of_document(&document),
    };
    let (mut found, mut template) = tables::rows_per_activity(&pieces);
    let (in_sections, section_template) = sections::activities(&pieces);
    template |= section_template;
    found.extend(in_sections);
    watch.check()?;
    let labels = mapping::labels_of(&found, mapping);
    let activities: Vec<ReadActivity> = found
        .iter()
        .enumerate()
        .map(|(i, f)| activity::read(f, i + 1, &labels))
        .filter(|a| !a.is_empty())
        .collect();
    if activities.is_empty() && !template {
        return Err(ImportError::NoRegister);
    }
    let shape = most_common_shape(&found);
    Ok(RegisterRead {
        format: document.format,
        shape: (!activities.is_empty()).then_some(shape).flatten(),
        template: activities.is_empty(),
        layout: mapping::layout_of(&labels),
        labels,
        activities,
        warnings: document.warnings,
    })
}

fn most_common_shape(found: &[Found]) -> Option<Shape> {
    [
        Shape::RowPerActivity,
        Shape::TablePerActivity,
        Shape::SectionPerActivity,
    ]
    .into_iter()
    .map(|s| (found.iter().filter(|f| f.shape == s).count(), s))
    .filter(|(n, _)| *n > 0)
    .max_by_key(|(n, _)| *n)
    .map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_the_user_maps_is_read_into_its_field_and_trusted() {
        let file = "Activity;Wozu;Legal basis;Data subjects\nPayroll;Paying salaries;Art. 6(1)(c);Employees\n";
        let unmapped = read_register(
            file.as_bytes(),
            Some("r.csv"),
            &Mapping::default(),
            &Watch::default(),
        )
        .expect("read");
        assert!(unmapped.activities[0].purposes.is_empty());
        assert_eq!(unmapped.activities[0].notes[0].label, "Wozu");

        let mapping: Mapping =
            serde_json::from_str(r#"{"labels": {"wozu": "purposes"}}"#).expect("mapping");
        let mapped = read_register(file.as_bytes(), Some("r.csv"), &mapping, &Watch::default())
            .expect("read");
        let payroll = &mapped.activities[0];
        assert_eq!(payroll.purposes, ["Paying salaries"]);
        assert!(payroll.notes.is_empty());
        assert_eq!(payroll.confidence[&RegisterField::Purposes], 0.9);
        assert_eq!(
            unmapped.layout, mapped.layout,
            "a mapping does not change the layout"
        );
    }
}
