//! The transfer-risk report and the objection letter read back, and odd input that must
//! still give a valid document.

mod fixture;

use dpadesk_report::{Labels, Lang, objection_letter_pdf, register_pdf, risk_pdf};
use fixture::text;

#[test]
fn the_risk_report_lists_every_finding() {
    let s = fixture::full();
    assert!(s.findings.len() >= 5, "the fixture has findings");
    for lang in Lang::ALL {
        let labels = Labels(lang);
        let all = text(&risk_pdf(&s, lang).unwrap());
        assert!(all.contains(labels.get("risk.title")), "{lang:?}");
        for f in &s.findings {
            let rule = labels.get(&format!("rule.{}", dpadesk_model::serde_name(&f.rule)));
            assert!(all.contains(rule), "{lang:?}: {rule}");
            if let Some(v) = &f.vendor {
                assert!(all.contains(&v.name));
            }
            for a in &f.articles {
                assert!(all.contains(a.as_str()), "{a}");
            }
        }
        assert!(
            !all.contains("{to}") && !all.contains("finding."),
            "{lang:?} left a placeholder"
        );
    }
    let en = text(&risk_pdf(&s, Lang::En).unwrap());
    let high = s
        .findings
        .iter()
        .filter(|f| f.severity == dpadesk_transfer::Severity::High)
        .count();
    assert!(en.contains(&format!("High · {high}")));
    assert!(en.contains("United States (US)"));
    assert!(en.contains("Document a transfer impact assessment for Courriel Américain Inc."));
}

#[test]
fn the_risk_report_without_findings_says_so() {
    let mut s = fixture::full();
    s.findings.clear();
    s.flows.clear();
    let all = text(&risk_pdf(&s, Lang::Fr).unwrap());
    assert!(all.contains("Aucun constat au 30 novembre 2025"));
}

#[test]
fn the_objection_letter_names_the_vendor_and_gives_the_reasons() {
    let letter = fixture::letter();
    let all = text(&objection_letter_pdf(&letter, Lang::En).unwrap());
    for expected in [
        "Courriel Américain Inc.",
        "500 Market Street, San Francisco, CA 94105",
        "Łódzka Spółdzielnia Mleczarska „Żuraw”",
        "Łódź, 2 December 2025",
        "Art. 28(2) GDPR",
        "Analityka Żółta Pvt Ltd",
        "Support Bangalore Pvt Ltd",
        "Version v5 – Nachtrag, signed on 1 January 2024",
        "20 November 2025",
        "4 December 2025",
        "Małgorzata Wężyk",
    ] {
        assert!(all.contains(expected), "{expected:?} is missing");
    }
    for paragraph in fixture::REASONS.split("\n\n") {
        assert!(
            all.contains(paragraph),
            "the reasons as typed: {paragraph:?}"
        );
    }
    for lang in Lang::ALL {
        let labels = Labels(lang);
        let all = text(&objection_letter_pdf(&letter, lang).unwrap());
        for key in ["letter.subject", "letter.salutation", "letter.reasons"] {
            assert!(all.contains(labels.get(key)), "{lang:?}: {key}");
        }
        assert!(all.contains("Analityka Żółta Pvt Ltd"), "{lang:?}");
    }
    let pl = text(&objection_letter_pdf(&letter, Lang::Pl).unwrap());
    assert!(pl.contains("Sprzeciw wobec zmian w wykazie podmiotów podprzetwarzających"));
    assert!(pl.contains("Łódź, 2 grudnia 2025"));
    assert!(pl.contains("Z poważaniem"));
}

#[test]
fn the_letter_travels_as_json() {
    let letter = fixture::letter();
    let json = serde_json::to_string(&letter).unwrap();
    let back: dpadesk_report::ObjectionLetter = serde_json::from_str(&json).unwrap();
    assert_eq!(back, letter);
}

#[test]
fn empty_and_odd_input_still_makes_valid_documents() {
    let empty = fixture::blank();
    for lang in Lang::ALL {
        for pdf in [
            register_pdf(&empty, lang).unwrap(),
            risk_pdf(&empty, lang).unwrap(),
        ] {
            assert!(
                text(&pdf).contains(
                    Labels(lang)
                        .get("footer.page_of")
                        .split(' ')
                        .next()
                        .unwrap()
                )
            );
        }
    }
    let mut odd = fixture::full();
    let a = &mut odd.activities[0].data;
    a.name = "Tab\there, bell\u{7}, soft\u{ad}hyphen, 漢字, emoji 🙂, RTL עברית".into();
    a.description = format!("{}\r\n\r\n{}", "x".repeat(5000), "Ω ".repeat(2000));
    a.reference = String::new();
    a.purposes[0].description = "https://example.com/".to_string() + &"very-long-path/".repeat(60);
    odd.organisation.data.name = "N".repeat(400);
    odd.activities[1].data.name = "Bardzo długa nazwa czynności ".repeat(300);
    let pdf = register_pdf(&odd, Lang::En).unwrap();
    let all = text(&pdf);
    assert!(all.contains("Tab here, bell, softhyphen"));
    assert!(all.contains(&"x".repeat(40)));
    let mut letter = fixture::letter();
    letter.reasons = "\n\n\n".into();
    letter.place = "Miejscowość ".repeat(100);
    assert!(objection_letter_pdf(&letter, Lang::Pl).is_ok());
    letter.place = String::new();
    letter.dpa = None;
    letter.added.clear();
    letter.changed.clear();
    assert!(text(&objection_letter_pdf(&letter, Lang::It).unwrap()).contains("Opposizione"));
}
