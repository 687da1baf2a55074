//! The extraction on text: the seed documents (real vendor texts, read from `shared/seeds/`
//! next to the workspace, or the folder `DPADESK_SEEDS` names, when present) and the
//! project's own text fixtures, each against rows written by hand: every expected company
//! found with its country and mechanism, and nothing else.

mod common;

use common::{Expected, folded, shared_folder};
use dpadesk_import::{ImportedRow, import_text};
use dpadesk_model::serde_name;
use std::path::Path;

/// The differences between the rows found and the rows expected, one line each.
fn differences(rows: &[ImportedRow], expected: &[Expected]) -> Vec<String> {
    let mut problems = Vec::new();
    for want in expected {
        match rows.iter().find(|r| folded(&r.name) == folded(&want.name)) {
            None => problems.push(format!("missing {}", want.name)),
            Some(row) => {
                let country = row.country.as_ref().map(|c| c.as_str().to_string());
                if country != want.country {
                    problems.push(format!(
                        "{}: country {country:?}, expected {:?}",
                        want.name, want.country
                    ));
                }
                if serde_name(&row.mechanism) != want.mechanism {
                    problems.push(format!(
                        "{}: mechanism {}, expected {}",
                        want.name,
                        serde_name(&row.mechanism),
                        want.mechanism
                    ));
                }
            }
        }
    }
    for row in rows {
        if !expected
            .iter()
            .any(|w| folded(&w.name) == folded(&row.name))
        {
            problems.push(format!("unexpected {}", row.name));
        }
    }
    problems
}

fn expect(label: &str, text: &str, expected: &[Expected]) {
    let rows = import_text(text).rows;
    let problems = differences(&rows, expected);
    assert!(problems.is_empty(), "{label}:\n  {}", problems.join("\n  "));
}

fn row(name: &str, country: Option<&str>, mechanism: &str) -> Expected {
    Expected {
        name: name.to_string(),
        country: country.map(str::to_string),
        mechanism: mechanism.to_string(),
    }
}

fn seed(dir: &Path, prefix: &str) -> String {
    let entry = std::fs::read_dir(dir)
        .expect("the seeds folder is readable")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} is missing"));
    std::fs::read_to_string(entry.path()).expect("seeds are UTF-8 text")
}

#[test]
fn seed_000_polish_faq_names_cloudflare() {
    let Some(dir) = shared_folder("DPADESK_SEEDS", "seeds") else {
        return;
    };
    expect(
        "000",
        &seed(&dir, "000_"),
        &[row("Cloudflare, Inc.", Some("US"), "unknown")],
    );
}

#[test]
fn seed_001_help_centre_lists_five_subprocessors_past_its_menu() {
    let Some(dir) = shared_folder("DPADESK_SEEDS", "seeds") else {
        return;
    };
    let text = seed(&dir, "001_");
    expect(
        "001",
        &text,
        &[
            row("Beyond.pl sp. z o.o.", Some("PL"), "eea"),
            row("NTT Global Data Centers EMEA GmbH", Some("DE"), "eea"),
            row("Cyber Folks S.A.", Some("PL"), "eea"),
            row("Amazon Web Services EMEA SARL", Some("LU"), "eea"),
            row("Cloudflare, Inc.", Some("US"), "unknown"),
        ],
    );
    let rows = import_text(&text).rows;
    let beyond = rows.iter().find(|r| r.name.starts_with("Beyond")).unwrap();
    assert_eq!(beyond.location, "EEA");
    assert!(beyond.certifications.iter().any(|c| c.contains("27001")));
    assert!(!beyond.service.is_empty());
}

#[test]
fn seed_002_polish_prose_after_schrems_ii() {
    let Some(dir) = shared_folder("DPADESK_SEEDS", "seeds") else {
        return;
    };
    expect(
        "002",
        &seed(&dir, "002_"),
        &[
            row("AWS", Some("DE"), "eea"),
            row("Mandrill", Some("US"), "scc"),
            row("Calendly", None, "dpa_only"),
            row("GoToMeeting", None, "dpa_only"),
            // The text names no country for these; the catalogue of well-known entities
            // does, for the user to confirm, and a DPA stays a DPA.
            row("Pipedrive", Some("EE"), "dpa_only"),
            row("Zapier", None, "dpa_only"),
            row("Atlassian", Some("AU"), "dpa_only"),
            row("Google Drive", None, "unknown"),
            row("Slack", Some("US"), "dpa_only"),
            row("Crisp", None, "eea"),
        ],
    );
    let rows = import_text(&seed(&dir, "002_")).rows;
    let pipedrive = rows
        .iter()
        .find(|r| r.name == "Pipedrive")
        .expect("Pipedrive");
    assert!(
        pipedrive
            .uncertain
            .contains(&dpadesk_import::Field::Country)
    );
}

#[test]
fn seed_003_art_30_page_has_no_subprocessors() {
    let Some(dir) = shared_folder("DPADESK_SEEDS", "seeds") else {
        return;
    };
    expect("003", &seed(&dir, "003_"), &[]);
}

#[test]
fn seed_004_italian_dpa_annex_of_fourteen() {
    let Some(dir) = shared_folder("DPADESK_SEEDS", "seeds") else {
        return;
    };
    let (de, us, gb) = (Some("DE"), Some("US"), Some("GB"));
    expect(
        "004",
        &seed(&dir, "004_"),
        &[
            row("ALL-INKL.COM - Neue Medien Münnich", de, "eea"),
            row("CHARGEBEE INC.", us, "scc"),
            row("Google LLC", us, "scc"),
            row("Hetzner Online GmbH", de, "eea"),
            row("HubSpot, Inc.", us, "scc"),
            row("Intercom, Inc.", us, "scc"),
            row("Impala Travel Technology Ltd.", gb, "adequacy"),
            row("Mailgun Technologies, Inc.", us, "scc"),
            row("Microsoft Corporation", us, "scc"),
            row("OVH GmbH", de, "eea"),
            row("Scaling Technologies GmbH", de, "eea"),
            row("Stripe, Inc.", us, "scc"),
            row("SugarCRM, Inc.", us, "scc"),
            row("Twilio, Inc.", us, "scc"),
        ],
    );
}

/// The text fixtures (`.txt`, `.md`) as pasted text; the other formats are the readers' to
/// test.
#[test]
fn text_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .flatten()
    {
        let path = entry.path();
        let is_text = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md")
        );
        let expected_path = path.with_extension("expected.json");
        if !is_text || !expected_path.exists() {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("text fixtures are UTF-8");
        let expected: Vec<Expected> =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("readable"))
                .expect("expected rows are valid JSON");
        let problems = differences(&import_text(&text).rows, &expected);
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", path.display(), problems.join("\n  ")));
        }
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} text fixtures found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_table_the_text_calls_not_subprocessors_is_left_out_and_said_so() {
    let text = "## Subprocessors\n\n| Subprocessor | Country |\n|---|---|\n| Hetzner Online GmbH | Germany |\n\n## Services we use that are not subprocessors\n\n| Provider | Role |\n|---|---|\n| Redis | Cache in our own container |\n| FingerprintJS OSS | Runs in the browser |\n";
    let imported = import_text(text);
    let names: Vec<&str> = imported.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Hetzner Online GmbH"]);
    let left_out: Vec<&str> = imported.excluded.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(left_out, ["Redis", "FingerprintJS OSS"]);
    assert_eq!(
        imported.excluded[0].reason,
        "Services we use that are not subprocessors"
    );
}

#[test]
fn data_kept_in_and_outside_the_eea_are_no_eea_recipient_unless_its_country_says_so() {
    let text = "| Subprocessor | Country | Location |\n|---|---|---|\n| Telegram |  | Nederland / VAE |\n| Acme B.V. | Netherlands | Netherlands / USA |\n";
    let rows = import_text(text).rows;
    let telegram = rows
        .iter()
        .find(|r| r.name == "Telegram")
        .expect("Telegram");
    assert_eq!(serde_name(&telegram.mechanism), "unknown");
    let acme = rows.iter().find(|r| r.name == "Acme B.V.").expect("Acme");
    assert_eq!(
        serde_name(&acme.mechanism),
        "eea",
        "a stated EEA country is always eea"
    );
}

#[test]
fn a_lithuanian_or_latvian_company_form_tells_the_country_the_list_leaves_out() {
    let text = "| Subprocessor | Service |\n|---|---|\n| UAB Hostinger | Hosting |\n| SIA Tet | Connectivity |\n";
    let rows = import_text(text).rows;
    let country = |name: &str| {
        rows.iter()
            .find(|r| r.name == name)
            .and_then(|r| r.country.as_ref().map(|c| c.as_str().to_string()))
    };
    assert_eq!(country("UAB Hostinger").as_deref(), Some("LT"));
    assert_eq!(country("SIA Tet").as_deref(), Some("LV"));
}
