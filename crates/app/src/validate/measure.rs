//! Checks for the security measure library.

use super::*;
use dpadesk_model::MeasureData;

impl Editable for MeasureData {
    fn normalise(&mut self) {
        trim(&mut self.title);
        trim(&mut self.description);
    }

    fn check(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "title", &self.title, "a title for the measure");
        e
    }

    fn requirements(&self) -> Vec<Requirement> {
        Vec::new()
    }
}
