//! Times `register_pdf` on a register of 500 activities (the target is under 2 s in release)
//! and, side by side in the same run, what users do today: the same register exported as
//! XLSX and turned into a PDF by `libreoffice --headless --convert-to pdf`.
//! `cargo run --release -p dpadesk-report --example bench_register_pdf -- [runs] [out.pdf]`
//! (the LibreOffice part is skipped, with a note, when `libreoffice` is not installed).

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use dpadesk_report::{Lang, register_pdf, register_xlsx};
use std::process::Command;
use std::time::{Duration, Instant};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// One `libreoffice --convert-to pdf` of the workbook, timed; `None` without LibreOffice.
fn libreoffice(xlsx: &std::path::Path, out_dir: &std::path::Path) -> Option<Duration> {
    let start = Instant::now();
    let status = Command::new("libreoffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out_dir)
        .arg(xlsx)
        // A private profile, so a LibreOffice the user has open does not take the job.
        .arg(format!(
            "-env:UserInstallation=file://{}",
            out_dir.join("profile").display()
        ))
        .output()
        .ok()?;
    status.status.success().then(|| start.elapsed())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5).max(1);
    let out = args.next();
    let s = fixture::many(500);
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut pdf = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        pdf = register_pdf(&s, Lang::En)?;
        times.push(start.elapsed());
    }
    let ours = median(times.clone());
    println!(
        "register_pdf, {} activities: median {:.3} s of {runs} runs (fastest {:.3} s, slowest {:.3} s), {} KB",
        s.activities.len(),
        ours.as_secs_f64(),
        times
            .iter()
            .min()
            .copied()
            .unwrap_or_default()
            .as_secs_f64(),
        times
            .iter()
            .max()
            .copied()
            .unwrap_or_default()
            .as_secs_f64(),
        pdf.len() / 1024,
    );
    if let Some(path) = &out {
        std::fs::write(path, &pdf)?;
        println!("written to {path}");
    }

    let dir = std::env::temp_dir().join(format!("dpadesk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let xlsx = dir.join("register.xlsx");
    std::fs::write(&xlsx, register_xlsx(&s, Lang::En)?)?;
    // The first conversion also creates LibreOffice's profile: run it once untimed.
    if libreoffice(&xlsx, &dir).is_none() {
        println!("libreoffice: not installed or failed; no comparison");
        return Ok(());
    }
    let lo_runs = runs.min(3);
    let lo: Vec<Duration> = (0..lo_runs)
        .filter_map(|_| libreoffice(&xlsx, &dir))
        .collect();
    if lo.is_empty() {
        println!("libreoffice: failed; no comparison");
        return Ok(());
    }
    let theirs = median(lo);
    println!(
        "libreoffice --headless --convert-to pdf of the same register as XLSX: median {:.3} s of {lo_runs} runs",
        theirs.as_secs_f64()
    );
    println!(
        "ratio: LibreOffice takes {:.1}× as long as register_pdf",
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
