//! `dpadesk import-register`: the dry-run JSON scripts read (no vault needed), a register in
//! each common shape and several languages read into its activities, the activities saved as
//! drafts into a new organisation with the processors proposed as vendors, a mapping file
//! correcting a label, the import undone as a whole, and files that hold no register refused
//! with nothing written.

mod common;

use common::*;
use serde_json::Value;

/// One row per activity, German, semicolons, a title row above the header and an
/// explanation row under it.
const ROWS_DE: &str = "\
Verzeichnis von Verarbeitungstätigkeiten;;;;;;
Verarbeitungstätigkeit;Zweck;Rechtsgrundlage;Kategorien betroffener Personen;Datenkategorien;Löschfristen;Auftragsverarbeiter
z. B. Lohnabrechnung;Bitte den Zweck angeben;z. B. Art. 6 Abs. 1 lit. b DSGVO;z. B. Beschäftigte;;;
Lohnabrechnung;\"Gehaltszahlung
Meldungen an die Sozialversicherung\";Art. 6 Abs. 1 lit. c DSGVO;Beschäftigte;Name, Anschrift, Bankverbindung;10 Jahre nach Ende des Arbeitsverhältnisses;Personio SE (Deutschland)
Newsletter;Versand des Newsletters;Einwilligung;Abonnenten;E-Mail-Adresse;bis zum Widerruf;Mailchimp (USA)
";

/// A section per activity, Dutch, "Label: value" items.
const SECTIONS_NL: &str = "\
# Register van verwerkingsactiviteiten

## 1. Personeelsadministratie

- Doel: betaling van salarissen, registratie van verlof
- Rechtsgrond: artikel 6 lid 1 sub b AVG
- Categorieën van betrokkenen: werknemers
- Categorieën van persoonsgegevens: naam, adres, BSN
- Bewaartermijn: 7 jaar na uitdiensttreding

## 2. Camerabewaking

- Doel: beveiliging van het pand
- Rechtsgrond: gerechtvaardigd belang (art. 6 lid 1 sub f AVG)
- Categorieën van persoonsgegevens: camerabeelden
";

fn write(dir: &tempfile::TempDir, name: &str, content: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, content).expect("write");
    path.display().to_string()
}

fn activity<'a>(read: &'a Value, name: &str) -> &'a Value {
    read["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .find(|a| a["name"] == name)
        .unwrap_or_else(|| panic!("no activity {name} in {read:#}"))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("text"))
        .collect()
}

#[test]
fn a_dry_run_prints_each_activity_with_its_fields_and_needs_no_vault() {
    let dir = tempfile::tempdir().expect("dir");
    let no_vault = dir.path().join("none.dpadesk");
    // Windows-1252, as Excel saves a German CSV.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(ROWS_DE);
    let file = write(&dir, "verzeichnis.csv", &bytes);
    let read = json(
        &no_vault,
        &[
            "import-register",
            &file,
            "--org",
            "Muster GmbH",
            "--dry-run",
            "--json",
        ],
    );
    assert!(!no_vault.exists(), "a dry run creates no vault");
    assert_eq!(read["written"], false);
    assert_eq!(read["shape"], "row_per_activity");
    assert_eq!(read["activities"].as_array().unwrap().len(), 2, "{read:#}");
    let payroll = activity(&read, "Lohnabrechnung");
    assert_eq!(
        strings(&payroll["purposes"]),
        ["Gehaltszahlung", "Meldungen an die Sozialversicherung"]
    );
    assert_eq!(strings(&payroll["legal_bases"]), ["6(1)(c)"]);
    assert_eq!(
        strings(&payroll["data_categories"]),
        ["Name", "Anschrift", "Bankverbindung"]
    );
    assert_eq!(payroll["retention"][0]["count"], 10);
    assert_eq!(payroll["retention"][0]["unit"], "years");
    assert_eq!(payroll["recipients"][0]["country"], "DE");
    assert!(payroll["confidence"]["legal_basis"].as_f64().unwrap() > 0.9);
    // "Einwilligung" names consent in words only: proposed, not read, and marked unsure.
    let newsletter = activity(&read, "Newsletter");
    assert!(strings(&newsletter["legal_bases"]).is_empty());
    assert_eq!(strings(&newsletter["suggested_legal_bases"]), ["6(1)(a)"]);
    assert!(newsletter["confidence"]["legal_basis"].as_f64().unwrap() < 0.7);
    assert_eq!(newsletter["recipients"][0]["country"], "US");
    let labels: Vec<&str> = read["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["target"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"processors"), "{labels:?}");
}

#[test]
fn sections_are_read_and_saved_as_drafts_into_a_new_organisation() {
    let v = vault();
    let dir = tempfile::tempdir().expect("dir");
    let file = write(&dir, "register.md", SECTIONS_NL.as_bytes());
    let done = json(
        &v.path,
        &["import-register", &file, "--org", "Voorbeeld BV", "--json"],
    );
    assert_eq!(done["written"], true);
    assert_eq!(done["new_organisation"], true);
    assert_eq!(done["shape"], "section_per_activity");
    let hr = activity(&done, "Personeelsadministratie");
    assert_eq!(
        strings(&hr["purposes"]),
        ["betaling van salarissen", "registratie van verlof"]
    );
    assert_eq!(strings(&hr["legal_bases"]), ["6(1)(b)"]);
    assert_eq!(
        strings(&activity(&done, "Camerabewaking")["legal_bases"]),
        ["6(1)(f)"]
    );

    let saved = json(
        &v.path,
        &["activity", "list", "--org", "Voorbeeld BV", "--json"],
    );
    let saved = saved.as_array().expect("array");
    assert_eq!(saved.len(), 2);
    assert!(saved.iter().all(|a| a["status"] == "draft"), "{saved:#?}");
    let hr = saved
        .iter()
        .find(|a| a["name"] == "Personeelsadministratie")
        .expect("saved");
    assert_eq!(hr["purposes"][0]["legal_basis"], "contract");
    assert_eq!(hr["data_categories"][0]["retention"]["count"], 7);

    // The same file again: the names are taken, so nothing is written a second time.
    let message = user_error(
        &v.path,
        &["import-register", &file, "--org", "Voorbeeld BV"],
    );
    assert!(message.contains("already"), "{message}");
    let again = json(
        &v.path,
        &["activity", "list", "--org", "Voorbeeld BV", "--json"],
    );
    assert_eq!(again.as_array().unwrap().len(), 2);
}

#[test]
fn processors_no_vendor_matches_become_vendors_and_a_mapping_moves_a_column() {
    let v = vault();
    let dir = tempfile::tempdir().expect("dir");
    let file = write(&dir, "verzeichnis.csv", ROWS_DE.as_bytes());
    let mapping = write(
        &dir,
        "mapping.json",
        br#"{"labels": {"Auftragsverarbeiter": "notes"}}"#,
    );
    let mapped = json(
        &v.path,
        &[
            "import-register",
            &file,
            "--org",
            "Muster GmbH",
            "--mapping",
            &mapping,
            "--dry-run",
            "--json",
        ],
    );
    assert!(
        activity(&mapped, "Lohnabrechnung")["recipients"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        activity(&mapped, "Lohnabrechnung")["notes"][0]["label"],
        "Auftragsverarbeiter"
    );

    let done = json(
        &v.path,
        &["import-register", &file, "--org", "Muster GmbH", "--json"],
    );
    let mut added = strings(&done["new_vendors"]);
    added.sort();
    assert_eq!(added, ["Mailchimp", "Personio SE"]);
    let vendors = ok(&v.path, &["vendor", "list"]);
    assert!(
        vendors.contains("Personio SE") && vendors.contains("Mailchimp"),
        "{vendors}"
    );

    // The import is one entry, and undoing it takes back everything it made.
    let id = done["import_id"].as_str().expect("import_id").to_string();
    let imports = json(&v.path, &["imports", "--org", "Muster GmbH", "--json"]);
    assert_eq!(imports[0]["id"], id.as_str(), "{imports:#}");
    assert_eq!(imports[0]["activity_ids"].as_array().unwrap().len(), 2);
    let undone = json(
        &v.path,
        &["imports", "--org", "Muster GmbH", "--undo", &id, "--json"],
    );
    assert_eq!(undone["activities_removed"], 2, "{undone:#}");
    assert_eq!(undone["vendors_removed"], 2, "{undone:#}");
    assert_eq!(undone["organisation_removed"], true, "{undone:#}");
    let orgs = json(&v.path, &["org", "list", "--json"]);
    assert!(orgs.as_array().unwrap().is_empty(), "{orgs:#}");
    assert!(
        json(&v.path, &["vendor", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn files_with_no_register_are_refused_and_nothing_is_written() {
    let v = vault();
    let dir = tempfile::tempdir().expect("dir");
    let list = write(
        &dir,
        "subprocessors.csv",
        b"Name,Purpose,Location\nStripe,Payments,USA\n",
    );
    let photo = write(
        &dir,
        "photo.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0",
    );
    let empty = write(&dir, "empty.csv", b"");
    let mapping = write(
        &dir,
        "bad-mapping.json",
        br#"{"labels": {"Zweck": "purpose"}}"#,
    );
    let register = write(&dir, "verzeichnis.csv", ROWS_DE.as_bytes());
    for (file, words) in [
        (&list, "no processing register"),
        (&photo, "cannot tell"),
        (&empty, "empty"),
    ] {
        let message = user_error(&v.path, &["import-register", file, "--org", "Muster GmbH"]);
        assert!(message.contains(words), "{file}: {message}");
    }
    let message = user_error(
        &v.path,
        &[
            "import-register",
            &register,
            "--org",
            "Muster GmbH",
            "--mapping",
            &mapping,
        ],
    );
    assert!(message.contains("no field of a register"), "{message}");
    let orgs = json(&v.path, &["org", "list", "--json"]);
    assert!(
        orgs.as_array().unwrap().is_empty(),
        "no organisation was made: {orgs:#}"
    );
}

#[test]
fn a_blank_template_is_recognised_as_one() {
    let dir = tempfile::tempdir().expect("dir");
    let template = write(
        &dir,
        "template.csv",
        "Name of processing;Purposes;Legal basis;Categories of data subjects;Categories of personal data;Retention\n;;;;;\n".as_bytes(),
    );
    let read = json(
        &dir.path().join("none"),
        &[
            "import-register",
            &template,
            "--org",
            "X",
            "--dry-run",
            "--json",
        ],
    );
    assert_eq!(read["template"], true);
    assert!(read["activities"].as_array().unwrap().is_empty());
}
