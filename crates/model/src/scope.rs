//! Whether a recipient is inside an adequacy decision's scope, as the user checked it: on the
//! EU-US Data Privacy Framework list, subject to Canada's PIPEDA, Japan's APPI private sector, …
//! "Checked, and outside" and "nobody checked" are different facts: the first leaves the
//! transfer without a basis, the second only unverified.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which recipients in the destination an adequacy decision covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum AdequacyScope {
    Whole,
    /// US: only organisations on the Data Privacy Framework list.
    DpfListed,
    PipedaSubject,
    FaroeseActSubject,
    AutomatedProcessing,
    AppiPrivateSector,
    PipaSubject,
    LgpdSubject,
    /// An international organisation's own data protection rules.
    OwnRules,
}

impl AdequacyScope {
    /// The scopes that depend on the recipient, so somebody has to check them.
    pub const CONDITIONS: [Self; 7] = [
        Self::DpfListed,
        Self::PipedaSubject,
        Self::FaroeseActSubject,
        Self::AutomatedProcessing,
        Self::AppiPrivateSector,
        Self::PipaSubject,
        Self::LgpdSubject,
    ];

    pub fn is_condition(self) -> bool {
        !matches!(self, Self::Whole | Self::OwnRules)
    }
}

/// What a check of one scope condition found. For the DPF list: certified, not certified,
/// not checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum CheckOutcome {
    #[default]
    NotChecked,
    Inside,
    Outside,
}

/// One scope condition checked for a recipient: the outcome, when and where it was checked
/// (the DPF list entry, the regulator's register).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScopeCheck {
    pub scope: AdequacyScope,
    pub outcome: CheckOutcome,
    #[serde(default)]
    pub checked_on: Option<NaiveDate>,
    #[serde(default)]
    pub source: String,
}

/// The outcome recorded for `scope` among `checks`; a scope without conditions is always met.
pub fn outcome_of(checks: &[ScopeCheck], scope: AdequacyScope) -> CheckOutcome {
    if !scope.is_condition() {
        return CheckOutcome::Inside;
    }
    checks
        .iter()
        .find(|c| c.scope == scope)
        .map_or(CheckOutcome::NotChecked, |c| c.outcome)
}

/// Keeps `check` among `checks`: a later check of a scope replaces the earlier one, and
/// "not checked" removes it.
pub fn record_check(checks: &mut Vec<ScopeCheck>, check: ScopeCheck) {
    checks.retain(|c| c.scope != check.scope);
    if check.outcome != CheckOutcome::NotChecked {
        checks.push(check);
        checks.sort_by_key(|c| c.scope);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(scope: AdequacyScope, outcome: CheckOutcome) -> ScopeCheck {
        ScopeCheck {
            scope,
            outcome,
            checked_on: None,
            source: String::new(),
        }
    }

    #[test]
    fn an_unchecked_condition_is_neither_met_nor_failed() {
        let checks = [check(AdequacyScope::PipedaSubject, CheckOutcome::Outside)];
        assert_eq!(
            outcome_of(&checks, AdequacyScope::DpfListed),
            CheckOutcome::NotChecked
        );
        assert_eq!(
            outcome_of(&checks, AdequacyScope::PipedaSubject),
            CheckOutcome::Outside
        );
        assert_eq!(outcome_of(&[], AdequacyScope::Whole), CheckOutcome::Inside);
    }

    #[test]
    fn a_new_check_replaces_the_old_and_not_checked_forgets_it() {
        let mut checks = vec![check(AdequacyScope::DpfListed, CheckOutcome::Inside)];
        record_check(
            &mut checks,
            check(AdequacyScope::DpfListed, CheckOutcome::Outside),
        );
        assert_eq!(
            checks,
            [check(AdequacyScope::DpfListed, CheckOutcome::Outside)]
        );
        record_check(
            &mut checks,
            check(AdequacyScope::DpfListed, CheckOutcome::NotChecked),
        );
        assert!(checks.is_empty());
    }
}
