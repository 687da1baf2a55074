//! Writes a passphrase-protected vault whose register was entered months ago, so the window's
//! history can be tried (and the end-to-end tests can check the register "as of" a past day).
//!
//! `cargo run -p dpadesk-app --example vault_with_history -- PATH PASSPHRASE`

use chrono::{DateTime, TimeZone, Utc};
use dpadesk_app::App;
use dpadesk_model::*;
use dpadesk_store::{KeySource, Vault};

/// Noon on 15 January 2026, when this register was first entered.
fn entered() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0)
        .single()
        .expect("a valid time")
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(passphrase)) = (args.next(), args.next()) else {
        return Err("usage: vault_with_history PATH PASSPHRASE".into());
    };
    let vault = Vault::create(path.as_ref(), &KeySource::passphrase(passphrase)).await?;
    let app = App::with_clock(vault, entered);
    let org = app
        .create(OrganisationData {
            name: "Kancelaria Nowak".into(),
            country: Some("PL".parse()?),
            ..Default::default()
        })
        .await?;
    app.create(ActivityData {
        organisation_id: org.id,
        reference: "HR-01".into(),
        name: "Payroll".into(),
        description: "Monthly salaries".into(),
        ..Default::default()
    })
    .await?;
    app.close().await?;
    Ok(())
}
