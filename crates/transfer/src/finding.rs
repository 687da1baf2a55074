//! What a check reports: findings with a stable rule id, a severity and the parties they
//! concern, their order, and counts by severity.

use crate::register::Named;
use dpadesk_model::Id;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// How urgent a finding is. Ordered from least to most severe, so `max` is the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Blocker,
}

/// The rules, by their stable ids (the UI and reports translate by these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    NoMechanism,
    InvalidMechanism,
    AdequacyAbsent,
    AdequacyEnded,
    AdequacyScopeUnverified,
    /// The recipient was checked and is outside the decision's scope (not on the DPF list).
    OutsideAdequacyScope,
    /// The exporter is in Norway, Iceland or Liechtenstein and the decision is not (yet)
    /// part of the EEA Agreement.
    AdequacyNotInEeaAgreement,
    DecisionUnverified,
    SccModuleMismatch,
    TiaMissing,
    TiaOverdue,
    TiaNegative,
    DerogationMisuse,
    SpecialDataThirdCountry,
    OnwardTransferUnsafeguarded,
    DestinationUnknown,
    DpaMissing,
    DpaIncomplete,
    DpaReviewOverdue,
    ObjectionDeadlinePassed,
}

impl RuleId {
    pub fn severity(self) -> Severity {
        match self {
            Self::NoMechanism
            | Self::InvalidMechanism
            | Self::AdequacyAbsent
            | Self::AdequacyEnded
            | Self::OutsideAdequacyScope
            | Self::AdequacyNotInEeaAgreement
            | Self::TiaNegative => Severity::Blocker,
            Self::AdequacyScopeUnverified
            | Self::TiaMissing
            | Self::DerogationMisuse
            | Self::OnwardTransferUnsafeguarded
            | Self::DpaMissing => Severity::High,
            Self::SccModuleMismatch
            | Self::TiaOverdue
            | Self::SpecialDataThirdCountry
            | Self::DestinationUnknown
            | Self::DpaIncomplete
            | Self::ObjectionDeadlinePassed => Severity::Medium,
            Self::DpaReviewOverdue => Severity::Low,
            Self::DecisionUnverified => Severity::Info,
        }
    }
}

/// A subprocessor list entry a finding concerns (entries need not be catalogue vendors).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EntryRef {
    pub vendor_id: Option<Id>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    pub organisation: Named,
    pub activity: Option<Named>,
    /// The controller a processor-side activity is carried out for.
    pub client: Option<Named>,
    pub vendor: Option<Named>,
    /// The importer of an onward hop: the deepest entry of `chain`.
    pub subprocessor: Option<EntryRef>,
    /// The subprocessors from the vendor down to the importer, for onward hops.
    pub chain: Vec<String>,
    /// An ISO country code or an international organisation's code.
    pub destination: Option<String>,
    /// Everything the message is assembled from, so it can be worded in any language.
    pub params: BTreeMap<String, String>,
    pub articles: Vec<String>,
    /// The explanation, naming the articles and the source, and what to do about it. Empty
    /// as the checker makes them: `dpadesk_report::word_findings` words them in a language.
    pub message: String,
    pub remedy: String,
}

impl Finding {
    /// What makes two findings "the same problem" across two runs (for what-if comparisons).
    pub fn key(&self) -> (RuleId, Option<Id>, Option<Id>, &[String], Option<&str>) {
        (
            self.rule,
            self.activity.as_ref().map(|a| a.id),
            self.vendor.as_ref().map(|v| v.id),
            &self.chain,
            self.destination.as_deref(),
        )
    }
}

/// Most severe first, then by organisation, activity, vendor, subprocessor and destination.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.organisation.name.cmp(&b.organisation.name))
            .then_with(|| name(&a.activity).cmp(name(&b.activity)))
            .then_with(|| name(&a.vendor).cmp(name(&b.vendor)))
            .then_with(|| a.chain.cmp(&b.chain))
            .then_with(|| a.destination.cmp(&b.destination))
            .then_with(|| a.rule.cmp(&b.rule))
    });
}

fn name(n: &Option<Named>) -> &str {
    n.as_ref().map_or("", |n| n.name.as_str())
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SeverityCounts {
    pub blocker: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
}

pub fn summary(findings: &[Finding]) -> SeverityCounts {
    let mut counts = SeverityCounts::default();
    for f in findings {
        *match f.severity {
            Severity::Blocker => &mut counts.blocker,
            Severity::High => &mut counts.high,
            Severity::Medium => &mut counts.medium,
            Severity::Low => &mut counts.low,
            Severity::Info => &mut counts.info,
        } += 1;
    }
    counts
}
