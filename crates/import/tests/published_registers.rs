//! The register reader scored on real Art. 30 registers that organisations published and on
//! authorities' templates, none written for it: the development corpus kept beside the
//! project (`shared/corpus/registers/`, or the folder `DPADESK_REGISTER_CORPUS` names), each
//! document with what a careful DPO reads from it in `NAME.expected.json` (an array of
//! activities with `name`, `purposes`, `legal_bases`, `data_categories`; an empty array for a
//! blank template). The test skips with a notice where the corpus is absent; `--nocapture`
//! prints the table that `docs/benchmarks.md` reports.
//!
//! An expected activity is found when a read one's name holds most of its words. Then: the
//! name is right when the words are the same; purposes and data categories are scored by the
//! words they share with what is expected (a DPO rewords a purpose, and a list split a little
//! differently holds the same words); legal bases are right when the set of points is.

mod common;

use common::shared_folder;
use dpadesk_import::Watch;
use dpadesk_import::register::{Mapping, ReadActivity, RegisterRead, read_register};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The figures must not fall under these.
const FLOOR: [(&str, f64); 5] = [
    ("activities found", 0.95),
    ("names", 0.9),
    ("purposes", 0.75),
    ("legal bases", 0.9),
    ("data categories", 0.8),
];

#[derive(serde::Deserialize)]
struct Want {
    name: String,
    purposes: Vec<String>,
    legal_bases: Vec<String>,
    data_categories: Vec<String>,
}

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(|w| w.to_lowercase())
        .collect()
}

/// The share of `want`'s words found in `got`, and of `got`'s found in `want`, as an F1.
fn overlap(want: &[String], got: &[String]) -> f64 {
    let w = words(&want.join(" "));
    let g = words(&got.join(" "));
    if w.is_empty() && g.is_empty() {
        return 1.0;
    }
    let shared = w.intersection(&g).count() as f64;
    if shared == 0.0 {
        return 0.0;
    }
    let (p, r) = (shared / g.len() as f64, shared / w.len() as f64);
    2.0 * p * r / (p + r)
}

fn name_match(want: &str, got: &str) -> f64 {
    let (w, g) = (words(want), words(got));
    if w.is_empty() {
        return 0.0;
    }
    w.intersection(&g).count() as f64 / w.len().max(g.len()) as f64
}

#[derive(Default)]
struct Score {
    expected: usize,
    found: usize,
    read: usize,
    names: f64,
    purposes: f64,
    legal: f64,
    categories: f64,
}

fn score(wants: &[Want], got: &[ReadActivity]) -> Score {
    let mut s = Score {
        expected: wants.len(),
        read: got.len(),
        ..Score::default()
    };
    for want in wants {
        let best = got
            .iter()
            .map(|a| (name_match(&want.name, &a.name), a))
            .max_by(|x, y| x.0.total_cmp(&y.0));
        let Some((similarity, a)) = best.filter(|(m, _)| *m >= 0.5) else {
            continue;
        };
        s.found += 1;
        s.names += f64::from(u8::from(similarity >= 0.99));
        s.purposes += overlap(&want.purposes, &a.purposes);
        let want_bases: BTreeSet<&String> = want.legal_bases.iter().collect();
        let got_bases: BTreeSet<&String> = a.legal_bases.iter().collect();
        s.legal += f64::from(u8::from(want_bases == got_bases));
        s.categories += overlap(&want.data_categories, &a.data_categories);
    }
    s
}

/// What the reader makes of a document: `None` (with the message) when it refuses it.
fn read(path: &Path) -> Option<RegisterRead> {
    let bytes = std::fs::read(path).expect("a corpus file");
    let name = path.file_name().and_then(|n| n.to_str());
    read_register(&bytes, name, &Mapping::default(), &Watch::default())
        .inspect_err(|e| eprintln!("{}: {e}", path.display()))
        .ok()
}

#[test]
fn published_registers_are_read_as_a_dpo_reads_them() {
    let Some(dir) = shared_folder("DPADESK_REGISTER_CORPUS", "corpus/registers") else {
        return;
    };
    let mut documents: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.contains(".expected.") && name != "SOURCES.md" && !name.starts_with('.')
        })
        .collect();
    documents.sort();
    let mut total = Score::default();
    let mut templates_wrong = Vec::new();
    println!(
        "{:<40} {:>4} {:>5} {:>4} {:>6} {:>8} {:>6} {:>10}",
        "document", "want", "found", "read", "names", "purposes", "bases", "categories"
    );
    for doc in &documents {
        let stem = doc.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let expected_path = doc.with_file_name(format!("{stem}.expected.json"));
        let Ok(text) = std::fs::read_to_string(&expected_path) else {
            continue;
        };
        let wants: Vec<Want> = serde_json::from_str(&text).expect("an expected JSON array");
        let read = read(doc);
        if wants.is_empty() {
            // A blank template: recognised as one, with no activity.
            let recognised = read.is_some_and(|r| r.template && r.activities.is_empty());
            if !recognised {
                templates_wrong.push(stem.to_string());
            }
            let verdict = if recognised { "recognised" } else { "MISSED" };
            println!("{stem:<40} template: {verdict}");
            continue;
        }
        let got = read.map(|r| r.activities).unwrap_or_default();
        let s = score(&wants, &got);
        let per = |x: f64| {
            if s.found == 0 {
                0.0
            } else {
                x / s.found as f64
            }
        };
        println!(
            "{stem:<40} {:>4} {:>5} {:>4} {:>6.2} {:>8.2} {:>6.2} {:>10.2}",
            s.expected,
            s.found,
            s.read,
            per(s.names),
            per(s.purposes),
            per(s.legal),
            per(s.categories)
        );
        total.expected += s.expected;
        total.found += s.found;
        total.read += s.read;
        total.names += s.names;
        total.purposes += s.purposes;
        total.legal += s.legal;
        total.categories += s.categories;
    }
    if total.expected == 0 {
        return;
    }
    let found = total.found.max(1) as f64;
    let figures = [
        (
            "activities found",
            total.found as f64 / total.expected as f64,
        ),
        ("names", total.names / found),
        ("purposes", total.purposes / found),
        ("legal bases", total.legal / found),
        ("data categories", total.categories / found),
    ];
    println!(
        "all: {} activities expected, {} found, {} read",
        total.expected, total.found, total.read
    );
    for (label, value) in figures {
        println!("  {label:<17} {value:.2}");
    }
    assert!(
        templates_wrong.is_empty(),
        "blank templates not recognised: {templates_wrong:?}"
    );
    for ((label, value), (floor_label, floor)) in figures.iter().zip(FLOOR) {
        assert_eq!(*label, floor_label);
        assert!(
            *value >= floor,
            "{label}: {value:.2} is under the floor {floor}"
        );
    }
    // No activity made up: at most one read activity per expected one, plus one in ten.
    assert!(
        total.read * 10 <= total.expected * 11,
        "{} activities read where {} were expected",
        total.read,
        total.expected
    );
}
