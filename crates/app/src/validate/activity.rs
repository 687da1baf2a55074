//! Checks for processing activities. Special-category data need an Art. 9(2) condition and
//! criminal data an Art. 10 basis on every purpose before the activity can be active; a
//! draft may be saved without them.

use super::*;
use dpadesk_model::{
    Activity, ActivityData, ActivityStatus, DataSensitivity, RecipientKind, Retention,
};

impl Editable for ActivityData {
    fn indexed(record: &Activity) -> Option<Indexed<'_>> {
        Some(Indexed::Activity(record))
    }

    fn normalise(&mut self) {
        for s in [
            &mut self.reference,
            &mut self.name,
            &mut self.description,
            &mut self.dpia_reference,
            &mut self.owner.department,
        ] {
            trim(s);
        }
        tidy_contact(&mut self.owner.contact);
        for p in &mut self.purposes {
            trim(&mut p.description);
            trim(&mut p.basis_detail);
        }
        trim_all(&mut self.subject_categories);
        for c in &mut self.data_categories {
            trim(&mut c.name);
        }
        for r in &mut self.recipients {
            trim(&mut r.name);
        }
        for t in &mut self.transfers {
            trim(&mut t.recipient);
            trim_optional(&mut t.international_organisation);
        }
        trim_all(&mut self.systems);
        trim_all(&mut self.data_locations);
        canonical_ids(&mut self.measure_ids);
    }

    fn check(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "name", &self.name, "a name for the activity");
        check_contact(&mut e, "owner.contact", &self.owner.contact);
        for (i, p) in self.purposes.iter().enumerate() {
            required(
                &mut e,
                &format!("purposes[{i}].description"),
                &p.description,
                "the purpose",
            );
        }
        no_blank_items(
            &mut e,
            "subject_categories",
            &self.subject_categories,
            "a category of data subjects",
        );
        for (i, c) in self.data_categories.iter().enumerate() {
            required(
                &mut e,
                &format!("data_categories[{i}].name"),
                &c.name,
                "the data category",
            );
            match &c.retention {
                Some(Retention::Period { count: 0, .. }) => e.push(FieldError::new(
                    format!("data_categories[{i}].retention"),
                    "A retention period must be at least 1.",
                )),
                Some(Retention::Rule { text }) if text.trim().is_empty() => {
                    e.push(FieldError::new(
                        format!("data_categories[{i}].retention"),
                        "Describe the retention rule, or remove it.",
                    ))
                }
                _ => {}
            }
        }
        for (i, r) in self.recipients.iter().enumerate() {
            required(
                &mut e,
                &format!("recipients[{i}].name"),
                &r.name,
                "the recipient",
            );
            if r.vendor_id.is_some() && r.kind != RecipientKind::Processor {
                e.push(FieldError::new(
                    format!("recipients[{i}].kind"),
                    "Only a processor recipient can be linked to a vendor.",
                ));
            }
        }
        for (i, t) in self.transfers.iter().enumerate() {
            required(
                &mut e,
                &format!("transfers[{i}].recipient"),
                &t.recipient,
                "the recipient",
            );
        }
        if self.dpia_required
            && self.dpia_reference.is_empty()
            && self.status == ActivityStatus::Active
        {
            e.push(FieldError::new(
                "dpia_reference",
                "A DPIA is needed: enter its reference before the activity is active.",
            ));
        }
        if self.status == ActivityStatus::Active {
            e.extend(self.conditions_missing());
        }
        if let (Some(reviewed), Some(next)) = (self.reviewed_on, self.next_review_on)
            && next < reviewed
        {
            e.push(FieldError::new(
                "next_review_on",
                "The next review cannot come before the last one.",
            ));
        }
        e
    }

    fn requirements(&self) -> Vec<Requirement> {
        let mut r = vec![exists(
            "organisation_id",
            EntityKind::Organisation,
            self.organisation_id,
        )];
        for (i, rec) in self.recipients.iter().enumerate() {
            if let Some(v) = rec.vendor_id {
                r.push(exists(
                    format!("recipients[{i}].vendor_id"),
                    EntityKind::Vendor,
                    v,
                ));
            }
        }
        r.extend(
            self.measure_ids
                .iter()
                .map(|id| exists("measure_ids", EntityKind::Measure, *id)),
        );
        r
    }

    fn organisation_of(record: &Record<Self>) -> Option<Id> {
        Some(record.data.organisation_id)
    }
}

/// The Art. 9 / Art. 10 conditions an activity still lacks, as field errors.
pub trait ConditionsCheck {
    fn conditions_missing(&self) -> Vec<FieldError>;
}

impl ConditionsCheck for ActivityData {
    fn conditions_missing(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        let special = self.has_sensitivity(DataSensitivity::Special);
        let criminal = self.has_sensitivity(DataSensitivity::Criminal);
        if (special || criminal) && self.purposes.is_empty() {
            e.push(FieldError::new(
                "purposes",
                "Add the purposes with their legal bases and conditions.",
            ));
        }
        for (i, p) in self.purposes.iter().enumerate() {
            if special && p.art9_condition.is_none() {
                e.push(FieldError::new(
                    format!("purposes[{i}].art9_condition"),
                    "Special-category data are processed: choose the Art. 9(2) condition for this purpose.",
                ));
            }
            if criminal && p.art10_basis.is_none() {
                e.push(FieldError::new(
                    format!("purposes[{i}].art10_basis"),
                    "Criminal-offence data are processed: give the Art. 10 basis for this purpose.",
                ));
            }
        }
        e
    }
}
