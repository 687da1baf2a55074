//! Transfer checks (GDPR Chapter V) for DPA Desk. Pure: a reference dataset, a register and
//! a date in, findings out; no vault, no clock, no global state.
//!
//! - `dataset`: the reference facts (`data/dataset.json`), loaded and validated.
//! - `register`: the input the app fills from the vault.
//! - `check`: the rules, as of a date; `what_if`: the same under a hypothetical dataset,
//!   whose hypotheses must name what the dataset holds (`known`).
//! - `finding`: what comes out, with stable rule ids, severities, counts and the articles
//!   each rule rests on (`articles`); the words are `dpadesk_report`'s, in six languages.
//! - `flows`: every hop with where it lands and its worst finding, for maps and chain views.

mod articles;
mod check;
mod dataset;
mod error;
mod finding;
mod flows;
mod judge;
mod known;
mod register;
mod validate;
mod what_if;

pub use check::check;
pub use dataset::*;
pub use error::DatasetError;
pub use finding::{EntryRef, Finding, RuleId, Severity, SeverityCounts, sort, summary};
pub use flows::{Flow, flows};
pub use known::UnknownHypothesis;
pub use register::*;
pub use what_if::{HYPOTHESIS_REASON, Hypothesis, WhatIf, what_if};
