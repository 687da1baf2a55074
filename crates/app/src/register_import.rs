//! Brings in a register the user already keeps: the file read by
//! `dpadesk_import::register`, each activity turned into a draft of the model (recipients
//! matched to the vault's vendors, or proposed as new vendors when the file lists them as
//! processors; measures matched to the library), checked as a form would be, then written
//! into the chosen organisation, or a new one of that name, in one transaction: all of it or
//! nothing.

use crate::lists::find_vendor;
use crate::{App, AppError, AppResult, FieldError};
use chrono::Utc;
use dpadesk_import::register::read_register;
pub use dpadesk_import::register::{
    LabelRead, Mapping, ReadActivity, ReadRetention, RegisterField, RegisterRead, Shape, Target,
};
use dpadesk_import::{Watch, fold};
use dpadesk_model::*;
use dpadesk_store::RecordSet;
use serde::Serialize;

/// What an import of a register did, or would do (`written` is false for a dry run).
#[derive(Debug, Clone, Serialize)]
pub struct RegisterImport {
    /// The organisation's id: the existing one's, or the one the import makes.
    pub organisation_id: Id,
    pub organisation: String,
    /// True when the organisation is new, made for this import.
    pub new_organisation: bool,
    /// The file as read: every activity with its fields, where each came from, and how sure.
    pub read: RegisterRead,
    /// The activities as they are (or would be) saved, as drafts.
    pub activities: Vec<ActivityData>,
    /// Processors the file names that no vendor of the vault matches: added as vendors.
    pub new_vendors: Vec<String>,
    pub written: bool,
    /// The import's entry in history, to undo it by; set once written.
    pub import_id: Option<Id>,
}

/// Reads a register file with no vault (the CLI's `--dry-run`). DPA Desk's own export is
/// read as it was written, whatever the mapping.
pub fn read_register_file(
    bytes: &[u8],
    file_name: Option<&str>,
    mapping: &Mapping,
    watch: &Watch,
) -> AppResult<RegisterRead> {
    match crate::own_export::read(bytes, file_name) {
        Some((read, _)) => Ok(read),
        None => Ok(read_register(bytes, file_name, mapping, watch)?),
    }
}

impl App {
    /// Reads `bytes` and, unless `dry_run`, writes its activities as drafts into the
    /// organisation named `organisation` (made when the vault has none of that name). The
    /// activities whose `source` is in `skip` are left out, as the user chose in the preview.
    pub async fn import_register(
        &self,
        bytes: &[u8],
        file_name: Option<&str>,
        organisation: &str,
        mapping: &Mapping,
        skip: &[String],
        dry_run: bool,
    ) -> AppResult<RegisterImport> {
        let own = crate::own_export::read(bytes, file_name);
        let mut read = match &own {
            Some((read, _)) => read.clone(),
            None => read_register(bytes, file_name, mapping, &Watch::default())?,
        };
        read.activities.retain(|a| !skip.contains(&a.source));
        let existing = self.organisation_named(organisation).await?;
        let org_id = existing.as_ref().map_or_else(Id::new, |o| o.id);
        let vendors = self.list::<VendorData>().await?;
        let measures = self.list::<MeasureData>().await?;
        let mut new_vendors: Vec<Vendor> = Vec::new();
        let now = self.now();
        let mut activities = Vec::new();
        let mut problems = Vec::new();
        // Importing the same register twice must not double it.
        let taken: Vec<String> = match &existing {
            Some(org) => self
                .activities_of(org.id)
                .await?
                .into_iter()
                .map(|a| a.data.name.trim().to_lowercase())
                .collect(),
            None => Vec::new(),
        };
        for read_activity in &read.activities {
            if taken.contains(&read_activity.name.trim().to_lowercase()) {
                problems.push(FieldError::new(
                    format!("{}.name", read_activity.source),
                    format!(
                        "“{}” is already in this organisation's register; nothing was imported. Remove the row from the file, or import into another organisation.",
                        read_activity.name
                    ),
                ));
            }
            let exported = own.as_ref().and_then(|(_, register)| {
                register
                    .activities
                    .iter()
                    .find(|a| format!("row {}", a.row) == read_activity.source)
            });
            let data = match exported {
                Some(exported) => crate::own_export::draft(
                    org_id,
                    exported,
                    &vendors,
                    &mut new_vendors,
                    &measures,
                    now,
                ),
                None => draft(
                    org_id,
                    read_activity,
                    &vendors,
                    &mut new_vendors,
                    &measures,
                    now,
                ),
            };
            let new_ids: Vec<Id> = new_vendors.iter().map(|v| v.id).collect();
            if let Err(AppError::Invalid(errors)) =
                self.check_draft(&data, existing.is_none(), &new_ids).await
            {
                for e in errors {
                    problems.push(FieldError::new(
                        format!("{}.{}", read_activity.source, e.field),
                        format!("{}: {}", data.name, e.message),
                    ));
                }
            }
            activities.push(data);
        }
        if !problems.is_empty() {
            return Err(AppError::Invalid(problems));
        }
        let summary = RegisterImport {
            organisation_id: org_id,
            organisation: existing
                .as_ref()
                .map_or_else(|| organisation.trim().to_string(), |o| o.data.name.clone()),
            new_organisation: existing.is_none(),
            read,
            activities,
            new_vendors: new_vendors
                .iter()
                .map(|v| v.data.legal_name.clone())
                .collect(),
            written: false,
            import_id: None,
        };
        if dry_run || summary.activities.is_empty() {
            return Ok(summary);
        }
        let mut set = RecordSet::default();
        if existing.is_none() {
            let org = OrganisationData {
                name: summary.organisation.clone(),
                ..OrganisationData::default()
            };
            set.organisations
                .push(self.validated_record(org_id, org, now).await?);
        }
        set.vendors = new_vendors;
        for data in &summary.activities {
            set.activities.push(record(Id::new(), data.clone(), now));
        }
        let entry = RegisterImportEntry {
            id: Id::new(),
            organisation_id: org_id,
            at: now,
            actor: self.vault.actor().to_string(),
            file_name: file_name.unwrap_or_default().to_string(),
            new_organisation: existing.is_none(),
            activity_ids: set.activities.iter().map(|a| a.id).collect(),
            vendor_ids: set.vendors.iter().map(|v| v.id).collect(),
            undone_at: None,
            undone_by: None,
        };
        self.backup(dpadesk_store::BackupReason::BeforeImport)
            .await?;
        self.vault.insert_import(&set, &entry).await?;
        self.forget_everything();
        Ok(RegisterImport {
            written: true,
            import_id: Some(entry.id),
            ..summary
        })
    }

    /// The register imports made into an organisation, newest first.
    pub async fn register_imports(&self, organisation: Id) -> AppResult<Vec<RegisterImportEntry>> {
        Ok(self.vault.register_imports_of(organisation).await?)
    }

    /// Undoes a register import as a whole: its activities, and the vendors and organisation
    /// it made unless other records use them now.
    pub async fn undo_register_import(&self, id: Id) -> AppResult<ImportUndone> {
        let undone = self.vault.undo_import(id, self.now()).await?;
        self.forget_everything();
        Ok(undone)
    }

    /// The organisation of that name (or id), if the vault has one.
    pub(crate) async fn organisation_named(&self, name: &str) -> AppResult<Option<Organisation>> {
        match self.find_organisation(name).await {
            Ok(org) => Ok(Some(org)),
            Err(AppError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The checks a form's save makes, on a draft whose organisation may not exist yet.
    async fn check_draft(
        &self,
        data: &ActivityData,
        new_organisation: bool,
        new_vendors: &[Id],
    ) -> AppResult<()> {
        if new_organisation {
            // The organisation is written with the activities; only the draft's own fields
            // can be checked before.
            let errors = crate::validate::Editable::check(data);
            return if errors.is_empty() {
                Ok(())
            } else {
                Err(AppError::Invalid(errors))
            };
        }
        // The vendors this import adds are written with it, so they cannot be looked up yet.
        let mut data = data.clone();
        for r in &mut data.recipients {
            if r.vendor_id.is_some_and(|id| new_vendors.contains(&id)) {
                r.vendor_id = None;
            }
        }
        self.validated(Id::new(), data).await.map(|_| ())
    }

    async fn validated_record<A: crate::validate::Editable>(
        &self,
        id: Id,
        data: A,
        now: chrono::DateTime<Utc>,
    ) -> AppResult<Record<A>> {
        let data = self.validated(id, data).await?;
        Ok(record(id, data, now))
    }
}

fn record<A>(id: Id, data: A, now: chrono::DateTime<Utc>) -> Record<A> {
    Record {
        id,
        created_at: now,
        updated_at: now,
        data,
    }
}

/// A read activity as the model's draft.
fn draft(
    organisation: Id,
    a: &ReadActivity,
    vendors: &[Vendor],
    new_vendors: &mut Vec<Vendor>,
    measures: &[Measure],
    now: chrono::DateTime<Utc>,
) -> ActivityData {
    let mut notes: Vec<String> = a
        .notes
        .iter()
        .map(|n| format!("{}: {}", n.label, n.text.replace('\n', "; ")))
        .collect();
    let purposes = purposes(a, &mut notes);
    let mut data_categories: Vec<DataCategory> = a
        .data_categories
        .iter()
        .map(|name| category(name, DataSensitivity::Ordinary))
        .chain(
            a.special_categories
                .iter()
                .map(|name| category(name, DataSensitivity::Special)),
        )
        .collect();
    // A retention said for no category in particular is every category's.
    let general: Vec<&ReadRetention> = a
        .retention
        .iter()
        .filter(|r| r.category.is_none())
        .collect();
    if general.len() == 1 {
        for c in data_categories.iter_mut().filter(|c| c.retention.is_none()) {
            c.retention = Some(retention_of(general[0]));
        }
    } else {
        notes.extend(general.iter().map(|r| format!("Retention: {}", r.text)));
    }
    for r in a.retention.iter().filter(|r| r.category.is_some()) {
        let name = r.category.as_deref().unwrap_or_default();
        match data_categories.iter_mut().find(|c| c.name == name) {
            Some(c) => c.retention = Some(retention_of(r)),
            None => notes.push(format!("Retention: {}", r.text)),
        }
    }
    let mut recipients: Vec<Recipient> = Vec::new();
    for r in &a.recipients {
        let matched = find_vendor(&r.name, vendors).or_else(|| find_vendor(&r.name, new_vendors));
        let vendor_id = match matched {
            Some(id) => Some(id),
            None if r.processor => {
                let vendor = record(
                    Id::new(),
                    VendorData {
                        legal_name: r.name.clone(),
                        country: r.country.clone(),
                        ..VendorData::default()
                    },
                    now,
                );
                let id = vendor.id;
                new_vendors.push(vendor);
                Some(id)
            }
            None => None,
        };
        recipients.push(Recipient {
            kind: if vendor_id.is_some() {
                RecipientKind::Processor
            } else {
                RecipientKind::ThirdParty
            },
            name: r.name.clone(),
            vendor_id,
            country: r.country.clone(),
        });
    }
    recipients.extend(a.internal_access.iter().map(|name| Recipient {
        kind: RecipientKind::Internal,
        name: name.clone(),
        vendor_id: None,
        country: None,
    }));
    let mut transfers = Vec::new();
    for t in &a.transfers {
        let Some(country) = t.country.clone() else {
            notes.push(format!("Transfers: {}", t.text));
            continue;
        };
        let to: Vec<&str> = recipients
            .iter()
            .filter(|r| r.country.as_ref() == Some(&country))
            .map(|r| r.name.as_str())
            .collect();
        transfers.push(TransferRecord {
            recipient: if to.is_empty() {
                t.text.clone()
            } else {
                to.join(", ")
            },
            country,
            international_organisation: None,
            mechanism: t.mechanism,
            safeguards: String::new(),
        });
    }
    let mut measure_ids = Vec::new();
    for m in &a.measures {
        match library_measure(m, measures) {
            Some(id) if !measure_ids.contains(&id) => measure_ids.push(id),
            Some(_) => {}
            None => notes.push(format!("Security measure: {m}")),
        }
    }
    let mut description = a.description.clone();
    if !notes.is_empty() {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str("From the imported register:\n");
        description.push_str(&notes.join("\n"));
    }
    ActivityData {
        organisation_id: organisation,
        reference: a.reference.clone(),
        name: a.name.clone(),
        description,
        owner: Owner {
            department: a.department.clone(),
            contact: Contact::default(),
        },
        status: ActivityStatus::Draft,
        purposes,
        subject_categories: a.subject_categories.clone(),
        data_categories,
        recipients,
        transfers,
        measure_ids,
        dpia_required: a.dpia_required.unwrap_or(false),
        systems: a.systems.clone(),
        ..ActivityData::default()
    }
}

/// The purposes with their bases: paired in order when the file gives as many of each, the
/// one purpose under each basis, or every purpose under the first basis with the file's
/// words beside it. Without any basis a purpose cannot be recorded (the model asks one per
/// purpose), so it waits in the notes for the user to choose.
fn purposes(a: &ReadActivity, notes: &mut Vec<String>) -> Vec<Purpose> {
    let cited = if a.legal_bases.is_empty() {
        &a.suggested_legal_bases
    } else {
        &a.legal_bases
    };
    let bases: Vec<LegalBasis> = cited
        .iter()
        .filter_map(|b| b.chars().rev().nth(1).and_then(LegalBasis::from_letter))
        .collect();
    let art9 = a
        .art9_conditions
        .first()
        .and_then(|c| c.chars().rev().nth(1))
        .and_then(|letter| {
            Art9Condition::ALL
                .into_iter()
                .find(|c| c.letter() == letter)
        });
    let detail = a.legal_basis_text.replace('\n', "; ");
    let make = |description: &str, basis: LegalBasis| Purpose {
        description: description.to_string(),
        legal_basis: basis,
        basis_detail: detail.clone(),
        art9_condition: if a.special_categories.is_empty() {
            None
        } else {
            art9
        },
        art10_basis: None,
    };
    if bases.is_empty() {
        if !a.purposes.is_empty() {
            notes.push(format!(
                "Purposes (no legal basis given): {}",
                a.purposes.join("; ")
            ));
        }
        return Vec::new();
    }
    match (a.purposes.len(), bases.len()) {
        (0, _) => Vec::new(),
        (n, k) if n == k => a
            .purposes
            .iter()
            .zip(&bases)
            .map(|(p, b)| make(p, *b))
            .collect(),
        (1, _) => bases.iter().map(|b| make(&a.purposes[0], *b)).collect(),
        _ => a.purposes.iter().map(|p| make(p, bases[0])).collect(),
    }
}

fn category(name: &str, sensitivity: DataSensitivity) -> DataCategory {
    DataCategory {
        name: name.to_string(),
        sensitivity,
        retention: None,
    }
}

fn retention_of(r: &ReadRetention) -> Retention {
    match (r.count, r.unit) {
        (Some(count), Some(unit)) if count > 0 => Retention::Period {
            count,
            unit,
            trigger: r.trigger.clone(),
        },
        _ => Retention::Rule {
            text: r.text.clone(),
        },
    }
}

/// The library measure a register's wording names: the same title, or one holding the other.
pub(crate) fn library_measure(text: &str, measures: &[Measure]) -> Option<Id> {
    let wanted = fold(text);
    if wanted.len() < 3 {
        return None;
    }
    measures
        .iter()
        .find(|m| fold(&m.data.title) == wanted)
        .or_else(|| {
            measures.iter().find(|m| {
                let title = fold(&m.data.title);
                title.len() >= 6 && (wanted.contains(&title) || title.contains(&wanted))
            })
        })
        .map(|m| m.id)
}
