//! Checks for vendors of the catalogue.

use super::*;
use dpadesk_model::{Vendor, VendorData};

impl Editable for VendorData {
    fn indexed(record: &Vendor) -> Option<Indexed<'_>> {
        Some(Indexed::Vendor(record))
    }

    fn normalise(&mut self) {
        for s in [
            &mut self.legal_name,
            &mut self.address,
            &mut self.website,
            &mut self.notes,
        ] {
            trim(s);
        }
        trim_all(&mut self.services);
        trim_all(&mut self.aliases);
        tidy_contact(&mut self.contact);
    }

    fn check(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(
            &mut e,
            "legal_name",
            &self.legal_name,
            "the vendor's legal name",
        );
        check_contact(&mut e, "contact", &self.contact);
        e
    }

    fn requirements(&self) -> Vec<Requirement> {
        Vec::new()
    }

    fn unique_name(&self) -> Option<&str> {
        Some(&self.legal_name)
    }
}
