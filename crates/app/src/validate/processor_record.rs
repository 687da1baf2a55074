//! Checks for Art. 30(2) records kept for a client controller.

use super::*;
use dpadesk_model::ProcessorRecordData;

impl Editable for ProcessorRecordData {
    fn normalise(&mut self) {
        tidy_party(&mut self.client);
        for p in [&mut self.client_representative, &mut self.client_dpo]
            .into_iter()
            .flatten()
        {
            tidy_party(p);
        }
        trim_all(&mut self.processing_categories);
        trim(&mut self.dpa_reference);
        canonical_ids(&mut self.subprocessor_vendor_ids);
        canonical_ids(&mut self.measure_ids);
    }

    fn check(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        check_party(&mut e, "client", &self.client);
        for (field, p) in [
            ("client_representative", &self.client_representative),
            ("client_dpo", &self.client_dpo),
        ] {
            if let Some(p) = p {
                check_party(&mut e, field, p);
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
        e
    }

    fn requirements(&self) -> Vec<Requirement> {
        let mut r = vec![Requirement::ActsAsProcessor {
            field: "organisation_id".into(),
            organisation: self.organisation_id,
        }];
        r.extend(
            self.subprocessor_vendor_ids
                .iter()
                .map(|id| exists("subprocessor_vendor_ids", EntityKind::Vendor, *id)),
        );
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
