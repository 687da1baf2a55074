//! Each audit entry names the organisation its record belongs to (none for the catalogues
//! every client shares: vendors, their lists, measures), indexed, so one client's past
//! register is rebuilt from its own entries and the shared ones, not from every client's.
//! Entries written before are filled in from the records they hold.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The kinds whose records belong to one organisation; an organisation belongs to itself.
const OWNED: [&str; 4] = ["activity", "processor_record", "dpa", "tia"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("audit_entry")
                .add_column(string_null("organisation_id"))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        m.exec_stmt(
            Query::update()
                .table("audit_entry")
                .value("organisation_id", Expr::col("entity_id"))
                .and_where(Expr::col("entity").eq("organisation"))
                .to_owned(),
        )
        .await?;
        let select = Query::select()
            .columns(["seq", "before", "after"])
            .from("audit_entry")
            .and_where(Expr::col("entity").is_in(OWNED))
            .to_owned();
        for row in db.query_all(&select).await? {
            let seq: i64 = row.try_get("", "seq")?;
            let before: Option<serde_json::Value> = row.try_get("", "before")?;
            let after: Option<serde_json::Value> = row.try_get("", "after")?;
            let organisation = after
                .or(before)
                .and_then(|v| v.get("organisation_id")?.as_str().map(String::from));
            if let Some(organisation) = organisation {
                m.exec_stmt(
                    Query::update()
                        .table("audit_entry")
                        .value("organisation_id", organisation)
                        .and_where(Expr::col("seq").eq(seq))
                        .to_owned(),
                )
                .await?;
            }
        }
        m.create_index(
            Index::create()
                .name("audit_entry_organisation_at")
                .table("audit_entry")
                .col("organisation_id")
                .col("at")
                .to_owned(),
        )
        .await
    }
}
