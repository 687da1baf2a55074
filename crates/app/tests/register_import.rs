//! A register kept elsewhere brought into an organisation of the vault: recipients linked to
//! the vault's vendors, measures to the library, special categories with their Art. 9
//! condition and retention per category, what no field takes kept in the description, a
//! purpose without a basis waiting there for the user, each draft with its "created" history;
//! a dry run writing nothing; and a file clashing with the register writing nothing at all.

mod common;

use dpadesk_app::AppError;
use dpadesk_app::register_import::Mapping;
use dpadesk_model::*;

fn register(measure: &str) -> String {
    format!(
        "Activity,Purposes,Legal basis,Data subjects,Personal data,Special categories,Retention,Processors,Security measures,Internal remarks\n\
         Payroll,Paying salaries,Art. 6(1)(c) and Art. 9(2)(b) GDPR,Employees,\"Name, Bank details\",Health data,Bank details: 10 years after the end of employment,Personio SE (Germany),{measure},Reviewed by HR in May\n\
         Newsletter,Sending the newsletter,,Subscribers,E-mail address,,until consent is withdrawn,,,\n"
    )
}

async fn acme_with_personio(app: &dpadesk_app::App) -> (Organisation, Vendor) {
    let org = app
        .create(OrganisationData {
            name: "Acme".into(),
            ..Default::default()
        })
        .await
        .expect("organisation");
    let vendor = app
        .create(VendorData {
            legal_name: "Personio SE & Co. KG".into(),
            country: Some("DE".parse().expect("DE")),
            ..Default::default()
        })
        .await
        .expect("vendor");
    (org, vendor)
}

#[tokio::test]
async fn a_register_becomes_drafts_linked_to_the_vault() {
    let (_dir, app) = common::new_vault().await;
    let (org, personio) = acme_with_personio(&app).await;
    let measure = app.list::<MeasureData>().await.expect("library").remove(0);
    let file = register(&measure.data.title);

    let dry = app
        .import_register(
            file.as_bytes(),
            Some("register.csv"),
            "Acme",
            &Mapping::default(),
            &[],
            true,
        )
        .await
        .expect("dry run");
    assert!(!dry.written);
    assert_eq!(dry.read.activities.len(), 2);
    let would_save: Vec<&str> = dry.activities.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        would_save,
        ["Payroll", "Newsletter"],
        "a dry run shows the drafts it would save"
    );
    assert_eq!(dry.activities[0].recipients[0].vendor_id, Some(personio.id));
    assert!(
        app.activities_of(org.id).await.expect("list").is_empty(),
        "a dry run writes nothing"
    );

    let done = app
        .import_register(
            file.as_bytes(),
            Some("register.csv"),
            "acme",
            &Mapping::default(),
            &[],
            false,
        )
        .await
        .expect("imported");
    assert!(done.written && !done.new_organisation);
    assert!(
        done.new_vendors.is_empty(),
        "Personio is the vault's vendor already"
    );
    let saved = app.activities_of(org.id).await.expect("list");
    assert_eq!(saved.len(), 2);
    assert!(saved.iter().all(|a| a.data.status == ActivityStatus::Draft));

    let payroll = saved
        .iter()
        .find(|a| a.data.name == "Payroll")
        .expect("payroll");
    let p = &payroll.data;
    assert_eq!(p.purposes.len(), 1);
    assert_eq!(p.purposes[0].legal_basis, LegalBasis::LegalObligation);
    assert_eq!(
        p.purposes[0].art9_condition,
        Some(Art9Condition::EmploymentAndSocialSecurity)
    );
    let health = p
        .data_categories
        .iter()
        .find(|c| c.name == "Health data")
        .expect("special");
    assert_eq!(health.sensitivity, DataSensitivity::Special);
    let bank = p
        .data_categories
        .iter()
        .find(|c| c.name == "Bank details")
        .expect("bank");
    assert!(
        matches!(&bank.retention, Some(Retention::Period { count: 10, unit: PeriodUnit::Years, trigger }) if trigger.contains("end of employment")),
        "{:?}",
        bank.retention
    );
    let name = p
        .data_categories
        .iter()
        .find(|c| c.name == "Name")
        .expect("name");
    assert_eq!(
        name.retention, None,
        "a period said for one category is not another's"
    );
    assert_eq!(p.recipients[0].kind, RecipientKind::Processor);
    assert_eq!(p.recipients[0].vendor_id, Some(personio.id));
    assert_eq!(p.measure_ids, [measure.id]);
    assert!(
        p.description.contains("From the imported register:")
            && p.description
                .contains("Internal remarks: Reviewed by HR in May"),
        "{}",
        p.description
    );

    let newsletter = saved
        .iter()
        .find(|a| a.data.name == "Newsletter")
        .expect("newsletter");
    assert!(
        newsletter.data.purposes.is_empty(),
        "no basis was given: none is made up"
    );
    assert!(
        newsletter
            .data
            .description
            .contains("Purposes (no legal basis given): Sending the newsletter"),
        "{}",
        newsletter.data.description
    );
    assert!(matches!(
        &newsletter.data.data_categories[0].retention,
        Some(Retention::Rule { text }) if text == "until consent is withdrawn"
    ));

    let history = app
        .history(EntityKind::Activity, payroll.id)
        .await
        .expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, AuditAction::Create);
    let after: Activity = serde_json::from_value(history[0].after.clone().expect("after"))
        .expect("the entry holds the record");
    assert_eq!(after.data, payroll.data);
}

#[tokio::test]
async fn a_file_clashing_with_the_register_writes_nothing() {
    let (_dir, app) = common::new_vault().await;
    let (org, _) = acme_with_personio(&app).await;
    app.create(ActivityData {
        organisation_id: org.id,
        name: "Newsletter".into(),
        ..Default::default()
    })
    .await
    .expect("activity");
    let vendors_before = app.list::<VendorData>().await.expect("vendors").len();
    let file = register("Encryption of laptops").replace("Personio SE", "Lohnbüro GmbH");

    let err = app
        .import_register(
            file.as_bytes(),
            Some("register.csv"),
            "Acme",
            &Mapping::default(),
            &[],
            false,
        )
        .await
        .expect_err("a name already in the register");
    let AppError::Invalid(errors) = err else {
        panic!("field errors expected")
    };
    assert!(
        errors.iter().any(|e| e.message.contains("Newsletter")),
        "{errors:?}"
    );
    assert_eq!(
        app.activities_of(org.id).await.expect("list").len(),
        1,
        "Payroll was not written either"
    );
    assert_eq!(
        app.list::<VendorData>().await.expect("vendors").len(),
        vendors_before,
        "no vendor was added"
    );
}

#[tokio::test]
async fn the_window_previews_with_problems_beside_rows_and_saves_what_is_not_skipped() {
    let (_dir, app) = common::new_vault().await;
    let (org, _) = acme_with_personio(&app).await;
    app.create(ActivityData {
        organisation_id: org.id,
        name: "Newsletter".into(),
        ..Default::default()
    })
    .await
    .expect("activity");
    let file = register("Encryption of laptops");

    let preview = app
        .preview_register(file.as_bytes(), Some("register.csv"), "Acme", None, &[])
        .await
        .expect("a clash is shown, not refused");
    assert_eq!(preview.organisation_id, Some(org.id));
    assert_eq!(preview.activities.len(), 2);
    let newsletter = &preview.activities[1];
    assert!(
        newsletter.problems[0].contains("already in this organisation's register"),
        "{:?}",
        newsletter.problems
    );
    assert!(preview.activities[0].problems.is_empty() && preview.problems.is_empty());
    assert!(!preview.can_save);
    let payroll = &preview.activities[0];
    let basis = payroll
        .fields
        .iter()
        .find(|f| f.field == "legal_basis")
        .expect("legal basis shown");
    assert_eq!(basis.values, ["Art. 6(1)(c)", "Art. 9(2)(b)"]);
    assert!(
        basis.source.contains("Legal basis: Art. 6(1)(c)"),
        "{}",
        basis.source
    );

    let skip = vec![newsletter.source.clone()];
    let preview = app
        .preview_register(file.as_bytes(), Some("register.csv"), "Acme", None, &skip)
        .await
        .expect("preview");
    assert!(preview.can_save, "{:?}", preview.activities[1].problems);
    assert!(preview.activities[1].skipped && !preview.activities[0].skipped);

    let saved = app
        .save_register_import(
            file.as_bytes(),
            Some("register.csv"),
            "Acme",
            &Mapping::default(),
            &skip,
        )
        .await
        .expect("saved");
    assert!(saved.written);
    let names: Vec<String> = app
        .activities_of(org.id)
        .await
        .expect("list")
        .into_iter()
        .map(|a| a.data.name)
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&"Payroll".to_string()), "{names:?}");
}

#[tokio::test]
async fn an_import_is_one_entry_in_history_and_is_undone_as_a_whole() {
    let (_dir, app) = common::new_vault().await;
    let file = "Activity,Purposes,Legal basis,Personal data,Processors\n\
                Payroll,Paying salaries,Art. 6(1)(c),Name,Mailjet SAS (France)\n\
                Recruiting,Hiring,Art. 6(1)(b),CV,\n";
    let import = |org: &'static str| {
        let app = &app;
        async move {
            app.import_register(
                file.as_bytes(),
                Some("register.csv"),
                org,
                &Mapping::default(),
                &[],
                false,
            )
            .await
            .expect("imported")
        }
    };
    let done = import("Beta").await;
    let beta = done.organisation_id;
    let entries = app.register_imports(beta).await.expect("imports");
    assert_eq!(entries.len(), 1, "one entry for the whole import");
    let entry = &entries[0];
    assert_eq!(Some(entry.id), done.import_id);
    assert_eq!(entry.file_name, "register.csv");
    assert!(entry.new_organisation && entry.undone_at.is_none());
    assert_eq!(entry.activity_ids.len(), 2);
    assert_eq!(entry.vendor_ids.len(), 1, "Mailjet became a vendor");

    // Changed since, the activity still goes with its import; the vendor another
    // organisation now uses stays.
    let payroll = app.activities_of(beta).await.expect("list").remove(0);
    app.update(
        payroll.id,
        ActivityData {
            description: "Edited after the import".into(),
            ..payroll.data.clone()
        },
    )
    .await
    .expect("edited");
    let gamma = app
        .create(OrganisationData {
            name: "Gamma".into(),
            ..Default::default()
        })
        .await
        .expect("organisation");
    let mailjet = entry.vendor_ids[0];
    app.create(ActivityData {
        organisation_id: gamma.id,
        name: "Mailing".into(),
        recipients: vec![Recipient {
            kind: RecipientKind::Processor,
            name: "Mailjet SAS".into(),
            vendor_id: Some(mailjet),
            country: None,
        }],
        ..Default::default()
    })
    .await
    .expect("activity using the imported vendor");

    let undone = app.undo_register_import(entry.id).await.expect("undone");
    assert_eq!(undone.activities_removed, 2);
    assert_eq!(undone.vendors_removed, 0);
    assert_eq!(undone.vendors_kept, ["Mailjet SAS"]);
    assert!(undone.organisation_removed, "Beta held only the import");
    let left: Vec<Id> = app
        .list::<ActivityData>()
        .await
        .expect("list")
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert!(entry.activity_ids.iter().all(|id| !left.contains(id)));
    assert!(matches!(
        app.find_organisation("Beta").await,
        Err(AppError::NotFound(_))
    ));
    let history = app
        .history(EntityKind::Activity, payroll.id)
        .await
        .expect("history");
    let actions: Vec<AuditAction> = history.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            AuditAction::Create,
            AuditAction::Update,
            AuditAction::Delete
        ],
        "the undo is in the record's history, so it can be looked up"
    );

    // Into an organisation that was there before: it stays, and the entry says it was undone.
    let acme = app
        .create(OrganisationData {
            name: "Acme".into(),
            ..Default::default()
        })
        .await
        .expect("organisation");
    let done = import("Acme").await;
    let id = done.import_id.expect("written");
    let undone = app.undo_register_import(id).await.expect("undone");
    assert!(!undone.organisation_removed && undone.activities_removed == 2);
    assert!(app.activities_of(acme.id).await.expect("list").is_empty());
    let entries = app.register_imports(acme.id).await.expect("imports");
    assert!(entries[0].undone_at.is_some());
    match app.undo_register_import(id).await {
        Err(AppError::InUse(message)) => assert!(message.contains("already undone"), "{message}"),
        other => panic!("a second undo must be refused, got {other:?}"),
    }
    app.close().await.expect("closed");
}

/// DPA Desk's own CSV and XLSX exports, in every language, import back into an empty
/// organisation with every field the export carries.
#[tokio::test]
async fn the_apps_own_exports_import_back_field_for_field() {
    use dpadesk_app::reports::{ExportFormat, ExportRequest, ReportKind};
    use dpadesk_report::Lang;
    let (_dir, app) = common::new_vault().await;
    app.load_sample().await.expect("sample");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).expect("day");
    let organisations = app.list::<OrganisationData>().await.expect("organisations");
    let mut checked = 0;
    for org in &organisations {
        let original = app.activities_of(org.id).await.expect("activities");
        if original.is_empty() {
            continue;
        }
        for (format, lang) in [
            (ExportFormat::Csv, Lang::En),
            (ExportFormat::Xlsx, Lang::En),
            (ExportFormat::Csv, Lang::De),
            (ExportFormat::Xlsx, Lang::Fr),
            (ExportFormat::Csv, Lang::It),
            (ExportFormat::Xlsx, Lang::Pl),
            (ExportFormat::Csv, Lang::Es),
        ] {
            let file = app
                .export(
                    &ExportRequest {
                        organisation: org.id,
                        format,
                        kind: ReportKind::Register,
                        lang,
                        as_of: None,
                    },
                    today,
                )
                .await
                .expect("export");
            let copy = format!("{} ({format:?}, {})", org.data.name, lang.code());
            let done = app
                .import_register(
                    &file.bytes,
                    Some(&file.file_name),
                    &copy,
                    &Mapping::default(),
                    &[],
                    false,
                )
                .await
                .unwrap_or_else(|e| panic!("{copy}: {e}"));
            assert!(
                done.new_vendors.is_empty(),
                "{copy}: {:?}",
                done.new_vendors
            );
            let mut imported = app
                .activities_of(done.organisation_id)
                .await
                .expect("imported");
            assert_eq!(imported.len(), original.len(), "{copy}");
            for want in &original {
                let at = imported
                    .iter()
                    .position(|a| a.data.name == want.data.name)
                    .unwrap_or_else(|| panic!("{copy}: {} missing", want.data.name));
                let got = imported.remove(at).data;
                let mut want = want.data.clone();
                want.organisation_id = done.organisation_id;
                // The export names an international organisation's seat, not its code.
                for t in &mut want.transfers {
                    t.international_organisation = None;
                }
                assert_eq!(got, want, "{copy}: {}", want.name);
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 14,
        "the sample's activities were compared ({checked})"
    );
    app.close().await.expect("closed");
}
