//! Generates the Tauri context (config, capabilities, the embedded UI) at compile time, and
//! an `allow-…` permission per app command so the capability can grant them one by one.

/// Every command `main.rs` registers; the capability names the ones the window may call.
const COMMANDS: &[&str] = &[
    "vault_status",
    "vault_create",
    "vault_open",
    "organisation_list",
    "organisation_summaries",
    "completeness",
    "activity_rows",
    "activity_copy",
    "template_list",
    "template_apply",
    "processor_record_list",
    "vendor_list",
    "subprocessor_list_list",
    "list_import_pick",
    "list_import_bytes",
    "list_import_text",
    "list_import_cancel",
    "list_save",
    "list_change",
    "list_review",
    "dpa_list",
    "dpa_copy",
    "dpa_attach_document",
    "dpa_open_document",
    "measure_list",
    "reminders",
    "search",
    "transfer_check",
    "transfer_dataset",
    "used_values",
    "record_history",
    "register_as_of",
    "sample_load",
    "organisation_create",
    "organisation_update",
    "organisation_delete",
    "activity_create",
    "activity_update",
    "activity_delete",
    "processor_record_create",
    "processor_record_update",
    "processor_record_delete",
    "vendor_create",
    "vendor_update",
    "vendor_delete",
    "dpa_create",
    "dpa_update",
    "dpa_delete",
    "measure_create",
    "measure_update",
    "measure_delete",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
