//! Times `check` on a large register: 50 organisations × 200 activities, each activity using
//! 30 vendors with 20 subprocessors each (a third of them in the US), mostly in order with a
//! few gaps repeated across activities. Target: under 500 ms for all 50 in a release build.
//!
//! `cargo run --release -p dpadesk-transfer --example bench_check`

use chrono::NaiveDate;
use dpadesk_model::{AdequacyScope, CheckOutcome, Id, SccModule, ScopeCheck, TransferMechanism};
use dpadesk_transfer::{
    ActivityFlows, Dataset, DpaFacts, Exporter, Location, Register, Role, Safeguard, Subprocessor,
    Tia, Vendor, VendorUse, check, summary,
};
use std::time::Instant;

const ORGANISATIONS: usize = 50;
const ACTIVITIES: usize = 200;
const VENDORS: usize = 30;
const SUBPROCESSORS: usize = 20;

fn location(country: &str) -> Location {
    Location {
        country: Some(country.parse().expect("a known country")),
        ..Location::default()
    }
}

fn safeguard(mechanism: TransferMechanism, with_tia: bool) -> Safeguard {
    Safeguard {
        mechanism,
        scc_module: Some(SccModule::ProcessorToProcessor),
        tia: with_tia.then(|| Tia {
            done_on: NaiveDate::from_ymd_opt(2024, 3, 1).expect("a date"),
            re_evaluate_on: NaiveDate::from_ymd_opt(2027, 3, 1),
            not_equivalent: false,
        }),
        ..Safeguard::default()
    }
}

fn vendor(v: usize) -> Vendor {
    let subprocessors = (0..SUBPROCESSORS)
        .map(|s| {
            let in_us = s.is_multiple_of(3);
            Subprocessor {
                name: format!("Subprocessor {v}-{s}"),
                location: location(if in_us { "US" } else { "DE" }),
                // One vendor in ten has a US subprocessor without a TIA on its list.
                safeguard: match (in_us, v.is_multiple_of(10) && s == 0) {
                    (false, _) => safeguard(TransferMechanism::Eea, false),
                    (true, gap) => safeguard(TransferMechanism::Scc, !gap),
                },
                ..Subprocessor::default()
            }
        })
        .collect();
    Vendor {
        id: Id::new(),
        name: format!("Vendor {v}"),
        location: location(if v.is_multiple_of(5) { "US" } else { "PL" }),
        scope_checks: vec![ScopeCheck {
            scope: AdequacyScope::DpfListed,
            outcome: CheckOutcome::Inside,
            checked_on: None,
            source: String::new(),
        }],
        subprocessors,
    }
}

fn register(o: usize) -> Register {
    let vendors: Vec<Vendor> = (0..VENDORS).map(vendor).collect();
    let activities = (0..ACTIVITIES)
        .map(|a| ActivityFlows {
            id: Id::new(),
            name: format!("Activity {a}"),
            organisation_role: Role::Controller,
            special_data: a.is_multiple_of(50),
            uses: vendors
                .iter()
                .map(|v| VendorUse {
                    vendor_id: v.id,
                    role: Role::Processor,
                    safeguard: safeguard(TransferMechanism::Dpf, false),
                })
                .collect(),
            ..ActivityFlows::default()
        })
        .collect();
    Register {
        organisation: Exporter {
            id: Id::new(),
            name: format!("Organisation {o}"),
            country: Some("PL".parse().expect("a known country")),
        },
        // One vendor without a DPA per organisation.
        dpas: vendors
            .iter()
            .skip(1)
            .map(|v| DpaFacts {
                vendor_id: v.id,
                ..DpaFacts::default()
            })
            .collect(),
        vendors,
        activities,
        pending_changes: Vec::new(),
    }
}

fn main() {
    let dataset = Dataset::builtin();
    let registers: Vec<Register> = (0..ORGANISATIONS).map(register).collect();
    let as_of = NaiveDate::from_ymd_opt(2026, 5, 1).expect("a date");
    let mut rounds = Vec::new();
    let mut findings = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        findings = registers
            .iter()
            .flat_map(|r| check(&dataset, r, as_of))
            .collect::<Vec<_>>();
        rounds.push(start.elapsed());
    }
    let hops = ORGANISATIONS * ACTIVITIES * VENDORS * (1 + SUBPROCESSORS);
    let counts = summary(&findings);
    println!(
        "{ORGANISATIONS} organisations × {ACTIVITIES} activities × {VENDORS} vendors × {SUBPROCESSORS} subprocessors ({hops} hops)"
    );
    println!(
        "findings: {} (blocker {}, high {}, medium {}, low {}, info {})",
        findings.len(),
        counts.blocker,
        counts.high,
        counts.medium,
        counts.low,
        counts.info
    );
    rounds.sort();
    println!(
        "check: median {:.0} ms, worst {:.0} ms (5 rounds; target < 500 ms)",
        rounds[2].as_secs_f64() * 1000.0,
        rounds[4].as_secs_f64() * 1000.0
    );
}
