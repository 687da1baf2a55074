//! The names the domain's unit enums carry in JSON (`OrgRole::Both` → `"both"`): what the
//! vault stores, what scripts read, and what the CLI prints.

use serde::Serialize;

/// The serde name of a unit enum value; empty for anything that is not a plain name.
pub fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{OrgRole, TransferMechanism};

    #[test]
    fn unit_enums_give_their_snake_case_names() {
        assert_eq!(serde_name(&OrgRole::Both), "both");
        assert_eq!(
            serde_name(&TransferMechanism::PrivacyShield),
            "privacy_shield"
        );
        assert_eq!(serde_name(&1), "");
    }
}
