//! The DPA Desk window: a Tauri 2 shell over `dpadesk-app`. The vault named by
//! `DPADESK_VAULT`, or the default one, is opened at start when the OS keychain holds its key;
//! otherwise the UI walks the user through creating or unlocking it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod documents;
mod list_import;
mod register_import;
mod reports;
mod state;
mod transfers;
mod vault_care;

use dpadesk_app::session::{default_vault_path, key_source, open_vault_quickly};
use state::Desk;
use std::path::PathBuf;
use tauri::Manager;

fn main() {
    let vault_path = std::env::var_os("DPADESK_VAULT")
        .map(PathBuf::from)
        .or_else(default_vault_path);
    let desk = Desk::new(vault_path.clone());
    if let Some(path) = vault_path.filter(|p| p.exists()) {
        // The keychain usually holds the key: open at once so the first screen is the register.
        let opened = tauri::async_runtime::block_on(open_vault_quickly(&path, &key_source(None)));
        match opened {
            Ok(app) => {
                *desk.app.blocking_write() = Some(app);
                desk.opened(state::KeyKind::Keychain);
            }
            // The log is not set up yet; the UI shows what matters (a damaged file).
            Err(e) => desk.did_not_open(&e),
        }
    }

    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .target(tauri_plugin_log::Target::new(
                    tauri_plugin_log::TargetKind::LogDir { file_name: None },
                ))
                .build(),
        )
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(desk)
        .setup(|desktop| {
            state::warm_up(desktop.handle(), true);
            state::watch_other_writers(desktop.handle());
            state::check_lists_daily(desktop.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::vault_status,
            commands::vault_create,
            commands::vault_open,
            vault_care::recovery_kit_save,
            vault_care::vault_recover,
            vault_care::vault_change_key,
            vault_care::backup_list,
            vault_care::backup_now,
            vault_care::backup_settings,
            vault_care::backup_settings_save,
            vault_care::backup_pick_dir,
            vault_care::backup_restore,
            commands::organisation_list,
            commands::organisation_summaries,
            commands::completeness,
            commands::activity_rows,
            commands::activity_copy,
            commands::template_list,
            commands::template_apply,
            commands::processor_record_list,
            commands::vendor_list,
            commands::subprocessor_list_list,
            list_import::list_import_pick,
            list_import::list_import_bytes,
            list_import::list_import_text,
            list_import::list_import_cancel,
            list_import::list_save,
            list_import::list_change,
            list_import::vendor_check_list,
            list_import::list_review,
            register_import::register_import_pick,
            register_import::register_import_bytes,
            register_import::register_import_preview,
            register_import::register_import_save,
            register_import::register_import_cancel,
            register_import::register_imports,
            register_import::register_import_undo,
            commands::dpa_list,
            commands::dpa_copy,
            commands::dpa_attach_document,
            commands::dpa_open_document,
            commands::measure_list,
            commands::reminders,
            commands::search,
            transfers::transfer_check,
            transfers::transfer_flows,
            transfers::transfer_summary,
            transfers::transfer_what_if,
            transfers::transfer_dataset,
            transfers::dataset_load,
            transfers::dataset_reset,
            transfers::tia_list,
            transfers::tia_draft,
            commands::used_values,
            commands::record_history,
            commands::register_as_of,
            commands::sample_load,
            commands::organisation_create,
            commands::organisation_update,
            commands::organisation_delete,
            commands::activity_create,
            commands::activity_update,
            commands::activity_delete,
            commands::processor_record_create,
            commands::processor_record_update,
            commands::processor_record_delete,
            commands::vendor_create,
            commands::vendor_update,
            commands::vendor_delete,
            commands::dpa_create,
            commands::dpa_update,
            commands::dpa_delete,
            commands::measure_create,
            commands::measure_update,
            commands::measure_delete,
            commands::tia_create,
            commands::tia_update,
            commands::tia_delete,
            reports::report_export,
            reports::report_preview,
            reports::objection_letter,
            reports::org_import_pick,
            reports::org_import_bytes,
        ])
        .build(tauri::generate_context!());
    match result {
        Ok(desktop) => desktop.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                close_vault(handle);
            }
        }),
        Err(e) => {
            eprintln!("DPA Desk could not start: {e}");
            std::process::exit(2);
        }
    }
}

/// Closes the vault before the process ends: the last changes are checkpointed into the
/// file, and no connection is still closing on its own thread when SQLCipher's exit handler
/// frees what it uses.
fn close_vault(handle: &tauri::AppHandle) {
    let desk = handle.state::<Desk>();
    let app = tauri::async_runtime::block_on(desk.app.write()).take();
    if let Some(app) = app
        && let Err(e) = tauri::async_runtime::block_on(app.close())
    {
        log::warn!("the vault did not close cleanly: {e}");
    }
}
