//! Import speed: a generated 5,000-row CSV read and classified, and a 50-page PDF DPA with a
//! subprocessor annex (examples/data/annex-50-pages.pdf, written by make_annex.py). Prints the
//! median and worst of several runs; `docs/benchmarks.md` records the figures.
//!
//! `cargo run --release -p dpadesk-import --example bench_import`

use dpadesk_import::{Watch, import_bytes};
use std::path::Path;
use std::time::{Duration, Instant};

const RUNS: usize = 7;

const COUNTRIES: [&str; 8] = [
    "Germany",
    "United States",
    "Irlanda",
    "Francja",
    "Deutschland",
    "UK",
    "Estados Unidos",
    "Pays-Bas",
];
const MECHANISMS: [&str; 5] = [
    "Standard Contractual Clauses",
    "Data Privacy Framework",
    "",
    "Standardvertragsklauseln",
    "adequacy decision",
];
const SERVICES: [&str; 5] = [
    "Hosting",
    "E-mail delivery",
    "Support",
    "Payments",
    "Analytics",
];

fn csv(rows: usize) -> Vec<u8> {
    let mut out = String::from("Subprocessor;Address;Country;Service;Transfer mechanism\n");
    for i in 0..rows {
        out.push_str(&format!(
            "Example Services {i} GmbH;Hauptstrasse {i}, 10115 Berlin;{};{};{}\n",
            COUNTRIES[i % COUNTRIES.len()],
            SERVICES[i % SERVICES.len()],
            MECHANISMS[i % MECHANISMS.len()],
        ));
    }
    out.into_bytes()
}

/// Runs `read` several times; returns the median and the slowest run and the rows found.
fn measure(bytes: &[u8], name: &str) -> (Duration, Duration, usize) {
    let mut times = Vec::with_capacity(RUNS);
    let mut rows = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let imported = import_bytes(bytes, Some(name), &Watch::default()).expect("readable");
        times.push(start.elapsed());
        rows = imported.rows.len();
    }
    times.sort();
    (times[RUNS / 2], times[RUNS - 1], rows)
}

fn main() {
    let table = csv(5_000);
    let (median, worst, rows) = measure(&table, "subprocessors.csv");
    println!(
        "5,000-row CSV ({} KB): median {median:.1?}, worst {worst:.1?}, {rows} rows",
        table.len() / 1024
    );

    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/annex-50-pages.pdf");
    let bytes = std::fs::read(&pdf).expect("the benchmark PDF");
    let (median, worst, rows) = measure(&bytes, "annex.pdf");
    println!("50-page PDF annex: median {median:.1?}, worst {worst:.1?}, {rows} rows");
}
