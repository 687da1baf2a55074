//! Times `register_pdf` on a register of 500 activities (the target is under 2 s in release):
//! `cargo run --release -p dpadesk-report --example bench_register_pdf -- [runs] [out.pdf]`.

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use dpadesk_report::{Lang, register_pdf};
use std::time::{Duration, Instant};

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
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "register_pdf, {} activities: median {:.3} s of {runs} runs (fastest {:.3} s, slowest {:.3} s), {} KB",
        s.activities.len(),
        median.as_secs_f64(),
        times[0].as_secs_f64(),
        times[times.len() - 1].as_secs_f64(),
        pdf.len() / 1024,
    );
    if let Some(path) = out {
        std::fs::write(&path, &pdf)?;
        println!("written to {path}");
    }
    Ok(())
}
