//! The vault's change counter: one row that every write transaction counts up, so a process
//! with the vault open notices changes another process (the CLI, a second window) made.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("vault_state")
                .col(integer("id").primary_key())
                .col(big_integer("changes").default(0))
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared("INSERT INTO vault_state (id, changes) VALUES (1, 0)")
            .await?;
        Ok(())
    }
}
