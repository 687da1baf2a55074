//! Versioned schema migrations. Each migration is frozen once released: later changes come
//! as new migrations, so every vault ever written can be brought up to date. A vault written
//! by each release is kept under `tests/fixtures/` and opened by the tests.

use sea_orm_migration::prelude::*;

mod m20261122_000001_initial;
mod m20261202_000001_subprocessor_review;
mod m20261202_000002_transfer_assessments;
mod m20261206_000001_change_counter;
mod m20261207_000001_scope_checks;
mod m20261207_000002_list_watch;
mod m20261207_000003_register_imports;
mod m20261207_000004_audit_by_organisation;

#[derive(Debug)]
pub struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_initial::Migration),
            Box::new(m20261202_000001_subprocessor_review::Migration),
            Box::new(m20261202_000002_transfer_assessments::Migration),
            Box::new(m20261206_000001_change_counter::Migration),
            Box::new(m20261207_000001_scope_checks::Migration),
            Box::new(m20261207_000002_list_watch::Migration),
            Box::new(m20261207_000003_register_imports::Migration),
            Box::new(m20261207_000004_audit_by_organisation::Migration),
        ]
    }
}
