//! The register PDF read back: every value of a full activity with its letters intact, the
//! contents pointing at the right pages, long texts and tables running on over pages with
//! their head repeated, "page X of Y" on every page, and all six languages.

mod fixture;

use dpadesk_report::{Labels, Lang, processor_pdf, register_pdf};
use fixture::{ACTIVITY_TEXTS, pages, text};

#[test]
fn every_value_of_a_full_activity_reads_back_with_its_letters() {
    let s = fixture::full();
    let pdf = register_pdf(&s, Lang::En).expect("the register is made");
    assert!(pdf.starts_with(b"%PDF-"));
    let all = text(&pdf);
    for value in ACTIVITY_TEXTS {
        assert!(
            all.contains(value),
            "{value:?} is missing from the register"
        );
    }
    for letter in [
        "ą", "ę", "ł", "ż", "ß", "ä", "ö", "ü", "é", "è", "ç", "à", "Ł", "Ż", "Ü",
    ] {
        assert!(all.contains(letter), "{letter} does not print");
    }
    // The header of the register and the labels around the values.
    for expected in [
        "Łódzka Spółdzielnia Mleczarska „Żuraw”",
        "Małgorzata Wężyk",
        "Représentant Légal Français SARL",
        "Mleczarnia Górska Sp. z o.o.",
        "Record of processing activities",
        "Art. 6(1)(c) – Legal obligation",
        "Art. 9(2)(b) – Employment and social security law",
        "10 years from zakończenia stosunku pracy",
        "Brauerei Schäfer & Töchter KG",
        "Lohnbuchhaltung für Brauereimitarbeiter",
        "2 December 2025",
        "30 November 2025",
        "2025.11.1",
    ] {
        assert!(all.contains(expected), "{expected:?} is missing");
    }
}

/// The number after `title` and its dot leaders in the contents.
fn toc_number(toc: &str, title: &str) -> usize {
    let at = toc
        .find(title)
        .unwrap_or_else(|| panic!("{title:?} is not in the contents"));
    let rest = &toc[at + title.len()..];
    let digits: String = rest
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no page number after {title:?}"))
}

#[test]
fn the_contents_give_the_pages_where_sections_start() {
    // Enough activities for the contents to run over two pages.
    let s = fixture::many(60);
    let pdf = register_pdf(&s, Lang::En).unwrap();
    let pages = pages(&pdf);
    let toc = pages[1..]
        .iter()
        .take_while(|p| !p.contains("Name and contact details"))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        toc.starts_with(&pages[1]) && pages[2].contains("A-060"),
        "the contents take two pages"
    );
    let mut checks: Vec<(String, String)> = vec![
        (
            "1. The controller".into(),
            "The controller · Art. 30(1)(a) GDPR".into(),
        ),
        (
            "2. Processing activities".into(),
            "60 processing activities".into(),
        ),
        (
            "3. Processing carried out on behalf of controllers".into(),
            "One section per controller".into(),
        ),
        (
            "Brauerei Schäfer & Töchter KG".into(),
            "Controller on whose behalf data are processed Brauerei Schäfer".into(),
        ),
        (
            "Annex A: Processors, their agreements and subprocessors".into(),
            "Annex A Processors, their agreements".into(),
        ),
        (
            "Annex B: Technical and organisational measures".into(),
            "Annex B Technical and organisational measures".into(),
        ),
        (
            "Annex C: Transfers by destination country".into(),
            "Annex C Transfers by destination country".into(),
        ),
    ];
    for a in &s.activities {
        checks.push((
            format!("{} {}", a.reference, a.name),
            format!("Processing activity {} {}", a.reference, a.name),
        ));
    }
    let mut last = 0;
    for (entry, on_page) in checks {
        let n = toc_number(&toc, &entry);
        assert!(
            pages[n - 1].contains(&on_page),
            "{entry:?} is said to start on page {n}, which reads: {}",
            &pages[n - 1][..pages[n - 1].len().min(300)]
        );
        // The section does not start earlier.
        assert!(
            !pages[n - 2].contains(&on_page),
            "{entry:?} starts before page {n}"
        );
        if entry.starts_with('A') && entry.contains('-') {
            assert!(n > last, "activities follow each other");
            last = n;
        }
    }
}

#[test]
fn long_text_and_long_tables_run_on_with_their_head_and_page_numbers() {
    let s = fixture::long(200);
    let pdf = register_pdf(&s, Lang::En).unwrap();
    let pages = pages(&pdf);
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let footer = format!("Page {} of {total}", i + 1);
        assert!(page.contains(&footer), "page {} lacks {footer:?}", i + 1);
        assert!(
            page.contains("Łódzka Spółdzielnia Mleczarska „Żuraw”"),
            "page {} lacks the header",
            i + 1
        );
    }
    // The description of 150 sentences is there whole, over more than one page.
    let all = pages.join(" ");
    // (A sentence can straddle a page break, with the footer and header read in between.)
    assert_eq!(all.matches("Zażółć").count(), 150);
    assert!(
        all.matches("Zażółć gęślą jaźń — Straße, Größe, Übermaß; élève, père, garçon, à la fois.")
            .count()
            >= 146
    );
    let described: Vec<usize> = (0..total)
        .filter(|&i| pages[i].contains("Zażółć gęślą jaźń"))
        .collect();
    assert!(
        described.len() >= 2,
        "the long description wraps onto a second page"
    );

    // Annex A lists all 200 subprocessors once, the table's head on each of its pages.
    let annex_a = pages
        .iter()
        .position(|p| p.contains("Annex A Processors"))
        .unwrap();
    let annex_b = pages
        .iter()
        .position(|p| p.contains("Annex B Technical"))
        .unwrap();
    let table: Vec<&String> = pages[annex_a..annex_b]
        .iter()
        .filter(|p| p.contains("Unterauftragsverarbeiter Nr."))
        .collect();
    assert!(table.len() >= 3, "200 rows take several pages");
    for (i, page) in table.iter().enumerate() {
        assert!(
            page.contains("Subprocessor Service Processing location Country Transfer tool"),
            "head on table page {i}"
        );
        if i > 0 {
            assert!(
                page.contains("continued Subprocessor Service"),
                "continued note on table page {i}"
            );
        }
    }
    let annex = pages[annex_a..annex_b].join(" ");
    for n in 1..=200 {
        let name = format!("Unterauftragsverarbeiter Nr. {n} – Größenordnung");
        assert_eq!(annex.matches(&name).count(), 1, "{name} in Annex A");
    }
    // The activity names the count and points to the annex instead of 200 names.
    assert!(all.contains("200 subprocessors, list of 1 October 2025 listed in Annex A"));
}

#[test]
fn every_language_renders_its_title_and_words() {
    let s = fixture::full();
    for lang in Lang::ALL {
        let labels = Labels(lang);
        let pdf = register_pdf(&s, lang).unwrap();
        let all = text(&pdf);
        for key in [
            "register.title",
            "toc.title",
            "activity.purposes",
            "annex.c.title",
        ] {
            assert!(
                all.contains(labels.get(key)),
                "{lang:?}: {key} {:?}",
                labels.get(key)
            );
        }
        assert!(all.contains("Rekrutacja i zarządzanie kadrami"), "{lang:?}");
        assert!(
            !all.contains("register.title") && !all.contains("col.purpose"),
            "{lang:?} shows a key"
        );
        let processor = text(&processor_pdf(&s, lang).unwrap());
        assert!(
            processor.contains(labels.get("processor.title")),
            "{lang:?}"
        );
        assert!(processor.contains("Brauerei Schäfer & Töchter KG"));
    }
    // The official names of the register.
    let titles: Vec<&str> = Lang::ALL
        .iter()
        .map(|l| Labels(*l).get("register.title"))
        .collect();
    assert_eq!(
        titles,
        [
            "Record of processing activities",
            "Verzeichnis von Verarbeitungstätigkeiten",
            "Registre des activités de traitement",
            "Registro delle attività di trattamento",
            "Rejestr czynności przetwarzania",
            "Registro de actividades de tratamiento",
        ]
    );
}

#[test]
fn the_processor_register_holds_only_the_records_for_clients() {
    let s = fixture::full();
    let all = text(&processor_pdf(&s, Lang::En).unwrap());
    assert!(all.contains("Brauerei Schäfer & Töchter KG"));
    assert!(all.contains("AVV-2024-017"));
    assert!(all.contains("Jürgen Weiß"));
    assert!(
        !all.contains("Rekrutacja i zarządzanie kadrami"),
        "no controller activities"
    );
    assert!(
        all.contains("Großrechenzentrum Süd GmbH"),
        "its subprocessor is in Annex A"
    );
    assert!(
        !all.contains("Hébergement Sécurisé SAS"),
        "vendors of other activities are not"
    );
}
