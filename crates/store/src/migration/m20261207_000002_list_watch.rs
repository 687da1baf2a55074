//! Where a vendor publishes its subprocessor list, and whether to check it daily: the user's
//! opt-in to the only network call the app makes; and for a version fetched from there, the
//! document holding the bytes fetched.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            text("list_url").default("").to_owned(),
            boolean("watch_daily").default(false).to_owned(),
        ] {
            m.alter_table(Table::alter().table("vendor").add_column(column).to_owned())
                .await?;
        }
        m.alter_table(
            Table::alter()
                .table("subprocessor_list")
                .add_column(string_null("evidence_document_id"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
