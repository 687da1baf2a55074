//! The register as CSV and XLSX: every field of a fully filled activity reaches its cell, each
//! sheet is there, formula starts are neutralised in both formats, and the CSV reads back
//! with one column count.

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use chrono::{DateTime, NaiveDate, Utc};
use dpadesk_model::*;
use dpadesk_report::{Labels, Lang, Snapshot, read_back, register_csv, register_xlsx};
use std::io::Cursor;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn record<T>(data: T) -> Record<T> {
    let at: DateTime<Utc> = "2026-02-01T09:30:00Z".parse().expect("time");
    Record {
        id: Id::new(),
        created_at: at,
        updated_at: at,
        data,
    }
}

fn country(code: &str) -> Option<CountryCode> {
    Some(code.parse().expect("country"))
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

const RISKY_VENDOR: &str = "=HYPERLINK(\"http://evil.example\",\"Rabatt\")";

/// One organisation whose first activity has every field filled (Polish, German and French
/// text), with a vendor under a DPA, one on a list, a TIA, and names that look like formulas.
fn snapshot() -> Snapshot {
    let security = record(MeasureData {
        group: ControlGroup::SystemAccessControl,
        title: "Uwierzytelnianie dwuskładnikowe".into(),
        description: "Zwei-Faktor-Authentifizierung für alle Konten".into(),
    });
    let backup = record(MeasureData {
        group: ControlGroup::AvailabilityControl,
        title: "Sauvegardes chiffrées".into(),
        description: "Copies quotidiennes, conservées dans l'EEE".into(),
    });
    let hr_cloud = record(VendorData {
        legal_name: "Müller & Söhne Lohn GmbH".into(),
        aliases: strings(&["Müller Lohn"]),
        address: "Königstraße 1, 70173 Stuttgart".into(),
        country: country("DE"),
        services: strings(&["Lohnabrechnung", "Personalakte"]),
        contact: Contact {
            name: "Jürgen Weiß".into(),
            email: "datenschutz@mueller.example".into(),
            phone: "+49 711 000".into(),
        },
        website: "https://mueller.example".into(),
        international_organisation: None,
        scope_checks: vec![ScopeCheck {
            scope: AdequacyScope::PipedaSubject,
            outcome: CheckOutcome::Inside,
            checked_on: None,
            source: String::new(),
        }],
        remote_access_from: vec!["US".parse().expect("US")],
        notes: "Support aus Übersee".into(),
        list_url: String::new(),
        watch_daily: false,
    });
    let hosting = record(VendorData {
        legal_name: "Nuage Américain Inc.".into(),
        country: country("US"),
        ..Default::default()
    });
    let risky = record(VendorData {
        legal_name: RISKY_VENDOR.into(),
        country: country("PL"),
        ..Default::default()
    });
    let org = record(OrganisationData {
        name: "Czajnik i Filiżanka Sp. z o.o.".into(),
        measure_ids: vec![security.id],
        ..Default::default()
    });
    let payroll = record(ActivityData {
        organisation_id: org.id,
        reference: "HR-01".into(),
        name: "Płace i kadry".into(),
        description: "Naliczanie wynagrodzeń;\nzgłoszenia do ZUS".into(),
        owner: Owner {
            department: "Dział Kadr".into(),
            contact: Contact {
                name: "Łucja Żółkiewska".into(),
                email: "kadry@czajnik.example".into(),
                phone: "+48 12 345".into(),
            },
        },
        status: ActivityStatus::Active,
        reviewed_on: Some(day("2026-03-10")),
        next_review_on: Some(day("2027-03-10")),
        purposes: vec![
            Purpose {
                description: "Wypłata wynagrodzeń".into(),
                legal_basis: LegalBasis::LegalObligation,
                basis_detail: "Kodeks pracy, art. 94".into(),
                art9_condition: Some(Art9Condition::EmploymentAndSocialSecurity),
                art10_basis: Some(Art10Basis::AuthorisedByLaw {
                    law: "Kodeks pracy, art. 22¹ § 1".into(),
                }),
            },
            Purpose {
                description: "Świadczenia socjalne".into(),
                legal_basis: LegalBasis::Consent,
                basis_detail: String::new(),
                art9_condition: Some(Art9Condition::ExplicitConsent),
                art10_basis: Some(Art10Basis::OfficialAuthority),
            },
        ],
        subject_categories: strings(&["Pracownicy", "Członkowie rodzin"]),
        data_categories: vec![
            DataCategory {
                name: "Dane identyfikacyjne".into(),
                sensitivity: DataSensitivity::Ordinary,
                retention: Some(Retention::Period {
                    count: 5,
                    unit: PeriodUnit::Years,
                    trigger: "od końca roku zatrudnienia".into(),
                }),
            },
            DataCategory {
                name: "Zaświadczenia lekarskie".into(),
                sensitivity: DataSensitivity::Special,
                retention: Some(Retention::Rule {
                    text: "Do końca okresu zasiłkowego".into(),
                }),
            },
            DataCategory {
                name: "Zaświadczenie o niekaralności".into(),
                sensitivity: DataSensitivity::Criminal,
                retention: None,
            },
        ],
        recipients: vec![
            Recipient {
                kind: RecipientKind::Internal,
                name: "Księgowość".into(),
                vendor_id: None,
                country: None,
            },
            Recipient {
                kind: RecipientKind::Processor,
                name: "Müller".into(),
                vendor_id: Some(hr_cloud.id),
                country: country("DE"),
            },
            Recipient {
                kind: RecipientKind::PublicAuthority,
                name: "Zakład Ubezpieczeń Społecznych".into(),
                vendor_id: None,
                country: country("PL"),
            },
        ],
        transfers: vec![TransferRecord {
            recipient: "Nuage Américain Inc. (hébergement)".into(),
            international_organisation: None,
            country: "US".parse().expect("US"),
            mechanism: TransferMechanism::Scc,
            safeguards: "Chiffrement de bout en bout".into(),
        }],
        measure_ids: vec![security.id, backup.id],
        dpia_required: true,
        dpia_reference: "DPIA-2026-07".into(),
        systems: strings(&["Płatnik", "SAP HCM"]),
        data_locations: strings(&["Kraków", "Frankfurt am Main"]),
        links: vec![Link {
            label: "Klauzula informacyjna".into(),
            target: "https://czajnik.example/rodo".into(),
        }],
    });
    let risky_activities = ["+1 Rabatt", "@SUM(A1:A9)"].map(|name| {
        record(ActivityData {
            organisation_id: org.id,
            reference: "-2+3".into(),
            name: name.into(),
            ..Default::default()
        })
    });
    let dpa = record(DpaData {
        organisation_id: org.id,
        vendor_id: hr_cloud.id,
        version: "AVV 2024/1".into(),
        signed_on: Some(day("2024-01-15")),
        effective_on: Some(day("2024-02-01")),
        expires_on: Some(day("2028-01-31")),
        next_review_on: Some(day("2026-12-01")),
        document: Some(DocumentRef {
            id: Id::new(),
            file_name: "AVV_Müller.pdf".into(),
            media_type: "application/pdf".into(),
            size: 4,
            sha256: "00".into(),
        }),
        checklist: vec![ChecklistItem {
            item: Art28Item::Confidentiality,
            status: ItemStatus::Present,
            clause_ref: "§ 4".into(),
        }],
        objection_window_days: Some(30),
        transfer_mechanism: Some(TransferMechanism::Scc),
        scc_module: Some(SccModule::ControllerToProcessor),
        transfer_instrument: "2021/914".into(),
        notes: "Anlage 3 fehlt".into(),
    });
    let list = record(SubprocessorListData {
        evidence: None,
        vendor_id: hr_cloud.id,
        received_on: Some(day("2026-01-20")),
        source: "https://mueller.example/sub".into(),
        content_hash: "ab".into(),
        entries: vec![
            SubprocessorEntry {
                name: "Hetzner Online GmbH".into(),
                address: "Gunzenhausen".into(),
                country: country("DE"),
                service: "Rechenzentrum".into(),
                processing_location: "Falkenstein".into(),
                mechanism: Some(TransferMechanism::Eea),
                certifications: strings(&["ISO 27001"]),
                vendor_id: None,
            },
            SubprocessorEntry {
                name: "@SUM(1+1)".into(),
                country: country("US"),
                ..Default::default()
            },
        ],
        review: ChangeReview::default(),
    });
    let tia = record(TiaData {
        organisation_id: org.id,
        vendor_id: hosting.id,
        country: country("US"),
        mechanism: Some(TransferMechanism::Scc),
        conclusion: TiaConclusion::EquivalentWithMeasures,
        assessed_on: Some(day("2026-01-05")),
        ..Default::default()
    });
    let mut activities = vec![payroll];
    activities.extend(risky_activities);
    Snapshot {
        organisation: org,
        activities,
        processor_records: Vec::new(),
        vendors: vec![risky, hr_cloud, hosting],
        dpas: vec![dpa],
        lists: vec![list],
        measures: vec![security, backup],
        tias: vec![tia],
        findings: Vec::new(),
        flows: Vec::new(),
        as_of: day("2026-06-30"),
        issued_on: day("2026-07-01"),
        dataset_version: "2026.1".into(),
    }
}

type Book = Xlsx<Cursor<Vec<u8>>>;

fn workbook(bytes: Vec<u8>) -> Book {
    open_workbook_from_rs(Cursor::new(bytes)).expect("an XLSX calamine opens")
}

fn sheet(book: &mut Book, name: &str) -> Range<Data> {
    book.worksheet_range(name).expect("the sheet")
}

/// A cell as the user reads it; dates as ISO days.
fn text(cell: &Data) -> String {
    match cell {
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        other => other.to_string(),
    }
}

/// The row whose cells contain `needle`, as text cells.
fn row_with(range: &Range<Data>, needle: &str) -> Vec<String> {
    range
        .rows()
        .map(|r| r.iter().map(text).collect::<Vec<_>>())
        .find(|r| r.iter().any(|c| c.contains(needle)))
        .unwrap_or_else(|| panic!("no row with {needle}"))
}

/// The cell of `row` under the header `key`.
fn column<'a>(range: &Range<Data>, row: &'a [String], lang: Lang, key: &str) -> &'a str {
    let header = Labels(lang).get(key);
    let at = range
        .rows()
        .next()
        .and_then(|h| h.iter().position(|c| *c == header))
        .unwrap_or_else(|| panic!("no column {header}"));
    &row[at]
}

fn assert_contains(cell: &str, parts: &[&str]) {
    for part in parts {
        assert!(cell.contains(part), "{part:?} missing from {cell:?}");
    }
}

#[test]
fn the_workbook_holds_every_field_of_a_fully_filled_activity() {
    let lang = Lang::Pl;
    let l = Labels(lang);
    let mut book = workbook(register_xlsx(&snapshot(), lang).expect("xlsx"));
    let activities = sheet(&mut book, l.get("tables.sheet.activities"));
    let row = row_with(&activities, "HR-01");
    let cell = |key: &str| column(&activities, &row, lang, key);
    let expected: Vec<(&str, Vec<String>)> = vec![
        ("tables.col.reference", vec!["HR-01".into()]),
        ("tables.col.activity", vec!["Płace i kadry".into()]),
        (
            "tables.col.description",
            vec!["Naliczanie wynagrodzeń;\nzgłoszenia do ZUS".into()],
        ),
        ("tables.col.status", vec![l.get("status.active").into()]),
        ("tables.col.owner", vec!["Dział Kadr".into()]),
        (
            "tables.col.owner_contact",
            vec!["Łucja Żółkiewska, kadry@czajnik.example, +48 12 345".into()],
        ),
        (
            "tables.col.purposes",
            vec![format!(
                "Wypłata wynagrodzeń ({}): Kodeks pracy, art. 94; Świadczenia socjalne ({})",
                l.get("basis.legal_obligation"),
                l.get("basis.consent")
            )],
        ),
        (
            "tables.col.art9",
            vec![format!(
                "Wypłata wynagrodzeń ({}); Świadczenia socjalne ({})",
                l.get("art9.employment_and_social_security"),
                l.get("art9.explicit_consent")
            )],
        ),
        (
            "tables.col.art10",
            vec![format!(
                "Wypłata wynagrodzeń ({}: Kodeks pracy, art. 22¹ § 1); Świadczenia socjalne ({})",
                l.get("art10.authorised_by_law"),
                l.get("art10.official_authority")
            )],
        ),
        (
            "tables.col.subjects",
            vec!["Pracownicy; Członkowie rodzin".into()],
        ),
        (
            "tables.col.data_categories",
            vec![format!(
                "Dane identyfikacyjne; Zaświadczenia lekarskie [{}]; Zaświadczenie o niekaralności [{}]",
                l.get("sensitivity.special"),
                l.get("sensitivity.criminal")
            )],
        ),
        (
            "tables.col.retention",
            vec![
                "Dane identyfikacyjne: 5 lat".into(),
                "od końca roku zatrudnienia; ".into(),
                "Zaświadczenia lekarskie: Do końca okresu zasiłkowego".into(),
            ],
        ),
        (
            "tables.col.recipients",
            vec![format!(
                "Księgowość ({}); Müller ({}, DE); Zakład Ubezpieczeń Społecznych ({}, PL)",
                l.get("recipient.internal"),
                l.get("recipient.processor"),
                l.get("recipient.public_authority")
            )],
        ),
        (
            "tables.col.processors",
            vec![format!(
                "Müller & Söhne Lohn GmbH (DE) – {}",
                l.fill("dpa.signed_on", &[("date", "2024-01-15")])
            )],
        ),
        (
            "tables.col.transfers",
            vec![format!(
                "Nuage Américain Inc. (hébergement) (US) – {} (Chiffrement de bout en bout)",
                l.get("mechanism.scc")
            )],
        ),
        (
            "tables.col.tia",
            vec![format!(
                "Nuage Américain Inc. (hébergement) (US): {} (2026-01-05)",
                l.get("tia.conclusion.equivalent_with_measures")
            )],
        ),
        (
            "tables.col.measures",
            vec!["Uwierzytelnianie dwuskładnikowe; Sauvegardes chiffrées".into()],
        ),
        ("tables.col.dpia_required", vec![l.get("doc.yes").into()]),
        ("tables.col.dpia_reference", vec!["DPIA-2026-07".into()]),
        ("tables.col.systems", vec!["Płatnik; SAP HCM".into()]),
        (
            "tables.col.locations",
            vec!["Kraków; Frankfurt am Main".into()],
        ),
        (
            "tables.col.links",
            vec!["Klauzula informacyjna: https://czajnik.example/rodo".into()],
        ),
        ("tables.col.reviewed_on", vec!["2026-03-10".into()]),
        ("tables.col.next_review_on", vec!["2027-03-10".into()]),
        ("tables.col.updated_on", vec!["2026-02-01".into()]),
    ];
    for (key, parts) in &expected {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        assert_contains(cell(key), &parts);
    }
    let headers = activities.rows().next().expect("header").len();
    assert_eq!(headers, expected.len(), "a column without a check");
}

#[test]
fn every_sheet_is_there_with_its_rows() {
    let lang = Lang::De;
    let l = Labels(lang);
    let mut book = workbook(register_xlsx(&snapshot(), lang).expect("xlsx"));
    let names: Vec<&str> = [
        "activities",
        "vendors",
        "subprocessors",
        "transfers",
        "measures",
    ]
    .iter()
    .map(|s| l.get(&format!("tables.sheet.{s}")))
    .collect();
    assert_eq!(book.sheet_names(), names);

    let vendors = sheet(&mut book, names[1]);
    let row = row_with(&vendors, "Müller & Söhne Lohn GmbH");
    let cell = |key: &str| column(&vendors, &row, lang, key).to_string();
    assert_eq!(cell("tables.col.country"), "DE");
    assert_eq!(cell("tables.col.aliases"), "Müller Lohn");
    assert_contains(&cell("tables.col.contact"), &["Jürgen Weiß"]);
    assert_eq!(
        cell("tables.col.adequacy_scope"),
        format!(
            "{}: {}",
            l.get("adequacyScope.pipeda_subject"),
            l.get("scopeCheck.inside")
        )
    );
    assert_eq!(cell("tables.col.dpf"), l.get("scopeCheck.dpf.not_checked"));
    assert_eq!(cell("tables.col.remote_access"), "US");
    assert_eq!(cell("tables.col.used_by"), "HR-01 Płace i kadry");
    assert_eq!(cell("tables.col.dpa_version"), "AVV 2024/1");
    assert_eq!(cell("tables.col.dpa_signed_on"), "2024-01-15");
    assert_eq!(cell("tables.col.dpa_expires_on"), "2028-01-31");
    assert_eq!(cell("tables.col.dpa_document"), "AVV_Müller.pdf");
    let missing = cell("tables.col.art28_missing");
    assert_contains(
        &missing,
        &[
            l.get("art28.subject_matter_and_duration"),
            l.get("art28.audits_and_information"),
        ],
    );
    assert!(!missing.contains(l.get("art28.confidentiality")));
    assert_eq!(cell("tables.col.objection_window"), "30");
    assert_eq!(
        cell("tables.col.scc_module"),
        l.get("scc.controller_to_processor")
    );
    assert_eq!(cell("tables.col.transfer_instrument"), "2021/914");

    let subs = sheet(&mut book, names[2]);
    let row = row_with(&subs, "Hetzner Online GmbH");
    assert_contains(
        &row.join("|"),
        &[
            "Müller & Söhne Lohn GmbH",
            "DE",
            "Rechenzentrum",
            "Falkenstein",
            l.get("mechanism.eea"),
            "ISO 27001",
            "2026-01-20",
        ],
    );

    let transfers = sheet(&mut book, names[3]);
    let row = row_with(&transfers, "Nuage Américain Inc. (hébergement)");
    let tia = format!(
        "{} (2026-01-05)",
        l.get("tia.conclusion.equivalent_with_measures")
    );
    assert_contains(
        &row.join("|"),
        &[
            "HR-01",
            "Płace i kadry",
            "US",
            l.get("mechanism.scc"),
            "Chiffrement de bout en bout",
            &tia,
        ],
    );
    assert_eq!(transfers.height(), 2, "a header and one transfer");

    let measures = sheet(&mut book, names[4]);
    let row = row_with(&measures, "Uwierzytelnianie dwuskładnikowe");
    assert_contains(
        &row.join("|"),
        &[
            l.get("group.system_access_control"),
            "Zwei-Faktor-Authentifizierung",
            "Czajnik i Filiżanka Sp. z o.o.; HR-01 Płace i kadry",
        ],
    );
}

fn is_formula_start(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[test]
fn formula_starts_are_neutralised_in_the_workbook() {
    let bytes = register_xlsx(&snapshot(), Lang::En).expect("xlsx");
    let mut book = workbook(bytes);
    let mut seen = Vec::new();
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).expect("formulas");
        assert!(
            formulas.cells().all(|(_, _, f)| f.is_empty()),
            "a formula in {name}"
        );
        for (_, _, cell) in sheet(&mut book, &name).cells() {
            let s = text(cell);
            assert!(!is_formula_start(&s), "{name}: {s:?}");
            if s.starts_with('\'') {
                seen.push(s);
            }
        }
    }
    for risky in [
        RISKY_VENDOR,
        "+1 Rabatt",
        "-2+3",
        "@SUM(A1:A9)",
        "@SUM(1+1)",
    ] {
        assert!(
            seen.contains(&format!("'{risky}")),
            "{risky} not neutralised"
        );
    }
}

fn csv_rows(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("a UTF-8 byte-order mark");
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body)
        .records()
        .map(|r| r.expect("a CSV record").iter().map(String::from).collect())
        .collect()
}

#[test]
fn the_csv_reads_back_with_one_column_count_and_neutralised_cells() {
    let s = snapshot();
    for (lang, delimiter) in [(Lang::En, b','), (Lang::Pl, b';'), (Lang::Fr, b';')] {
        let rows = csv_rows(&register_csv(&s, lang), delimiter);
        assert_eq!(rows.len(), s.activities.len() + 1, "{lang:?}");
        let width = rows[0].len();
        assert!(rows.iter().all(|r| r.len() == width), "{lang:?}");
        assert_eq!(rows[0][0], Labels(lang).get("tables.col.reference"));
        assert!(rows.iter().flatten().all(|c| !is_formula_start(c)));
        let flat: Vec<&str> = rows.iter().flatten().map(String::as_str).collect();
        for risky in ["'+1 Rabatt", "'-2+3", "'@SUM(A1:A9)"] {
            assert!(flat.contains(&risky), "{lang:?}: {risky}");
        }
        // The multi-line description and the Polish letters come back whole.
        assert!(flat.contains(&"Naliczanie wynagrodzeń;\nzgłoszenia do ZUS"));
    }
}

#[test]
fn every_language_makes_the_same_bytes_for_the_same_snapshot() {
    let s = snapshot();
    for lang in Lang::ALL {
        let once = register_xlsx(&s, lang).expect("xlsx");
        assert_eq!(once, register_xlsx(&s, lang).expect("xlsx"), "{lang:?}");
        assert_eq!(workbook(once).sheet_names().len(), 5, "{lang:?}");
        assert_eq!(register_csv(&s, lang), register_csv(&s, lang));
    }
}

#[test]
fn an_empty_register_still_makes_both_files() {
    let mut s = snapshot();
    s.activities.clear();
    s.vendors.clear();
    s.measures.clear();
    let mut book = workbook(register_xlsx(&s, Lang::It).expect("xlsx"));
    let name = Labels(Lang::It).get("tables.sheet.activities");
    assert_eq!(sheet(&mut book, name).height(), 1, "the header alone");
    assert_eq!(csv_rows(&register_csv(&s, Lang::It), b';').len(), 1);
}

#[test]
fn the_processing_for_clients_gets_its_own_sheet() {
    let lang = Lang::Pl;
    let l = Labels(lang);
    let mut s = snapshot();
    let vendor = s
        .vendors
        .iter()
        .find(|v| v.legal_name == "Müller & Söhne Lohn GmbH")
        .expect("fixture vendor")
        .id;
    s.processor_records.push(record(ProcessorRecordData {
        organisation_id: s.organisation.id,
        client: Party {
            name: "=Sklep Żółw Sp. z o.o.".into(),
            address: "ul. Długa 5, Gdańsk".into(),
            country: country("PL"),
            email: "biuro@zolw.example".into(),
            phone: String::new(),
        },
        client_dpo: Some(Party {
            name: "Zofia Łęcka".into(),
            ..Party::default()
        }),
        processing_categories: strings(&["Wysyłka newslettera", "Obsługa zwrotów"]),
        subprocessor_vendor_ids: vec![vendor],
        dpa_reference: "UPP 7/2025".into(),
        dpa_signed_on: Some(day("2025-03-01")),
        ..ProcessorRecordData::default()
    }));
    let mut book = workbook(register_xlsx(&s, lang).expect("xlsx"));
    let name = l.get("tables.sheet.processor_records");
    assert_eq!(book.sheet_names().last().map(String::as_str), Some(name));
    let clients = sheet(&mut book, name);
    let row = row_with(&clients, "Sklep Żółw");
    let cell = |key: &str| column(&clients, &row, lang, key).to_string();
    assert_eq!(
        cell("tables.col.client"),
        "'=Sklep Żółw Sp. z o.o.",
        "neutralised"
    );
    assert_contains(
        &cell("tables.col.client_details"),
        &["ul. Długa 5, Gdańsk", "PL"],
    );
    assert_eq!(cell("tables.col.client_dpo"), "Zofia Łęcka");
    assert_contains(
        &cell("tables.col.processing_categories"),
        &["Wysyłka newslettera", "Obsługa zwrotów"],
    );
    assert_eq!(cell("tables.col.processors"), "Müller & Söhne Lohn GmbH");
    assert_eq!(cell("tables.col.client_agreement"), "UPP 7/2025");
    assert_eq!(cell("tables.col.dpa_signed_on"), "2025-03-01");
}

/// The activities as `read_back` can give them again: no vendor or measure ids, no
/// international organisation's code (the organisation is the caller's).
fn as_exported(s: &Snapshot) -> Vec<ActivityData> {
    s.activities
        .iter()
        .map(|a| {
            let mut data = a.data.clone();
            data.measure_ids.clear();
            for r in &mut data.recipients {
                r.vendor_id = None;
            }
            for t in &mut data.transfers {
                t.international_organisation = None;
            }
            data
        })
        .collect()
}

#[test]
fn the_activities_sheet_reads_back_into_the_same_activities_in_every_language() {
    let s = snapshot();
    let want = as_exported(&s);
    for lang in Lang::ALL {
        let csv = String::from_utf8(register_csv(&s, lang)).expect("UTF-8");
        let delimiter = if lang == Lang::En { b',' } else { b';' };
        let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.expect("row").iter().map(String::from).collect())
            .collect();
        let mut book = workbook(register_xlsx(&s, lang).expect("xlsx"));
        let name = Labels(lang).get("tables.sheet.activities");
        let sheet_rows: Vec<Vec<String>> = sheet(&mut book, name)
            .rows()
            .map(|r| r.iter().map(text).collect())
            .collect();
        for (what, rows) in [("CSV", rows), ("XLSX", sheet_rows)] {
            let read = read_back(&rows).unwrap_or_else(|| panic!("{what} {lang:?} is recognised"));
            assert_eq!(read.lang, lang);
            let got: Vec<ActivityData> = read
                .activities
                .iter()
                .zip(&want)
                .map(|(a, w)| ActivityData {
                    organisation_id: w.organisation_id,
                    ..a.data.clone()
                })
                .collect();
            assert_eq!(got, want, "{what} {lang:?}");
            let payroll = &read.activities[0];
            assert_eq!(
                payroll.processors,
                ["Müller & Söhne Lohn GmbH"],
                "{what} {lang:?}"
            );
            assert_eq!(
                payroll.measures,
                ["Uwierzytelnianie dwuskładnikowe", "Sauvegardes chiffrées"],
                "{what} {lang:?}"
            );
        }
    }
    // Another sheet, or a register on some other layout, is not taken for the export.
    assert!(read_back(&[vec!["Activity".into(), "Purposes".into()]]).is_none());
}
