//! sea-orm entities, one per table of the schema in `migration`. Link tables have no entity:
//! `repo::links` reads and writes them.

pub mod activity;
pub mod audit_entry;
pub mod document;
pub mod dpa;
pub mod measure;
pub mod organisation;
pub mod processor_record;
pub mod reference_dataset;
pub mod register_import;
pub mod subprocessor_entry;
pub mod subprocessor_list;
pub mod tia;
pub mod vendor;
