//! A finding's explanation and remedy in one of the six languages, built from its rule and
//! parameters: the only place findings are worded (the CLI, the window and the PDFs all get
//! their text from here). Codes in the parameters (tools, roles, scopes, dates, countries,
//! Art. 28 items) are written out as words of that language.

use crate::Lang;
use crate::wording::Words;
use chrono::NaiveDate;
use dpadesk_model::serde_name;
use dpadesk_transfer::{Finding, HYPOTHESIS_REASON, RuleId};
use std::collections::BTreeMap;

type Params = BTreeMap<String, String>;

struct Text<'a> {
    w: &'a Words,
    p: &'a Params,
}

impl Text<'_> {
    fn param(&self, key: &str) -> String {
        self.p.get(key).cloned().unwrap_or_default()
    }

    /// The label `prefix + value`, if the labels have one.
    fn label(&self, prefix: &str, value: &str) -> Option<String> {
        if value.is_empty() {
            return None;
        }
        let key = format!("{prefix}{value}");
        let label = self.w.get(&key);
        (label != key).then(|| label.to_string())
    }

    /// The label `prefix + value` when there is one, else the value itself.
    fn word(&self, prefix: &str, value: &str) -> String {
        self.label(prefix, value)
            .unwrap_or_else(|| value.to_string())
    }

    fn date(&self, key: &str) -> String {
        let raw = self.param(key);
        raw.parse::<NaiveDate>()
            .map(|d| self.w.date(d))
            .unwrap_or(raw)
    }

    fn country(&self, key: &str) -> String {
        let code = self.param(key);
        if code.len() == 2 {
            self.w.country(&code)
        } else {
            code
        }
    }

    fn mechanism(&self) -> String {
        self.word("mechanism.", &self.param("mechanism"))
    }

    fn role(&self, key: &str) -> String {
        self.word("findingRole.", &self.param(key))
    }

    /// "Mailer Inc (United States)", with "subprocessor of Vendor" for an onward hop, or
    /// "Euro Desk GmbH, which accesses them from United States" for remote access.
    fn to(&self) -> String {
        let (recipient, destination, vendor) = (
            self.param("recipient"),
            self.country("destination"),
            self.param("vendor"),
        );
        let values = [
            ("recipient", recipient.as_str()),
            ("destination", destination.as_str()),
            ("vendor", vendor.as_str()),
        ];
        let onward = self.p.contains_key("vendor") && self.p.contains_key("subprocessor");
        let remote = self.param("access") == "remote";
        let key = match (onward, remote) {
            (true, true) => "finding.toSubprocessorRemote",
            (true, false) => "finding.toSubprocessor",
            (false, true) => "finding.toRemote",
            (false, false) => "finding.to",
        };
        self.w.fill(key, &values)
    }

    fn sensitive_data(&self) -> &'static str {
        let kind = self.param("data");
        let (special, criminal) = (kind.contains("special"), kind.contains("criminal"));
        self.w.get(match (special, criminal) {
            (true, true) => "findingData.both",
            (false, true) => "findingData.criminal",
            _ => "findingData.special",
        })
    }

    /// Why the instrument no longer serves: translated for the instruments the labels know,
    /// else the dataset's words without their full stop (the sentence goes on after them).
    fn reason(&self) -> String {
        let reason = self.param("reason");
        if reason == HYPOTHESIS_REASON {
            return self.w.get("finding.reason.hypothesis").to_string();
        }
        self.label("invalidReason.", &self.param("reference"))
            .unwrap_or_else(|| reason.trim_end().trim_end_matches('.').to_string())
    }

    /// The instrument's name in the language when the labels know it, else the dataset's.
    fn instrument(&self) -> String {
        self.label("instrument.", &self.param("reference"))
            .unwrap_or_else(|| self.param("instrument_name"))
    }

    /// When and where the user checked the recipient's scope, as a clause ("" if unsaid).
    fn checked(&self) -> String {
        let (on, at) = (self.date("checked_on"), self.param("checked_at"));
        match (on.is_empty(), at.is_empty()) {
            (true, true) => String::new(),
            (false, true) => self.w.fill("finding.checked.on", &[("on", &on)]),
            (true, false) => self.w.fill("finding.checked.at", &[("at", &at)]),
            (false, false) => self
                .w
                .fill("finding.checked.on_at", &[("on", &on), ("at", &at)]),
        }
    }

    fn missing_items(&self) -> String {
        self.param("missing_items")
            .split(',')
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .map(|i| self.word("art28.", i))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The key of the rule's sentence and its values.
    fn body(&self, rule: RuleId) -> (&'static str, Vec<(&'static str, String)>) {
        let to = ("to", self.to());
        let name = ("recipient", self.param("recipient"));
        let p = |key: &str| self.param(key);
        match rule {
            RuleId::NoMechanism if self.p.contains_key("instrument") => (
                "finding.no_mechanism.instrument",
                vec![to, ("instrument", p("instrument"))],
            ),
            RuleId::NoMechanism => (
                "finding.no_mechanism",
                vec![to, ("mechanism", self.mechanism())],
            ),
            RuleId::InvalidMechanism => {
                let base = vec![
                    to,
                    ("instrument", self.instrument()),
                    ("reference", p("reference")),
                ];
                match p("state").as_str() {
                    "new_contract" => (
                        "finding.invalid_mechanism.new_contract",
                        [
                            base,
                            vec![
                                ("signed", self.date("contract_signed_on")),
                                ("cutoff", self.date("new_contracts_invalid_from")),
                            ],
                        ]
                        .concat(),
                    ),
                    "not_yet_adopted" => (
                        "finding.invalid_mechanism.not_yet_adopted",
                        [base, vec![("adopted", self.date("adopted_on"))]].concat(),
                    ),
                    _ => (
                        "finding.invalid_mechanism",
                        [
                            base,
                            vec![
                                ("since", self.date("invalid_from")),
                                ("reason", self.reason()),
                            ],
                        ]
                        .concat(),
                    ),
                }
            }
            RuleId::AdequacyAbsent if self.p.contains_key("adopted_on") => (
                "finding.adequacy_absent.later",
                vec![
                    to,
                    ("reference", p("reference")),
                    ("adopted", self.date("adopted_on")),
                ],
            ),
            RuleId::AdequacyAbsent => (
                "finding.adequacy_absent",
                vec![to, ("destination", self.country("destination"))],
            ),
            RuleId::AdequacyEnded => (
                "finding.adequacy_ended",
                vec![
                    to,
                    ("reference", p("reference")),
                    ("ended", self.date("ends_on")),
                ],
            ),
            RuleId::AdequacyScopeUnverified => (
                "finding.adequacy_scope_unverified",
                vec![
                    to,
                    ("reference", p("reference")),
                    ("scope", self.word("adequacyScope.", &p("scope"))),
                ],
            ),
            RuleId::OutsideAdequacyScope => (
                if p("scope") == "dpf_listed" {
                    "finding.outside_adequacy_scope.dpf"
                } else {
                    "finding.outside_adequacy_scope"
                },
                vec![
                    to,
                    ("reference", p("reference")),
                    ("scope", self.word("adequacyScope.", &p("scope"))),
                    ("checked", self.checked()),
                ],
            ),
            RuleId::AdequacyNotInEeaAgreement => (
                if self.p.contains_key("eea_incorporated_on") {
                    "finding.adequacy_not_in_eea_agreement.from"
                } else {
                    "finding.adequacy_not_in_eea_agreement"
                },
                vec![
                    to,
                    ("reference", p("reference")),
                    ("exporter_country", self.country("exporter_country")),
                    ("from", self.date("eea_incorporated_on")),
                ],
            ),
            RuleId::DecisionUnverified => (
                "finding.decision_unverified",
                vec![
                    to,
                    ("reference", p("reference")),
                    (
                        "note",
                        p("verify_note")
                            .trim_end()
                            .trim_end_matches('.')
                            .to_string(),
                    ),
                ],
            ),
            RuleId::SccModuleMismatch => (
                "finding.scc_module_mismatch",
                vec![
                    to,
                    ("module", p("module")),
                    ("expected", p("expected_module")),
                    ("reference", p("reference")),
                    ("exporter", self.role("exporter_role")),
                    ("importer", self.role("importer_role")),
                ],
            ),
            RuleId::TiaMissing => (
                "finding.tia_missing",
                vec![to, ("mechanism", self.mechanism())],
            ),
            RuleId::TiaOverdue => (
                "finding.tia_overdue",
                vec![to, ("due", self.date("re_evaluate_on"))],
            ),
            RuleId::TiaNegative => (
                "finding.tia_negative",
                vec![
                    to,
                    ("assessed", self.date("done_on")),
                    ("mechanism", self.mechanism()),
                ],
            ),
            RuleId::DerogationMisuse => (
                "finding.derogation_misuse",
                vec![to, ("role", self.role("importer_role"))],
            ),
            RuleId::SpecialDataThirdCountry => (
                "finding.special_data_third_country",
                vec![to, ("data", self.sensitive_data().to_string())],
            ),
            RuleId::OnwardTransferUnsafeguarded => (
                "finding.onward_transfer_unsafeguarded",
                vec![to, ("mechanism", self.mechanism())],
            ),
            RuleId::DestinationUnknown => ("finding.destination_unknown", vec![name]),
            RuleId::DpaMissing => (
                "finding.dpa_missing",
                vec![
                    name,
                    ("organisation", p("organisation")),
                    ("activities", p("activities")),
                ],
            ),
            RuleId::DpaIncomplete => (
                "finding.dpa_incomplete",
                vec![
                    name,
                    ("count", p("missing_count")),
                    ("items", self.missing_items()),
                ],
            ),
            RuleId::DpaReviewOverdue => (
                "finding.dpa_review_overdue",
                vec![name, ("due", self.date("next_review_on"))],
            ),
            RuleId::ObjectionDeadlinePassed if self.p.contains_key("received_on") => (
                "finding.objection_deadline_passed",
                vec![
                    name,
                    ("received", self.date("received_on")),
                    ("deadline", self.date("object_by")),
                ],
            ),
            RuleId::ObjectionDeadlinePassed => (
                "finding.objection_deadline_passed.undated",
                vec![name, ("deadline", self.date("object_by"))],
            ),
        }
    }
}

fn fill(w: &Words, key: &str, values: &[(&'static str, String)]) -> String {
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    w.fill(key, &pairs)
}

/// Upper-cases the first letter of a sentence.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words each finding in `lang`: its `message` and `remedy`.
pub fn word_findings(findings: &mut [Finding], lang: Lang) {
    let w = Words::new(lang);
    for f in findings {
        f.message = message(&w, f);
        f.remedy = remedy(&w, f);
    }
}

/// What the finding says, in the document's language.
pub fn message(w: &Words, f: &Finding) -> String {
    let t = Text { w, p: &f.params };
    let (key, values) = t.body(f.rule);
    let text = fill(w, key, &values);
    // A sentence opening on a vendor's name keeps the name as written.
    let opens_on_name = w.get(key).starts_with("{recipient}");
    let mut out = match f.params.get("activity") {
        Some(activity) => w.fill("finding.scope", &[("activity", activity), ("text", &text)]),
        None if opens_on_name => text,
        None => sentence(&text),
    };
    if let Some(source) = f.params.get("source").filter(|s| !s.is_empty()) {
        out.push(' ');
        out.push_str(&w.fill("finding.source", &[("source", source)]));
    }
    out
}

/// What to do about it, in the document's language.
pub fn remedy(w: &Words, f: &Finding) -> String {
    let t = Text { w, p: &f.params };
    let recipient = t.param("recipient");
    let r = ("recipient", recipient.as_str());
    match f.rule {
        RuleId::OnwardTransferUnsafeguarded => w.fill("remedy.no_mechanism", &[r]),
        RuleId::AdequacyEnded => w.fill("remedy.adequacy_absent", &[r]),
        RuleId::AdequacyScopeUnverified if t.param("scope") == "dpf_listed" => {
            w.fill("remedy.adequacy_scope_unverified.dpf", &[r])
        }
        RuleId::OutsideAdequacyScope if t.param("scope") == "dpf_listed" => {
            w.fill("remedy.outside_adequacy_scope.dpf", &[r])
        }
        RuleId::AdequacyNotInEeaAgreement => w.fill(
            "remedy.adequacy_not_in_eea_agreement",
            &[r, ("exporter_country", &t.country("exporter_country"))],
        ),
        RuleId::SccModuleMismatch => w.fill(
            "remedy.scc_module_mismatch",
            &[r, ("module", &t.param("expected_module"))],
        ),
        RuleId::TiaMissing => w.fill(
            "remedy.tia_missing",
            &[r, ("destination", &t.country("destination"))],
        ),
        rule => w.fill(&format!("remedy.{}", serde_name(&rule)), &[r]),
    }
}

/// Where the transfer tool of the finding was read from, if the checker says.
pub fn recorded_in(w: &Words, f: &Finding) -> String {
    let t = Text { w, p: &f.params };
    t.word("recordedIn.", &t.param("recorded_in"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpadesk_transfer::{Named, Severity};

    fn finding(rule: RuleId, params: &[(&str, &str)]) -> Finding {
        Finding {
            rule,
            severity: Severity::High,
            organisation: Named {
                id: dpadesk_model::Id::new(),
                name: "Acme".into(),
            },
            activity: None,
            client: None,
            vendor: None,
            subprocessor: None,
            chain: Vec::new(),
            destination: Some("US".into()),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            articles: Vec::new(),
            message: String::new(),
            remedy: String::new(),
        }
    }

    const HOP: [(&str, &str); 4] = [
        ("organisation", "Acme"),
        ("recipient", "Mailer Inc"),
        ("vendor", "Mailer Inc"),
        ("destination", "US"),
    ];

    /// A finding on the usual hop, with `extra` parameters added or replacing the hop's.
    fn on_hop(rule: RuleId, extra: &[(&str, &str)]) -> Finding {
        let mut params: Vec<(&str, &str)> = HOP
            .iter()
            .filter(|(k, _)| !extra.iter().any(|(e, _)| e == k))
            .copied()
            .collect();
        params.extend_from_slice(extra);
        finding(rule, &params)
    }

    /// Every rule with the parameters the checker gives it (`dpadesk_transfer`'s judge and check).
    fn every_rule() -> Vec<Finding> {
        use RuleId::*;
        vec![
            on_hop(
                NoMechanism,
                &[("mechanism", "dpa_only"), ("recorded_in", "dpa")],
            ),
            on_hop(
                NoMechanism,
                &[("mechanism", "scc"), ("instrument", "2099/1/EU")],
            ),
            on_hop(
                InvalidMechanism,
                &[
                    ("state", "invalidated"),
                    ("instrument_name", "EU-US Privacy Shield"),
                    ("reference", "(EU) 2016/1250"),
                    ("invalid_from", "2020-07-16"),
                    ("reason", "CJEU C-311/18"),
                    ("source", "https://curia.europa.eu"),
                ],
            ),
            on_hop(
                InvalidMechanism,
                &[
                    ("state", "new_contract"),
                    ("instrument_name", "Old SCCs"),
                    ("reference", "2010/87/EU"),
                    ("contract_signed_on", "2021-10-01"),
                    ("new_contracts_invalid_from", "2021-09-27"),
                ],
            ),
            on_hop(
                InvalidMechanism,
                &[
                    ("state", "not_yet_adopted"),
                    ("instrument_name", "SCCs 2021"),
                    ("reference", "(EU) 2021/914"),
                    ("adopted_on", "2021-06-04"),
                ],
            ),
            on_hop(AdequacyAbsent, &[("destination", "IN")]),
            on_hop(
                AdequacyAbsent,
                &[
                    ("destination", "BR"),
                    ("reference", "(EU) 2026/179"),
                    ("adopted_on", "2026-01-20"),
                ],
            ),
            on_hop(
                AdequacyEnded,
                &[
                    ("destination", "GB"),
                    ("reference", "(EU) 2021/1772"),
                    ("ends_on", "2025-12-27"),
                ],
            ),
            on_hop(
                AdequacyScopeUnverified,
                &[
                    ("destination", "CA"),
                    ("reference", "2002/2/EC"),
                    ("scope", "pipeda_subject"),
                ],
            ),
            on_hop(
                DecisionUnverified,
                &[
                    ("reference", "(EU) 2026/179"),
                    ("verify_note", "Check the OJ reference."),
                ],
            ),
            on_hop(
                SccModuleMismatch,
                &[
                    ("module", "1"),
                    ("expected_module", "2"),
                    ("exporter_role", "controller"),
                    ("importer_role", "processor"),
                    ("reference", "(EU) 2021/914"),
                ],
            ),
            on_hop(
                TiaMissing,
                &[("mechanism", "scc"), ("activity", "Newsletter")],
            ),
            on_hop(TiaOverdue, &[("re_evaluate_on", "2024-01-31")]),
            on_hop(
                TiaNegative,
                &[("mechanism", "bcr"), ("done_on", "2024-05-02")],
            ),
            on_hop(DerogationMisuse, &[("importer_role", "processor")]),
            on_hop(
                SpecialDataThirdCountry,
                &[("data", "special-category and criminal-offence")],
            ),
            on_hop(
                OnwardTransferUnsafeguarded,
                &[
                    ("recipient", "Cloud Corp"),
                    ("subprocessor", "Cloud Corp"),
                    ("destination", "IN"),
                    ("mechanism", "unknown"),
                ],
            ),
            finding(
                DestinationUnknown,
                &[("organisation", "Acme"), ("recipient", "Group Co")],
            ),
            on_hop(DpaMissing, &[("activities", "Newsletter, Payroll")]),
            on_hop(
                DpaIncomplete,
                &[
                    ("missing_count", "2"),
                    ("missing_items", "security, audits_and_information"),
                ],
            ),
            on_hop(DpaReviewOverdue, &[("next_review_on", "2024-06-30")]),
            on_hop(
                ObjectionDeadlinePassed,
                &[("received_on", "2024-02-01"), ("object_by", "2024-03-02")],
            ),
            on_hop(ObjectionDeadlinePassed, &[("object_by", "2024-03-02")]),
            on_hop(
                OutsideAdequacyScope,
                &[
                    ("reference", "(EU) 2023/1795"),
                    ("scope", "dpf_listed"),
                    ("checked_on", "2026-11-02"),
                    ("checked_at", "https://www.dataprivacyframework.gov/list"),
                ],
            ),
            on_hop(
                OutsideAdequacyScope,
                &[
                    ("destination", "CA"),
                    ("reference", "2002/2/EC"),
                    ("scope", "pipeda_subject"),
                ],
            ),
            on_hop(
                AdequacyNotInEeaAgreement,
                &[
                    ("destination", "BR"),
                    ("reference", "(EU) 2026/179"),
                    ("exporter_country", "NO"),
                ],
            ),
            on_hop(
                AdequacyNotInEeaAgreement,
                &[
                    ("destination", "KR"),
                    ("reference", "(EU) 2022/254"),
                    ("exporter_country", "IS"),
                    ("eea_incorporated_on", "2022-07-08"),
                ],
            ),
        ]
    }

    fn on(d: &str) -> String {
        Words::new(Lang::En).date(d.parse().expect("date"))
    }

    #[test]
    fn every_rule_has_a_whole_sentence_and_remedy_in_every_language() {
        for lang in Lang::ALL {
            let mut findings = every_rule();
            word_findings(&mut findings, lang);
            for f in &findings {
                let what = format!("{lang:?} {:?}", f.rule);
                for text in [&f.message, &f.remedy] {
                    assert!(
                        !text.contains('{')
                            && !text.contains("finding.")
                            && !text.contains("remedy."),
                        "{what}: {text}"
                    );
                }
                assert!(
                    f.message.contains(&f.params["recipient"]),
                    "{what}: {}",
                    f.message
                );
                // Only the remedy of an unconfirmed decision is about the dataset, not the recipient.
                if f.rule != RuleId::DecisionUnverified {
                    assert!(
                        f.remedy.contains(&f.params["recipient"]),
                        "{what}: {}",
                        f.remedy
                    );
                }
                let first = f.message.chars().next().expect("a message");
                assert!(!first.is_lowercase(), "{what}: {}", f.message);
            }
        }
    }

    #[test]
    fn english_sentences_are_built_from_the_parameters() {
        let en = Words::new(Lang::En);
        let all = every_rule();
        assert_eq!(
            message(&en, &all[2]),
            format!(
                "Data go to Mailer Inc (United States) under EU-US Privacy Shield ((EU) 2016/1250), which no transfer may rely on since {}: Invalidated by the CJEU in C-311/18 (Schrems II) (Art. 44). Source: https://curia.europa.eu",
                on("2020-07-16")
            )
        );
        assert!(
            message(&en, &all[11])
                .starts_with("In “Newsletter”: data go to Mailer Inc (United States) under")
        );
        let expect = [
            (1, "relying on “2099/1/EU”, which the reference dataset does not know".to_string()),
            (3, format!("concluded on {}: no new contract may use them from {}", on("2021-10-01"), on("2021-09-27"))),
            (4, format!("which was adopted only on {}", on("2021-06-04"))),
            (5, "no adequacy decision covers India".into()),
            (6, format!("the decision (EU) 2026/179 applies only from {}", on("2026-01-20"))),
            (21, format!("received on {}", on("2024-02-01"))),
            (8, "which covers only organisations subject to PIPEDA".into()),
            (10, "(exporter: controller, importer: processor) call for module 2".into()),
            (16, "The onward transfer to Cloud Corp (India; subprocessor of Mailer Inc) has no Chapter V tool".into()),
            (9, ": Check the OJ reference (Art. 45).".into()),
            (19, "(c) Security measures under Art. 32; (h) Information and audits".into()),
        ];
        for (i, part) in expect {
            let text = message(&en, &all[i]);
            assert!(text.contains(&part), "{i}: {text}");
        }
        assert!(!message(&en, &all[22]).contains("received on"));
        // An instrument the labels do not know keeps the dataset's words, without their full stop.
        let mut unknown = all[2].clone();
        for (key, value) in [
            ("reference", "2099/2/EU"),
            ("instrument_name", "Future clauses"),
            ("reason", "Annulled in C-1/99."),
        ] {
            unknown.params.insert(key.into(), value.into());
        }
        let text = message(&en, &unknown);
        assert!(
            text.contains("under Future clauses (2099/2/EU)") && text.contains("C-1/99 (Art. 44)."),
            "{text}"
        );
        assert!(message(&en, &all[15]).starts_with(
            "Special categories of personal data and data relating to criminal convictions"
        ));
        assert_eq!(
            remedy(&en, &all[10]),
            "Sign module 2 with Mailer Inc, matching the parties' roles."
        );
        assert_eq!(recorded_in(&en, &all[0]), "the data processing agreement");
        assert_eq!(recorded_in(&en, &all[1]), "");
    }

    #[test]
    fn a_recipient_known_outside_the_scope_and_a_decision_not_yet_in_the_eea_say_so() {
        let en = Words::new(Lang::En);
        let all = every_rule();
        let n = all.len();
        let dpf = message(&en, &all[n - 4]);
        assert!(
            dpf.contains(&format!(
                "was checked on {} (https://www.dataprivacyframework.gov/list) and is not on the DPF list",
                on("2026-11-02")
            )),
            "{dpf}"
        );
        assert!(remedy(&en, &all[n - 4]).contains("SCCs with a TIA"));
        let canada = message(&en, &all[n - 3]);
        assert!(
            canada.contains("this recipient was checked and is not among them"),
            "{canada}"
        );
        let brazil = message(&en, &all[n - 2]);
        assert!(
            brazil.contains(
                "not yet part of the EEA Agreement: it does not bind an exporter in Norway"
            ),
            "{brazil}"
        );
        let korea = message(&en, &all[n - 1]);
        assert!(
            korea.contains(&format!("only from {}", on("2022-07-08"))) && korea.contains("Iceland"),
            "{korea}"
        );
        assert!(remedy(&en, &all[n - 1]).starts_with("From Iceland, transfer to Mailer Inc"));
    }

    #[test]
    fn remote_access_says_the_data_are_accessed_from_there() {
        let remote = on_hop(
            RuleId::NoMechanism,
            &[
                ("recipient", "Euro Desk GmbH"),
                ("vendor", "Euro Desk GmbH"),
                ("mechanism", "eea"),
                ("access", "remote"),
            ],
        );
        let en = message(&Words::new(Lang::En), &remote);
        assert!(
            en.starts_with(
                "Data go to Euro Desk GmbH, which accesses them from United States with no"
            ),
            "{en}"
        );
        let onward = on_hop(
            RuleId::OnwardTransferUnsafeguarded,
            &[
                ("recipient", "Help Ltd"),
                ("subprocessor", "Help Ltd"),
                ("mechanism", "eea"),
                ("access", "remote"),
            ],
        );
        assert!(message(&Words::new(Lang::En), &onward).contains(
            "Help Ltd (subprocessor of Mailer Inc), which accesses them from United States"
        ));
        let sent = on_hop(
            RuleId::NoMechanism,
            &[
                ("recipient", "Euro Desk GmbH"),
                ("vendor", "Euro Desk GmbH"),
                ("mechanism", "eea"),
            ],
        );
        for lang in Lang::ALL {
            let w = Words::new(lang);
            let text = message(&w, &remote);
            assert!(
                !text.contains('{') && text != message(&w, &sent),
                "{lang:?}: {text}"
            );
        }
    }

    #[test]
    fn known_instruments_are_named_and_explained_in_the_language() {
        let all = every_rule();
        let de = message(&Words::new(Lang::De), &all[2]);
        assert!(
            de.contains("auf Grundlage von EU-US Privacy Shield"),
            "{de}"
        );
        assert!(
            de.contains("C-311/18 (Schrems II) für ungültig erklärt"),
            "{de}"
        );
        let fr = message(&Words::new(Lang::Fr), &all[3]);
        assert!(
            fr.contains("clauses contractuelles types pour les transferts vers des sous-traitants"),
            "{fr}"
        );
        assert!(!fr.contains("Old SCCs"), "{fr}");
    }

    #[test]
    fn a_name_opening_the_sentence_keeps_its_case() {
        let lower = on_hop(
            RuleId::DpaMissing,
            &[("recipient", "eBay"), ("activities", "Shop")],
        );
        let text = message(&Words::new(Lang::En), &lower);
        assert!(
            text.starts_with("eBay processes personal data for Acme (Shop)"),
            "{text}"
        );
    }

    #[test]
    fn the_what_if_hypothesis_is_worded_in_the_language() {
        let f = on_hop(
            RuleId::InvalidMechanism,
            &[
                ("state", "invalidated"),
                ("instrument_name", "SCCs"),
                ("reference", "(EU) 2021/914"),
                ("invalid_from", "2025-03-01"),
                ("reason", HYPOTHESIS_REASON),
            ],
        );
        assert!(
            message(&Words::new(Lang::En), &f)
                .contains(": the hypothesis you are testing (Art. 44)")
        );
        assert!(message(&Words::new(Lang::Fr), &f).contains("l’hypothèse que vous testez"));
    }

    #[test]
    fn messages_are_translated_with_their_values() {
        let f = finding(
            RuleId::TiaMissing,
            &[
                ("recipient", "Mailer Inc"),
                ("destination", "US"),
                ("mechanism", "scc"),
                ("activity", "Newsletter"),
            ],
        );
        let pl = Words::new(Lang::Pl);
        let text = message(&pl, &f);
        assert!(text.contains("Mailer Inc (Stany Zjednoczone)"), "{text}");
        assert!(text.contains("Newsletter"), "{text}");
        assert!(!text.contains('{'), "{text}");
        let en = Words::new(Lang::En);
        assert_eq!(
            remedy(&en, &f),
            "Document a transfer impact assessment for Mailer Inc (laws of United States and supplementary measures)."
        );
        let overdue = finding(
            RuleId::DpaReviewOverdue,
            &[
                ("recipient", "Mailer Inc"),
                ("next_review_on", "2025-03-01"),
            ],
        );
        assert!(message(&Words::new(Lang::De), &overdue).contains("1. März 2025"));
    }
}
