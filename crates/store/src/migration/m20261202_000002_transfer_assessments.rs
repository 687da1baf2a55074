//! Transfer impact assessments, the transfer facts the checks read from vendors and DPAs
//! (remote access, a partial adequacy decision's scope, the instrument a DPA names), and the
//! reference dataset the user loaded in place of the built-in one.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn restrict(col: &'static str, to: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_tia_{col}"))
        .from("tia", col)
        .to(to, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .on_update(ForeignKeyAction::Restrict)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("tia")
                .col(string("id").primary_key())
                .col(string("organisation_id"))
                .col(string("vendor_id"))
                .col(text("subprocessor"))
                .col(string_null("country"))
                .col(text("transfer_description"))
                .col(string_null("mechanism"))
                .col(string_null("scc_module"))
                .col(text("law_assessment"))
                .col(json("measures"))
                .col(text("measures_notes"))
                .col(text("procedural_steps"))
                .col(string("conclusion"))
                .col(text("conclusion_notes"))
                .col(date_null("assessed_on"))
                .col(text("assessed_by"))
                .col(date_null("re_evaluate_on"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut restrict("organisation_id", "organisation"))
                .foreign_key(&mut restrict("vendor_id", "vendor"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_tia_organisation_id_vendor_id")
                .table("tia")
                .col("organisation_id")
                .col("vendor_id")
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_tia_vendor_id")
                .table("tia")
                .col("vendor_id")
                .to_owned(),
        )
        .await?;
        for (table, column) in [
            (
                "vendor",
                boolean("adequacy_scope_confirmed")
                    .default(false)
                    .to_owned(),
            ),
            (
                "vendor",
                json("remote_access_from").default("[]").to_owned(),
            ),
            ("dpa", text("transfer_instrument").default("").to_owned()),
        ] {
            m.alter_table(Table::alter().table(table).add_column(column).to_owned())
                .await?;
        }
        // One row at most: the dataset file the user loaded, kept whole so it can be
        // validated again by each release that opens the vault.
        m.create_table(
            Table::create()
                .table("reference_dataset")
                .col(integer("id").primary_key())
                .col(string("version"))
                .col(date("date"))
                .col(text("content"))
                .col(timestamp_with_time_zone("loaded_at"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
