//! Table-driven scenarios: a register, a date and the findings expected (rule ids and
//! severities, and no others). The seeds' cases come first.

use chrono::NaiveDate;
use dpadesk_model::{
    AdequacyScope, Art28Item, CheckOutcome, CountryCode, Id, SccModule, ScopeCheck,
    TransferMechanism as M,
};
use dpadesk_transfer::{
    ActivityFlows, Dataset, Destination, DpaFacts, Exporter, Finding, Hypothesis, Location, Named,
    PendingChange, Register, Role, RuleId, Safeguard, Severity, Subprocessor, Tia, Vendor,
    VendorUse, check, summary, what_if,
};
use std::sync::LazyLock;

static DATASET: LazyLock<Dataset> = LazyLock::new(Dataset::builtin);

fn day(s: &str) -> NaiveDate {
    s.parse().expect("a test date")
}

fn cc(s: &str) -> CountryCode {
    s.parse().expect("a test country")
}

fn at(country: &str) -> Location {
    Location {
        country: Some(cc(country)),
        ..Location::default()
    }
}

fn sg(mechanism: M) -> Safeguard {
    Safeguard {
        mechanism,
        ..Safeguard::default()
    }
}

/// SCCs (module 2 unless changed) with a TIA done in 2021 and due in 2030.
fn scc_with_tia() -> Safeguard {
    Safeguard {
        scc_module: Some(SccModule::ControllerToProcessor),
        tia: Some(tia("2021-09-01", Some("2030-01-01"))),
        ..sg(M::Scc)
    }
}

fn tia(done: &str, due: Option<&str>) -> Tia {
    Tia {
        done_on: day(done),
        re_evaluate_on: due.map(day),
        not_equivalent: false,
    }
}

fn vendor(name: &str, location: Location) -> Vendor {
    Vendor {
        id: Id::new(),
        name: name.to_string(),
        location,
        ..Vendor::default()
    }
}

fn scope_check(scope: AdequacyScope, outcome: CheckOutcome) -> ScopeCheck {
    ScopeCheck {
        scope,
        outcome,
        checked_on: Some(day("2026-11-02")),
        source: "https://www.dataprivacyframework.gov/list".into(),
    }
}

/// The vendor with one scope condition checked.
fn checked(v: Vendor, scope: AdequacyScope, outcome: CheckOutcome) -> Vendor {
    Vendor {
        scope_checks: vec![scope_check(scope, outcome)],
        ..v
    }
}

fn sub(name: &str, location: Location, safeguard: Safeguard) -> Subprocessor {
    Subprocessor {
        name: name.to_string(),
        location,
        safeguard,
        ..Subprocessor::default()
    }
}

fn activity(name: &str) -> ActivityFlows {
    ActivityFlows {
        id: Id::new(),
        name: name.to_string(),
        organisation_role: Role::Controller,
        ..ActivityFlows::default()
    }
}

/// One organisation, one activity using one vendor, with a complete DPA for that vendor.
fn one(vendor: Vendor, role: Role, safeguard: Safeguard) -> Register {
    let mut a = activity("Guest feedback");
    a.uses.push(VendorUse {
        vendor_id: vendor.id,
        role,
        safeguard,
    });
    Register {
        organisation: Exporter {
            id: Id::new(),
            name: "Hotel Bałtyk Sp. z o.o.".to_string(),
            country: Some(cc("PL")),
        },
        dpas: vec![DpaFacts {
            vendor_id: vendor.id,
            signed_on: Some(day("2012-01-01")),
            ..DpaFacts::default()
        }],
        vendors: vec![vendor],
        activities: vec![a],
        pending_changes: Vec::new(),
    }
}

/// An EEA processor with the given subprocessors.
fn via(vendor_name: &str, country: &str, subs: Vec<Subprocessor>) -> Register {
    let mut v = vendor(vendor_name, at(country));
    v.subprocessors = subs;
    one(v, Role::Processor, sg(M::Eea))
}

fn tweak(mut r: Register, f: impl FnOnce(&mut Register)) -> Register {
    f(&mut r);
    r
}

/// Customer Alliance GmbH (Berlin) and the subprocessors its DPA's Annex 3 lists.
fn customer_alliance(with_tia: bool) -> Register {
    let us = |name: &str| {
        let mut safeguard = sg(M::Scc);
        safeguard.scc_module = Some(SccModule::ProcessorToProcessor);
        if with_tia {
            safeguard.tia = Some(tia("2023-03-01", Some("2026-03-01")));
        }
        sub(name, at("US"), safeguard)
    };
    via(
        "CA Customer Alliance GmbH",
        "DE",
        vec![
            us("HubSpot, Inc."),
            us("Intercom, Inc."),
            sub("Impala Travel Technology Ltd.", at("GB"), sg(M::Adequacy)),
            us("Mailgun Technologies, Inc."),
            us("Microsoft Corporation"),
            sub("OVH GmbH", at("DE"), sg(M::DpaOnly)),
            sub("Scaling Technologies GmbH", at("DE"), sg(M::DpaOnly)),
            us("Stripe, Inc."),
            us("SugarCRM, Inc."),
        ],
    )
}

/// EmailLabs (Vercom S.A., Poznań) with Cloudflare's WAF. Decision: Cloudflare, Inc. is a
/// US company; its Data Localisation Suite keeps the data at rest in the EU, but US staff
/// can still reach them for support, so this is a transfer that needs a tool. The register
/// records Cloudflare's DPF certification only when the user checked the DPF list.
fn emaillabs(cloudflare: Subprocessor) -> Register {
    via("Vercom S.A.", "PL", vec![cloudflare])
}

fn cloudflare(dpf: CheckOutcome) -> Subprocessor {
    Subprocessor {
        scope_checks: vec![scope_check(AdequacyScope::DpfListed, dpf)],
        ..sub("Cloudflare, Inc.", at("US"), sg(M::Dpf))
    }
}

/// The LMS vendor of 2020 (Poland) sending e-mail through Mandrill (The Rocket Science
/// Group, US) and, until Schrems II, relying on the Privacy Shield for its US services.
fn elearning_privacy_shield() -> Register {
    via(
        "LMS vendor",
        "PL",
        vec![sub("Calendly LLC", at("US"), sg(M::PrivacyShield))],
    )
}

/// A US processor on the 2010 SCCs, signed on `signed`, with a TIA.
fn old_sccs_signed(signed: &str) -> Register {
    one(
        vendor("Acme Inc.", at("US")),
        Role::Processor,
        Safeguard {
            instrument: Some("2010/87/EU".into()),
            contract_signed_on: Some(day(signed)),
            ..scc_with_tia()
        },
    )
}

fn mandrill(safeguard: Safeguard) -> Register {
    via(
        "LMS vendor",
        "PL",
        vec![sub(
            "Mandrill (The Rocket Science Group LLC)",
            at("US"),
            safeguard,
        )],
    )
}

struct Scenario {
    name: &'static str,
    as_of: &'static str,
    register: Register,
    hypothesis: Option<Hypothesis>,
    expect: Vec<(RuleId, Severity)>,
}

fn s(
    name: &'static str,
    as_of: &'static str,
    register: Register,
    expect: &[(RuleId, Severity)],
) -> Scenario {
    Scenario {
        name,
        as_of,
        register,
        hypothesis: None,
        expect: expect.to_vec(),
    }
}

use RuleId as R;
use Severity as S;

fn scenarios() -> Vec<Scenario> {
    let us_dpf = || {
        checked(
            vendor("Zoom Video Communications", at("US")),
            AdequacyScope::DpfListed,
            CheckOutcome::Inside,
        )
    };
    vec![
        // --- the seeds' cases
        s(
            "customer alliance: US subprocessors under SCC without a TIA",
            "2024-06-01",
            customer_alliance(false),
            &[(R::TiaMissing, S::High); 6],
        ),
        s(
            "customer alliance: with TIAs recorded",
            "2024-06-01",
            customer_alliance(true),
            &[],
        ),
        s(
            "customer alliance: TIAs past their re-evaluation",
            "2026-06-01",
            customer_alliance(true),
            &[
                (R::TiaOverdue, S::Medium),
                (R::TiaOverdue, S::Medium),
                (R::TiaOverdue, S::Medium),
                (R::TiaOverdue, S::Medium),
                (R::TiaOverdue, S::Medium),
                (R::TiaOverdue, S::Medium),
                // Impala (UK) now rests on the renewal, a dataset row marked verify.
                (R::DecisionUnverified, S::Info),
            ],
        ),
        s(
            "impala (UK) on adequacy",
            "2024-01-01",
            one(
                vendor("Impala Travel Technology Ltd.", at("GB")),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[],
        ),
        s(
            "impala (UK) the day before the UK decision",
            "2021-06-27",
            one(
                vendor("Impala Travel Technology Ltd.", at("UK")),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[(R::AdequacyAbsent, S::Blocker)],
        ),
        s(
            "impala (UK) on the UK decision's adoption day",
            "2021-06-28",
            one(
                vendor("Impala Travel Technology Ltd.", at("GB")),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[],
        ),
        s(
            "impala (UK) before the renewal ends the first decision",
            "2025-12-01",
            one(
                vendor("Impala Travel Technology Ltd.", at("GB")),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[],
        ),
        s(
            "impala (UK) under the renewal, a row marked verify",
            "2026-03-01",
            one(
                vendor("Impala Travel Technology Ltd.", at("GB")),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[(R::DecisionUnverified, S::Info)],
        ),
        s(
            "e-learning vendor on the Privacy Shield, 2020-07-01",
            "2020-07-01",
            elearning_privacy_shield(),
            &[],
        ),
        s(
            "e-learning vendor on the Privacy Shield, the day before the judgment",
            "2020-07-15",
            elearning_privacy_shield(),
            &[],
        ),
        s(
            "e-learning vendor on the Privacy Shield, 2020-08-01",
            "2020-08-01",
            elearning_privacy_shield(),
            &[(R::InvalidMechanism, S::Blocker)],
        ),
        s(
            "e-learning vendor on the Privacy Shield, the judgment's day",
            "2020-07-16",
            elearning_privacy_shield(),
            &[(R::InvalidMechanism, S::Blocker)],
        ),
        s(
            "emaillabs: Cloudflare on DPF, not marked certified",
            "2025-01-15",
            emaillabs(cloudflare(CheckOutcome::NotChecked)),
            &[(R::AdequacyScopeUnverified, S::High)],
        ),
        s(
            "emaillabs: Cloudflare on DPF, marked certified",
            "2025-01-15",
            emaillabs(cloudflare(CheckOutcome::Inside)),
            &[],
        ),
        s(
            "emaillabs: Cloudflare recorded in the EU, US remote access, no tool",
            "2025-01-15",
            emaillabs(sub(
                "Cloudflare (EU data localisation)",
                Location {
                    remote_access_from: vec![cc("US")],
                    ..at("DE")
                },
                sg(M::Eea),
            )),
            &[(R::OnwardTransferUnsafeguarded, S::High)],
        ),
        s(
            "emaillabs: Cloudflare with EU localisation, US access under SCC + TIA",
            "2025-01-15",
            emaillabs(sub(
                "Cloudflare (EU data localisation)",
                Location {
                    remote_access_from: vec![cc("US")],
                    ..at("DE")
                },
                Safeguard {
                    scc_module: Some(SccModule::ProcessorToProcessor),
                    ..scc_with_tia()
                },
            )),
            &[],
        ),
        s(
            "mandrill: SCC in its terms, no TIA",
            "2021-01-15",
            mandrill(sg(M::Scc)),
            &[(R::TiaMissing, S::High)],
        ),
        s(
            "mandrill: SCC with a TIA",
            "2022-01-15",
            mandrill(Safeguard {
                scc_module: None,
                ..scc_with_tia()
            }),
            &[],
        ),
        // --- no mechanism
        s(
            "EEA vendor",
            "2024-01-01",
            one(vendor("Beyond.pl", at("PL")), Role::Processor, sg(M::Eea)),
            &[],
        ),
        s(
            "EEA vendor with SCC recorded anyway",
            "2024-01-01",
            one(vendor("OVH SAS", at("FR")), Role::Processor, sg(M::Scc)),
            &[],
        ),
        s(
            "Norway is in the EEA",
            "2024-01-01",
            one(vendor("Visma", at("NO")), Role::Processor, sg(M::Unknown)),
            &[],
        ),
        s(
            "US vendor, mechanism unknown",
            "2024-01-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                sg(M::Unknown),
            ),
            &[(R::NoMechanism, S::Blocker)],
        ),
        s(
            "US vendor, DPA only",
            "2024-01-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                sg(M::DpaOnly),
            ),
            &[(R::NoMechanism, S::Blocker)],
        ),
        s(
            "US vendor recorded as EEA",
            "2024-01-01",
            one(vendor("Acme Inc.", at("US")), Role::Processor, sg(M::Eea)),
            &[(R::NoMechanism, S::Blocker)],
        ),
        s(
            "an instrument the dataset does not know",
            "2024-01-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                Safeguard {
                    instrument: Some("2099/1/EU".into()),
                    ..scc_with_tia()
                },
            ),
            &[(R::NoMechanism, S::Blocker)],
        ),
        s(
            "EEA vendor with remote support from India, no tool",
            "2024-01-01",
            one(
                vendor(
                    "Support GmbH",
                    Location {
                        remote_access_from: vec![cc("IN")],
                        ..at("DE")
                    },
                ),
                Role::Processor,
                sg(M::Eea),
            ),
            &[(R::NoMechanism, S::Blocker)],
        ),
        s(
            "EEA vendor with remote support from India under SCC + TIA",
            "2024-01-01",
            one(
                vendor(
                    "Support GmbH",
                    Location {
                        remote_access_from: vec![cc("IN")],
                        ..at("DE")
                    },
                ),
                Role::Processor,
                scc_with_tia(),
            ),
            &[],
        ),
        s(
            "recipient without a country",
            "2024-01-01",
            via(
                "Vercom S.A.",
                "PL",
                vec![sub("Someone", Location::default(), sg(M::Unknown))],
            ),
            &[(R::DestinationUnknown, S::Medium)],
        ),
        // --- invalidated mechanisms
        s(
            "Safe Harbour the day before Schrems I",
            "2015-10-05",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                Safeguard {
                    instrument: Some("2000/520/EC".into()),
                    ..sg(M::Adequacy)
                },
            ),
            &[],
        ),
        s(
            "Safe Harbour on Schrems I",
            "2015-10-06",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                Safeguard {
                    instrument: Some("2000/520/EC".into()),
                    ..sg(M::Adequacy)
                },
            ),
            &[(R::InvalidMechanism, S::Blocker)],
        ),
        s(
            "Privacy Shield before it existed",
            "2016-01-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                sg(M::PrivacyShield),
            ),
            &[(R::InvalidMechanism, S::Blocker)],
        ),
        s(
            "old SCCs in 2022 with a TIA",
            "2022-06-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                Safeguard {
                    instrument: Some("2010/87/EU".into()),
                    contract_signed_on: Some(day("2019-01-10")),
                    ..scc_with_tia()
                },
            ),
            &[],
        ),
        s(
            "old SCCs after the transition",
            "2022-12-27",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                Safeguard {
                    instrument: Some("2010/87/EU".into()),
                    contract_signed_on: Some(day("2019-01-10")),
                    ..scc_with_tia()
                },
            ),
            &[(R::InvalidMechanism, S::Blocker)],
        ),
        s(
            "old SCCs newly signed after 2021-09-27",
            "2021-11-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                Safeguard {
                    instrument: Some("2010/87/EU".into()),
                    contract_signed_on: Some(day("2021-10-01")),
                    ..scc_with_tia()
                },
            ),
            &[(R::InvalidMechanism, S::Blocker)],
        ),
        s(
            "old SCCs on the transition's last day (the dataset's 2022-12-27 is the first invalid day)",
            "2022-12-26",
            old_sccs_signed("2019-01-10"),
            &[],
        ),
        s(
            "old SCCs signed the day before the repeal took effect",
            "2021-10-01",
            old_sccs_signed("2021-09-26"),
            &[],
        ),
        s(
            "old SCCs signed on the day the repeal took effect",
            "2021-10-01",
            old_sccs_signed("2021-09-27"),
            &[(R::InvalidMechanism, S::Blocker)],
        ),
        s(
            "SCCs in 2019 need no documented TIA yet",
            "2019-05-01",
            one(vendor("Acme Inc.", at("US")), Role::Processor, sg(M::Scc)),
            &[],
        ),
        s(
            "SCCs 2021/914 named before their adoption",
            "2021-05-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                Safeguard {
                    instrument: Some("(EU) 2021/914".into()),
                    ..scc_with_tia()
                },
            ),
            &[(R::InvalidMechanism, S::Blocker)],
        ),
        // --- adequacy
        s(
            "US on DPF the day before the decision",
            "2023-07-09",
            one(us_dpf(), Role::Processor, sg(M::Dpf)),
            &[(R::AdequacyAbsent, S::Blocker)],
        ),
        s(
            "US on DPF from the decision",
            "2023-07-10",
            one(us_dpf(), Role::Processor, sg(M::Dpf)),
            &[],
        ),
        s(
            "US on adequacy, not DPF-certified",
            "2024-01-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[(R::AdequacyScopeUnverified, S::High)],
        ),
        s(
            "India claimed adequate",
            "2024-01-01",
            one(
                vendor("Infosys", at("IN")),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[(R::AdequacyAbsent, S::Blocker)],
        ),
        s(
            "Switzerland",
            "2024-01-01",
            one(
                vendor("Swiss AG", at("CH")),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[],
        ),
        s(
            "Canada without PIPEDA confirmed",
            "2024-01-01",
            one(
                vendor("Maple Corp.", at("CA")),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[(R::AdequacyScopeUnverified, S::High)],
        ),
        s(
            "Canada with PIPEDA confirmed",
            "2024-01-01",
            one(
                checked(
                    vendor("Maple Corp.", at("CA")),
                    AdequacyScope::PipedaSubject,
                    CheckOutcome::Inside,
                ),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[],
        ),
        s(
            "Japan before its decision",
            "2018-06-01",
            one(
                checked(
                    vendor("Nippon KK", at("JP")),
                    AdequacyScope::AppiPrivateSector,
                    CheckOutcome::Inside,
                ),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[(R::AdequacyAbsent, S::Blocker)],
        ),
        s(
            "Japan, APPI private sector confirmed",
            "2019-02-01",
            one(
                checked(
                    vendor("Nippon KK", at("JP")),
                    AdequacyScope::AppiPrivateSector,
                    CheckOutcome::Inside,
                ),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[],
        ),
        s(
            "Korea before its decision",
            "2021-12-16",
            one(
                checked(
                    vendor("Seoul Co.", at("KR")),
                    AdequacyScope::PipaSubject,
                    CheckOutcome::Inside,
                ),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[(R::AdequacyAbsent, S::Blocker)],
        ),
        s(
            "Brazil under its new decision, an LGPD recipient",
            "2026-02-01",
            one(
                checked(
                    vendor("São Paulo Ltda.", at("BR")),
                    AdequacyScope::LgpdSubject,
                    CheckOutcome::Inside,
                ),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[],
        ),
        s(
            "European Patent Organisation",
            "2025-08-01",
            one(
                vendor(
                    "EPO",
                    Location {
                        international_organisation: Some("EPO".into()),
                        ..at("DE")
                    },
                ),
                Role::Controller,
                sg(M::Adequacy),
            ),
            &[],
        ),
        s(
            "European Patent Organisation before its decision",
            "2025-07-01",
            one(
                vendor(
                    "EPO",
                    Location {
                        international_organisation: Some("EPO".into()),
                        ..at("DE")
                    },
                ),
                Role::Controller,
                sg(M::Adequacy),
            ),
            &[(R::AdequacyAbsent, S::Blocker)],
        ),
        Scenario {
            hypothesis: Some(Hypothesis::DecisionEnded {
                destination: Destination::Country(cc("US")),
                on: day("2026-01-01"),
            }),
            ..s(
                "US DPF struck down (hypothesis)",
                "2026-02-01",
                one(us_dpf(), Role::Processor, sg(M::Dpf)),
                &[(R::AdequacyEnded, S::Blocker)],
            )
        },
        // --- SCC modules, TIA, derogations
        s(
            "SCC module 1 for a controller → processor transfer",
            "2024-01-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                Safeguard {
                    scc_module: Some(SccModule::ControllerToController),
                    ..scc_with_tia()
                },
            ),
            &[(R::SccModuleMismatch, S::Medium)],
        ),
        s(
            "SCC module 2 for a controller → processor transfer",
            "2024-01-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                scc_with_tia(),
            ),
            &[],
        ),
        s(
            "SCC module 1 with a joint controller",
            "2024-01-01",
            one(
                vendor("Partner Inc.", at("US")),
                Role::JointController,
                Safeguard {
                    scc_module: Some(SccModule::ControllerToController),
                    ..scc_with_tia()
                },
            ),
            &[],
        ),
        s(
            "processor organisation using module 2 for its subprocessor",
            "2024-01-01",
            tweak(
                one(
                    vendor("Acme Inc.", at("US")),
                    Role::Processor,
                    scc_with_tia(),
                ),
                |r| {
                    r.activities[0].organisation_role = Role::Processor;
                    r.activities[0].client = Some(Named {
                        id: Id::new(),
                        name: "Client SA".into(),
                    });
                },
            ),
            &[(R::SccModuleMismatch, S::Medium)],
        ),
        s(
            "TIA dated after the as-of date",
            "2022-01-01",
            one(
                vendor("Acme Inc.", at("US")),
                Role::Processor,
                Safeguard {
                    tia: Some(tia("2023-01-01", None)),
                    ..scc_with_tia()
                },
            ),
            &[(R::TiaMissing, S::High)],
        ),
        s(
            "TIA concluding the protection is not essentially equivalent",
            "2024-01-01",
            one(
                vendor("Acme Inc.", at("CN")),
                Role::Processor,
                Safeguard {
                    tia: Some(Tia {
                        not_equivalent: true,
                        ..tia("2023-06-01", Some("2025-06-01"))
                    }),
                    ..scc_with_tia()
                },
            ),
            &[(R::TiaNegative, S::Blocker)],
        ),
        s(
            "negative TIA written after the as-of date is not yet known",
            "2023-01-01",
            one(
                vendor("Acme Inc.", at("CN")),
                Role::Processor,
                Safeguard {
                    tia: Some(Tia {
                        not_equivalent: true,
                        ..tia("2023-06-01", None)
                    }),
                    ..scc_with_tia()
                },
            ),
            &[(R::TiaMissing, S::High)],
        ),
        s(
            "BCR without a TIA",
            "2024-01-01",
            one(vendor("Group Ltd.", at("IN")), Role::Processor, sg(M::Bcr)),
            &[(R::TiaMissing, S::High)],
        ),
        s(
            "Art. 49 for a processor",
            "2024-01-01",
            one(vendor("Acme Inc.", at("US")), Role::Processor, sg(M::Art49)),
            &[(R::DerogationMisuse, S::High)],
        ),
        s(
            "Art. 49 for an occasional controller recipient",
            "2024-01-01",
            tweak(
                one(
                    vendor("Court agent", at("US")),
                    Role::Controller,
                    sg(M::Art49),
                ),
                |r| r.dpas.clear(),
            ),
            &[],
        ),
        s(
            "special data to a US processor under SCC + TIA",
            "2024-01-01",
            tweak(
                one(
                    vendor("Acme Inc.", at("US")),
                    Role::Processor,
                    scc_with_tia(),
                ),
                |r| r.activities[0].special_data = true,
            ),
            &[(R::SpecialDataThirdCountry, S::Medium)],
        ),
        s(
            "criminal data kept in the EEA",
            "2024-01-01",
            tweak(
                one(vendor("Beyond.pl", at("PL")), Role::Processor, sg(M::Eea)),
                |r| r.activities[0].criminal_data = true,
            ),
            &[],
        ),
        // --- onward transfers
        s(
            "US subprocessor with nothing on the list",
            "2024-01-01",
            via(
                "Vercom S.A.",
                "PL",
                vec![sub("Acme Inc.", at("US"), sg(M::Unknown))],
            ),
            &[(R::OnwardTransferUnsafeguarded, S::High)],
        ),
        s(
            "a subprocessor's subprocessor in the US",
            "2024-01-01",
            via(
                "Vercom S.A.",
                "PL",
                vec![Subprocessor {
                    subprocessors: vec![sub("Deep Inc.", at("US"), sg(M::DpaOnly))],
                    ..sub("Amazon Web Services EMEA SARL", at("LU"), sg(M::Eea))
                }],
            ),
            &[(R::OnwardTransferUnsafeguarded, S::High)],
        ),
        s(
            "an independent controller's processors are not followed",
            "2024-01-01",
            tweak(
                one(
                    Vendor {
                        subprocessors: vec![sub("Acme Inc.", at("US"), sg(M::Unknown))],
                        ..vendor("Bank SA", at("PL"))
                    },
                    Role::Controller,
                    sg(M::Eea),
                ),
                |r| r.dpas.clear(),
            ),
            &[],
        ),
        s(
            "special data reach a US subprocessor",
            "2024-01-01",
            tweak(
                via(
                    "Vercom S.A.",
                    "PL",
                    vec![sub("Acme Inc.", at("US"), scc_with_tia())],
                ),
                |r| r.activities[0].special_data = true,
            ),
            &[
                (R::SpecialDataThirdCountry, S::Medium),
                (R::SccModuleMismatch, S::Medium),
            ],
        ),
        // --- DPAs and list changes
        s(
            "processor without a DPA",
            "2024-01-01",
            tweak(
                one(vendor("Beyond.pl", at("PL")), Role::Processor, sg(M::Eea)),
                |r| r.dpas.clear(),
            ),
            &[(R::DpaMissing, S::High)],
        ),
        s(
            "DPA signed after the as-of date",
            "2011-06-01",
            one(vendor("Beyond.pl", at("PL")), Role::Processor, sg(M::Eea)),
            &[(R::DpaMissing, S::High)],
        ),
        s(
            "DPA missing two Art. 28(3) items",
            "2024-01-01",
            tweak(
                one(vendor("Beyond.pl", at("PL")), Role::Processor, sg(M::Eea)),
                |r| {
                    r.dpas[0].missing_items =
                        vec![Art28Item::Subprocessors, Art28Item::AuditsAndInformation];
                },
            ),
            &[(R::DpaIncomplete, S::Medium)],
        ),
        s(
            "DPA review overdue",
            "2024-01-01",
            tweak(
                one(vendor("Beyond.pl", at("PL")), Role::Processor, sg(M::Eea)),
                |r| r.dpas[0].next_review_on = Some(day("2023-12-31")),
            ),
            &[(R::DpaReviewOverdue, S::Low)],
        ),
        s(
            "list change past its objection deadline",
            "2024-01-20",
            tweak(
                one(vendor("Beyond.pl", at("PL")), Role::Processor, sg(M::Eea)),
                |r| {
                    let vendor_id = r.vendors[0].id;
                    r.pending_changes.push(PendingChange {
                        vendor_id,
                        received_on: Some(day("2024-01-01")),
                        object_by: day("2024-01-15"),
                    });
                },
            ),
            &[(R::ObjectionDeadlinePassed, S::Medium)],
        ),
        s(
            "list change still within its objection window",
            "2024-01-10",
            tweak(
                one(vendor("Beyond.pl", at("PL")), Role::Processor, sg(M::Eea)),
                |r| {
                    let vendor_id = r.vendors[0].id;
                    r.pending_changes.push(PendingChange {
                        vendor_id,
                        received_on: Some(day("2024-01-01")),
                        object_by: day("2024-01-15"),
                    });
                },
            ),
            &[],
        ),
        s(
            "one missing DPA for a vendor two activities use",
            "2024-01-01",
            tweak(
                one(vendor("Beyond.pl", at("PL")), Role::Processor, sg(M::Eea)),
                |r| {
                    r.dpas.clear();
                    let mut second = r.activities[0].clone();
                    second.id = Id::new();
                    second.name = "Newsletter".into();
                    r.activities.push(second);
                },
            ),
            &[(R::DpaMissing, S::High)],
        ),
    ]
    .into_iter()
    .chain(legal_review())
    .collect()
}

/// The exporter established in `country` instead of Poland.
fn from(country: &str, r: Register) -> Register {
    tweak(r, |r| r.organisation.country = Some(cc(country)))
}

/// A DPA naming `instrument` as its SCCs, signed on `signed`, with a TIA.
fn sccs_named(instrument: &str, signed: &str) -> Register {
    one(
        vendor("Acme Inc.", at("US")),
        Role::Processor,
        Safeguard {
            instrument: Some(instrument.into()),
            contract_signed_on: Some(day(signed)),
            ..scc_with_tia()
        },
    )
}

/// The classes an independent legal review found misjudged, each on both sides of its line,
/// written from the texts: Art. 45(1) and the DPF decision's Annex I (only listed
/// organisations), Art. 45(3) with the EEA Agreement's Art. 7 and JCD 154/2018 (a decision
/// binds Iceland, Liechtenstein and Norway once incorporated or applied there), Art. 44 (an
/// international organisation is a destination), 2010/87/EU Art. 7 and (EU) 2021/914 Art. 4.
fn legal_review() -> Vec<Scenario> {
    let us = |dpf| checked(vendor("Acme Inc.", at("US")), AdequacyScope::DpfListed, dpf);
    let brazil = || {
        checked(
            vendor("São Paulo Ltda.", at("BR")),
            AdequacyScope::LgpdSubject,
            CheckOutcome::Inside,
        )
    };
    let korea = || {
        checked(
            vendor("Seoul Co.", at("KR")),
            AdequacyScope::PipaSubject,
            CheckOutcome::Inside,
        )
    };
    let un = || {
        vendor(
            "UN agency",
            Location {
                international_organisation: Some("UN".into()),
                ..at("US")
            },
        )
    };
    vec![
        // DPF participation: certified, not certified, not checked.
        s(
            "DPF: certified on the list",
            "2024-06-01",
            one(us(CheckOutcome::Inside), Role::Processor, sg(M::Dpf)),
            &[],
        ),
        s(
            "DPF: nobody checked the list",
            "2024-06-01",
            one(us(CheckOutcome::NotChecked), Role::Processor, sg(M::Dpf)),
            &[(R::AdequacyScopeUnverified, S::High)],
        ),
        s(
            "DPF: checked and not on the list, relied on under the DPF",
            "2024-06-01",
            one(us(CheckOutcome::Outside), Role::Processor, sg(M::Dpf)),
            &[(R::OutsideAdequacyScope, S::Blocker)],
        ),
        s(
            "DPF: not on the list, relied on as adequacy",
            "2024-06-01",
            one(us(CheckOutcome::Outside), Role::Processor, sg(M::Adequacy)),
            &[(R::OutsideAdequacyScope, S::Blocker)],
        ),
        s(
            "DPF: not on the list, but under SCCs with a TIA",
            "2024-06-01",
            one(us(CheckOutcome::Outside), Role::Processor, scc_with_tia()),
            &[],
        ),
        s(
            "DPF: not on the list, before the DPF existed",
            "2023-07-09",
            one(us(CheckOutcome::Outside), Role::Processor, sg(M::Dpf)),
            &[(R::AdequacyAbsent, S::Blocker)],
        ),
        s(
            "DPF: a subprocessor known not to be on the list",
            "2024-06-01",
            emaillabs(cloudflare(CheckOutcome::Outside)),
            &[(R::OutsideAdequacyScope, S::Blocker)],
        ),
        // Every other scope condition has the same three states.
        s(
            "Canada: checked, not subject to PIPEDA",
            "2024-06-01",
            one(
                checked(
                    vendor("Provincial Agency", at("CA")),
                    AdequacyScope::PipedaSubject,
                    CheckOutcome::Outside,
                ),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[(R::OutsideAdequacyScope, S::Blocker)],
        ),
        s(
            "Japan: checked, not an APPI private-sector business",
            "2024-06-01",
            one(
                checked(
                    vendor("Tokyo Metropolitan Office", at("JP")),
                    AdequacyScope::AppiPrivateSector,
                    CheckOutcome::Outside,
                ),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[(R::OutsideAdequacyScope, S::Blocker)],
        ),
        s(
            "Japan: the APPI check is not the DPF's",
            "2024-06-01",
            one(
                checked(
                    vendor("Nippon KK", at("JP")),
                    AdequacyScope::DpfListed,
                    CheckOutcome::Inside,
                ),
                Role::Processor,
                sg(M::Adequacy),
            ),
            &[(R::AdequacyScopeUnverified, S::High)],
        ),
        // EEA EFTA exporters: a decision binds them once part of the EEA Agreement.
        s(
            "Brazil from Poland: the decision binds EU exporters",
            "2026-06-01",
            one(brazil(), Role::Processor, sg(M::Adequacy)),
            &[],
        ),
        s(
            "Brazil from Norway: not yet part of the EEA Agreement",
            "2026-06-01",
            from("NO", one(brazil(), Role::Processor, sg(M::Adequacy))),
            &[(R::AdequacyNotInEeaAgreement, S::Blocker)],
        ),
        s(
            "Brazil from Iceland under SCCs with a TIA",
            "2026-06-01",
            from("IS", one(brazil(), Role::Processor, scc_with_tia())),
            &[],
        ),
        s(
            "Korea from Iceland before the EEA Joint Committee decision",
            "2022-07-07",
            from("IS", one(korea(), Role::Processor, sg(M::Adequacy))),
            &[(R::AdequacyNotInEeaAgreement, S::Blocker)],
        ),
        s(
            "Korea from Iceland on the day of the EEA Joint Committee decision",
            "2022-07-08",
            from("IS", one(korea(), Role::Processor, sg(M::Adequacy))),
            &[],
        ),
        s(
            "Korea from Norway, which applied it from its EU date",
            "2022-01-10",
            from("NO", one(korea(), Role::Processor, sg(M::Adequacy))),
            &[],
        ),
        s(
            "Brazil reached by a Norwegian processor's subprocessor",
            "2026-06-01",
            via(
                "Nordic Hosting AS",
                "NO",
                vec![Subprocessor {
                    scope_checks: vec![scope_check(
                        AdequacyScope::LgpdSubject,
                        CheckOutcome::Inside,
                    )],
                    ..sub("São Paulo Ltda.", at("BR"), sg(M::Adequacy))
                }],
            ),
            &[(R::AdequacyNotInEeaAgreement, S::Blocker)],
        ),
        // International organisations are destinations of their own.
        s(
            "an international organisation without a decision, no tool",
            "2026-06-01",
            one(un(), Role::Controller, sg(M::Adequacy)),
            &[(R::AdequacyAbsent, S::Blocker)],
        ),
        s(
            "an international organisation without a decision, SCCs with a TIA",
            "2026-06-01",
            one(
                un(),
                Role::Controller,
                Safeguard {
                    scc_module: Some(SccModule::ControllerToController),
                    ..scc_with_tia()
                },
            ),
            &[],
        ),
        // The first controller-to-processor SCCs (2002/16/EC).
        s(
            "2002/16/EC signed before its repeal, in 2015",
            "2015-01-01",
            sccs_named("2002/16/EC", "2009-06-01"),
            &[],
        ),
        s(
            "2002/16/EC signed on the day its repeal took effect",
            "2015-01-01",
            sccs_named("2002/16/EC", "2010-05-15"),
            &[(R::InvalidMechanism, S::Blocker)],
        ),
        s(
            "2002/16/EC on the last day of the 2021 transition",
            "2022-12-26",
            sccs_named("2002/16/EC", "2009-06-01"),
            &[],
        ),
        s(
            "2002/16/EC after the 2021 transition",
            "2022-12-27",
            sccs_named("2002/16/EC", "2009-06-01"),
            &[(R::InvalidMechanism, S::Blocker)],
        ),
    ]
}

fn outcome(findings: &[Finding]) -> Vec<(RuleId, Severity)> {
    let mut got: Vec<_> = findings.iter().map(|f| (f.rule, f.severity)).collect();
    got.sort();
    got
}

#[test]
fn every_scenario_gives_exactly_its_findings() {
    let all = scenarios();
    assert!(all.len() >= 40, "only {} scenarios", all.len());
    let mut failures = Vec::new();
    for sc in &all {
        let ds = match &sc.hypothesis {
            Some(h) => DATASET.with(h),
            None => DATASET.clone(),
        };
        let findings = check(&ds, &sc.register, day(sc.as_of));
        let mut want = sc.expect.clone();
        want.sort();
        if outcome(&findings) != want {
            let found: Vec<_> = findings.iter().map(|f| (f.rule, &f.params)).collect();
            failures.push(format!(
                "{} ({}): expected {want:?}, got {:?}\n  {found:#?}",
                sc.name,
                sc.as_of,
                outcome(&findings)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

#[test]
fn findings_name_the_parties_and_keep_their_parameters() {
    let r = customer_alliance(false);
    let findings = check(&DATASET, &r, day("2024-06-01"));
    let f = &findings[0];
    assert_eq!(f.organisation.name, "Hotel Bałtyk Sp. z o.o.");
    assert_eq!(
        f.activity.as_ref().map(|a| a.name.as_str()),
        Some("Guest feedback")
    );
    assert_eq!(
        f.vendor.as_ref().map(|v| v.name.as_str()),
        Some("CA Customer Alliance GmbH")
    );
    assert_eq!(
        f.subprocessor.as_ref().map(|s| s.name.as_str()),
        Some("HubSpot, Inc.")
    );
    assert_eq!(f.destination.as_deref(), Some("US"));
    assert_eq!(f.params.get("mechanism").map(String::as_str), Some("scc"));
    assert_eq!(
        f.params.get("recorded_in").map(String::as_str),
        Some("user")
    );
    assert!(f.articles.contains(&"Art. 46(1)".to_string()));
    assert_eq!(
        f.params.get("vendor").map(String::as_str),
        Some("CA Customer Alliance GmbH")
    );
    assert_eq!(
        f.params.get("recipient").map(String::as_str),
        Some("HubSpot, Inc.")
    );
    assert!(
        f.params
            .get("source")
            .is_some_and(|s| s.starts_with("https://")),
        "{:?}",
        f.params
    );
}

#[test]
fn privacy_shield_finding_names_the_judgment() {
    let findings = check(&DATASET, &elearning_privacy_shield(), day("2020-08-01"));
    let f = &findings[0];
    assert_eq!(
        f.params.get("invalid_from").map(String::as_str),
        Some("2020-07-16")
    );
    assert!(
        f.params.values().any(|v| v.contains("C-311/18")),
        "{:?}",
        f.params
    );
}

#[test]
fn findings_are_sorted_most_severe_first_and_summarised() {
    let mut r = customer_alliance(false);
    r.dpas.clear();
    r.activities[0].special_data = true;
    let findings = check(&DATASET, &r, day("2024-06-01"));
    assert!(findings.windows(2).all(|w| w[0].severity >= w[1].severity));
    let counts = summary(&findings);
    assert_eq!(
        (
            counts.blocker,
            counts.high,
            counts.medium,
            counts.low,
            counts.info
        ),
        (0, 7, 7, 0, 0)
    );
    assert!(Severity::Blocker > Severity::High && Severity::Low > Severity::Info);
}

#[test]
fn what_if_lists_what_would_lose_its_basis() {
    let mut r = one(
        checked(
            vendor("Zoom Video Communications", at("US")),
            AdequacyScope::DpfListed,
            CheckOutcome::Inside,
        ),
        Role::Processor,
        sg(M::Dpf),
    );
    let processing = Named {
        id: Id::new(),
        name: "Client SA".into(),
    };
    r.activities[0].client = Some(processing.clone());
    // A second activity on SCCs is not touched by the end of the DPF.
    let scc_vendor = vendor("Acme Inc.", at("US"));
    let mut scc_activity = activity("Payroll");
    scc_activity.uses.push(VendorUse {
        vendor_id: scc_vendor.id,
        role: Role::Processor,
        safeguard: scc_with_tia(),
    });
    r.dpas.push(DpaFacts {
        vendor_id: scc_vendor.id,
        ..DpaFacts::default()
    });
    r.vendors.push(scc_vendor);
    r.activities.push(scc_activity);

    let hypothesis = Hypothesis::DecisionEnded {
        destination: Destination::Country(cc("US")),
        on: day("2026-09-01"),
    };
    let result = what_if(&DATASET, &r, day("2026-10-01"), &[hypothesis]);
    assert_eq!(
        outcome(&result.findings),
        vec![(R::AdequacyEnded, S::Blocker)]
    );
    assert_eq!(
        result
            .activities
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        vec!["Guest feedback"]
    );
    assert_eq!(result.clients, vec![processing]);
    assert_eq!(
        result
            .vendors
            .iter()
            .map(|v| v.name.as_str())
            .collect::<Vec<_>>(),
        vec!["Zoom Video Communications"]
    );
    assert_eq!(
        result.findings[0].params.get("ends_on").map(String::as_str),
        Some("2026-08-31")
    );
    // Before the hypothetical date nothing is lost.
    let before = what_if(
        &DATASET,
        &r,
        day("2026-08-31"),
        &[Hypothesis::DecisionEnded {
            destination: Destination::Country(cc("US")),
            on: day("2026-09-01"),
        }],
    );
    assert!(before.findings.is_empty());
}

#[test]
fn what_if_the_2021_sccs_fell() {
    let r = customer_alliance(true);
    let result = what_if(
        &DATASET,
        &r,
        day("2025-01-01"),
        &[Hypothesis::InstrumentInvalidated {
            reference: "(EU) 2021/914".into(),
            on: day("2024-12-01"),
        }],
    );
    assert_eq!(
        outcome(&result.findings),
        vec![(R::InvalidMechanism, S::Blocker); 6]
    );
    assert_eq!(
        Dataset::builtin()
            .with_decision_ended(&Destination::Country(cc("US")), day("2026-01-01"))
            .adequacy
            .len(),
        DATASET.adequacy.len()
    );
}

/// A typo in a what-if must not read as an all-clear: what the dataset does not hold is
/// refused, with the closest it does; every way of writing a known one is accepted.
#[test]
fn a_what_if_naming_what_the_dataset_does_not_hold_is_refused() {
    let on = day("2026-01-01");
    let invalid = |reference: &str| Hypothesis::InstrumentInvalidated {
        reference: reference.into(),
        on,
    };
    let ended = |code: &str| Hypothesis::DecisionEnded {
        destination: Destination::Country(cc(code)),
        on,
    };
    for known in [
        "(EU) 2021/914",
        "2021/914",
        "Decision 2010/87/EU",
        "2016/1250",
        "2000/520/EC",
        "(EU) 2023/1795",
    ] {
        assert_eq!(DATASET.knows(&invalid(known)), Ok(()), "{known}");
    }
    for code in ["US", "GB", "JP", "CH"] {
        assert_eq!(DATASET.knows(&ended(code)), Ok(()), "{code}");
    }
    let typo = DATASET
        .knows(&invalid("2021/9144"))
        .unwrap_err()
        .to_string();
    assert!(
        typo.contains("“2021/9144”") && typo.contains("2021/914 ("),
        "{typo}"
    );
    let unknown = DATASET.knows(&invalid("2099/1")).unwrap_err();
    assert!(
        matches!(&unknown, dpadesk_transfer::UnknownHypothesis::Instrument { closest, .. } if closest.len() == 3)
    );
    for code in ["AU", "CN", "IN"] {
        let none = DATASET.knows(&ended(code)).unwrap_err().to_string();
        assert!(
            none.contains(&format!("adequacy decision for {code}")),
            "{none}"
        );
    }
    assert!(
        DATASET
            .knows(&ended("AU"))
            .unwrap_err()
            .to_string()
            .contains("AR (Argentina)"),
        "the nearest code with a decision is offered"
    );
}

/// An EEA recipient reached from a third country is marked as remote access (the finding
/// then says the data are accessed from there); one established there is not.
#[test]
fn remote_access_is_told_apart_from_data_sent_there() {
    let access = |location: Location| {
        let r = emaillabs(sub("Help Desk Ltd", location, sg(M::Eea)));
        let findings = check(&DATASET, &r, day("2025-01-15"));
        let on_help: Vec<_> = findings
            .iter()
            .filter(|f| f.destination.as_deref() == Some("US"))
            .map(|f| f.params.get("access").cloned())
            .collect();
        assert!(!on_help.is_empty(), "{findings:?}");
        on_help
    };
    let remote = access(Location {
        remote_access_from: vec![cc("US")],
        ..at("DE")
    });
    assert!(remote.iter().all(|a| a.as_deref() == Some("remote")));
    let sent = access(at("US"));
    assert!(sent.iter().all(Option::is_none));
}
