//! List and search latency on a large vault: 50 organisations with 200 activities each
//! (10,000 activities) and 10 DPAs each, 300 vendors each with a 20-entry subprocessor list.
//! Prints the figures recorded in `docs/benchmarks.md`.
//!
//! `cargo run --release -p dpadesk-app --example bench_register`

use dpadesk_app::App;
use dpadesk_app::session::{create_vault, key_source, open_vault};
use dpadesk_model::*;
use std::time::{Duration, Instant};

const ORGANISATIONS: usize = 50;
const ACTIVITIES_PER_ORGANISATION: usize = 200;
const VENDORS: usize = 300;
const DPAS_PER_ORGANISATION: usize = 10;
const SUBPROCESSORS_PER_LIST: usize = 20;
const ROUNDS: usize = 20;

const NAMES: [&str; 10] = [
    "Payroll",
    "Recruitment",
    "Customer support",
    "Newsletter",
    "Website analytics",
    "Accounting",
    "CCTV",
    "Supplier contacts",
    "Training records",
    "Access badges",
];

fn activity(organisation: Id, n: usize, vendor: Id) -> ActivityData {
    ActivityData {
        organisation_id: organisation,
        reference: format!("A-{n:03}"),
        name: format!("{} {n}", NAMES[n % NAMES.len()]),
        description: "Processing described for the benchmark, about as long as a real one.".into(),
        purposes: vec![Purpose {
            description: "Running the service the data subject asked for".into(),
            legal_basis: LegalBasis::Contract,
            basis_detail: "Service terms".into(),
            art9_condition: None,
            art10_basis: None,
        }],
        subject_categories: vec!["Customers".into(), "Prospects".into()],
        data_categories: vec![DataCategory {
            name: format!("Contact details {}", n % 7),
            sensitivity: DataSensitivity::Ordinary,
            retention: Some(Retention::Rule {
                text: "Three years after the last contact".into(),
            }),
        }],
        recipients: vec![Recipient {
            kind: RecipientKind::Processor,
            name: "Processor".into(),
            vendor_id: Some(vendor),
            country: None,
        }],
        systems: vec!["CRM".into()],
        ..Default::default()
    }
}

fn summary(label: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label:<55} median {:>7.2} ms   max {:>7.2} ms   ({} runs)",
        ms(times[times.len() / 2]),
        ms(*times.last().expect("runs")),
        times.len()
    );
}

async fn fill(app: &App) -> Vec<Id> {
    let mut vendors = Vec::new();
    for v in 0..VENDORS {
        let vendor = app
            .create(VendorData {
                legal_name: format!("Vendor {v} GmbH"),
                services: vec!["Hosting".into()],
                ..Default::default()
            })
            .await
            .expect("vendor");
        let entries = (0..SUBPROCESSORS_PER_LIST)
            .map(|e| SubprocessorEntry {
                name: format!("Subprocessor {e} of vendor {v} Ltd"),
                country: Some("DE".parse().expect("DE")),
                service: "Hosting".into(),
                mechanism: Some(TransferMechanism::Eea),
                ..Default::default()
            })
            .collect();
        app.save_list(vendor.id, None, "benchmark", "", entries)
            .await
            .expect("list");
        vendors.push(vendor.id);
    }
    let mut organisations = Vec::new();
    for o in 0..ORGANISATIONS {
        let org = app
            .create(OrganisationData {
                name: format!("Client {o} Sp. z o.o."),
                country: Some("PL".parse().expect("PL")),
                ..Default::default()
            })
            .await
            .expect("organisation");
        for n in 0..ACTIVITIES_PER_ORGANISATION {
            app.create(activity(org.id, n, vendors[(o * 7 + n) % VENDORS]))
                .await
                .expect("activity");
        }
        for n in 0..DPAS_PER_ORGANISATION {
            app.create(DpaData {
                organisation_id: org.id,
                vendor_id: vendors[(o * 7 + n) % VENDORS],
                version: "2026".into(),
                objection_window_days: Some(30),
                ..Default::default()
            })
            .await
            .expect("dpa");
        }
        organisations.push(org.id);
    }
    organisations
}

async fn edit_first_activity(app: &App, organisation: Id, round: usize) {
    let first = app.activities_of(organisation).await.expect("list")[0].clone();
    let mut data = first.data;
    data.description = format!("Edited in round {round}");
    app.update(first.id, data).await.expect("edit");
}

/// The home screen as the window asks for it: the organisations' summaries and their
/// transfer findings' counts, together.
async fn home_screen(app: &App, today: chrono::NaiveDate) {
    let (summaries, findings) = tokio::join!(
        app.organisation_summaries(today),
        app.transfer_summary(today)
    );
    summaries.expect("summaries");
    findings.expect("findings");
}

/// What keeping the vault safe costs on this vault: the check every open makes, the day's
/// first open (which also writes the daily backup), a backup on demand and `doctor`.
async fn vault_care(path: &std::path::Path, keys: &dpadesk_store::KeySource) {
    let mut opens = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let vault = dpadesk_store::Vault::open(path, keys).await.expect("open");
        opens.push(t.elapsed());
        vault.close().await.expect("close");
    }
    summary("open the vault, with its check on open (no backup)", opens);
    let app = open_vault(path, keys).await.expect("open");
    let mut backups = Vec::new();
    let mut doctors = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        app.backup(dpadesk_store::BackupReason::Manual)
            .await
            .expect("backup");
        backups.push(t.elapsed());
        let t = Instant::now();
        assert!(app.vault().examine().await.expect("examine").is_sound());
        doctors.push(t.elapsed());
    }
    summary(
        "a verified backup (VACUUM INTO, read back page by page)",
        backups,
    );
    summary(
        "doctor: every page's HMAC, integrity and foreign-key checks",
        doctors,
    );
    app.close().await.expect("close");
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("bench.dpadesk");
    let keys = key_source(Some("benchmark passphrase".into()));
    let app = create_vault(&path, &keys).await.expect("vault");
    let started = Instant::now();
    let organisations = fill(&app).await;
    println!(
        "filled {} organisations, {} activities, {VENDORS} vendors in {:.1} s",
        ORGANISATIONS,
        ORGANISATIONS * ACTIVITIES_PER_ORGANISATION,
        started.elapsed().as_secs_f64()
    );
    app.close().await.expect("close");
    let today = chrono::Local::now().date_naive();

    // The first home screen of a session, three ways: with nothing read ahead; asked at the
    // very moment the window starts reading ahead (its worst case); and asked once the
    // read-ahead is done, as when the window opens on a vault unlocked by the keychain
    // (the window itself takes longer to start than the read-ahead).
    let mut cold = Vec::new();
    let mut racing = Vec::new();
    let mut ahead = Vec::new();
    for _ in 0..5 {
        let app = open_vault(&path, &keys).await.expect("open");
        let t = Instant::now();
        home_screen(&app, today).await;
        cold.push(t.elapsed());
        app.close().await.expect("close");

        let app = open_vault(&path, &keys).await.expect("open");
        let t = Instant::now();
        let (warmed, ()) = tokio::join!(app.warm_up(today), home_screen(&app, today));
        racing.push(t.elapsed());
        warmed.expect("warm up");
        app.close().await.expect("close");

        let app = open_vault(&path, &keys).await.expect("open");
        app.warm_up(today).await.expect("warm up");
        let t = Instant::now();
        home_screen(&app, today).await;
        ahead.push(t.elapsed());
        app.close().await.expect("close");
    }
    summary("home screen, first of a session, nothing read ahead", cold);
    vault_care(&path, &keys).await;
    summary("home screen, first, asked as the read-ahead starts", racing);
    summary("home screen, first, after the read-ahead", ahead);
    // The rest as in the window, which reads ahead once the vault is open.
    let app = open_vault(&path, &keys).await.expect("open");
    app.warm_up(today).await.expect("warm up");

    let mut times = Vec::new();
    for round in 0..ROUNDS {
        let t = Instant::now();
        let rows = app
            .activity_rows(organisations[round % ORGANISATIONS])
            .await
            .expect("rows");
        times.push(t.elapsed());
        assert_eq!(rows.len(), ACTIVITIES_PER_ORGANISATION);
    }
    summary("open an organisation's register (200 activities)", times);

    let mut times = Vec::new();
    for round in 0..ROUNDS {
        edit_first_activity(&app, organisations[round % ORGANISATIONS], round).await;
        let t = Instant::now();
        home_screen(&app, today).await;
        times.push(t.elapsed());
    }
    summary("home screen after an edit (50 organisations)", times);
    let mut first = Vec::new();
    let mut counts = Vec::new();
    for round in 0..ROUNDS {
        edit_first_activity(&app, organisations[round % ORGANISATIONS], round).await;
        let t = Instant::now();
        app.organisation_summaries(today).await.expect("summaries");
        first.push(t.elapsed());
        let t = Instant::now();
        app.transfer_summary(today).await.expect("findings");
        counts.push(t.elapsed());
    }
    summary("  of which: the organisations' summaries", first);
    summary("  of which: the transfer findings' counts", counts);

    // One client's register as it stood on a day, while every client has been edited
    // (the rounds above): rebuilt from its own history and the shared catalogues', and, for
    // comparison, from the whole log as it was before entries named their organisation.
    let mut own = Vec::new();
    let mut whole = Vec::new();
    for round in 0..ROUNDS {
        let org = organisations[round % ORGANISATIONS];
        let t = Instant::now();
        let snapshot = app.register_as_of(org, today).await.expect("as of");
        own.push(t.elapsed());
        assert_eq!(snapshot.activities.len(), ACTIVITIES_PER_ORGANISATION);
        let t = Instant::now();
        let log = app
            .vault()
            .changes_until(dpadesk_app::history::end_of_day(today))
            .await
            .expect("log");
        let old = dpadesk_app::history::register_as_of(&log, org, today);
        whole.push(t.elapsed());
        assert_eq!(old, snapshot);
    }
    summary("one client's register as of a day (its own history)", own);
    summary("  the same from the whole vault's history (before)", whole);

    // What a user types, one keystroke at a time.
    let typed = "newsletter 1";
    let keystrokes: Vec<&str> = (1..=typed.len()).map(|n| &typed[..n]).collect();
    let mut first = Vec::new();
    let mut warm = Vec::new();
    for round in 0..ROUNDS {
        // A save changes the index, which the next keystroke uses.
        edit_first_activity(&app, organisations[round % ORGANISATIONS], round).await;
        for (i, query) in keystrokes.iter().enumerate() {
            let t = Instant::now();
            let hits = app.search(query).await.expect("search");
            let took = t.elapsed();
            if i == 0 { &mut first } else { &mut warm }.push(took);
            assert!(!hits.is_empty(), "{query}");
        }
    }
    summary("search, first keystroke after an activity is saved", first);
    summary("search, each further keystroke", warm);

    // A vendor save patches the index too (renaming the vendor in its subprocessors' details).
    let mut rebuilt = Vec::new();
    for round in 0..ROUNDS {
        let vendor = app.list::<VendorData>().await.expect("vendors")[round].clone();
        let mut data = vendor.data;
        data.notes = format!("Edited in round {round}");
        app.update(vendor.id, data).await.expect("edit");
        let t = Instant::now();
        app.search("newsletter").await.expect("search");
        rebuilt.push(t.elapsed());
    }
    summary("search, first keystroke after a vendor is saved", rebuilt);
    app.close().await.expect("close");
}
