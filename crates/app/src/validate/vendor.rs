//! Checks for vendors of the catalogue.

use super::*;
use dpadesk_model::{Vendor, VendorData, record_check};

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
            &mut self.list_url,
        ] {
            trim(s);
        }
        trim_all(&mut self.services);
        trim_all(&mut self.aliases);
        tidy_contact(&mut self.contact);
        trim_optional(&mut self.international_organisation);
        // One check per scope, the last one given; "not checked" is no check at all.
        for mut c in std::mem::take(&mut self.scope_checks) {
            trim(&mut c.source);
            record_check(&mut self.scope_checks, c);
        }
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
        if !self.list_url.trim().is_empty()
            && let Err(crate::AppError::Invalid(mut bad)) = crate::lists::check_url(&self.list_url)
        {
            e.append(&mut bad);
        }
        e
    }

    fn requirements(&self) -> Vec<Requirement> {
        Vec::new()
    }

    fn unique_name(&self) -> Option<&str> {
        Some(&self.legal_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpadesk_model::{AdequacyScope, CheckOutcome, ScopeCheck};

    fn check(scope: AdequacyScope, outcome: CheckOutcome, source: &str) -> ScopeCheck {
        ScopeCheck {
            scope,
            outcome,
            checked_on: None,
            source: source.into(),
        }
    }

    #[test]
    fn a_scope_is_kept_once_as_last_given_and_not_checked_is_dropped() {
        let mut v = VendorData {
            legal_name: "Acme".into(),
            international_organisation: Some("  ".into()),
            scope_checks: vec![
                check(AdequacyScope::DpfListed, CheckOutcome::Inside, ""),
                check(AdequacyScope::PipedaSubject, CheckOutcome::NotChecked, ""),
                check(
                    AdequacyScope::DpfListed,
                    CheckOutcome::Outside,
                    " list entry ",
                ),
            ],
            ..Default::default()
        };
        v.normalise();
        assert_eq!(
            v.scope_checks,
            [check(
                AdequacyScope::DpfListed,
                CheckOutcome::Outside,
                "list entry"
            )]
        );
        assert_eq!(v.international_organisation, None);
    }
}
