//! Checks for transfer impact assessments: a concluded assessment says when it was made,
//! where the data go and how it was reached.

use super::*;
use dpadesk_model::{TiaConclusion, TiaData};

impl Editable for TiaData {
    fn normalise(&mut self) {
        for text in [
            &mut self.subprocessor,
            &mut self.transfer_description,
            &mut self.law_assessment,
            &mut self.measures_notes,
            &mut self.procedural_steps,
            &mut self.conclusion_notes,
            &mut self.assessed_by,
        ] {
            trim(text);
        }
        self.measures.sort();
        self.measures.dedup();
    }

    fn check(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        if self.country.is_none() {
            e.push(FieldError::new(
                "country",
                "Choose the country the data go to.",
            ));
        }
        scc_module_needs_scc(&mut e, self.scc_module, self.mechanism);
        if self.conclusion != TiaConclusion::Undecided {
            if self.assessed_on.is_none() {
                e.push(FieldError::new(
                    "assessed_on",
                    "Enter the date of the assessment to record its conclusion.",
                ));
            }
            required(
                &mut e,
                "law_assessment",
                &self.law_assessment,
                "your assessment of the destination's law and practice (step 3)",
            );
        }
        if self.conclusion == TiaConclusion::EquivalentWithMeasures && self.measures.is_empty() {
            e.push(FieldError::new(
                "measures",
                "Pick the supplementary measures the conclusion relies on (step 4).",
            ));
        }
        if let (Some(done), Some(again)) = (self.assessed_on, self.re_evaluate_on)
            && again <= done
        {
            e.push(FieldError::new(
                "re_evaluate_on",
                "The re-evaluation comes after the assessment.",
            ));
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
