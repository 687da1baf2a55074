//! One activity read from its labelled cells: each cell's text into the field its label goes
//! to, with how sure the reading is; what goes to no field is kept in the notes.

use super::mapping::{LabelRead, Target, target};
use super::values::{self, ListKind};
use super::{Found, RegisterField, legal};
use crate::{country, mechanism};
use dpadesk_model::{CountryCode, PeriodUnit, TransferMechanism};
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// An activity as the file gives it, before anything is written.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReadActivity {
    /// Where in the file the activity is ("table 2, row 5", "section “1. Payroll”").
    pub source: String,
    pub name: String,
    pub reference: String,
    pub description: String,
    pub purposes: Vec<String>,
    /// Art. 6(1) points the file cites, as "6(1)(f)", in the order cited.
    pub legal_bases: Vec<String>,
    /// Points the file names only in words ("legitimate interest"): proposed, not read.
    pub suggested_legal_bases: Vec<String>,
    /// Art. 9(2) conditions cited, as "9(2)(h)".
    pub art9_conditions: Vec<String>,
    /// The legal-basis cell as written, kept beside the points read from it.
    pub legal_basis_text: String,
    pub subject_categories: Vec<String>,
    pub data_categories: Vec<String>,
    pub special_categories: Vec<String>,
    pub recipients: Vec<ReadRecipient>,
    pub internal_access: Vec<String>,
    pub transfers: Vec<ReadTransfer>,
    pub retention: Vec<ReadRetention>,
    pub measures: Vec<String>,
    pub systems: Vec<String>,
    pub department: String,
    pub dpia_required: Option<bool>,
    /// Cells whose label goes to no field, word for word.
    pub notes: Vec<ReadNote>,
    /// How sure each field's reading is, from 0 to 1; below 0.7 the preview highlights it.
    pub confidence: BTreeMap<RegisterField, f32>,
    /// The cells read, for showing the source of a field.
    pub cells: Vec<SourceCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadRecipient {
    pub name: String,
    /// True when the file lists it as a processor.
    pub processor: bool,
    pub country: Option<CountryCode>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadTransfer {
    pub text: String,
    pub country: Option<CountryCode>,
    pub mechanism: TransferMechanism,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadRetention {
    /// The data category the period is for, when the cell names one.
    pub category: Option<String>,
    pub text: String,
    pub count: Option<u32>,
    pub unit: Option<PeriodUnit>,
    /// What the period runs from ("after the end of the contract").
    pub trigger: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadNote {
    pub label: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceCell {
    pub label: String,
    pub target: Target,
    pub text: String,
    pub at: String,
}

impl ReadActivity {
    /// Nothing but a name, or not even that: a heading row, not an activity.
    pub(crate) fn is_empty(&self) -> bool {
        self.purposes.is_empty()
            && self.description.is_empty()
            && self.data_categories.is_empty()
            && self.subject_categories.is_empty()
            && self.legal_bases.is_empty()
            && self.legal_basis_text.is_empty()
    }
}

/// "1.", "1.2", "ACTIVIDAD 1:", "Activity 3 –", "Traitement n°2 :", "Czynność 4." before a name.
static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:processing\s+)?(?:activity|activities|record|sheet|fiche|tätigkeit|verarbeitungstätigkeit|verfahren|verarbeitung|traitement|activité|attività|trattamento|scheda|czynność(?:\s+przetwarzania)?|proces|actividad|tratamiento|ficha|verwerking|activiteit)\s*(?:n[°ºo.]?\s*|nr\.?\s*|no\.?\s*)?\d+[a-z]?\s*[:.)\-–—]?\s*|\d+(?:\.\d+)*[.)]?\s+(?:[:\-–—]\s*)?)",
    )
    .expect("valid")
});

fn clean_name(text: &str) -> String {
    let text = values::text(text).replace("**", "");
    let first = text.lines().next().unwrap_or("").trim();
    NUMBERING
        .replace(first, "")
        .trim()
        .trim_end_matches([':', '.'])
        .trim()
        .to_string()
}

pub(crate) fn read(found: &Found, index: usize, labels: &[LabelRead]) -> ReadActivity {
    let mut a = ReadActivity {
        source: found.at.clone(),
        ..ReadActivity::default()
    };
    let mut descriptions: Vec<String> = Vec::new();
    let mut legal_texts: Vec<String> = Vec::new();
    let mut retention_texts: Vec<String> = Vec::new();
    let mut transfer_texts: Vec<String> = Vec::new();
    for entry in &found.entries {
        let to = target(labels, &entry.label);
        a.cells.push(SourceCell {
            label: entry.label.clone(),
            target: to,
            text: entry.text.clone(),
            at: entry.at.clone(),
        });
        let field = match to {
            Target::Skip => continue,
            Target::Notes => {
                if !values::says_nothing(&entry.text) {
                    a.notes.push(ReadNote {
                        label: entry.label.replace("**", "").trim().to_string(),
                        text: values::text(&entry.text),
                    });
                }
                continue;
            }
            Target::Field(field) => field,
        };
        let items = |kind| values::items(&entry.text, kind);
        match field {
            RegisterField::Name => {
                if a.name.is_empty() {
                    a.name = clean_name(&entry.text);
                }
            }
            RegisterField::Reference => a.reference = values::text(&entry.text),
            RegisterField::Description => descriptions.push(values::text(&entry.text)),
            RegisterField::Purposes => extend(&mut a.purposes, items(ListKind::Purposes)),
            RegisterField::LegalBasis => legal_texts.push(values::text(&entry.text)),
            RegisterField::SubjectCategories => {
                extend(&mut a.subject_categories, items(ListKind::Items))
            }
            RegisterField::DataCategories => extend(&mut a.data_categories, items(ListKind::Items)),
            RegisterField::SpecialCategories => {
                extend(&mut a.special_categories, items(ListKind::Items))
            }
            RegisterField::Recipients | RegisterField::Processors => {
                for name in items(ListKind::Items) {
                    a.recipients
                        .push(recipient(&name, field == RegisterField::Processors));
                }
            }
            RegisterField::InternalAccess => extend(&mut a.internal_access, items(ListKind::Items)),
            RegisterField::Transfers => transfer_texts.push(entry.text.clone()),
            RegisterField::Retention => retention_texts.push(entry.text.clone()),
            RegisterField::Measures => extend(&mut a.measures, items(ListKind::Items)),
            RegisterField::Systems => extend(&mut a.systems, items(ListKind::Items)),
            RegisterField::Department => a.department = values::text(&entry.text),
            RegisterField::Dpia => {
                a.dpia_required = a.dpia_required.or(values::yes_no(&entry.text))
            }
        }
    }
    a.description = descriptions
        .into_iter()
        .filter(|d| !values::says_nothing(d))
        .collect::<Vec<_>>()
        .join("\n");
    read_legal(&mut a, &legal_texts);
    a.transfers = transfer_texts.iter().flat_map(|t| transfers(t)).collect();
    a.retention = retention_texts
        .iter()
        .flat_map(|t| retention(t, &a.data_categories))
        .collect();
    name_and_purposes(&mut a, found, index);
    a.confidence = confidence(&a, found, labels);
    a
}

fn extend(into: &mut Vec<String>, items: Vec<String>) {
    for item in items {
        if !into.contains(&item) {
            into.push(item);
        }
    }
}

fn read_legal(a: &mut ReadActivity, texts: &[String]) {
    for text in texts.iter().filter(|t| !values::says_nothing(t)) {
        let cited = legal::cited(text);
        extend(&mut a.legal_bases, cited.art6);
        extend(&mut a.art9_conditions, cited.art9);
        extend(&mut a.suggested_legal_bases, cited.in_words);
        if !a.legal_basis_text.is_empty() {
            a.legal_basis_text.push('\n');
        }
        a.legal_basis_text.push_str(text);
    }
    if !a.legal_bases.is_empty() {
        a.suggested_legal_bases.clear();
    }
}

/// "EmailJS (servicio de envío de emails - EEUU)": the name before the brackets, the place
/// from the whole.
fn recipient(item: &str, processor: bool) -> ReadRecipient {
    let name = item
        .split(" (")
        .next()
        .unwrap_or(item)
        .split(" – ")
        .next()
        .unwrap_or(item)
        .trim()
        .to_string();
    ReadRecipient {
        name: if name.is_empty() {
            item.to_string()
        } else {
            name
        },
        processor,
        country: country::detect(item),
    }
}

/// Each line (or the whole cell) naming a third country is one transfer, with the tool the
/// cell names; "no transfer" in any language gives none.
fn transfers(text: &str) -> Vec<ReadTransfer> {
    let joined = values::lines(text).join(" ");
    if values::says_nothing(&joined) || mechanism::detect(&joined) == Some(TransferMechanism::Eea) {
        return Vec::new();
    }
    let tool = mechanism::detect(&joined).unwrap_or(TransferMechanism::Unknown);
    let mut out: Vec<ReadTransfer> = Vec::new();
    for line in values::lines(text) {
        if let Some(code) = country::detect(&line).filter(|c| !country::is_eea(c))
            && out.iter().all(|t| t.country.as_ref() != Some(&code))
        {
            out.push(ReadTransfer {
                text: line.clone(),
                country: Some(code),
                mechanism: mechanism::detect(&line).unwrap_or(tool),
            });
        }
    }
    if out.is_empty() {
        out.push(ReadTransfer {
            text: joined,
            country: None,
            mechanism: tool,
        });
    }
    out
}

/// One period per line; a line opening with a data category's name ("Logs: 90 days") is that
/// category's.
fn retention(text: &str, categories: &[String]) -> Vec<ReadRetention> {
    let lines = values::lines(text);
    if lines.iter().all(|l| values::says_nothing(l)) {
        return Vec::new();
    }
    lines
        .into_iter()
        .map(|line| {
            let (category, rest) = match line.split_once(':') {
                Some((head, rest)) if head.split_whitespace().count() <= 5 => {
                    (Some(head.trim().to_string()), rest.trim().to_string())
                }
                _ => (None, line.clone()),
            };
            let category = category.map(|c| {
                let folded = crate::fold::fold(&c);
                categories
                    .iter()
                    .find(|k| {
                        let k = crate::fold::fold(k);
                        k.contains(&folded) || folded.contains(&k)
                    })
                    .cloned()
                    .unwrap_or(c)
            });
            let period = values::period(&rest);
            ReadRetention {
                category,
                text: line,
                count: period.as_ref().map(|p| p.0),
                unit: period.as_ref().map(|p| p.1),
                trigger: period.map(|p| p.2).unwrap_or_default(),
            }
        })
        .collect()
}

/// The name from the heading above when the cells give none; the description as the purpose
/// when the register has no purpose of its own (the CNIL's model describes the processing).
fn name_and_purposes(a: &mut ReadActivity, found: &Found, index: usize) {
    if let Some(heading) = &found.heading {
        let from_heading = clean_name(heading);
        if !from_heading.is_empty()
            && (a.name.is_empty() || found.shape != super::Shape::RowPerActivity)
        {
            a.name = from_heading;
        }
    }
    if a.name.is_empty() {
        a.name = a
            .purposes
            .first()
            .cloned()
            .unwrap_or_else(|| format!("Activity {index}"));
    }
    if a.purposes.is_empty() && !a.description.is_empty() {
        a.purposes = vec![a.description.replace('\n', " ")];
    }
}

fn confidence(
    a: &ReadActivity,
    found: &Found,
    labels: &[LabelRead],
) -> BTreeMap<RegisterField, f32> {
    let mut c = BTreeMap::new();
    // Where the user's mapping (or the words) sent a cell, not only where the words would.
    let has = |f: RegisterField| {
        found
            .entries
            .iter()
            .any(|e| target(labels, &e.label) == Target::Field(f))
    };
    c.insert(
        RegisterField::Name,
        if has(RegisterField::Name) || found.heading.is_some() {
            0.95
        } else if a.name.starts_with("Activity ") {
            0.2
        } else {
            0.5
        },
    );
    if !a.purposes.is_empty() {
        c.insert(
            RegisterField::Purposes,
            if has(RegisterField::Purposes) {
                0.9
            } else {
                0.6
            },
        );
    }
    if !a.legal_basis_text.is_empty() {
        let sure = if !a.legal_bases.is_empty() {
            0.95
        } else if !a.suggested_legal_bases.is_empty() {
            0.5
        } else {
            0.2
        };
        c.insert(RegisterField::LegalBasis, sure);
    }
    for (field, filled) in [
        (
            RegisterField::SubjectCategories,
            !a.subject_categories.is_empty(),
        ),
        (RegisterField::DataCategories, !a.data_categories.is_empty()),
        (
            RegisterField::SpecialCategories,
            !a.special_categories.is_empty(),
        ),
        (RegisterField::Measures, !a.measures.is_empty()),
        (RegisterField::Systems, !a.systems.is_empty()),
        (RegisterField::Description, !a.description.is_empty()),
    ] {
        if filled {
            c.insert(field, 0.9);
        }
    }
    if !a.recipients.is_empty() {
        c.insert(RegisterField::Recipients, 0.8);
    }
    if !a.transfers.is_empty() {
        let placed = a.transfers.iter().all(|t| t.country.is_some());
        let tooled = a
            .transfers
            .iter()
            .all(|t| t.mechanism != TransferMechanism::Unknown);
        c.insert(
            RegisterField::Transfers,
            if placed && tooled { 0.85 } else { 0.4 },
        );
    }
    if !a.retention.is_empty() {
        let fixed = a.retention.iter().all(|r| r.count.is_some());
        c.insert(RegisterField::Retention, if fixed { 0.85 } else { 0.6 });
    }
    c
}
