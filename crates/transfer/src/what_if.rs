//! What if the law changed: re-run a check under a hypothetical dataset and list what would
//! lose its basis (findings new under the hypothesis, absent from the baseline).

use crate::check::check;
use crate::dataset::{Dataset, Destination, InstrumentKind, InvalidatedInstrument};
use crate::finding::Finding;
use crate::register::{Named, Register};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// A change to the reference dataset to test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Hypothesis {
    /// The destination's adequacy decisions stop applying on `on` (e.g. the CJEU strikes the
    /// DPF down with immediate effect): their last day becomes the day before.
    DecisionEnded {
        destination: Destination,
        on: NaiveDate,
    },
    /// An instrument (an adequacy decision or an SCC generation, by reference) is invalid
    /// from `on`.
    InstrumentInvalidated { reference: String, on: NaiveDate },
}

impl Dataset {
    pub fn with_decision_ended(&self, destination: &Destination, on: NaiveDate) -> Dataset {
        self.with(&Hypothesis::DecisionEnded {
            destination: destination.clone(),
            on,
        })
    }

    /// The dataset as it would be under the hypothesis.
    pub fn with(&self, hypothesis: &Hypothesis) -> Dataset {
        let mut ds = self.clone();
        match hypothesis {
            Hypothesis::DecisionEnded { destination, on } => {
                for a in ds
                    .adequacy
                    .iter_mut()
                    .filter(|a| &a.destination == destination)
                {
                    end(&mut a.ends_on, a.adopted_on, *on);
                }
            }
            Hypothesis::InstrumentInvalidated { reference, on } => {
                let same = |r: &str| crate::dataset::same_reference(r, reference);
                for a in ds.adequacy.iter_mut().filter(|a| same(&a.reference)) {
                    end(&mut a.ends_on, a.adopted_on, *on);
                }
                if let Some(g) = ds.scc.iter().find(|g| same(&g.reference)) {
                    let row = InvalidatedInstrument {
                        reference: g.reference.clone(),
                        name: g.name.clone(),
                        kind: InstrumentKind::Scc,
                        adopted_on: g.adopted_on,
                        invalid_from: *on,
                        new_contracts_invalid_from: None,
                        reason: HYPOTHESIS_REASON.to_string(),
                        source: g.source.clone(),
                        oj: g.oj.clone(),
                        oj_verify: false,
                        verified_on: self.date,
                        verify: false,
                        verify_note: String::new(),
                    };
                    ds.invalidated.retain(|i| !same(&i.reference));
                    ds.invalidated.push(row);
                }
                for i in ds.invalidated.iter_mut().filter(|i| same(&i.reference)) {
                    i.invalid_from = i.invalid_from.min(*on);
                }
            }
        }
        ds
    }
}

/// The reason an instrument is invalid under a hypothesis: findings are worded from it in
/// the reader's language (see `dpadesk_report`).
pub const HYPOTHESIS_REASON: &str = "hypothesis tested by the user";

/// A decision adopted before `on` and still running then now ends the day before.
fn end(ends_on: &mut Option<NaiveDate>, adopted_on: NaiveDate, on: NaiveDate) {
    let last = on.checked_sub_days(Days::new(1)).unwrap_or(on);
    if adopted_on < on && ends_on.is_none_or(|e| e >= on) {
        *ends_on = Some(last);
    }
}

/// What a hypothesis would cost: the new findings and who they touch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct WhatIf {
    pub findings: Vec<Finding>,
    pub organisations: Vec<Named>,
    pub activities: Vec<Named>,
    /// The controllers whose processing (Art. 30(2) activities) would be affected.
    pub clients: Vec<Named>,
    pub vendors: Vec<Named>,
}

/// Checks the register under the baseline and under the hypotheses, and keeps what is new.
pub fn what_if(
    ds: &Dataset,
    register: &Register,
    as_of: NaiveDate,
    hypotheses: &[Hypothesis],
) -> WhatIf {
    let changed = hypotheses.iter().fold(ds.clone(), |d, h| d.with(h));
    let baseline = check(ds, register, as_of);
    let known: HashSet<_> = baseline.iter().map(Finding::key).collect();
    WhatIf::of(
        check(&changed, register, as_of)
            .into_iter()
            .filter(|f| !known.contains(&f.key()))
            .collect(),
    )
}

impl WhatIf {
    /// The new findings (of one register or several) with the parties they touch.
    pub fn of(mut findings: Vec<Finding>) -> Self {
        crate::finding::sort(&mut findings);
        let distinct = |pick: fn(&Finding) -> Option<&Named>| {
            let mut seen: Vec<Named> = findings.iter().filter_map(pick).cloned().collect();
            seen.sort();
            seen.dedup();
            seen
        };
        WhatIf {
            organisations: distinct(|f| Some(&f.organisation)),
            activities: distinct(|f| f.activity.as_ref()),
            clients: distinct(|f| f.client.as_ref()),
            vendors: distinct(|f| f.vendor.as_ref()),
            findings,
        }
    }
}
