//! Checks for organisations: the Art. 30(1)(a) header.

use super::*;
use dpadesk_model::{Organisation, OrganisationData};

impl Editable for OrganisationData {
    fn indexed(record: &Organisation) -> Option<Indexed<'_>> {
        Some(Indexed::Organisation(record))
    }

    fn normalise(&mut self) {
        for s in [
            &mut self.name,
            &mut self.address,
            &mut self.email,
            &mut self.phone,
            &mut self.website,
            &mut self.registration_number,
            &mut self.lead_supervisory_authority,
        ] {
            trim(s);
        }
        if let Some(dpo) = &mut self.dpo {
            for s in [&mut dpo.name, &mut dpo.email, &mut dpo.phone] {
                trim(s);
            }
            if let Some(firm) = &mut dpo.external_firm {
                tidy_party(firm);
            }
        }
        if let Some(rep) = &mut self.eu_representative {
            tidy_party(rep);
        }
        self.joint_controllers.iter_mut().for_each(tidy_party);
        canonical_ids(&mut self.measure_ids);
    }

    fn check(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "name", &self.name, "the organisation's name");
        email(&mut e, "email", &self.email);
        if let Some(dpo) = &self.dpo {
            required(&mut e, "dpo.name", &dpo.name, "the DPO's name");
            email(&mut e, "dpo.email", &dpo.email);
            if let Some(firm) = &dpo.external_firm {
                check_party(&mut e, "dpo.external_firm", firm);
            }
        }
        if let Some(rep) = &self.eu_representative {
            check_party(&mut e, "eu_representative", rep);
        }
        for (i, jc) in self.joint_controllers.iter().enumerate() {
            check_party(&mut e, &format!("joint_controllers[{i}]"), jc);
        }
        e
    }

    fn requirements(&self) -> Vec<Requirement> {
        self.measure_ids
            .iter()
            .map(|id| exists("measure_ids", dpadesk_model::EntityKind::Measure, *id))
            .collect()
    }

    fn unique_name(&self) -> Option<&str> {
        Some(&self.name)
    }

    fn organisation_of(record: &Record<Self>) -> Option<Id> {
        Some(record.id)
    }
}
