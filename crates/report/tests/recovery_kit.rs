//! The recovery kit read back: its code with every group, its text in each language, a long
//! vault path kept on the page, and a code that stays out of the document's properties.

mod fixture;

use dpadesk_report::{Labels, Lang, RecoveryKit, recovery_kit_pdf};
use fixture::{RECOVERY_CODE, kit, pages, text};
use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};

fn groups() -> Vec<&'static str> {
    RECOVERY_CODE.split('-').collect()
}

#[test]
fn the_code_is_there_group_by_group_on_one_page() {
    for lang in Lang::ALL {
        let pdf = recovery_kit_pdf(&kit(), lang).unwrap();
        let pages = pages(&pdf);
        assert_eq!(pages.len(), 1, "{lang:?}");
        // Each group whole and in order, apart from the next.
        assert!(
            pages[0].contains(&groups().join(" ")),
            "{lang:?}: {}",
            pages[0]
        );
    }
    // Typed with spaces instead of dashes, it prints the same.
    let spaced = RecoveryKit {
        code: RECOVERY_CODE.replace('-', " "),
        ..kit()
    };
    assert!(text(&recovery_kit_pdf(&spaced, Lang::En).unwrap()).contains(&groups().join(" ")));
}

#[test]
fn every_language_has_its_own_title_and_instructions() {
    for lang in Lang::ALL {
        let labels = Labels(lang);
        let all = text(&recovery_kit_pdf(&kit(), lang).unwrap());
        for key in [
            "kit.title",
            "kit.what_text",
            "kit.keep_print",
            "kit.keep_apart",
            "kit.use_window",
            "kit.use_cli",
            "kit.replaced_text",
            "kit.kept_at",
        ] {
            assert!(all.contains(labels.get(key)), "{lang:?}: {key}");
        }
        if lang != Lang::En {
            assert!(!all.contains(Labels(Lang::En).get("kit.title")), "{lang:?}");
        }
        for command in [
            "dpadesk recover",
            "DPADESK_RECOVERY_CODE",
            "dpadesk key new-code",
        ] {
            assert!(all.contains(command), "{lang:?}: {command}");
        }
        assert!(all.contains("żuraw.dpadesk"), "{lang:?}");
    }
    let en = text(&recovery_kit_pdf(&kit(), Lang::En).unwrap());
    assert!(en.contains("DPA Desk recovery kit"));
    assert!(en.contains("Made on 2 December 2025"));
    assert!(en.contains("/Users/malgorzata/Documents/Ochrona danych/żuraw.dpadesk"));
    let pl = text(&recovery_kit_pdf(&kit(), Lang::Pl).unwrap());
    assert!(pl.contains("Zestaw odzyskiwania DPA Desk"));
    assert!(pl.contains("Utworzono 2 grudnia 2025"));
}

/// Where every character of a page lands, in points from the bottom-left corner.
#[derive(Default)]
struct Glyphs {
    width: f64,
    height: f64,
    /// Left edge, right edge and baseline of each character.
    placed: Vec<(f64, f64, f64)>,
}

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.width = media_box.urx - media_box.llx;
        self.height = media_box.ury - media_box.lly;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        _: &str,
    ) -> Result<(), OutputError> {
        // The character's advance scaled the way pdf-extract's own text output scales it.
        let scale = ((font_size * (trm.m11 + trm.m21)) * (font_size * (trm.m12 + trm.m22)))
            .abs()
            .sqrt();
        self.placed
            .push((trm.m31, trm.m31 + width * scale, trm.m32));
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Every character of a PDF's one page: left edge, right edge and baseline; and the page's size.
fn placed(pdf: &[u8]) -> Glyphs {
    let mut glyphs = Glyphs::default();
    pdf_extract::output_doc(&Document::load_mem(pdf).unwrap(), &mut glyphs).unwrap();
    glyphs
}

#[test]
fn a_very_long_vault_path_wraps_inside_the_page() {
    let deep: String = (1..=5)
        .map(|i| format!("/Wspólny-dysk-działu-ochrony-danych-{i:02}"))
        .collect();
    let deep = format!("{deep}/żuraw.dpadesk");
    let endless: String = (1..=40)
        .map(|i| format!("/Wspólny-dysk-działu-ochrony-danych-{i:02}"))
        .collect();
    let endless = format!("{endless}/żuraw.dpadesk");
    for lang in Lang::ALL {
        for (path, whole) in [(&deep, true), (&endless, false)] {
            let long = RecoveryKit {
                vault_path: path.clone(),
                vault_name: "Rejestr czynności przetwarzania spółdzielni ".repeat(6) + ".dpadesk",
                ..kit()
            };
            let pdf = recovery_kit_pdf(&long, lang).unwrap();
            let pages = pages(&pdf);
            assert_eq!(pages.len(), 1, "{lang:?}");
            assert!(pages[0].contains(&groups().join(" ")), "{lang:?}");
            // Wrapped lines join with a space in the text read back; a path too long for the
            // page keeps its start and the file's name.
            let joined = pages[0].replace(' ', "");
            if whole {
                assert!(joined.contains(path.as_str()), "{lang:?}");
            } else {
                assert!(joined.contains("/Wspólny-dysk-działu-ochrony-danych-01/"));
                assert!(joined.contains("-40/żuraw.dpadesk"), "{lang:?}");
                assert!(!joined.contains("-20/"), "{lang:?}");
            }
            let glyphs = placed(&pdf);
            assert!(glyphs.placed.len() > 1000);
            // Inside the margins (64 pt each side; the header and footer sit above and below).
            for &(left, right, baseline) in &glyphs.placed {
                assert!(
                    left >= 60.0 && right <= glyphs.width - 60.0,
                    "{lang:?}: {left}–{right}"
                );
                assert!(
                    baseline >= 20.0 && baseline <= glyphs.height - 20.0,
                    "{lang:?}"
                );
            }
        }
    }
}

/// A string of the PDF's properties, decoded (UTF-16 with a byte-order mark, or bytes).
fn decoded(object: &Object) -> String {
    match object {
        Object::String(bytes, _) => match bytes.strip_prefix(&[0xfe, 0xff]) {
            Some(utf16) => String::from_utf16_lossy(
                &utf16
                    .chunks(2)
                    .map(|pair| u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]))
                    .collect::<Vec<_>>(),
            ),
            None => String::from_utf8_lossy(bytes).into_owned(),
        },
        Object::Array(items) => items.iter().map(decoded).collect::<Vec<_>>().join(" "),
        _ => String::new(),
    }
}

#[test]
fn the_code_stays_out_of_the_documents_properties() {
    for lang in Lang::ALL {
        let pdf = recovery_kit_pdf(&kit(), lang).unwrap();
        let doc = Document::load_mem(&pdf).unwrap();
        let info = doc
            .trailer
            .get(b"Info")
            .and_then(|o| doc.dereference(o))
            .and_then(|(_, o)| o.as_dict())
            .expect("the PDF has properties");
        let properties: String = info.iter().map(|(_, v)| decoded(v) + "\n").collect();
        assert!(
            properties.contains(Labels(lang).get("kit.title")),
            "{lang:?}: {properties}"
        );
        // Nor anywhere in the file as plain text (an XMP packet, say): the page shows the code
        // as glyph numbers only.
        let raw = String::from_utf8_lossy(&pdf);
        for group in groups() {
            assert!(
                !properties.contains(group),
                "{lang:?}: {group} in the properties"
            );
            assert!(!raw.contains(group), "{lang:?}: {group} in the file");
        }
    }
}

#[test]
fn the_kit_travels_as_json() {
    let json = serde_json::to_string(&kit()).unwrap();
    let back: RecoveryKit = serde_json::from_str(&json).unwrap();
    assert_eq!(back, kit());
}

#[test]
fn an_empty_kit_still_makes_a_page() {
    let empty = RecoveryKit {
        code: String::new(),
        vault_name: String::new(),
        vault_path: String::new(),
        ..kit()
    };
    let pdf = recovery_kit_pdf(&empty, Lang::Fr).unwrap();
    assert_eq!(pages(&pdf).len(), 1);
    assert!(text(&pdf).contains("Kit de récupération DPA Desk"));
}
