//! The register imports made in the vault, each naming the records it made, so history can
//! show an import as one entry and undo it as a whole.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("register_import")
                .col(string("id").primary_key())
                .col(string("organisation_id"))
                .col(timestamp_with_time_zone("at"))
                .col(string("actor"))
                .col(text("file_name"))
                .col(boolean("new_organisation"))
                .col(json("activity_ids"))
                .col(json("vendor_ids"))
                .col(timestamp_with_time_zone_null("undone_at"))
                .col(string_null("undone_by"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("register_import_organisation")
                .table("register_import")
                .col("organisation_id")
                .to_owned(),
        )
        .await
    }
}
