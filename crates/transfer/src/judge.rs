//! Judging one hop: which third-country destinations it reaches, and whether its transfer
//! tool holds there on the as-of date. Yields issues (rule + parameters) without the names
//! of the parties, so a subprocessor judged once serves every activity using its vendor.

use crate::dataset::{
    AdequacyDecision, Dataset, Destination, InstrumentKind, InvalidatedInstrument, SccGeneration,
};
use crate::finding::RuleId;
use crate::register::{Location, Role, Safeguard};
use chrono::NaiveDate;
use dpadesk_model::{
    CheckOutcome, CountryCode, ScopeCheck, TransferMechanism, outcome_of, serde_name,
};

/// One rule broken on one hop, with the parameters its message needs.
#[derive(Debug, Clone)]
pub(crate) struct Issue {
    pub rule: RuleId,
    pub destination: Option<String>,
    pub params: Vec<(&'static str, String)>,
}

impl Issue {
    fn new(rule: RuleId, destination: Option<String>) -> Self {
        Self {
            rule,
            destination,
            params: Vec::new(),
        }
    }

    fn with(mut self, key: &'static str, value: impl ToString) -> Self {
        self.params.push((key, value.to_string()));
        self
    }
}

/// What the checker knows about one hop.
pub(crate) struct Hop<'a> {
    pub location: &'a Location,
    /// What the user found checking the importer against adequacy scopes (the DPF list, …).
    pub scope_checks: &'a [ScopeCheck],
    /// Where the exporter of this hop is established: the organisation for its own
    /// recipients, the vendor or subprocessor above for onward ones.
    pub exporter_country: Option<&'a CountryCode>,
    pub exporter_role: Role,
    pub importer_role: Role,
    pub safeguard: &'a Safeguard,
    /// A subprocessor's hop rather than the organisation's own.
    pub onward: bool,
}

/// The outcome for one hop: its issues and the third-country destinations it reaches.
#[derive(Debug, Clone, Default)]
pub(crate) struct Judgement {
    pub issues: Vec<Issue>,
    pub third_countries: Vec<String>,
}

pub(crate) fn hop(ds: &Dataset, hop: &Hop, as_of: NaiveDate) -> Judgement {
    let mut out = Judgement::default();
    let loc = hop.location;
    if loc.international_organisation.is_none() && loc.country.is_none() {
        out.issues
            .push(Issue::new(RuleId::DestinationUnknown, None));
    }
    let destinations = destinations(ds, loc);
    for d in &destinations {
        let code = d.code();
        out.third_countries.push(code.clone());
        let before = out.issues.len();
        destination(ds, hop, d, &code, as_of, &mut out.issues);
        // A recipient established elsewhere that reaches the data from here: the finding
        // says the data are accessed from there, not sent there.
        let remote = matches!(d, Destination::Country(c) if loc.country.as_ref() != Some(c))
            && loc.international_organisation.is_none();
        // Tells the user which paper to correct: the DPA, the vendor's list or their own entry.
        for issue in &mut out.issues[before..] {
            issue
                .params
                .push(("recorded_in", serde_name(&hop.safeguard.source)));
            if remote {
                issue.params.push(("access", "remote".to_string()));
            }
        }
    }
    out
}

/// The third countries and international organisations a recipient's data reach: where it
/// is established unless that is in the EEA, and every place it is reached from remotely.
pub(crate) fn destinations(ds: &Dataset, loc: &Location) -> Vec<Destination> {
    let mut out = Vec::new();
    match (&loc.international_organisation, &loc.country) {
        (Some(code), _) => out.push(Destination::InternationalOrganisation(code.clone())),
        (None, Some(c)) if !ds.is_eea(c) => out.push(Destination::Country(c.clone())),
        _ => {}
    }
    for c in &loc.remote_access_from {
        let d = Destination::Country(c.clone());
        if !ds.is_eea(c) && !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

fn destination(
    ds: &Dataset,
    hop: &Hop,
    d: &Destination,
    code: &str,
    as_of: NaiveDate,
    issues: &mut Vec<Issue>,
) {
    let sg = hop.safeguard;
    let at = || Some(code.to_string());
    let named = sg
        .instrument
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let none = |issues: &mut Vec<Issue>| {
        let rule = if hop.onward {
            RuleId::OnwardTransferUnsafeguarded
        } else {
            RuleId::NoMechanism
        };
        issues.push(Issue::new(rule, at()).with("mechanism", serde_name(&sg.mechanism)));
    };
    let unknown_instrument = |issues: &mut Vec<Issue>, r: &str| {
        issues.push(
            Issue::new(RuleId::NoMechanism, at())
                .with("mechanism", serde_name(&sg.mechanism))
                .with("instrument", r),
        );
    };
    match sg.mechanism {
        TransferMechanism::Eea | TransferMechanism::DpaOnly | TransferMechanism::Unknown => {
            none(issues)
        }
        TransferMechanism::Art49 => {
            if hop.importer_role == Role::Processor {
                issues.push(
                    Issue::new(RuleId::DerogationMisuse, at())
                        .with("importer_role", serde_name(&hop.importer_role)),
                );
            }
        }
        TransferMechanism::Adequacy | TransferMechanism::Dpf => match named {
            Some(r) => {
                if let Some(inst) = ds.invalidated(r) {
                    invalidated(inst, sg, code, as_of, issues);
                } else if ds
                    .adequacy
                    .iter()
                    .any(|a| crate::dataset::same_reference(&a.reference, r))
                {
                    let mine: Vec<&AdequacyDecision> = ds
                        .decisions_for(d)
                        .filter(|a| crate::dataset::same_reference(&a.reference, r))
                        .collect();
                    adequacy(ds, &mine, hop, code, as_of, issues);
                } else {
                    unknown_instrument(issues, r);
                }
            }
            None => {
                let mine: Vec<&AdequacyDecision> = ds.decisions_for(d).collect();
                adequacy(ds, &mine, hop, code, as_of, issues);
            }
        },
        TransferMechanism::PrivacyShield => {
            let inst = named
                .and_then(|r| ds.invalidated(r))
                .or_else(|| ds.invalidated_of_kind(InstrumentKind::PrivacyShield));
            match inst {
                // The Privacy Shield was an adequacy finding: no TIA was part of it.
                Some(inst) => {
                    invalidated(inst, sg, code, as_of, issues);
                }
                None => none(issues),
            }
        }
        TransferMechanism::Scc => {
            let generation = match named {
                Some(r) => match (ds.invalidated(r), ds.scc_generation(r)) {
                    (Some(inst), _) => {
                        if invalidated(inst, sg, code, as_of, issues) {
                            tia(ds, hop, code, as_of, issues);
                        }
                        return;
                    }
                    (None, Some(g)) => Some(g),
                    (None, None) => return unknown_instrument(issues, r),
                },
                // Without a named generation, the newest adopted by then: before June 2021
                // that can only be the old SCCs, valid at the time.
                None => ds.current_scc(as_of),
            };
            if let Some(g) = generation {
                if let Some(inst) = ds.invalidated(&g.reference) {
                    if !invalidated(inst, sg, code, as_of, issues) {
                        return;
                    }
                } else if as_of < g.adopted_on {
                    issues.push(
                        Issue::new(RuleId::InvalidMechanism, at())
                            .with("state", "not_yet_adopted")
                            .with("instrument_name", &g.name)
                            .with("reference", &g.reference)
                            .with("adopted_on", g.adopted_on)
                            .with("source", &g.source),
                    );
                    return;
                }
                module(g, hop, code, issues);
            }
            tia(ds, hop, code, as_of, issues);
        }
        TransferMechanism::Bcr => tia(ds, hop, code, as_of, issues),
    }
}

/// Judges a hop relying on an instrument the dataset lists as invalidated; true if it still held.
fn invalidated(
    inst: &InvalidatedInstrument,
    sg: &Safeguard,
    code: &str,
    as_of: NaiveDate,
    issues: &mut Vec<Issue>,
) -> bool {
    let base = |state: &str| {
        Issue::new(RuleId::InvalidMechanism, Some(code.to_string()))
            .with("state", state)
            .with("instrument_name", &inst.name)
            .with("reference", &inst.reference)
            .with("source", &inst.source)
    };
    if as_of < inst.adopted_on {
        issues.push(base("not_yet_adopted").with("adopted_on", inst.adopted_on));
        return false;
    }
    if as_of >= inst.invalid_from {
        issues.push(
            base("invalidated")
                .with("invalid_from", inst.invalid_from)
                .with("reason", &inst.reason),
        );
        return false;
    }
    if let (Some(cutoff), Some(signed)) = (inst.new_contracts_invalid_from, sg.contract_signed_on)
        && signed >= cutoff
        && as_of >= cutoff
    {
        issues.push(
            base("new_contract")
                .with("new_contracts_invalid_from", cutoff)
                .with("contract_signed_on", signed),
        );
        return false;
    }
    true
}

fn adequacy(
    ds: &Dataset,
    decisions: &[&AdequacyDecision],
    hop: &Hop,
    code: &str,
    as_of: NaiveDate,
    issues: &mut Vec<Issue>,
) {
    let at = || Some(code.to_string());
    // The newest decision in force wins (the UK renewal over the first decision).
    let in_force = decisions
        .iter()
        .filter(|a| a.in_force_on(as_of))
        .max_by_key(|a| a.adopted_on);
    let Some(dec) = in_force else {
        let ended = decisions
            .iter()
            .filter(|a| a.ends_on.is_some_and(|e| e < as_of))
            .max_by_key(|a| a.ends_on);
        let future = decisions
            .iter()
            .filter(|a| a.adopted_on > as_of)
            .min_by_key(|a| a.adopted_on);
        let issue = match (ended, future) {
            (Some(e), _) => Issue::new(RuleId::AdequacyEnded, at())
                .with("reference", &e.reference)
                .with("ends_on", e.ends_on.unwrap_or(as_of))
                .with("source", &e.source),
            (None, Some(f)) => Issue::new(RuleId::AdequacyAbsent, at())
                .with("reference", &f.reference)
                .with("adopted_on", f.adopted_on)
                .with("source", &f.source),
            (None, None) => Issue::new(RuleId::AdequacyAbsent, at()),
        };
        issues.push(issue);
        return;
    };
    match outcome_of(hop.scope_checks, dec.scope) {
        CheckOutcome::Inside => {}
        CheckOutcome::NotChecked => issues.push(
            Issue::new(RuleId::AdequacyScopeUnverified, at())
                .with("reference", &dec.reference)
                .with("scope", serde_name(&dec.scope))
                .with("scope_note", &dec.scope_note)
                .with("source", &dec.source),
        ),
        // Known to be outside the decision: it gives this recipient no basis at all.
        CheckOutcome::Outside => {
            let check = hop.scope_checks.iter().find(|c| c.scope == dec.scope);
            let mut issue = Issue::new(RuleId::OutsideAdequacyScope, at())
                .with("reference", &dec.reference)
                .with("scope", serde_name(&dec.scope))
                .with("scope_note", &dec.scope_note)
                .with("source", &dec.source);
            if let Some(c) = check {
                if let Some(day) = c.checked_on {
                    issue = issue.with("checked_on", day);
                }
                if !c.source.trim().is_empty() {
                    issue = issue.with("checked_at", c.source.trim());
                }
            }
            issues.push(issue);
        }
    }
    if let Some(exporter) = hop.exporter_country.filter(|c| ds.is_eea_efta(c))
        && !dec.applies_in_eea_efta_state(exporter, as_of)
    {
        let mut issue = Issue::new(RuleId::AdequacyNotInEeaAgreement, at())
            .with("reference", &dec.reference)
            .with("exporter_country", exporter)
            .with("source", &dec.source);
        if let Some(day) = dec.eea_incorporated_on() {
            issue = issue.with("eea_incorporated_on", day);
        }
        if !dec.eea_note.is_empty() {
            issue = issue.with("eea_note", &dec.eea_note);
        }
        issues.push(issue);
    }
    if dec.verify {
        issues.push(
            Issue::new(RuleId::DecisionUnverified, at())
                .with("reference", &dec.reference)
                .with("verify_note", &dec.verify_note)
                .with("source", &dec.source),
        );
    }
}

fn module(g: &SccGeneration, hop: &Hop, code: &str, issues: &mut Vec<Issue>) {
    let Some(used) = hop.safeguard.scc_module else {
        return;
    };
    let (exporter, importer) = (
        hop.exporter_role.as_scc_party(),
        hop.importer_role.as_scc_party(),
    );
    let row = |m| g.modules.iter().find(|r| r.module == m);
    let Some(expected) = g
        .modules
        .iter()
        .find(|r| r.exporter == exporter && r.importer == importer)
    else {
        return;
    };
    if expected.module != used {
        let number = row(used).map_or_else(|| "?".to_string(), |r| r.number.to_string());
        issues.push(
            Issue::new(RuleId::SccModuleMismatch, Some(code.to_string()))
                .with("module", number)
                .with("expected_module", expected.number)
                .with("exporter_role", serde_name(&exporter))
                .with("importer_role", serde_name(&importer))
                .with("reference", &g.reference)
                .with("source", &g.source),
        );
    }
}

fn tia(ds: &Dataset, hop: &Hop, code: &str, as_of: NaiveDate, issues: &mut Vec<Issue>) {
    if as_of < ds.tia.expected_from {
        return;
    }
    let at = || Some(code.to_string());
    match hop.safeguard.tia.filter(|t| t.done_on <= as_of) {
        None => issues.push(
            Issue::new(RuleId::TiaMissing, at())
                .with("mechanism", serde_name(&hop.safeguard.mechanism))
                .with("source", &ds.tia.source),
        ),
        Some(t) if t.not_equivalent => issues.push(
            Issue::new(RuleId::TiaNegative, at())
                .with("mechanism", serde_name(&hop.safeguard.mechanism))
                .with("done_on", t.done_on),
        ),
        Some(t) => {
            if let Some(due) = t.re_evaluate_on.filter(|due| *due < as_of) {
                issues.push(Issue::new(RuleId::TiaOverdue, at()).with("re_evaluate_on", due));
            }
        }
    }
}
