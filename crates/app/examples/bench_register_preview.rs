//! How long the window's preview of a register import takes for a 1,000-activity register:
//! a spreadsheet on a layout of the user's own (German headers, a title row above them),
//! and DPA Desk's own XLSX export of 1,000 fully filled activities. The preview reads the
//! file, maps its labels and checks every draft against the vault, as the window asks.
//! Prints the figures recorded in `docs/benchmarks.md`.
//!
//! `cargo run --release -p dpadesk-app --example bench_register_preview`

use dpadesk_app::App;
use dpadesk_app::reports::{ExportFormat, ExportRequest, ReportKind};
use dpadesk_app::session::{create_vault, key_source};
use dpadesk_model::*;
use std::time::{Duration, Instant};

const ACTIVITIES: usize = 1_000;
const ROUNDS: usize = 5;

/// A register as a DPO keeps it in Excel: a title row, then a header, a row per activity.
fn own_layout() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "Verarbeitungstätigkeit",
        "Zweck der Verarbeitung",
        "Rechtsgrundlage",
        "Betroffene Personen",
        "Datenkategorien",
        "Löschfrist",
        "Auftragsverarbeiter",
        "TOM",
        "Bemerkung",
    ];
    sheet
        .write_string(0, 0, "Verzeichnis von Verarbeitungstätigkeiten")
        .expect("title");
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).expect("header");
    }
    for n in 0..ACTIVITIES {
        let row = [
            format!("Verarbeitung {n}"),
            "Vertragsabwicklung\nKundenbetreuung".to_string(),
            "Art. 6 Abs. 1 lit. b DSGVO".to_string(),
            "Kunden; Interessenten".to_string(),
            "Name, Anschrift, E-Mail-Adresse, Bestellungen".to_string(),
            "10 Jahre nach Vertragsende".to_string(),
            format!("Dienstleister {} GmbH (Deutschland)", n % 40),
            "Verschlüsselung; Zugriffskontrolle".to_string(),
            "Geprüft im Mai".to_string(),
        ];
        for (c, text) in row.iter().enumerate() {
            sheet
                .write_string(n as u32 + 2, c as u16, text)
                .expect("cell");
        }
    }
    book.save_to_buffer().expect("workbook")
}

/// An organisation of `ACTIVITIES` fully filled activities, exported as DPA Desk's XLSX.
async fn own_export(app: &App) -> Vec<u8> {
    let vendor = app
        .create(VendorData {
            legal_name: "Hosting Partner GmbH".into(),
            country: Some("DE".parse().expect("DE")),
            ..Default::default()
        })
        .await
        .expect("vendor");
    let org = app
        .create(OrganisationData {
            name: "Exported Sp. z o.o.".into(),
            ..Default::default()
        })
        .await
        .expect("organisation");
    for n in 0..ACTIVITIES {
        app.create(ActivityData {
            organisation_id: org.id,
            reference: format!("A-{n:04}"),
            name: format!("Processing {n}"),
            description: "Processing described for the benchmark, about as long as a real one."
                .into(),
            purposes: vec![Purpose {
                description: "Running the service the data subject asked for".into(),
                legal_basis: LegalBasis::Contract,
                basis_detail: "The service contract".into(),
                art9_condition: None,
                art10_basis: None,
            }],
            subject_categories: vec!["Customers".into(), "Prospects".into()],
            data_categories: vec![DataCategory {
                name: "Contact details".into(),
                sensitivity: DataSensitivity::Ordinary,
                retention: Some(Retention::Period {
                    count: 6,
                    unit: PeriodUnit::Years,
                    trigger: "the end of the contract".into(),
                }),
            }],
            recipients: vec![Recipient {
                kind: RecipientKind::Processor,
                name: "Hosting Partner GmbH".into(),
                vendor_id: Some(vendor.id),
                country: Some("DE".parse().expect("DE")),
            }],
            systems: vec!["CRM".into()],
            data_locations: vec!["EEA".into()],
            ..Default::default()
        })
        .await
        .expect("activity");
    }
    let today = chrono::Local::now().date_naive();
    app.export(
        &ExportRequest {
            organisation: org.id,
            format: ExportFormat::Xlsx,
            kind: ReportKind::Register,
            lang: dpadesk_report::Lang::En,
            as_of: None,
        },
        today,
    )
    .await
    .expect("export")
    .bytes
}

async fn preview(app: &App, label: &str, file: &str, bytes: &[u8]) {
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..ROUNDS {
        let t = Instant::now();
        let p = app
            .preview_register(bytes, Some(file), "A new client", None, &[])
            .await
            .expect("preview");
        times.push(t.elapsed());
        assert_eq!(p.activities.len(), ACTIVITIES, "{label}");
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label:<60} median {:>7.1} ms   max {:>7.1} ms   ({ROUNDS} runs, {} KB)",
        ms(times[ROUNDS / 2]),
        ms(*times.last().expect("runs")),
        bytes.len() / 1024
    );
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("bench.dpadesk");
    let app = create_vault(&path, &key_source(Some("benchmark passphrase".into())))
        .await
        .expect("vault");
    let mine = own_layout();
    let exported = own_export(&app).await;
    preview(
        &app,
        "1,000-activity register on its own layout (XLSX)",
        "verzeichnis.xlsx",
        &mine,
    )
    .await;
    preview(
        &app,
        "1,000-activity DPA Desk export, read back (XLSX)",
        "register.xlsx",
        &exported,
    )
    .await;
    app.close().await.expect("close");
}
