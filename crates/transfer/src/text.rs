//! The English wording of each rule: message, remedy and articles, assembled only from the
//! rule id and the finding's parameters, so a translation needs nothing else.

use crate::finding::RuleId;
use std::collections::BTreeMap;

pub(crate) type Params = BTreeMap<String, String>;

fn get<'a>(p: &'a Params, key: &str) -> &'a str {
    p.get(key).map_or("", String::as_str)
}

/// "Vendor (US)" or "Sub (US), subprocessor of Vendor".
fn recipient(p: &Params) -> String {
    let base = format!("{} ({})", get(p, "recipient"), get(p, "destination"));
    match p.get("vendor") {
        Some(vendor) if p.contains_key("subprocessor") => {
            format!("{base}, subprocessor of {vendor}")
        }
        _ => base,
    }
}

/// "In “Payroll”: " when an activity is concerned.
fn scope(p: &Params) -> String {
    match p.get("activity") {
        Some(a) => format!("In “{a}”: "),
        None => String::new(),
    }
}

pub(crate) fn articles(rule: RuleId) -> &'static [&'static str] {
    match rule {
        RuleId::NoMechanism => &["Art. 44", "Art. 45", "Art. 46", "Art. 49"],
        RuleId::InvalidMechanism => &["Art. 44", "Art. 45", "Art. 46"],
        RuleId::AdequacyAbsent => &["Art. 44", "Art. 45(1)"],
        RuleId::AdequacyEnded => &["Art. 44", "Art. 45(5)"],
        RuleId::AdequacyScopeUnverified => &["Art. 45(1)"],
        RuleId::DecisionUnverified => &["Art. 45"],
        RuleId::SccModuleMismatch => &["Art. 46(2)(c)"],
        RuleId::TiaMissing | RuleId::TiaOverdue => &["Art. 46(1)", "Art. 5(2)"],
        RuleId::TiaNegative => &["Art. 44", "Art. 46(1)"],
        RuleId::DerogationMisuse => &["Art. 49(1)"],
        RuleId::SpecialDataThirdCountry => &["Art. 9", "Art. 10", "Art. 35", "Art. 46(1)"],
        RuleId::OnwardTransferUnsafeguarded => &["Art. 44", "Art. 28(4)", "Art. 46"],
        RuleId::DestinationUnknown => &["Art. 30(1)(e)", "Art. 28(3)(a)"],
        RuleId::DpaMissing => &["Art. 28(3)"],
        RuleId::DpaIncomplete => &["Art. 28(3)"],
        RuleId::DpaReviewOverdue => &["Art. 24(1)", "Art. 28(1)"],
        RuleId::ObjectionDeadlinePassed => &["Art. 28(2)"],
    }
}

pub(crate) fn message(rule: RuleId, p: &Params) -> String {
    let (s, to) = (scope(p), recipient(p));
    let source = get(p, "source");
    let body = match rule {
        RuleId::NoMechanism if p.contains_key("instrument") => format!(
            "data go to {to} relying on “{}”, which the reference dataset does not know, so no Chapter V tool (Art. 45, 46 or 49) can be confirmed (Art. 44).",
            get(p, "instrument")
        ),
        RuleId::NoMechanism => format!(
            "data go to {to} with no Chapter V transfer tool (recorded: {}). A transfer to a third country needs an adequacy decision (Art. 45), appropriate safeguards (Art. 46) or a derogation (Art. 49) (Art. 44).",
            get(p, "mechanism")
        ),
        RuleId::InvalidMechanism => match get(p, "state") {
            "new_contract" => format!(
                "data go to {to} under {} ({}), concluded on {}: no new contract may use them from {} (Art. 46).",
                get(p, "instrument_name"),
                get(p, "reference"),
                get(p, "contract_signed_on"),
                get(p, "new_contracts_invalid_from")
            ),
            "not_yet_adopted" => format!(
                "data go to {to} under {} ({}), which was adopted only on {} (Art. 44).",
                get(p, "instrument_name"),
                get(p, "reference"),
                get(p, "adopted_on")
            ),
            _ => format!(
                "data go to {to} under {} ({}), which no transfer may rely on since {}: {} (Art. 44).",
                get(p, "instrument_name"),
                get(p, "reference"),
                get(p, "invalid_from"),
                get(p, "reason")
            ),
        },
        RuleId::AdequacyAbsent if p.contains_key("adopted_on") => format!(
            "data go to {to} relying on adequacy, but the decision {} applies only from {} (Art. 45(1)).",
            get(p, "reference"),
            get(p, "adopted_on")
        ),
        RuleId::AdequacyAbsent => format!(
            "data go to {to} relying on adequacy, but no adequacy decision covers {} (Art. 45(1)).",
            get(p, "destination")
        ),
        RuleId::AdequacyEnded => format!(
            "data go to {to} relying on the adequacy decision {}, which ended on {} (Art. 45(5)).",
            get(p, "reference"),
            get(p, "ends_on")
        ),
        RuleId::AdequacyScopeUnverified => format!(
            "data go to {to} relying on the adequacy decision {}, which covers only some recipients ({}: {}); the register does not show that this recipient is one of them (Art. 45(1)).",
            get(p, "reference"),
            get(p, "scope"),
            get(p, "scope_note")
        ),
        RuleId::DecisionUnverified => format!(
            "data go to {to} relying on the adequacy decision {}, a row of the reference dataset not confirmed from an official text: {} (Art. 45).",
            get(p, "reference"),
            get(p, "verify_note")
        ),
        RuleId::SccModuleMismatch => format!(
            "the SCCs with {to} use module {}, but a {} exporting to a {} needs module {} of {} (Art. 46(2)(c)).",
            get(p, "module"),
            get(p, "exporter_role"),
            get(p, "importer_role"),
            get(p, "expected_module"),
            get(p, "reference")
        ),
        RuleId::TiaMissing => format!(
            "data go to {to} under {} without a documented transfer impact assessment of the destination's law and practice (Art. 46(1); SCC clause 14; EDPB Recommendations 01/2020).",
            get(p, "mechanism")
        ),
        RuleId::TiaOverdue => format!(
            "the transfer impact assessment for {to} was due for re-evaluation on {} (EDPB Recommendations 01/2020, step 6; Art. 46(1)).",
            get(p, "re_evaluate_on")
        ),
        RuleId::TiaNegative => format!(
            "the transfer impact assessment of {} concluded that data going to {to} under {} are not protected to a level essentially equivalent to the EEA's, yet the transfer is still recorded (Art. 44; SCC clauses 14 and 16; EDPB Recommendations 01/2020, step 4).",
            get(p, "done_on"),
            get(p, "mechanism")
        ),
        RuleId::DerogationMisuse => format!(
            "data go to {to}, a {} in a recurring relationship, on an Art. 49 derogation; derogations serve occasional transfers only and never a processor relationship (Art. 49(1); EDPB Guidelines 2/2018).",
            get(p, "importer_role")
        ),
        RuleId::SpecialDataThirdCountry => format!(
            "{} data go to {to}; the transfer tool and any TIA must account for them (Art. 9, Art. 10, Art. 46(1)) and a DPIA may be needed (Art. 35).",
            get(p, "data")
        ),
        RuleId::OnwardTransferUnsafeguarded => format!(
            "the onward transfer to {to} has no Chapter V tool on the vendor's list (recorded: {}); the processor must flow down a valid tool to its subprocessor (Art. 44, Art. 28(4), Art. 46).",
            get(p, "mechanism")
        ),
        RuleId::DestinationUnknown => format!(
            "the register does not say where {} is established, so its transfers cannot be checked (Art. 30(1)(e), Art. 28(3)(a)).",
            get(p, "recipient")
        ),
        RuleId::DpaMissing => format!(
            "{} processes personal data for {} ({}) without a data processing agreement (Art. 28(3)).",
            get(p, "recipient"),
            get(p, "organisation"),
            get(p, "activities")
        ),
        RuleId::DpaIncomplete => format!(
            "the DPA with {} lacks {} item(s) Art. 28(3) requires: {}.",
            get(p, "recipient"),
            get(p, "missing_count"),
            get(p, "missing_items")
        ),
        RuleId::DpaReviewOverdue => format!(
            "the DPA with {} was due for review on {} (Art. 24(1), Art. 28(1)).",
            get(p, "recipient"),
            get(p, "next_review_on")
        ),
        RuleId::ObjectionDeadlinePassed => format!(
            "a change to the subprocessor list of {} received on {} was not reviewed before the objection deadline of {} (Art. 28(2)).",
            get(p, "recipient"),
            get(p, "received_on"),
            get(p, "object_by")
        ),
    };
    let mut text = format!("{s}{body}");
    if !source.is_empty() {
        text.push_str(" Source: ");
        text.push_str(source);
    }
    text
}

pub(crate) fn remedy(rule: RuleId, p: &Params) -> String {
    let r = get(p, "recipient");
    match rule {
        RuleId::NoMechanism | RuleId::OnwardTransferUnsafeguarded => format!(
            "Record the transfer tool {r} relies on (SCCs with a TIA, DPF certification, BCR) or stop the transfer."
        ),
        RuleId::InvalidMechanism => format!(
            "Replace it: SCCs (EU) 2021/914 with a TIA, or, for a US recipient, check {r} on the Data Privacy Framework list."
        ),
        RuleId::AdequacyAbsent | RuleId::AdequacyEnded => {
            format!("Put SCCs (EU) 2021/914 with a TIA in place with {r}, or stop the transfer.")
        }
        RuleId::AdequacyScopeUnverified if get(p, "scope") == "dpf_listed" => format!(
            "Check that {r} is on the Data Privacy Framework list and mark it DPF-certified, or use SCCs with a TIA."
        ),
        RuleId::AdequacyScopeUnverified => format!(
            "Confirm that {r} falls within the decision's scope and record it, or use SCCs with a TIA."
        ),
        RuleId::DecisionUnverified => {
            "Check the decision on EUR-Lex or load a newer reference dataset.".to_string()
        }
        RuleId::SccModuleMismatch => format!(
            "Sign module {} with {r}, matching the parties' roles.",
            get(p, "expected_module")
        ),
        RuleId::TiaMissing => format!(
            "Document a transfer impact assessment for {r} (laws of {} and supplementary measures).",
            get(p, "destination")
        ),
        RuleId::TiaOverdue => format!("Re-evaluate the transfer impact assessment for {r}."),
        RuleId::TiaNegative => format!(
            "Suspend the transfer to {r}, or add supplementary measures that close the gap and assess again."
        ),
        RuleId::DerogationMisuse => format!("Put SCCs with a TIA in place with {r}."),
        RuleId::SpecialDataThirdCountry => format!(
            "Make sure the TIA for {r} covers these data and consider a DPIA; prefer keeping them in the EEA."
        ),
        RuleId::DestinationUnknown => format!("Record the country of {r}."),
        RuleId::DpaMissing => format!("Sign a DPA with {r}."),
        RuleId::DpaIncomplete => format!("Amend the DPA with {r} to cover the missing items."),
        RuleId::DpaReviewOverdue => {
            format!("Review the DPA with {r} and set the next review date.")
        }
        RuleId::ObjectionDeadlinePassed => {
            format!("Review the list change of {r} now and raise any objection with the vendor.")
        }
    }
}
