//! The window's view of a register import before anything is saved: where each label of the
//! file goes (and where else it could), every activity with what will be saved of each field,
//! how sure the reading is and the cells it came from, and what would stop the save. The
//! mapping chosen for a layout is remembered, so the next file of that shape maps itself.

use crate::register_import::{
    Mapping, ReadActivity, RegisterField, RegisterRead, Target, read_register_file,
};
use crate::register_mappings;
use crate::{App, AppError, AppResult, FieldError};
use dpadesk_import::Watch;
use dpadesk_model::Id;
use serde::Serialize;
use ts_rs::TS;

/// Below this, a field's reading is shown as uncertain.
pub const UNCERTAIN: f32 = 0.7;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RegisterPreview {
    /// Set when the organisation exists: it did before, or the import made it.
    pub organisation_id: Option<Id>,
    pub organisation: String,
    pub new_organisation: bool,
    /// Names the file's layout; the mapping saved with an import is kept under it.
    pub layout: String,
    /// True when the mapping is one the user chose for this layout before.
    pub remembered: bool,
    /// Every place a label can go: the register's fields, then `notes` and `skip`.
    pub targets: Vec<String>,
    pub labels: Vec<LabelChoice>,
    pub activities: Vec<PreviewActivity>,
    /// Processors no vendor of the vault matches: they would be added as vendors.
    pub new_vendors: Vec<String>,
    pub warnings: Vec<String>,
    /// What stops the save and is about no activity in particular; an activity's own
    /// problems are on it.
    pub problems: Vec<FieldError>,
    /// Nothing stops the save and at least one activity is kept.
    pub can_save: bool,
    pub written: bool,
    /// The saved import's entry in history, which "undo this import" names.
    pub import_id: Option<Id>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LabelChoice {
    pub label: String,
    pub target: String,
    pub suggested: String,
    #[ts(type = "number")]
    pub cells: usize,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PreviewActivity {
    /// Where in the file it is; also what a per-row skip names.
    pub source: String,
    pub name: String,
    pub skipped: bool,
    pub fields: Vec<PreviewField>,
    /// What about this activity stops the save (e.g. its name is already in the register).
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PreviewField {
    /// A register field's key, or `notes`.
    pub field: String,
    /// What is saved, one item per entry.
    pub values: Vec<String>,
    pub confidence: f32,
    pub uncertain: bool,
    /// The cells it was read from, as "where — label: text".
    pub source: String,
}

impl App {
    /// Reads a register for the window. Without a `mapping`, the one remembered for the
    /// file's layout is used, else the suggestions.
    pub async fn preview_register(
        &self,
        bytes: &[u8],
        file_name: Option<&str>,
        organisation: &str,
        mapping: Option<&Mapping>,
        skip: &[String],
    ) -> AppResult<RegisterPreview> {
        let read_with = |m: &Mapping| read_register_file(bytes, file_name, m, &Watch::default());
        let (mapping, read, remembered) = match mapping {
            Some(m) => (m.clone(), read_with(m)?, false),
            None => {
                let suggested = read_with(&Mapping::default())?;
                match register_mappings::remembered(&suggested.layout) {
                    Some(m) => {
                        let read = read_with(&m)?;
                        (m, read, true)
                    }
                    None => (Mapping::default(), suggested, false),
                }
            }
        };
        let existing = self.organisation_named(organisation).await?;
        let checked = self
            .import_register(bytes, file_name, organisation, &mapping, skip, true)
            .await;
        let (new_vendors, problems) = match checked {
            Ok(done) => (done.new_vendors, Vec::new()),
            Err(AppError::Invalid(problems)) => (Vec::new(), problems),
            Err(e) => return Err(e),
        };
        let mut preview = RegisterPreview {
            organisation_id: existing.as_ref().map(|o| o.id),
            new_organisation: existing.is_none(),
            organisation: existing.map_or_else(|| organisation.trim().to_string(), |o| o.data.name),
            remembered,
            new_vendors,
            ..preview_of(read, skip)
        };
        preview.can_save = problems.is_empty() && preview.activities.iter().any(|a| !a.skipped);
        preview.problems = beside_their_rows(&mut preview.activities, problems);
        Ok(preview)
    }

    /// Saves the import as previewed and remembers its mapping for the layout.
    pub async fn save_register_import(
        &self,
        bytes: &[u8],
        file_name: Option<&str>,
        organisation: &str,
        mapping: &Mapping,
        skip: &[String],
    ) -> AppResult<RegisterPreview> {
        let done = self
            .import_register(bytes, file_name, organisation, mapping, skip, false)
            .await?;
        if !mapping.labels.is_empty() {
            register_mappings::remember(&done.read.layout, mapping)?;
        }
        Ok(RegisterPreview {
            organisation_id: Some(done.organisation_id),
            organisation: done.organisation,
            new_organisation: done.new_organisation,
            new_vendors: done.new_vendors,
            written: done.written,
            import_id: done.import_id,
            ..preview_of(done.read, &[])
        })
    }
}

/// Puts each problem on the activity its path (`SOURCE.FIELD`) names; returns the others.
fn beside_their_rows(
    activities: &mut [PreviewActivity],
    problems: Vec<FieldError>,
) -> Vec<FieldError> {
    let mut others = Vec::new();
    for p in problems {
        match activities
            .iter_mut()
            .find(|a| p.field.starts_with(&format!("{}.", a.source)))
        {
            Some(a) => a.problems.push(p.message),
            None => others.push(p),
        }
    }
    others
}

/// The file as read, before the vault is asked about it.
fn preview_of(read: RegisterRead, skip: &[String]) -> RegisterPreview {
    RegisterPreview {
        organisation_id: None,
        organisation: String::new(),
        new_organisation: true,
        layout: read.layout,
        remembered: false,
        targets: RegisterField::ALL
            .iter()
            .map(|f| String::from(Target::Field(*f)))
            .chain([Target::Notes.into(), Target::Skip.into()])
            .collect(),
        labels: read
            .labels
            .iter()
            .map(|l| LabelChoice {
                label: l.label.clone(),
                target: l.target.into(),
                suggested: l.suggested.into(),
                cells: l.cells,
            })
            .collect(),
        activities: read
            .activities
            .iter()
            .map(|a| PreviewActivity {
                source: a.source.clone(),
                name: a.name.clone(),
                skipped: skip.contains(&a.source),
                fields: fields_of(a),
                problems: Vec::new(),
            })
            .collect(),
        new_vendors: Vec::new(),
        warnings: read.warnings,
        problems: Vec::new(),
        can_save: false,
        written: false,
        import_id: None,
    }
}

fn fields_of(a: &ReadActivity) -> Vec<PreviewField> {
    let mut out: Vec<PreviewField> = RegisterField::ALL
        .iter()
        .filter_map(|f| {
            let values = values_of(a, *f);
            let source = source_of(a, Target::Field(*f));
            if values.is_empty() && source.is_empty() {
                return None;
            }
            let confidence = a.confidence.get(f).copied().unwrap_or(1.0);
            Some(PreviewField {
                field: f.key().into(),
                values,
                confidence,
                uncertain: confidence < UNCERTAIN,
                source,
            })
        })
        .collect();
    if !a.notes.is_empty() {
        out.push(PreviewField {
            field: "notes".into(),
            values: a
                .notes
                .iter()
                .map(|n| format!("{}: {}", n.label, n.text))
                .collect(),
            confidence: 1.0,
            uncertain: false,
            source: source_of(a, Target::Notes),
        });
    }
    out
}

fn values_of(a: &ReadActivity, field: RegisterField) -> Vec<String> {
    let one = |s: &str| {
        if s.trim().is_empty() {
            Vec::new()
        } else {
            vec![s.to_string()]
        }
    };
    match field {
        RegisterField::Name => one(&a.name),
        RegisterField::Reference => one(&a.reference),
        RegisterField::Description => one(&a.description),
        RegisterField::Purposes => a.purposes.clone(),
        RegisterField::LegalBasis => a
            .legal_bases
            .iter()
            .map(|b| format!("Art. {b}"))
            .chain(a.art9_conditions.iter().map(|c| format!("Art. {c}")))
            .chain(a.suggested_legal_bases.iter().map(|b| format!("Art. {b}?")))
            .collect(),
        RegisterField::SubjectCategories => a.subject_categories.clone(),
        RegisterField::DataCategories => a.data_categories.clone(),
        RegisterField::SpecialCategories => a.special_categories.clone(),
        RegisterField::Recipients => a
            .recipients
            .iter()
            .filter(|r| !r.processor)
            .map(|r| r.name.clone())
            .collect(),
        RegisterField::Processors => a
            .recipients
            .iter()
            .filter(|r| r.processor)
            .map(|r| r.name.clone())
            .collect(),
        RegisterField::InternalAccess => a.internal_access.clone(),
        RegisterField::Transfers => a.transfers.iter().map(|t| t.text.clone()).collect(),
        RegisterField::Retention => a.retention.iter().map(|r| r.text.clone()).collect(),
        RegisterField::Measures => a.measures.clone(),
        RegisterField::Systems => a.systems.clone(),
        RegisterField::Department => one(&a.department),
        RegisterField::Dpia => a
            .dpia_required
            .map(|yes| vec![if yes { "yes" } else { "no" }.to_string()])
            .unwrap_or_default(),
    }
}

fn source_of(a: &ReadActivity, target: Target) -> String {
    a.cells
        .iter()
        .filter(|c| c.target == target)
        .map(|c| format!("{} — {}: {}", c.at, c.label, c.text))
        .collect::<Vec<_>>()
        .join("\n")
}
