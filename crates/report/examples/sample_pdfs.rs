//! Writes sample PDFs of every document, for looking at them:
//! `cargo run -p dpadesk-report --example sample_pdfs -- samples` then
//! `pdftoppm -r 60 -png samples/register-en.pdf samples/page` (default folder: the system's
//! temporary folder).

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use dpadesk_report::{
    Lang, objection_letter_pdf, processor_pdf, recovery_kit_pdf, register_pdf, risk_pdf,
};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("dpadesk-samples"));
    std::fs::create_dir_all(&dir)?;
    let s = fixture::full();
    let mut written = Vec::new();
    for lang in Lang::ALL {
        let path = dir.join(format!("register-{}.pdf", lang.code()));
        std::fs::write(&path, register_pdf(&s, lang)?)?;
        written.push(path);
    }
    for lang in [Lang::En, Lang::Pl] {
        let path = dir.join(format!("risk-{}.pdf", lang.code()));
        std::fs::write(&path, risk_pdf(&s, lang)?)?;
        written.push(path);
        let path = dir.join(format!("letter-{}.pdf", lang.code()));
        std::fs::write(&path, objection_letter_pdf(&fixture::letter(), lang)?)?;
        written.push(path);
        let path = dir.join(format!("recovery-kit-{}.pdf", lang.code()));
        std::fs::write(&path, recovery_kit_pdf(&fixture::kit(), lang)?)?;
        written.push(path);
    }
    let path = dir.join("processor-de.pdf");
    std::fs::write(&path, processor_pdf(&s, Lang::De)?)?;
    written.push(path);
    let path = dir.join("register-empty-en.pdf");
    std::fs::write(&path, register_pdf(&fixture::blank(), Lang::En)?)?;
    written.push(path);
    let path = dir.join("register-long-en.pdf");
    std::fs::write(&path, register_pdf(&fixture::long(200), Lang::En)?)?;
    written.push(path);
    for p in written {
        println!("{}", p.display());
    }
    Ok(())
}
