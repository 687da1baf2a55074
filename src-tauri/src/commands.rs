//! The commands the UI invokes. Each is a one-liner over `dpadesk-app`; errors reach the UI
//! as `{kind, message, fields}`.

use crate::documents;
use crate::state::{Desk, KeyKind, Problem, not_open, warm_up};
use crate::vault_care::{NewCode, kind_of};
use chrono::{DateTime, NaiveDate, Utc};
use dpadesk_app::completeness::OrganisationCompleteness;
use dpadesk_app::history::{RecordChange, RegisterSnapshot};
use dpadesk_app::library::{self, Template};
use dpadesk_app::overview::{ActivityRow, OrganisationSummary, UsedValues};
use dpadesk_app::reminders::Reminder;
use dpadesk_app::sample::SampleSummary;
use dpadesk_app::search::SearchHit;
use dpadesk_app::session::{create_vault, key_source, new_passphrase, open_vault_quickly};
use dpadesk_app::validate::Editable;
use dpadesk_app::{App, AppResult};
use dpadesk_model::*;
use serde::Serialize;
use tauri::{AppHandle, State};

/// Runs `f` with the open app, or fails with a `locked` error.
pub(crate) async fn with_app<T>(
    desk: &Desk,
    f: impl AsyncFnOnce(&App) -> AppResult<T>,
) -> AppResult<T> {
    let guard = desk.app.read().await;
    let app = guard.as_ref().ok_or_else(not_open)?;
    f(app).await
}

#[derive(Debug, Serialize)]
pub struct VaultStatus {
    pub path: String,
    pub exists: bool,
    pub open: bool,
    /// How the open vault was unlocked: `keychain`, `passphrase` or `recovery_code`.
    pub opened_with: Option<KeyKind>,
    /// Why the vault did not open at start when that was more than a missing key: a damaged
    /// file, another program holding it.
    pub problem: Option<Problem>,
}

#[tauri::command]
pub async fn vault_status(desk: State<'_, Desk>) -> AppResult<VaultStatus> {
    let path = desk.path()?;
    Ok(VaultStatus {
        path: path.display().to_string(),
        exists: path.exists(),
        open: desk.app.read().await.is_some(),
        opened_with: desk.opened_with(),
        problem: desk.start_problem(),
    })
}

/// Creates the vault: its key goes to the OS keychain unless a passphrase is given. The
/// recovery code comes back once, for the recovery kit screen.
#[tauri::command]
pub async fn vault_create(
    handle: AppHandle,
    desk: State<'_, Desk>,
    passphrase: Option<String>,
) -> AppResult<NewCode> {
    let keys = match passphrase.filter(|p| !p.is_empty()) {
        Some(p) => new_passphrase(p)?,
        None => key_source(None),
    };
    let app = create_vault(&desk.path()?, &keys).await?;
    let code = NewCode::issued(&app.recovery_code());
    *desk.app.write().await = Some(app);
    desk.opened(kind_of(&keys));
    warm_up(&handle, false);
    Ok(code)
}

/// Opens the vault with the OS keychain, or with the passphrase given.
#[tauri::command]
pub async fn vault_open(
    handle: AppHandle,
    desk: State<'_, Desk>,
    passphrase: Option<String>,
) -> AppResult<()> {
    let mut slot = desk.app.write().await;
    if slot.is_none() {
        let keys = key_source(passphrase.filter(|p| !p.is_empty()));
        *slot = Some(open_vault_quickly(&desk.path()?, &keys).await?);
        desk.opened(kind_of(&keys));
        drop(slot);
        warm_up(&handle, true);
    }
    Ok(())
}

async fn list<A: Editable>(desk: &Desk) -> AppResult<Vec<Record<A>>> {
    with_app(desk, async |app| app.list::<A>().await).await
}

async fn create<A: Editable>(desk: &Desk, data: A) -> AppResult<Record<A>> {
    with_app(desk, async |app| app.create(data).await).await
}

/// Saves over the version the form read (`seen`, its `updated_at`), refusing when someone
/// changed it since; without `seen` (the user chose to keep their version) over the stored one.
async fn update<A: Editable>(
    desk: &Desk,
    id: Id,
    data: A,
    seen: Option<DateTime<Utc>>,
) -> AppResult<Record<A>> {
    with_app(desk, async |app| match seen {
        Some(seen) => app.update_seen(id, data, seen).await,
        None => app.update(id, data).await,
    })
    .await
}

async fn delete<A: Editable>(desk: &Desk, id: Id) -> AppResult<()> {
    with_app(desk, async |app| app.delete::<A>(id).await.map(drop)).await
}

pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The create, update and delete commands of one kind of record.
macro_rules! editable_commands {
    ($data:ty, $create:ident, $update:ident, $delete:ident) => {
        #[tauri::command]
        pub async fn $create(desk: State<'_, Desk>, data: $data) -> AppResult<Record<$data>> {
            create(&desk, data).await
        }

        #[tauri::command]
        pub async fn $update(
            desk: State<'_, Desk>,
            id: Id,
            data: $data,
            seen: Option<DateTime<Utc>>,
        ) -> AppResult<Record<$data>> {
            update(&desk, id, data, seen).await
        }

        #[tauri::command]
        pub async fn $delete(desk: State<'_, Desk>, id: Id) -> AppResult<()> {
            delete::<$data>(&desk, id).await
        }
    };
}

editable_commands!(
    OrganisationData,
    organisation_create,
    organisation_update,
    organisation_delete
);
editable_commands!(
    ActivityData,
    activity_create,
    activity_update,
    activity_delete
);
editable_commands!(
    ProcessorRecordData,
    processor_record_create,
    processor_record_update,
    processor_record_delete
);
editable_commands!(VendorData, vendor_create, vendor_update, vendor_delete);
editable_commands!(DpaData, dpa_create, dpa_update, dpa_delete);
editable_commands!(MeasureData, measure_create, measure_update, measure_delete);
editable_commands!(TiaData, tia_create, tia_update, tia_delete);

#[tauri::command]
pub async fn organisation_list(desk: State<'_, Desk>) -> AppResult<Vec<Organisation>> {
    list(&desk).await
}

/// The home screen: every organisation with its completeness and open reminders.
#[tauri::command]
pub async fn organisation_summaries(desk: State<'_, Desk>) -> AppResult<Vec<OrganisationSummary>> {
    with_app(&desk, async |app| app.organisation_summaries(today()).await).await
}

#[tauri::command]
pub async fn completeness(
    desk: State<'_, Desk>,
    organisation: Id,
) -> AppResult<OrganisationCompleteness> {
    with_app(&desk, async |app| app.completeness_of(organisation).await).await
}

#[tauri::command]
pub async fn activity_rows(desk: State<'_, Desk>, organisation: Id) -> AppResult<Vec<ActivityRow>> {
    with_app(&desk, async |app| app.activity_rows(organisation).await).await
}

#[tauri::command]
pub async fn activity_copy(desk: State<'_, Desk>, id: Id, to: Id) -> AppResult<Activity> {
    with_app(&desk, async |app| app.copy_activity(id, to).await).await
}

#[tauri::command]
pub fn template_list() -> Vec<Template> {
    library::templates().to_vec()
}

#[tauri::command]
pub async fn template_apply(
    desk: State<'_, Desk>,
    organisation: Id,
    keys: Vec<String>,
) -> AppResult<Vec<Activity>> {
    with_app(&desk, async |app| {
        app.apply_templates(organisation, &keys).await
    })
    .await
}

#[tauri::command]
pub async fn processor_record_list(
    desk: State<'_, Desk>,
    organisation: Id,
) -> AppResult<Vec<ProcessorRecord>> {
    with_app(&desk, async |app| {
        app.processor_records_of(organisation).await
    })
    .await
}

#[tauri::command]
pub async fn vendor_list(desk: State<'_, Desk>) -> AppResult<Vec<Vendor>> {
    list(&desk).await
}

#[tauri::command]
pub async fn subprocessor_list_list(
    desk: State<'_, Desk>,
    vendor: Id,
) -> AppResult<Vec<SubprocessorList>> {
    with_app(&desk, async |app| app.subprocessor_lists_of(vendor).await).await
}

#[tauri::command]
pub async fn dpa_list(desk: State<'_, Desk>, organisation: Id) -> AppResult<Vec<Dpa>> {
    with_app(&desk, async |app| app.dpas_of(organisation).await).await
}

#[tauri::command]
pub async fn dpa_copy(desk: State<'_, Desk>, id: Id, to: Id) -> AppResult<Dpa> {
    with_app(&desk, async |app| app.copy_dpa(id, to).await).await
}

/// Asks for the signed agreement (PDF or DOCX) and stores it inside the vault; `None` when
/// the user cancels the dialog.
#[tauri::command]
pub async fn dpa_attach_document(
    window: tauri::Window,
    desk: State<'_, Desk>,
    id: Id,
) -> AppResult<Option<Dpa>> {
    let Some(path) = documents::pick(
        &window,
        "PDF, Word, OpenDocument",
        &["pdf", "docx", "odt", "doc"],
    )
    .await
    else {
        return Ok(None);
    };
    let (name, bytes) = documents::read_document(&path).await?;
    with_app(&desk, async |app| {
        app.attach_dpa_document(id, &name, &bytes).await
    })
    .await
    .map(Some)
}

/// Opens the agreement's document with the program the system uses for its type.
#[tauri::command]
pub async fn dpa_open_document(
    window: tauri::Window,
    desk: State<'_, Desk>,
    id: Id,
) -> AppResult<()> {
    let (doc, bytes) = with_app(&desk, async |app| app.dpa_document(id).await).await?;
    documents::open(&window, &doc.file_name, &bytes)
}

#[tauri::command]
pub async fn measure_list(desk: State<'_, Desk>) -> AppResult<Vec<Measure>> {
    list(&desk).await
}

#[tauri::command]
pub async fn reminders(desk: State<'_, Desk>, organisation: Id) -> AppResult<Vec<Reminder>> {
    with_app(&desk, async |app| {
        app.reminders_of(organisation, today()).await
    })
    .await
}

#[tauri::command]
pub async fn search(desk: State<'_, Desk>, query: String) -> AppResult<Vec<SearchHit>> {
    with_app(&desk, async |app| app.search(&query).await).await
}

#[tauri::command]
pub async fn used_values(desk: State<'_, Desk>) -> AppResult<UsedValues> {
    with_app(&desk, async |app| app.used_values().await).await
}

#[tauri::command]
pub async fn record_history(
    desk: State<'_, Desk>,
    entity: EntityKind,
    id: Id,
) -> AppResult<Vec<RecordChange>> {
    with_app(&desk, async |app| app.record_changes(entity, id).await).await
}

#[tauri::command]
pub async fn register_as_of(
    desk: State<'_, Desk>,
    organisation: Id,
    date: NaiveDate,
) -> AppResult<RegisterSnapshot> {
    with_app(&desk, async |app| {
        app.register_as_of(organisation, date).await
    })
    .await
}

#[tauri::command]
pub async fn sample_load(desk: State<'_, Desk>) -> AppResult<SampleSummary> {
    with_app(&desk, async |app| app.load_sample().await).await
}
