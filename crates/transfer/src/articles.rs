//! The articles of the GDPR each rule rests on. The findings' wording (message and remedy,
//! in six languages) is built from the rule id and parameters by `dpadesk_report`.

use crate::finding::RuleId;

pub(crate) fn articles(rule: RuleId) -> &'static [&'static str] {
    match rule {
        RuleId::NoMechanism => &["Art. 44", "Art. 45", "Art. 46", "Art. 49"],
        RuleId::InvalidMechanism => &["Art. 44", "Art. 45", "Art. 46"],
        RuleId::AdequacyAbsent => &["Art. 44", "Art. 45(1)"],
        RuleId::AdequacyEnded => &["Art. 44", "Art. 45(5)"],
        RuleId::AdequacyScopeUnverified => &["Art. 45(1)"],
        RuleId::OutsideAdequacyScope => &["Art. 44", "Art. 45(1)"],
        RuleId::AdequacyNotInEeaAgreement => &["Art. 44", "Art. 45(3)", "EEA Agreement Art. 7"],
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
