//! Records with every field filled, shared by the store's integration tests.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use dpadesk_model::*;
use dpadesk_store::{KeySource, Vault};
use std::path::PathBuf;

pub fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, 9, 30, 0)
        .single()
        .expect("valid time")
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub fn record<T>(data: T) -> Record<T> {
    Record {
        id: Id::new(),
        created_at: at(1),
        updated_at: at(1),
        data,
    }
}

pub fn country(code: &str) -> Option<CountryCode> {
    Some(code.parse().expect("valid country"))
}

pub fn party(name: &str, code: &str) -> Party {
    Party {
        name: name.into(),
        address: format!("{name} street 1"),
        country: country(code),
        email: "office@example.com".into(),
        phone: "+48 22 000 00 00".into(),
    }
}

pub fn contact(name: &str) -> Contact {
    Contact {
        name: name.into(),
        email: "contact@example.com".into(),
        phone: "+49 30 1234".into(),
    }
}

pub fn measure(title: &str) -> Measure {
    record(MeasureData {
        group: ControlGroup::TransferControl,
        title: title.into(),
        description: "TLS 1.2+ for every connection".into(),
    })
}

pub fn organisation(name: &str, measures: &[Id]) -> Organisation {
    record(OrganisationData {
        name: name.into(),
        role: OrgRole::Both,
        address: "ul. Prosta 1, 00-001 Warszawa".into(),
        country: country("PL"),
        email: "rodo@example.pl".into(),
        phone: "+48 22 111 22 33".into(),
        website: "https://example.pl".into(),
        registration_number: "KRS 0000000001".into(),
        dpo: Some(Dpo {
            name: "Zofia Żółkiewska".into(),
            email: "iod@example.pl".into(),
            phone: "+48 600 000 000".into(),
            external_firm: Some(party("Kancelaria Ochrony Danych", "PL")),
        }),
        eu_representative: Some(party("EU Rep GmbH", "DE")),
        joint_controllers: vec![party("Partner S.A.", "PL")],
        lead_supervisory_authority: "UODO (PL)".into(),
        measure_ids: measures.to_vec(),
        notes: "Klient od 2024".into(),
    })
}

pub fn vendor(name: &str) -> Vendor {
    record(VendorData {
        legal_name: name.into(),
        aliases: vec![format!("{name} Europe"), "VND".into()],
        address: "Rue de la Paix 1, Paris".into(),
        country: country("FR"),
        services: vec!["E-mail delivery".into(), "Hosting".into()],
        contact: contact("Jean Dupont"),
        website: "https://vendor.example".into(),
        international_organisation: None,
        scope_checks: vec![
            ScopeCheck {
                scope: AdequacyScope::DpfListed,
                outcome: CheckOutcome::Inside,
                checked_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 2),
                source: "https://www.dataprivacyframework.gov/list".into(),
            },
            ScopeCheck {
                scope: AdequacyScope::AppiPrivateSector,
                outcome: CheckOutcome::Outside,
                checked_on: None,
                source: String::new(),
            },
        ],
        remote_access_from: vec!["US".parse().expect("US"), "IN".parse().expect("IN")],
        notes: "Négocié en 2025".into(),
        list_url: "https://vendor.example/subprocessors".into(),
        watch_daily: true,
    })
}

pub fn activity(org: Id, vendor: Id, measures: &[Id]) -> Activity {
    record(ActivityData {
        organisation_id: org,
        reference: "HR-01".into(),
        name: "Lohnbuchhaltung".into(),
        description: "Payroll and benefits".into(),
        owner: Owner {
            department: "HR".into(),
            contact: contact("Anna Nowak"),
        },
        status: ActivityStatus::Active,
        reviewed_on: Some(date(2026, 1, 15)),
        next_review_on: Some(date(2027, 1, 15)),
        purposes: vec![Purpose {
            description: "Paying salaries".into(),
            legal_basis: LegalBasis::LegalObligation,
            basis_detail: "Kodeks pracy art. 22¹".into(),
            art9_condition: Some(Art9Condition::EmploymentAndSocialSecurity),
            art10_basis: Some(Art10Basis::AuthorisedByLaw {
                law: "Kodeks pracy".into(),
            }),
        }],
        subject_categories: vec!["Employees".into()],
        data_categories: vec![
            DataCategory {
                name: "Health data (sick leave)".into(),
                sensitivity: DataSensitivity::Special,
                retention: Some(Retention::Period {
                    count: 10,
                    unit: PeriodUnit::Years,
                    trigger: "end of employment".into(),
                }),
            },
            DataCategory {
                name: "Criminal record certificate".into(),
                sensitivity: DataSensitivity::Criminal,
                retention: Some(Retention::Rule {
                    text: "until hiring decision".into(),
                }),
            },
        ],
        recipients: vec![Recipient {
            kind: RecipientKind::Processor,
            name: "Payroll SaaS".into(),
            vendor_id: Some(vendor),
            country: country("DE"),
        }],
        transfers: vec![TransferRecord {
            recipient: "Payroll SaaS Inc.".into(),
            international_organisation: None,
            country: "US".parse().expect("valid"),
            mechanism: TransferMechanism::Scc,
            safeguards: "Encryption with keys in the EEA".into(),
        }],
        measure_ids: measures.to_vec(),
        dpia_required: true,
        dpia_reference: "DPIA-2026-01".into(),
        systems: vec!["SAP HCM".into()],
        data_locations: vec!["Frankfurt (DE)".into()],
        links: vec![Link {
            label: "Privacy notice".into(),
            target: "https://example.pl/rodo".into(),
        }],
    })
}

pub fn processor_record(org: Id, vendor: Id, measures: &[Id]) -> ProcessorRecord {
    record(ProcessorRecordData {
        organisation_id: org,
        client: party("Client Sp. z o.o.", "PL"),
        client_representative: Some(party("Rep Ltd", "IE")),
        client_dpo: Some(party("Client DPO", "PL")),
        processing_categories: vec!["Sending newsletters".into()],
        subprocessor_vendor_ids: vec![vendor],
        transfers: vec![TransferRecord {
            recipient: "Mailgun".into(),
            international_organisation: None,
            country: "US".parse().expect("valid"),
            mechanism: TransferMechanism::Dpf,
            safeguards: String::new(),
        }],
        measure_ids: measures.to_vec(),
        dpa_reference: "UPD/2025/7".into(),
        dpa_signed_on: Some(date(2025, 7, 1)),
        notes: "Two-year contract".into(),
    })
}

pub fn dpa(org: Id, vendor: Id, document: Option<DocumentRef>) -> Dpa {
    record(DpaData {
        organisation_id: org,
        vendor_id: vendor,
        version: "2.1".into(),
        signed_on: Some(date(2025, 5, 1)),
        effective_on: Some(date(2025, 5, 2)),
        expires_on: Some(date(2028, 5, 1)),
        next_review_on: Some(date(2026, 5, 1)),
        document,
        checklist: vec![
            ChecklistItem {
                item: Art28Item::Subprocessors,
                status: ItemStatus::Present,
                clause_ref: "clause 7.2".into(),
            },
            ChecklistItem {
                item: Art28Item::AuditsAndInformation,
                status: ItemStatus::Missing,
                clause_ref: String::new(),
            },
        ],
        objection_window_days: Some(14),
        transfer_mechanism: Some(TransferMechanism::Scc),
        scc_module: Some(SccModule::ControllerToProcessor),
        transfer_instrument: "2021/914".into(),
        notes: "Annex 3 lists 14 subprocessors".into(),
    })
}

pub fn tia(org: Id, vendor: Id) -> Tia {
    record(TiaData {
        organisation_id: org,
        vendor_id: vendor,
        subprocessor: "Amazon Web Services, Inc.".into(),
        country: country("US"),
        transfer_description: "Zustelllogs, adresy e-mail".into(),
        mechanism: Some(TransferMechanism::Scc),
        scc_module: Some(SccModule::ProcessorToProcessor),
        law_assessment: "FISA 702, EO 12333; recours limité".into(),
        measures: vec![
            SupplementaryMeasure::EncryptionKeysInEea,
            SupplementaryMeasure::TransparencyReports,
        ],
        measures_notes: "Klucze w KMS we Frankfurcie".into(),
        procedural_steps: "SCC signed unchanged".into(),
        conclusion: TiaConclusion::EquivalentWithMeasures,
        conclusion_notes: "Réévaluer après l'arrêt".into(),
        assessed_on: Some(date(2026, 3, 1)),
        assessed_by: "Anna Nowak".into(),
        re_evaluate_on: Some(date(2027, 3, 1)),
    })
}

pub fn subprocessor_list(vendor: Id) -> SubprocessorList {
    record(SubprocessorListData {
        evidence: None,
        vendor_id: vendor,
        received_on: Some(date(2026, 2, 1)),
        source: "https://vendor.example/subprocessors".into(),
        content_hash: "ab".repeat(32),
        entries: vec![
            SubprocessorEntry {
                name: "Amazon Web Services EMEA SARL".into(),
                address: "38 Avenue John F. Kennedy, L-1855 Luxembourg".into(),
                country: country("LU"),
                service: "Hosting".into(),
                processing_location: "EEA".into(),
                mechanism: Some(TransferMechanism::Eea),
                certifications: vec!["ISO 27001".into(), "SOC 2".into()],
                vendor_id: Some(vendor),
            },
            SubprocessorEntry {
                name: "Cloudflare, Inc.".into(),
                address: "101 Townsend St, San Francisco, CA 94107".into(),
                country: country("US"),
                service: "WAF".into(),
                processing_location: "EU data localisation".into(),
                mechanism: Some(TransferMechanism::Dpf),
                certifications: vec![],
                vendor_id: None,
            },
        ],
        review: ChangeReview {
            status: ReviewStatus::Objected,
            note: "Cloudflare outside the EEA".into(),
            decided_on: Some(date(2026, 2, 10)),
        },
    })
}

pub struct TempVault {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub vault: Vault,
}

pub fn passphrase() -> KeySource {
    KeySource::passphrase("correct horse battery staple")
}

pub async fn temp_vault() -> TempVault {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("test.dpadesk");
    let vault = Vault::create(&path, &passphrase())
        .await
        .expect("vault created");
    TempVault { dir, path, vault }
}
