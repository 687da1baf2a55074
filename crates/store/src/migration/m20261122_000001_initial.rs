//! The first schema: organisations, activities, processor records, vendors, DPAs and their
//! documents, subprocessor lists, the measure library, link tables and the audit log.
//! Nested value lists of an aggregate (purposes, data categories…) are JSON columns; every
//! reference between aggregates is a real foreign key, so the database itself refuses to
//! orphan a record.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn id() -> ColumnDef {
    string("id").primary_key().to_owned()
}

fn timestamps(t: &mut TableCreateStatement) -> &mut TableCreateStatement {
    t.col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
}

fn fk(
    from: &'static str,
    col: &'static str,
    to: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{from}_{col}"))
        .from(from, col)
        .to(to, "id")
        .on_delete(on_delete)
        .on_update(ForeignKeyAction::Restrict)
        .to_owned()
}

/// A link table between two aggregates: deleting the owner drops its links; deleting the
/// target is refused while a link exists.
fn link(
    table: &'static str,
    owner: (&'static str, &'static str),
    target: (&'static str, &'static str),
) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(string(owner.0))
        .col(string(target.0))
        .primary_key(Index::create().col(owner.0).col(target.0))
        .foreign_key(&mut fk(table, owner.0, owner.1, ForeignKeyAction::Cascade))
        .foreign_key(&mut fk(
            table,
            target.0,
            target.1,
            ForeignKeyAction::Restrict,
        ))
        .to_owned()
}

fn index(table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(format!("ix_{table}_{}", cols.join("_")))
        .table(table);
    for c in cols {
        i.col(*c);
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let restrict = ForeignKeyAction::Restrict;

        m.create_table(
            timestamps(
                Table::create()
                    .table("organisation")
                    .col(id())
                    .col(string("name"))
                    .col(string("role"))
                    .col(text("address"))
                    .col(string_null("country"))
                    .col(string("email"))
                    .col(string("phone"))
                    .col(string("website"))
                    .col(string("registration_number"))
                    .col(json_null("dpo"))
                    .col(json_null("eu_representative"))
                    .col(json("joint_controllers"))
                    .col(string("lead_supervisory_authority"))
                    .col(text("notes")),
            )
            .to_owned(),
        )
        .await?;

        m.create_table(
            timestamps(
                Table::create()
                    .table("measure")
                    .col(id())
                    .col(string("control_group"))
                    .col(string("title"))
                    .col(text("description")),
            )
            .to_owned(),
        )
        .await?;

        m.create_table(
            timestamps(
                Table::create()
                    .table("vendor")
                    .col(id())
                    .col(string("legal_name"))
                    .col(text("address"))
                    .col(string_null("country"))
                    .col(json("services"))
                    .col(json("contact"))
                    .col(string("website"))
                    .col(boolean("dpf_certified"))
                    .col(text("notes")),
            )
            .to_owned(),
        )
        .await?;

        m.create_table(
            timestamps(
                Table::create()
                    .table("activity")
                    .col(id())
                    .col(string("organisation_id"))
                    .col(string("reference"))
                    .col(string("name"))
                    .col(text("description"))
                    .col(json("owner"))
                    .col(string("status"))
                    .col(date_null("reviewed_on"))
                    .col(date_null("next_review_on"))
                    .col(json("purposes"))
                    .col(json("subject_categories"))
                    .col(json("data_categories"))
                    .col(json("recipients"))
                    .col(json("transfers"))
                    .col(boolean("dpia_required"))
                    .col(string("dpia_reference"))
                    .col(json("systems"))
                    .col(json("data_locations"))
                    .col(json("links"))
                    .foreign_key(&mut fk(
                        "activity",
                        "organisation_id",
                        "organisation",
                        restrict,
                    )),
            )
            .to_owned(),
        )
        .await?;
        m.create_index(index("activity", &["organisation_id"]))
            .await?;

        m.create_table(
            timestamps(
                Table::create()
                    .table("processor_record")
                    .col(id())
                    .col(string("organisation_id"))
                    .col(json("client"))
                    .col(json_null("client_representative"))
                    .col(json_null("client_dpo"))
                    .col(json("processing_categories"))
                    .col(json("transfers"))
                    .col(string("dpa_reference"))
                    .col(date_null("dpa_signed_on"))
                    .col(text("notes"))
                    .foreign_key(&mut fk(
                        "processor_record",
                        "organisation_id",
                        "organisation",
                        restrict,
                    )),
            )
            .to_owned(),
        )
        .await?;
        m.create_index(index("processor_record", &["organisation_id"]))
            .await?;

        m.create_table(
            Table::create()
                .table("document")
                .col(id())
                .col(string("file_name"))
                .col(string("media_type"))
                .col(big_integer("size"))
                .col(string("sha256"))
                .col(blob("content"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            timestamps(
                Table::create()
                    .table("dpa")
                    .col(id())
                    .col(string("organisation_id"))
                    .col(string("vendor_id"))
                    .col(string("version"))
                    .col(date_null("signed_on"))
                    .col(date_null("effective_on"))
                    .col(date_null("expires_on"))
                    .col(date_null("next_review_on"))
                    .col(string_null("document_id"))
                    .col(json("checklist"))
                    .col(integer_null("objection_window_days"))
                    .col(string_null("transfer_mechanism"))
                    .col(string_null("scc_module"))
                    .col(text("notes"))
                    .foreign_key(&mut fk("dpa", "organisation_id", "organisation", restrict))
                    .foreign_key(&mut fk("dpa", "vendor_id", "vendor", restrict))
                    .foreign_key(&mut fk("dpa", "document_id", "document", restrict)),
            )
            .to_owned(),
        )
        .await?;
        m.create_index(index("dpa", &["organisation_id"])).await?;
        m.create_index(index("dpa", &["vendor_id"])).await?;

        m.create_table(
            timestamps(
                Table::create()
                    .table("subprocessor_list")
                    .col(id())
                    .col(string("vendor_id"))
                    .col(date_null("received_on"))
                    .col(text("source"))
                    .col(string("content_hash"))
                    .foreign_key(&mut fk(
                        "subprocessor_list",
                        "vendor_id",
                        "vendor",
                        restrict,
                    )),
            )
            .to_owned(),
        )
        .await?;
        m.create_index(index("subprocessor_list", &["vendor_id"]))
            .await?;

        m.create_table(
            Table::create()
                .table("subprocessor_entry")
                .col(pk_auto("id"))
                .col(string("list_id"))
                .col(integer("position"))
                .col(string("name"))
                .col(text("address"))
                .col(string_null("country"))
                .col(text("service"))
                .col(text("processing_location"))
                .col(string_null("mechanism"))
                .col(json("certifications"))
                .foreign_key(&mut fk(
                    "subprocessor_entry",
                    "list_id",
                    "subprocessor_list",
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("subprocessor_entry", &["list_id"]))
            .await?;

        for (table, owner, target) in [
            (
                "activity_vendor",
                ("activity_id", "activity"),
                ("vendor_id", "vendor"),
            ),
            (
                "activity_measure",
                ("activity_id", "activity"),
                ("measure_id", "measure"),
            ),
            (
                "organisation_measure",
                ("organisation_id", "organisation"),
                ("measure_id", "measure"),
            ),
            (
                "processor_record_vendor",
                ("processor_record_id", "processor_record"),
                ("vendor_id", "vendor"),
            ),
            (
                "processor_record_measure",
                ("processor_record_id", "processor_record"),
                ("measure_id", "measure"),
            ),
        ] {
            m.create_table(link(table, owner, target)).await?;
            m.create_index(index(table, &[target.0])).await?;
        }

        m.create_table(
            Table::create()
                .table("audit_entry")
                .col(big_pk_auto("seq"))
                .col(timestamp_with_time_zone("at"))
                .col(string("actor"))
                .col(string("entity"))
                .col(string("entity_id"))
                .col(string("action"))
                .col(json_null("before"))
                .col(json_null("after"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("audit_entry", &["entity", "entity_id"]))
            .await?;
        m.create_index(index("audit_entry", &["at"])).await?;
        Ok(())
    }
}
