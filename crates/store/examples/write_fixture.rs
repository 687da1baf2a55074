//! Writes the vault fixture of this release into `tests/fixtures/`, so that later releases
//! test their migrations against a vault this one wrote. Run once per release:
//! `cargo run -p dpadesk-store --example write_fixture`.

use chrono::Utc;
use dpadesk_model::*;
use dpadesk_store::{KeySource, Vault};
use std::path::PathBuf;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vault-0.1.dpadesk");
    let vault = Vault::create(&path, &KeySource::passphrase("fixture passphrase")).await?;
    let now = Utc::now();
    let record = |data| Record {
        id: Id::new(),
        created_at: now,
        updated_at: now,
        data,
    };
    let org = record(OrganisationData {
        name: "Fixture Sp. z o.o.".into(),
        country: Some("PL".parse()?),
        ..Default::default()
    });
    vault.insert(&org).await?;
    let vendor = Record {
        id: Id::new(),
        created_at: now,
        updated_at: now,
        data: VendorData {
            legal_name: "Fixture Vendor GmbH".into(),
            country: Some("DE".parse()?),
            ..Default::default()
        },
    };
    vault.insert(&vendor).await?;
    let activity = Record {
        id: Id::new(),
        created_at: now,
        updated_at: now,
        data: ActivityData {
            organisation_id: org.id,
            name: "Newsletter".into(),
            purposes: vec![Purpose {
                description: "Marketing e-mails".into(),
                legal_basis: LegalBasis::Consent,
                basis_detail: String::new(),
                art9_condition: None,
                art10_basis: None,
            }],
            recipients: vec![Recipient {
                kind: RecipientKind::Processor,
                name: "Mailer".into(),
                vendor_id: Some(vendor.id),
                country: None,
            }],
            ..Default::default()
        },
    };
    vault.insert(&activity).await?;
    vault.close().await?;
    println!("wrote {}", path.display());
    Ok(())
}
