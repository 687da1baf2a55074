//! Parsers for command-line values, with messages that say what a good value looks like.

use chrono::NaiveDate;
use dpadesk_app::reports::{ExportFormat, ReportKind};
use dpadesk_model::{
    AdequacyScope, Art28Item, CheckOutcome, ChecklistItem, ControlGroup, CountryCode, Id,
    ItemStatus, LegalBasis, OrgRole, Purpose, SccModule, TransferMechanism,
};
use dpadesk_report::Lang;
use serde::de::DeserializeOwned;

pub fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("“{s}” is not a date; write it as YYYY-MM-DD"))
}

pub fn country(s: &str) -> Result<CountryCode, String> {
    s.parse()
        .map_err(|e: dpadesk_model::country::UnknownCountry| e.to_string())
}

/// DPF participation: certified, not-certified or not-checked.
pub fn dpf(s: &str) -> Result<CheckOutcome, String> {
    match s.trim().to_lowercase().replace('_', "-").as_str() {
        "certified" | "yes" | "true" => Ok(CheckOutcome::Inside),
        "not-certified" | "no" | "false" => Ok(CheckOutcome::Outside),
        "not-checked" | "unknown" => Ok(CheckOutcome::NotChecked),
        _ => Err(format!(
            "“{s}” is not a DPF state; use one of: certified, not-certified, not-checked"
        )),
    }
}

/// SCOPE=STATE for a partial adequacy decision's condition, e.g. `pipeda-subject=inside`.
pub fn scope_check(s: &str) -> Result<(AdequacyScope, CheckOutcome), String> {
    const SCOPES: &str = "pipeda-subject, faroese-act-subject, automated-processing, \
                          appi-private-sector, pipa-subject, lgpd-subject";
    let usage = || {
        format!(
            "“{s}”: write SCOPE=STATE with SCOPE one of {SCOPES} and STATE inside, outside or not-checked"
        )
    };
    let (scope, state) = s.split_once('=').ok_or_else(usage)?;
    let scope: AdequacyScope = named(scope, "scope condition", SCOPES)?;
    if !scope.is_condition() || scope == AdequacyScope::DpfListed {
        return Err(usage());
    }
    let outcome = match state.trim().to_lowercase().replace('_', "-").as_str() {
        "inside" | "yes" => CheckOutcome::Inside,
        "outside" | "no" => CheckOutcome::Outside,
        "not-checked" => CheckOutcome::NotChecked,
        _ => return Err(usage()),
    };
    Ok((scope, outcome))
}

/// A vendor's country; an international organisation's code points to its own flag.
pub fn vendor_country(s: &str) -> Result<CountryCode, String> {
    country(s).map_err(|e| {
        let code = s.trim();
        if code.chars().count() > 2 && code.chars().all(|c| c.is_ascii_alphabetic()) {
            format!(
                "{e}; for an international organisation give --international-organisation {code} \
                 (and its seat as --country)"
            )
        } else {
            e
        }
    })
}

pub fn id(s: &str) -> Result<Id, String> {
    s.parse().map_err(|_| format!("“{s}” is not a record id"))
}

/// A unit enum from its snake_case name; dashes are accepted for underscores.
fn named<T: DeserializeOwned>(s: &str, what: &str, choices: &str) -> Result<T, String> {
    let name = s.trim().to_lowercase().replace('-', "_");
    serde_json::from_value(serde_json::Value::String(name))
        .map_err(|_| format!("“{s}” is not a {what}; use one of: {choices}"))
}

pub fn role(s: &str) -> Result<OrgRole, String> {
    named(s, "role", "controller, processor, both")
}

pub fn group(s: &str) -> Result<ControlGroup, String> {
    named(
        s,
        "control group",
        "entry-control, system-access-control, data-access-control, separation-control, transfer-control, input-control, availability-control, instruction-control, other",
    )
}

pub fn mechanism(s: &str) -> Result<TransferMechanism, String> {
    named(
        s,
        "transfer mechanism",
        "eea, adequacy, dpf, scc, bcr, privacy-shield, art49, dpa-only, unknown",
    )
}

pub fn scc_module(s: &str) -> Result<SccModule, String> {
    match s.trim().to_lowercase().as_str() {
        "1" | "c2c" => Ok(SccModule::ControllerToController),
        "2" | "c2p" => Ok(SccModule::ControllerToProcessor),
        "3" | "p2p" => Ok(SccModule::ProcessorToProcessor),
        "4" | "p2c" => Ok(SccModule::ProcessorToController),
        _ => named(s, "SCC module", "1/c2c, 2/c2p, 3/p2p, 4/p2c"),
    }
}

pub fn status<T: DeserializeOwned>(s: &str) -> Result<T, String> {
    named(s, "status", "draft, active, retired")
}

pub fn format(s: &str) -> Result<ExportFormat, String> {
    named(s, "format", "pdf, xlsx, csv, json")
}

pub fn kind(s: &str) -> Result<ReportKind, String> {
    named(s, "kind of document", "register, processor, risk")
}

pub fn lang(s: &str) -> Result<Lang, String> {
    named(s, "language", "en, de, fr, it, pl, es")
}

/// `TEXT=BASIS`, the basis as the letter of Art. 6(1) or its name: `Payroll=c`,
/// `Newsletter=consent`.
pub fn purpose(s: &str) -> Result<Purpose, String> {
    let (text, basis) = s.rsplit_once('=').ok_or_else(|| {
        format!("“{s}” needs a legal basis: write PURPOSE=BASIS, e.g. \"Payroll=c\"")
    })?;
    let basis = basis.trim();
    let legal_basis = match basis.chars().collect::<Vec<_>>().as_slice() {
        [letter] => LegalBasis::from_letter(*letter),
        _ => named(basis, "legal basis", "").ok(),
    }
    .ok_or_else(|| {
        format!("“{basis}” is not an Art. 6(1) basis; use a–f or consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests")
    })?;
    Ok(Purpose {
        description: text.trim().to_string(),
        legal_basis,
        basis_detail: String::new(),
        art9_condition: None,
        art10_basis: None,
    })
}

/// `ITEM=STATUS[:CLAUSE]`, e.g. `subprocessors=present:7.2`.
pub fn checklist_item(s: &str) -> Result<ChecklistItem, String> {
    let (item, rest) = s.split_once('=').ok_or_else(|| {
        format!("“{s}”: write ITEM=STATUS[:CLAUSE], e.g. subprocessors=present:7.2")
    })?;
    let (status, clause) = rest.split_once(':').unwrap_or((rest, ""));
    let item: Art28Item = named(
        item,
        "DPA checklist item",
        "subject-matter-and-duration, nature-and-purpose, types-of-personal-data, categories-of-data-subjects, controller-obligations-and-rights, documented-instructions, confidentiality, security, subprocessors, data-subject-rights, compliance-assistance, deletion-or-return, audits-and-information",
    )?;
    let status: ItemStatus = named(
        status,
        "checklist status",
        "present, missing, not-applicable",
    )?;
    Ok(ChecklistItem {
        item,
        status,
        clause_ref: clause.trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purposes_take_letters_or_names() {
        assert_eq!(
            purpose("Payroll=c").unwrap().legal_basis,
            LegalBasis::LegalObligation
        );
        assert_eq!(purpose("News = consent").unwrap().description, "News");
        assert_eq!(
            purpose("x=legitimate-interests").unwrap().legal_basis,
            LegalBasis::LegitimateInterests
        );
        assert!(purpose("Payroll").is_err());
        assert!(purpose("Payroll=z").is_err());
    }

    #[test]
    fn dates_and_items_are_checked() {
        assert!(date("2025-02-30").is_err());
        assert_eq!(date("2025-02-28").unwrap().to_string(), "2025-02-28");
        let item = checklist_item("subprocessors=present:7.2").unwrap();
        assert_eq!(
            (item.item, item.status, item.clause_ref.as_str()),
            (Art28Item::Subprocessors, ItemStatus::Present, "7.2")
        );
        assert!(checklist_item("nothing=present").is_err());
        assert_eq!(scc_module("2").unwrap(), SccModule::ControllerToProcessor);
        assert_eq!(
            mechanism("privacy-shield").unwrap(),
            TransferMechanism::PrivacyShield
        );
    }
}
