//! The reference dataset: the built-in file loads, and a bad file is refused with a clear message.

use dpadesk_transfer::{Dataset, DatasetError, EeaIncorporation, SUPPORTED_FORMAT};

const BUILTIN: &str = include_str!("../data/dataset.json");

/// The built-in file with one edit applied to its JSON value.
fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_str(BUILTIN).unwrap();
    edit(&mut v);
    serde_json::to_vec(&v).unwrap()
}

fn error(bytes: &[u8]) -> String {
    Dataset::from_json(bytes)
        .expect_err("the file must be refused")
        .to_string()
}

#[test]
fn builtin_dataset_loads_with_its_rows() {
    let ds = Dataset::builtin();
    assert_eq!(ds.format, SUPPORTED_FORMAT);
    assert_eq!(ds.eea.len(), 30);
    assert_eq!(ds.adequacy.len(), 18);
    assert!(ds.adequacy.iter().all(|a| a.source.starts_with("https://")));
    let verify: Vec<&str> = ds
        .adequacy
        .iter()
        .filter(|a| a.verify)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(verify, ["United Kingdom (renewal)"]);
    for (reference, invalid_from) in [
        ("2000/520/EC", "2015-10-06"),
        ("(EU) 2016/1250", "2020-07-16"),
        ("2010/87/EU", "2022-12-27"),
        ("2002/16/EC", "2022-12-27"),
    ] {
        assert_eq!(
            ds.invalidated(reference).unwrap().invalid_from.to_string(),
            invalid_from
        );
    }
    assert_eq!(ds.scc[0].modules.len(), 4);
    for c in ["US", "CN", "RU", "IN"] {
        assert!(ds.laws_of(&c.parse().unwrap()).is_some(), "{c}");
    }
    // Three rows unconfirmed in their facts (the UK renewal, the controller-to-processor SCCs
    // of 2001, one US law note) and those whose Official Journal reference was not read on
    // EUR-Lex; Settings lists each with where to read it.
    let info = ds.info();
    let unread_oj = ds
        .adequacy
        .iter()
        .filter(|a| a.oj_verify && !a.verify)
        .count()
        + ds.invalidated
            .iter()
            .filter(|i| i.oj_verify && !i.verify)
            .count();
    assert_eq!(info.unverified_rows, 3 + unread_oj);
    assert_eq!(info.to_verify.len(), info.unverified_rows);
    let dpf = info
        .to_verify
        .iter()
        .find(|r| r.reference == "(EU) 2023/1795")
        .unwrap();
    assert!(dpf.note.starts_with("OJ L 231, 20.9.2023"), "{}", dpf.note);
    assert!(dpf.source.starts_with("https://eur-lex.europa.eu/"));
    assert!(
        !info
            .to_verify
            .iter()
            .any(|r| r.reference == "(EU) 2026/179"),
        "read on EUR-Lex"
    );
    // Every row says where it was published, and the EEA states outside the EU are known.
    assert!(ds.adequacy.iter().all(|a| a.oj.starts_with("OJ L")));
    assert!(ds.invalidated.iter().all(|i| i.oj.starts_with("OJ L")));
    assert_eq!(ds.eea_efta.len(), 3);
    let brazil = ds
        .adequacy
        .iter()
        .find(|a| a.reference == "(EU) 2026/179")
        .unwrap();
    assert_eq!(brazil.eea, EeaIncorporation::Pending);
}

#[test]
fn an_eea_state_outside_the_eu_must_be_in_the_eea() {
    let mut ds = Dataset::builtin();
    ds.eea_efta.push("CH".parse().unwrap());
    let json = serde_json::to_vec(&ds).unwrap();
    let e = Dataset::from_json(&json).unwrap_err().to_string();
    assert!(
        e.contains("CH is listed among the EEA states outside the EU"),
        "{e}"
    );
}

#[test]
fn a_decision_cannot_join_the_eea_agreement_before_it_was_adopted() {
    let mut ds = Dataset::builtin();
    let korea = ds
        .adequacy
        .iter_mut()
        .find(|a| a.reference == "(EU) 2022/254")
        .unwrap();
    korea.eea = EeaIncorporation::IncorporatedOn("2020-01-01".parse().unwrap());
    let e = Dataset::from_json(&serde_json::to_vec(&ds).unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("eea incorporated_on"), "{e}");
}

#[test]
fn not_json() {
    let e = error(b"{ \"format\": 1, ");
    assert!(e.starts_with("the dataset file is not valid JSON"), "{e}");
}

#[test]
fn missing_format() {
    assert_eq!(
        Dataset::from_json(b"{}").unwrap_err(),
        DatasetError::NoFormat
    );
}

#[test]
fn newer_format() {
    let e = error(&edited(|v| v["format"] = 2.into()));
    assert_eq!(
        e,
        "the dataset file uses format 2, newer than this version of DPA Desk reads (1): update the app to load it"
    );
}

#[test]
fn newer_format_with_a_different_shape_still_says_newer() {
    let e = error(br#"{"format": 7, "rows": []}"#);
    assert!(e.contains("format 7"), "{e}");
}

#[test]
fn unknown_country() {
    let e = error(&edited(|v| {
        v["adequacy"][0]["destination"]["country"] = "XX".into()
    }));
    assert!(
        e.contains("\"XX\" is not an ISO 3166-1 alpha-2 country code"),
        "{e}"
    );
    assert!(e.contains("line"), "{e}");
}

#[test]
fn unknown_eea_country() {
    let e = error(&edited(|v| v["eea"][0] = "ZZ".into()));
    assert!(e.contains("\"ZZ\""), "{e}");
}

#[test]
fn eu_aliases_are_accepted() {
    let ds = Dataset::from_json(&edited(|v| v["eea"][11] = "EL".into())).unwrap();
    assert!(ds.is_eea(&"GR".parse().unwrap()));
}

#[test]
fn end_before_start() {
    let e = error(&edited(|v| {
        v["adequacy"][13]["ends_on"] = "2020-01-01".into()
    }));
    assert_eq!(
        e,
        "adequacy decision (EU) 2021/1772 (United Kingdom): adopted_on (2021-06-28) is after ends_on (2020-01-01)"
    );
}

#[test]
fn invalidated_before_adopted() {
    let e = error(&edited(|v| {
        v["invalidated"][1]["invalid_from"] = "2015-01-01".into()
    }));
    assert!(
        e.contains("adopted_on (2016-07-12) is after invalid_from (2015-01-01)"),
        "{e}"
    );
}

#[test]
fn verified_after_the_dataset_date() {
    let e = error(&edited(|v| {
        v["adequacy"][0]["verified_on"] = "2030-01-01".into()
    }));
    assert!(e.contains("verified_on (2030-01-01) is after date"), "{e}");
}

#[test]
fn duplicate_reference() {
    let e = error(&edited(|v| {
        v["adequacy"][1]["reference"] = "2000/518/EC".into()
    }));
    assert_eq!(
        e,
        "the reference \"2000/518/EC\" appears more than once in the dataset"
    );
}

#[test]
fn bad_date() {
    let e = error(&edited(|v| v["date"] = "2026-13-01".into()));
    assert!(
        e.starts_with("the dataset file does not have the expected fields"),
        "{e}"
    );
}

#[test]
fn eea_country_with_an_adequacy_decision() {
    let e = error(&edited(|v| {
        v["eea"].as_array_mut().unwrap().push("CH".into())
    }));
    assert!(e.contains("CH is in the EEA"), "{e}");
}

#[test]
fn unknown_scope_condition() {
    let e = error(&edited(|v| v["adequacy"][0]["scope"] = "half".into()));
    assert!(e.contains("unknown variant `half`"), "{e}");
}

#[test]
fn references_match_as_people_write_them() {
    use dpadesk_transfer::same_reference;
    assert!(same_reference("(EU) 2021/914", "2021/914"));
    assert!(same_reference("2010/87/EU", "Decision 2010/87"));
    assert!(same_reference("2000/520/EC", "2000/520/ec"));
    assert!(!same_reference("(EU) 2021/914", "2021/915"));
    assert!(!same_reference("2010/87/EU", "2010/8"));
    let ds = Dataset::builtin();
    assert!(ds.scc_generation("2021/914").is_some());
    assert!(ds.invalidated("2010/87").is_some());
}
