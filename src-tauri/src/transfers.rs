//! The transfer commands: findings, flows and what-if as of a day, the reference dataset
//! (shown in Settings, replaced by a newer file the user picks), and TIA drafts.

use crate::commands::{today, with_app};
use crate::state::Desk;
use chrono::NaiveDate;
use dpadesk_app::AppResult;
use dpadesk_app::reference::ReferenceDataset;
use dpadesk_app::tia::TiaDraft;
use dpadesk_app::transfers::{CheckReport, FlowReport, OrganisationFindings, WhatIfReport};
use dpadesk_model::{Id, Tia};
use dpadesk_report::Lang;
use dpadesk_transfer::Hypothesis;
use tauri::State;

/// The transfer findings of one organisation as of a day (default: today), worded in the
/// window's language.
#[tauri::command]
pub async fn transfer_check(
    desk: State<'_, Desk>,
    organisation: Id,
    as_of: Option<NaiveDate>,
    lang: Lang,
) -> AppResult<CheckReport> {
    with_app(&desk, async |app| {
        let report = app
            .check_transfers(Some(organisation), as_of.unwrap_or_else(today))
            .await?;
        Ok(report.in_language(lang))
    })
    .await
}

/// Every organisation's open findings by severity, for the home screen.
#[tauri::command]
pub async fn transfer_summary(desk: State<'_, Desk>) -> AppResult<Vec<OrganisationFindings>> {
    with_app(&desk, async |app| app.transfer_summary(today()).await).await
}

/// Every hop of one organisation's flows, or of every organisation's (the cross-client view).
#[tauri::command]
pub async fn transfer_flows(
    desk: State<'_, Desk>,
    organisation: Option<Id>,
    as_of: Option<NaiveDate>,
) -> AppResult<FlowReport> {
    with_app(&desk, async |app| {
        app.transfer_flows(organisation, as_of.unwrap_or_else(today))
            .await
    })
    .await
}

#[tauri::command]
pub async fn transfer_what_if(
    desk: State<'_, Desk>,
    organisation: Option<Id>,
    as_of: Option<NaiveDate>,
    hypotheses: Vec<Hypothesis>,
    lang: Lang,
) -> AppResult<WhatIfReport> {
    with_app(&desk, async |app| {
        let report = app
            .transfer_what_if(organisation, as_of.unwrap_or_else(today), &hypotheses)
            .await?;
        Ok(report.in_language(lang))
    })
    .await
}

/// The dataset in use and the built-in one, for Settings and the findings' footer.
#[tauri::command]
pub async fn transfer_dataset(desk: State<'_, Desk>) -> AppResult<ReferenceDataset> {
    with_app(&desk, async |app| app.reference_dataset().await).await
}

/// A dataset file the user picked in Settings (read by the window: it is small text).
#[tauri::command]
pub async fn dataset_load(desk: State<'_, Desk>, content: String) -> AppResult<ReferenceDataset> {
    with_app(&desk, async |app| {
        app.load_dataset(content.as_bytes()).await
    })
    .await
}

#[tauri::command]
pub async fn dataset_reset(desk: State<'_, Desk>) -> AppResult<ReferenceDataset> {
    with_app(&desk, async |app| app.reset_dataset().await).await
}

#[tauri::command]
pub async fn tia_list(desk: State<'_, Desk>, organisation: Id) -> AppResult<Vec<Tia>> {
    with_app(&desk, async |app| app.tias_of(organisation).await).await
}

/// The TIA form for a transfer to a vendor, or onward to one of its subprocessors.
#[tauri::command]
pub async fn tia_draft(
    desk: State<'_, Desk>,
    organisation: Id,
    vendor: Id,
    subprocessor: Option<String>,
) -> AppResult<TiaDraft> {
    with_app(&desk, async |app| {
        app.tia_draft(
            organisation,
            vendor,
            subprocessor.as_deref().unwrap_or(""),
            today(),
        )
        .await
    })
    .await
}
