//! Checks for a received version of a vendor's subprocessor list.

use super::*;
use dpadesk_model::SubprocessorListData;

impl Editable for SubprocessorListData {
    fn normalise(&mut self) {
        trim(&mut self.source);
        for entry in &mut self.entries {
            for s in [
                &mut entry.name,
                &mut entry.address,
                &mut entry.service,
                &mut entry.processing_location,
            ] {
                trim(s);
            }
            trim_all(&mut entry.certifications);
        }
    }

    fn check(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        for (i, entry) in self.entries.iter().enumerate() {
            required(
                &mut e,
                &format!("entries[{i}].name"),
                &entry.name,
                "the subprocessor's name",
            );
        }
        e
    }

    fn requirements(&self) -> Vec<Requirement> {
        let matched = self.entries.iter().enumerate().filter_map(|(i, entry)| {
            let id = entry.vendor_id?;
            Some(exists(
                format!("entries[{i}].vendor_id"),
                EntityKind::Vendor,
                id,
            ))
        });
        std::iter::once(exists("vendor_id", EntityKind::Vendor, self.vendor_id))
            .chain(matched)
            .collect()
    }
}
