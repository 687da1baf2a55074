//! DPA Desk's own register export (the workbook's activities sheet, or the CSV) imported
//! again: recognised by `dpadesk_report::read_back`, shown in the preview like any register
//! (every field sure, each from its column), and saved field for field, status included,
//! with its processors and measures matched to the vault's vendors and library by name.

use crate::lists::find_vendor;
use crate::register_import::library_measure;
use dpadesk_import::register::{
    ReadActivity, ReadRecipient, ReadRetention, ReadTransfer, RegisterField, RegisterRead, Shape,
    SourceCell, Target,
};
use dpadesk_import::{Block, Watch};
use dpadesk_model::*;
use dpadesk_report::{ExportedActivity, ExportedRegister, Words, read_back};

/// The export and the reading the preview shows of it, when `bytes` are one.
pub(crate) fn read(
    bytes: &[u8],
    file_name: Option<&str>,
) -> Option<(RegisterRead, ExportedRegister)> {
    let document = dpadesk_import::formats::read(bytes, file_name, &Watch::default()).ok()?;
    let register = document.blocks.iter().find_map(|b| match b {
        Block::Table { rows } => read_back(rows),
        Block::Text { .. } => None,
    })?;
    let words = Words::new(register.lang);
    let activities = register
        .activities
        .iter()
        .map(|a| shown(a, &register.headers, &words))
        .collect::<Vec<_>>();
    let read = RegisterRead {
        format: document.format,
        shape: (!activities.is_empty()).then_some(Shape::RowPerActivity),
        template: activities.is_empty(),
        layout: format!("dpadesk-export-{}", register.lang.code()),
        labels: Vec::new(),
        activities,
        warnings: vec![format!(
            "This is a register exported by DPA Desk: every column is read as DPA Desk wrote it ({}).",
            register.lang.code()
        )],
    };
    Some((read, register))
}

/// What the preview shows of an exported activity: each field as saved, and sure.
fn shown(a: &ExportedActivity, headers: &[String], words: &Words) -> ReadActivity {
    let d = &a.data;
    let at = format!("row {}", a.row);
    let special: Vec<String> = d
        .data_categories
        .iter()
        .filter(|c| c.sensitivity == DataSensitivity::Special)
        .map(|c| c.name.clone())
        .collect();
    let mut read = ReadActivity {
        source: at.clone(),
        name: d.name.clone(),
        reference: d.reference.clone(),
        description: d.description.clone(),
        purposes: d.purposes.iter().map(|p| p.description.clone()).collect(),
        legal_bases: d
            .purposes
            .iter()
            .map(|p| format!("6(1)({})", p.legal_basis.letter()))
            .collect(),
        art9_conditions: d
            .purposes
            .iter()
            .filter_map(|p| p.art9_condition)
            .map(|c| format!("9(2)({})", c.letter()))
            .collect(),
        legal_basis_text: String::new(),
        subject_categories: d.subject_categories.clone(),
        data_categories: d
            .data_categories
            .iter()
            .filter(|c| c.sensitivity != DataSensitivity::Special)
            .map(|c| c.name.clone())
            .collect(),
        special_categories: special,
        recipients: d
            .recipients
            .iter()
            .map(|r| ReadRecipient {
                name: r.name.clone(),
                processor: r.kind == RecipientKind::Processor,
                country: r.country.clone(),
            })
            .collect(),
        transfers: d
            .transfers
            .iter()
            .map(|t| ReadTransfer {
                text: format!("{} ({})", t.recipient, t.country),
                country: Some(t.country.clone()),
                mechanism: t.mechanism,
            })
            .collect(),
        retention: d
            .data_categories
            .iter()
            .filter_map(|c| {
                let r = c.retention.as_ref()?;
                Some(ReadRetention {
                    category: Some(c.name.clone()),
                    text: words.retention(r),
                    count: None,
                    unit: None,
                    trigger: String::new(),
                })
            })
            .collect(),
        measures: a.measures.clone(),
        systems: d.systems.clone(),
        department: d.owner.department.clone(),
        dpia_required: Some(d.dpia_required),
        ..ReadActivity::default()
    };
    read.confidence = RegisterField::ALL.iter().map(|f| (*f, 1.0)).collect();
    read.cells = headers
        .iter()
        .zip(&a.cells)
        .filter(|(_, text)| !text.is_empty())
        .map(|(label, text)| SourceCell {
            label: label.clone(),
            target: Target::Notes,
            text: text.clone(),
            at: at.clone(),
        })
        .collect();
    read
}

/// The exported activity as a record of `organisation`: processors linked to the vendor of
/// the same legal name (or a new vendor), measures to the library measure of the same title;
/// a title the library lacks is kept in the description, as the other imports keep it.
pub(crate) fn draft(
    organisation: Id,
    a: &ExportedActivity,
    vendors: &[Vendor],
    new_vendors: &mut Vec<Vendor>,
    measures: &[Measure],
    now: chrono::DateTime<chrono::Utc>,
) -> ActivityData {
    let mut data = ActivityData {
        organisation_id: organisation,
        ..a.data.clone()
    };
    let mut names = a.processors.iter();
    for r in data
        .recipients
        .iter_mut()
        .filter(|r| r.kind == RecipientKind::Processor)
    {
        let name = names.next().cloned().unwrap_or_else(|| r.name.clone());
        let known = |list: &[Vendor]| {
            list.iter()
                .find(|v| v.data.legal_name.trim() == name)
                .map(|v| v.id)
                .or_else(|| find_vendor(&name, list))
        };
        r.vendor_id = Some(match known(vendors).or_else(|| known(new_vendors)) {
            Some(id) => id,
            None => {
                let vendor = Record {
                    id: Id::new(),
                    created_at: now,
                    updated_at: now,
                    data: VendorData {
                        legal_name: name,
                        country: r.country.clone(),
                        ..VendorData::default()
                    },
                };
                let id = vendor.id;
                new_vendors.push(vendor);
                id
            }
        });
    }
    let mut missing = Vec::new();
    for title in &a.measures {
        match measures
            .iter()
            .find(|m| m.data.title.trim() == title)
            .map(|m| m.id)
            .or_else(|| library_measure(title, measures))
        {
            Some(id) if !data.measure_ids.contains(&id) => data.measure_ids.push(id),
            Some(_) => {}
            None => missing.push(format!("Security measure: {title}")),
        }
    }
    if !missing.is_empty() {
        if !data.description.is_empty() {
            data.description.push_str("\n\n");
        }
        data.description.push_str("From the imported register:\n");
        data.description.push_str(&missing.join("\n"));
    }
    data
}
