//! Checks for data processing agreements.

use super::*;
use dpadesk_model::DpaData;

impl Editable for DpaData {
    fn normalise(&mut self) {
        trim(&mut self.version);
        trim(&mut self.notes);
        for item in &mut self.checklist {
            trim(&mut item.clause_ref);
        }
        self.checklist.sort_by_key(|c| c.item);
    }

    fn check(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        let ordered = [
            (
                "signed_on",
                self.signed_on,
                "effective_on",
                self.effective_on,
                "The agreement cannot take effect before it is signed.",
            ),
            (
                "effective_on",
                self.effective_on,
                "expires_on",
                self.expires_on,
                "The agreement cannot expire before it takes effect.",
            ),
            (
                "signed_on",
                self.signed_on,
                "expires_on",
                self.expires_on,
                "The agreement cannot expire before it is signed.",
            ),
        ];
        for (_, first, later_field, later, message) in ordered {
            if let (Some(a), Some(b)) = (first, later)
                && b < a
            {
                e.push(FieldError::new(later_field, message));
            }
        }
        if let Some(days) = self.objection_window_days
            && !(1..=365).contains(&days)
        {
            e.push(FieldError::new(
                "objection_window_days",
                "The objection window is between 1 and 365 days.",
            ));
        }
        scc_module_needs_scc(&mut e, self.scc_module, self.transfer_mechanism);
        for pair in self.checklist.windows(2) {
            if pair[0].item == pair[1].item {
                e.push(FieldError::new(
                    "checklist",
                    "Each Art. 28(3) item appears once in the checklist.",
                ));
                break;
            }
        }
        e
    }

    fn requirements(&self) -> Vec<Requirement> {
        vec![
            exists(
                "organisation_id",
                EntityKind::Organisation,
                self.organisation_id,
            ),
            exists("vendor_id", EntityKind::Vendor, self.vendor_id),
        ]
    }

    fn organisation_of(record: &Record<Self>) -> Option<Id> {
        Some(record.data.organisation_id)
    }
}
