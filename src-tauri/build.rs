//! Generates the Tauri context (config, capabilities, the embedded UI) at compile time, and
//! an `allow-…` permission per app command so the capability can grant them one by one.

/// Every command `main.rs` registers; the capability names the ones the window may call.
const COMMANDS: &[&str] = &[
    "vault_status",
    "vault_create",
    "vault_open",
    "organisation_list",
    "organisation_create",
    "activity_list",
    "activity_create",
    "vendor_list",
    "vendor_create",
    "measure_list",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
