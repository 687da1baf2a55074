//! Imported subprocessor lists: a vendor's other names (for matching imported rows), the
//! catalogue vendor an entry was matched to, and the user's review of each received version.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("vendor")
                .add_column(json("aliases").default("[]"))
                .to_owned(),
        )
        .await?;
        for column in [
            string("review_status").default("pending").to_owned(),
            text("review_note").default("").to_owned(),
            date_null("reviewed_on"),
        ] {
            m.alter_table(
                Table::alter()
                    .table("subprocessor_list")
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        // sea-query cannot add a foreign key to an existing SQLite table; this statement is
        // also valid PostgreSQL. A vendor deleted from the catalogue only unlinks the entry.
        m.get_connection()
            .execute_unprepared(
                "ALTER TABLE subprocessor_entry ADD COLUMN vendor_id TEXT NULL \
                 REFERENCES vendor(id) ON DELETE SET NULL",
            )
            .await?;
        Ok(())
    }
}
