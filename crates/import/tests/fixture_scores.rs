//! Every fixture in `tests/fixtures/` read end to end and scored against the rows written by
//! hand in its `.expected.json`: precision and recall of the subprocessor names, accuracy of
//! country and mechanism on the names found. `--nocapture` prints the per-file and overall
//! figures that `docs/benchmarks.md` reports; the test fails below 0.95 on any of them.

use dpadesk_import::{ImportedRow, Watch, import_bytes};
use dpadesk_model::serde_name;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Expected {
    name: String,
    country: Option<String>,
    mechanism: String,
}

/// Case, spacing and punctuation do not make a different name.
fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    expected: usize,
    found: usize,
    right_names: usize,
    right_countries: usize,
    right_mechanisms: usize,
}

impl Score {
    fn add(&mut self, other: Score) {
        self.expected += other.expected;
        self.found += other.found;
        self.right_names += other.right_names;
        self.right_countries += other.right_countries;
        self.right_mechanisms += other.right_mechanisms;
    }

    fn ratio(part: usize, whole: usize) -> f64 {
        if whole == 0 {
            1.0
        } else {
            part as f64 / whole as f64
        }
    }

    fn precision(&self) -> f64 {
        Self::ratio(self.right_names, self.found)
    }

    fn recall(&self) -> f64 {
        Self::ratio(self.right_names, self.expected)
    }

    fn country(&self) -> f64 {
        Self::ratio(self.right_countries, self.right_names)
    }

    fn mechanism(&self) -> f64 {
        Self::ratio(self.right_mechanisms, self.right_names)
    }
}

fn score(rows: &[ImportedRow], expected: &[Expected]) -> Score {
    let mut s = Score {
        expected: expected.len(),
        found: rows.len(),
        ..Score::default()
    };
    let mut unused: Vec<&ImportedRow> = rows.iter().collect();
    for want in expected {
        let Some(at) = unused
            .iter()
            .position(|r| folded(&r.name) == folded(&want.name))
        else {
            continue;
        };
        let row = unused.swap_remove(at);
        s.right_names += 1;
        if row.country.as_ref().map(|c| c.as_str()) == want.country.as_deref() {
            s.right_countries += 1;
        }
        if serde_name(&row.mechanism) == want.mechanism {
            s.right_mechanisms += 1;
        }
    }
    s
}

fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut pairs: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".expected.json"))
        .filter_map(|p| {
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            let expected = dir.join(format!("{stem}.expected.json"));
            expected.exists().then_some((p, expected))
        })
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn the_fixtures_are_read_with_high_precision_recall_and_accuracy() {
    let pairs = fixtures();
    assert!(
        pairs.len() >= 15,
        "at least 15 scored fixtures, found {}",
        pairs.len()
    );
    let mut total = Score::default();
    println!(
        "{:<44} {:>4} {:>4} {:>6} {:>6} {:>7} {:>9}",
        "fixture", "want", "got", "prec", "recall", "country", "mechanism"
    );
    for (file, expected) in &pairs {
        let bytes = std::fs::read(file).expect("fixture");
        let want: Vec<Expected> =
            serde_json::from_slice(&std::fs::read(expected).expect("expected"))
                .expect("expected JSON");
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
        let rows = import_bytes(&bytes, name.as_deref(), &Watch::default())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
            .rows;
        let s = score(&rows, &want);
        println!(
            "{:<44} {:>4} {:>4} {:>6.3} {:>6.3} {:>7.3} {:>9.3}",
            name.unwrap_or_default(),
            s.expected,
            s.found,
            s.precision(),
            s.recall(),
            s.country(),
            s.mechanism()
        );
        total.add(s);
    }
    println!(
        "{:<44} {:>4} {:>4} {:>6.3} {:>6.3} {:>7.3} {:>9.3}",
        "ALL",
        total.expected,
        total.found,
        total.precision(),
        total.recall(),
        total.country(),
        total.mechanism()
    );
    for (what, value) in [
        ("name precision", total.precision()),
        ("name recall", total.recall()),
        ("country accuracy", total.country()),
        ("mechanism accuracy", total.mechanism()),
    ] {
        assert!(value >= 0.95, "{what} {value:.3} is below 0.95");
    }
}
