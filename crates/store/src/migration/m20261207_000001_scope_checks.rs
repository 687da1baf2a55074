//! Adequacy scopes as checked facts: a vendor's DPF participation and each partial decision's
//! condition become "inside", "outside" or "not checked" (absent), with the day and source of
//! the check, in place of two yes/no columns where "no" also meant "nobody looked". A vendor
//! may also be an international organisation.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use serde_json::{Value, json};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The partial decisions' conditions a former "scope confirmed" tick stood for: it did not
/// say which, so it answers for each of them.
const PARTIAL_SCOPES: [&str; 6] = [
    "pipeda_subject",
    "faroese_act_subject",
    "automated_processing",
    "appi_private_sector",
    "pipa_subject",
    "lgpd_subject",
];

fn checks(dpf: bool, scope_confirmed: bool) -> Value {
    let inside = |scope: &str| json!({ "scope": scope, "outcome": "inside", "checked_on": null, "source": "" });
    let mut out = Vec::new();
    if dpf {
        out.push(inside("dpf_listed"));
    }
    if scope_confirmed {
        out.extend(PARTIAL_SCOPES.iter().map(|s| inside(s)));
    }
    Value::Array(out)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            json("scope_checks").default("[]").to_owned(),
            string_null("international_organisation").to_owned(),
        ] {
            m.alter_table(Table::alter().table("vendor").add_column(column).to_owned())
                .await?;
        }
        let db = m.get_connection();
        let select = Query::select()
            .columns(["id", "dpf_certified", "adequacy_scope_confirmed"])
            .from("vendor")
            .cond_where(
                Cond::any()
                    .add(Expr::col("dpf_certified").eq(true))
                    .add(Expr::col("adequacy_scope_confirmed").eq(true)),
            )
            .to_owned();
        for row in db.query_all(&select).await? {
            let id: String = row.try_get("", "id")?;
            let dpf: bool = row.try_get("", "dpf_certified")?;
            let scope: bool = row.try_get("", "adequacy_scope_confirmed")?;
            m.exec_stmt(
                Query::update()
                    .table("vendor")
                    .value("scope_checks", checks(dpf, scope).to_string())
                    .and_where(Expr::col("id").eq(id))
                    .to_owned(),
            )
            .await?;
        }
        for column in ["dpf_certified", "adequacy_scope_confirmed"] {
            m.alter_table(
                Table::alter()
                    .table("vendor")
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::Migrator;
    use sea_orm::{ConnectionTrait, Database};
    use sea_orm_migration::{MigrationName, MigratorTrait};
    use serde_json::Value;

    #[tokio::test]
    async fn ticks_of_the_earlier_columns_become_checks_and_blanks_stay_unchecked() {
        let db = Database::connect("sqlite::memory:").await.expect("db");
        // Every migration before this one: the schema the rows below were written in.
        let before = Migrator::migrations()
            .iter()
            .position(|m| m.name() == super::Migration.name())
            .expect("this migration is listed") as u32;
        Migrator::up(&db, Some(before))
            .await
            .expect("earlier schema");
        db.execute_unprepared(
            "INSERT INTO vendor (id, legal_name, aliases, address, country, services, contact, \
             website, dpf_certified, adequacy_scope_confirmed, remote_access_from, notes, \
             created_at, updated_at) VALUES \
             ('a', 'Listed Inc.', '[]', '', 'US', '[]', '{}', '', 1, 0, '[]', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), \
             ('b', 'Maple Corp.', '[]', '', 'CA', '[]', '{}', '', 0, 1, '[]', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), \
             ('c', 'Unticked GmbH', '[]', '', 'DE', '[]', '{}', '', 0, 0, '[]', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        )
        .await
        .expect("rows of the earlier schema");
        Migrator::up(&db, None).await.expect("migrated");
        let rows = db
            .query_all_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT id, scope_checks FROM vendor ORDER BY id",
            ))
            .await
            .expect("read");
        let checks: Vec<Value> = rows
            .iter()
            .map(|r| {
                let text: String = r.try_get("", "scope_checks").expect("column");
                serde_json::from_str(&text).expect("json")
            })
            .collect();
        let scopes = |v: &Value| -> Vec<String> {
            v.as_array()
                .expect("array")
                .iter()
                .map(|c| {
                    format!(
                        "{}={}",
                        c["scope"].as_str().unwrap(),
                        c["outcome"].as_str().unwrap()
                    )
                })
                .collect()
        };
        assert_eq!(scopes(&checks[0]), ["dpf_listed=inside"]);
        assert_eq!(scopes(&checks[1]).len(), 6);
        assert!(scopes(&checks[1]).contains(&"pipeda_subject=inside".to_string()));
        assert!(scopes(&checks[2]).is_empty());
        db.close().await.expect("closed");
    }
}
