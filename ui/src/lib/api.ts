// The one door from the UI to the Rust core: typed wrappers over Tauri's `invoke`.
// Components call these, never `invoke` directly.
import { invoke } from '@tauri-apps/api/core';
import type { ApiError } from './generated/ApiError';
import type { ErrorKind } from './generated/ErrorKind';
import type { FieldError } from './generated/FieldError';
import type { BackupSettings } from './generated/BackupSettings';
import type { BackupSummary } from './generated/BackupSummary';
import { askAboutConflict, reloadScreens } from './vault-events.svelte';
import type { ActivityData } from './generated/ActivityData';
import type { ActivityRow } from './generated/ActivityRow';
import type { DpaData } from './generated/DpaData';
import type { EntityKind } from './generated/EntityKind';
import type { MeasureData } from './generated/MeasureData';
import type { OrganisationCompleteness } from './generated/OrganisationCompleteness';
import type { OrganisationData } from './generated/OrganisationData';
import type { OrganisationSummary } from './generated/OrganisationSummary';
import type { ProcessorRecordData } from './generated/ProcessorRecordData';
import type { RecordChange } from './generated/RecordChange';
import type { RegisterSnapshot } from './generated/RegisterSnapshot';
import type { Reminder } from './generated/Reminder';
import type { SampleSummary } from './generated/SampleSummary';
import type { SearchHit } from './generated/SearchHit';
import type { Stored } from './generated/Stored';
import type { ChangeReview } from './generated/ChangeReview';
import type { CheckReport } from './generated/CheckReport';
import type { ExportRequest } from './generated/ExportRequest';
import type { FlowReport } from './generated/FlowReport';
import type { ImportSummary } from './generated/ImportSummary';
import type { RegisterPreview } from './generated/RegisterPreview';
import type { RegisterImportEntry } from './generated/RegisterImportEntry';
import type { ImportUndone } from './generated/ImportUndone';
import type { Lang } from './generated/Lang';
import type { Hypothesis } from './generated/Hypothesis';
import type { OrganisationFindings } from './generated/OrganisationFindings';
import type { ReferenceDataset } from './generated/ReferenceDataset';
import type { TiaData } from './generated/TiaData';
import type { TiaDraft } from './generated/TiaDraft';
import type { WhatIfReport } from './generated/WhatIfReport';
import type { ImportPreview } from './generated/ImportPreview';
import type { ListChangeReport } from './generated/ListChangeReport';
import type { ListCheck } from './generated/ListCheck';
import type { SubprocessorEntry } from './generated/SubprocessorEntry';
import type { SubprocessorListData } from './generated/SubprocessorListData';
import type { Template } from './generated/Template';
import type { UsedValues } from './generated/UsedValues';
import type { VendorData } from './generated/VendorData';

export type Organisation = Stored<OrganisationData>;
export type Activity = Stored<ActivityData>;
export type ProcessorRecord = Stored<ProcessorRecordData>;
export type Vendor = Stored<VendorData>;
export type Dpa = Stored<DpaData>;
export type Measure = Stored<MeasureData>;
export type SubprocessorList = Stored<SubprocessorListData>;
export type Tia = Stored<TiaData>;

/** What every failed command returns; its `kind` is one of `ErrorKind`. */
export type { ApiError, ErrorKind, FieldError };

export function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && 'kind' in e && 'message' in e;
}

/** The message to show for anything a command threw. */
export function messageOf(e: unknown): string {
  return isApiError(e) ? e.message : String(e);
}

/** Field errors by field path, for showing next to the inputs. */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isApiError(e)) for (const f of e.fields ?? []) out[f.field] ??= f.message;
  return out;
}

export type KeyKind = 'keychain' | 'passphrase' | 'recovery_code';

export interface VaultStatus {
  path: string;
  exists: boolean;
  open: boolean;
  opened_with: KeyKind | null;
  /** Why the vault did not open at start, when it is more than a missing key (a damaged file). */
  problem: { kind: ErrorKind; message: string } | null;
}

/** A step that issued a recovery code returns it once, for the recovery kit screen. */
export interface NewCode {
  recovery_code: string | null;
}

/** How the vault opens from now on. */
export type NextKey = { mode: 'keychain' } | { mode: 'passphrase'; passphrase: string };

export interface BackupPlace {
  chosen: BackupSettings;
  dir: string;
  keep: number;
}

/**
 * Saves over the version of `record` the form was opened on. When someone changed it
 * meanwhile, the user chooses: keep their version (saved over the newer one), or reload
 * (every screen reads the vault again and the save is dropped).
 */
async function saveOver<T>(kind: string, record: Stored<T>, data: T): Promise<Stored<T>> {
  try {
    return await invoke<Stored<T>>(`${kind}_update`, { id: record.id, data, seen: record.updated_at });
  } catch (e) {
    if (!isApiError(e) || e.kind !== 'conflict') throw e;
    if ((await askAboutConflict(e)) === 'keep') {
      return invoke<Stored<T>>(`${kind}_update`, { id: record.id, data, seen: null });
    }
    reloadScreens();
    throw e;
  }
}

/** Create, update and delete for one kind of record, named `<kind>_create` and so on. */
function editable<T>(kind: string) {
  return {
    create: (data: T) => invoke<Stored<T>>(`${kind}_create`, { data }),
    /** Saves `data` over `record` as the form read it (see `saveOver`). */
    update: (record: Stored<T>, data: T) => saveOver(kind, record, data),
    remove: (id: string) => invoke<void>(`${kind}_delete`, { id }),
  };
}

export const api = {
  vaultStatus: () => invoke<VaultStatus>('vault_status'),
  vaultCreate: (passphrase: string | null) => invoke<NewCode>('vault_create', { passphrase }),
  vaultOpen: (passphrase: string | null) => invoke<void>('vault_open', { passphrase }),
  /** Opens the vault with its recovery code and keeps its key as `next` says. */
  vaultRecover: (code: string, next: NextKey) => invoke<NewCode>('vault_recover', { code, next }),
  /** A new key for the open vault (`next`), or only a new recovery code (`next` null). */
  vaultChangeKey: (currentPassphrase: string | null, next: NextKey | null) =>
    invoke<NewCode>('vault_change_key', { currentPassphrase, next }),
  /** The recovery kit PDF, saved where the user chooses: the path, `null` when cancelled. */
  saveRecoveryKit: (code: string, lang: Lang) => invoke<string | null>('recovery_kit_save', { code, lang }),
  /** The vault's backups, newest first; `key` opens them when the vault itself is not open. */
  backups: (key: string | null = null) => invoke<BackupSummary[]>('backup_list', { key }),
  backupNow: () => invoke<string>('backup_now'),
  backupSettings: () => invoke<BackupPlace>('backup_settings'),
  saveBackupSettings: (chosen: BackupSettings) => invoke<BackupPlace>('backup_settings_save', { chosen }),
  /** A folder chosen through the system dialog; `null` when dismissed. */
  pickBackupDir: () => invoke<string | null>('backup_pick_dir'),
  /** Replaces the vault with a backup (the vault as it was is kept aside: its path comes back). */
  restoreBackup: (backup: string, key: string | null = null) => invoke<string>('backup_restore', { backup, key }),
  loadSample: () => invoke<SampleSummary>('sample_load'),

  organisation: editable<OrganisationData>('organisation'),
  organisations: () => invoke<Organisation[]>('organisation_list'),
  organisationSummaries: () => invoke<OrganisationSummary[]>('organisation_summaries'),
  completeness: (organisation: string) => invoke<OrganisationCompleteness>('completeness', { organisation }),

  activity: editable<ActivityData>('activity'),
  activityRows: (organisation: string) => invoke<ActivityRow[]>('activity_rows', { organisation }),
  copyActivity: (id: string, to: string) => invoke<Activity>('activity_copy', { id, to }),
  templates: () => invoke<Template[]>('template_list'),
  applyTemplates: (organisation: string, keys: string[]) =>
    invoke<Activity[]>('template_apply', { organisation, keys }),
  usedValues: () => invoke<UsedValues>('used_values'),

  processorRecord: editable<ProcessorRecordData>('processor_record'),
  processorRecords: (organisation: string) =>
    invoke<ProcessorRecord[]>('processor_record_list', { organisation }),

  vendor: editable<VendorData>('vendor'),
  vendors: () => invoke<Vendor[]>('vendor_list'),
  subprocessorLists: (vendor: string) => invoke<SubprocessorList[]>('subprocessor_list_list', { vendor }),
  /** Asks for the file through the system dialog; `null` when the user cancels. */
  importListFile: () => invoke<ImportPreview | null>('list_import_pick'),
  /** A dropped file: its bytes go as the raw request body; progress arrives as `list-import-progress` events. */
  importListBytes: (name: string, bytes: Uint8Array) =>
    invoke<ImportPreview>('list_import_bytes', bytes, { headers: { 'x-file-name': encodeURIComponent(name) } }),
  importListText: (text: string) => invoke<ImportPreview>('list_import_text', { text }),
  cancelListImport: () => invoke<void>('list_import_cancel'),
  saveList: (vendor: string, receivedOn: string | null, source: string, contentHash: string, entries: SubprocessorEntry[]) =>
    invoke<SubprocessorList>('list_save', { vendor, receivedOn, source, contentHash, entries }),
  listChange: (list: string) => invoke<ListChangeReport>('list_change', { list }),
  vendorCheckList: (vendor: string) => invoke<ListCheck>('vendor_check_list', { vendor }),
  reviewList: (list: string, review: ChangeReview) => invoke<SubprocessorList>('list_review', { list, review }),

  /** An existing register: chosen through the system dialog (`null` when the user cancels) or dropped; the window holds the file while it is mapped and previewed. */
  importRegisterFile: (organisation: string) => invoke<RegisterPreview | null>('register_import_pick', { organisation }),
  importRegisterBytes: (name: string, organisation: string, bytes: Uint8Array) =>
    invoke<RegisterPreview>('register_import_bytes', bytes, {
      headers: { 'x-file-name': encodeURIComponent(name), 'x-organisation': encodeURIComponent(organisation) },
    }),
  /** `mapping`: label → field key, `notes` or `skip`; `skip`: the sources of rows left out. */
  previewRegisterImport: (organisation: string, mapping: Record<string, string>, skip: string[]) =>
    invoke<RegisterPreview>('register_import_preview', { organisation, mapping: { labels: mapping }, skip }),
  saveRegisterImport: (organisation: string, mapping: Record<string, string>, skip: string[]) =>
    invoke<RegisterPreview>('register_import_save', { organisation, mapping: { labels: mapping }, skip }),
  cancelRegisterImport: () => invoke<void>('register_import_cancel'),
  registerImports: (organisation: string) => invoke<RegisterImportEntry[]>('register_imports', { organisation }),
  undoRegisterImport: (id: string) => invoke<ImportUndone>('register_import_undo', { id }),

  dpa: editable<DpaData>('dpa'),
  dpas: (organisation: string) => invoke<Dpa[]>('dpa_list', { organisation }),
  copyDpa: (id: string, to: string) => invoke<Dpa>('dpa_copy', { id, to }),
  /** Asks for the file through the system dialog; `null` when the user cancels. */
  attachDpaDocument: (id: string) => invoke<Dpa | null>('dpa_attach_document', { id }),
  openDpaDocument: (id: string) => invoke<void>('dpa_open_document', { id }),

  measure: editable<MeasureData>('measure'),
  measures: () => invoke<Measure[]>('measure_list'),

  reminders: (organisation: string) => invoke<Reminder[]>('reminders', { organisation }),
  search: (query: string) => invoke<SearchHit[]>('search', { query }),
  /** Transfer findings of an organisation as of a day (ISO date; `null` = today), worded by the core in `lang`. */
  transferCheck: (organisation: string, asOf: string | null, lang: Lang) =>
    invoke<CheckReport>('transfer_check', { organisation, asOf, lang }),
  /** Every organisation's open transfer findings by severity, as of today. */
  transferSummary: () => invoke<OrganisationFindings[]>('transfer_summary'),
  /** Every hop of an organisation's data flows (`null`: every organisation's, for the cross-client view). */
  transferFlows: (organisation: string | null, asOf: string | null) =>
    invoke<FlowReport>('transfer_flows', { organisation, asOf }),
  /** The findings that would be new under the hypotheses (worded in `lang`), and whom they touch. */
  transferWhatIf: (organisation: string | null, asOf: string | null, hypotheses: Hypothesis[], lang: Lang) =>
    invoke<WhatIfReport>('transfer_what_if', { organisation, asOf, hypotheses, lang }),
  /** The reference dataset in use and the built-in one. */
  transferDataset: () => invoke<ReferenceDataset>('transfer_dataset'),
  /** A newer dataset file's text; refused (`invalid`, field `file`) when bad or not newer. */
  loadDataset: (content: string) => invoke<ReferenceDataset>('dataset_load', { content }),
  resetDataset: () => invoke<ReferenceDataset>('dataset_reset'),

  /** Makes the export and asks where to save it: the saved path, `null` when the user cancels. */
  exportReport: (request: ExportRequest) => invoke<string | null>('report_export', { request }),
  /** A PDF export's bytes, for the preview of its first pages. */
  previewReport: (request: ExportRequest) => invoke<ArrayBuffer>('report_preview', { request }),
  /** An objection letter against a received list version, saved where the user chooses. */
  objectionLetter: (organisation: string, list: string, reasons: string, place: string, lang: Lang) =>
    invoke<string | null>('objection_letter', { organisation, list, reasons, place, lang }),
  /** A handover file chosen through the system dialog; `null` when the user cancels. */
  importOrganisationFile: () => invoke<ImportSummary | null>('org_import_pick'),
  /** A dropped handover file: its bytes go as the raw request body. */
  importOrganisationBytes: (bytes: Uint8Array) => invoke<ImportSummary>('org_import_bytes', bytes),

  tia: editable<TiaData>('tia'),
  tias: (organisation: string) => invoke<Tia[]>('tia_list', { organisation }),
  /** The TIA form of a transfer to a vendor, or onward to one of its subprocessors. */
  tiaDraft: (organisation: string, vendor: string, subprocessor: string | null) =>
    invoke<TiaDraft>('tia_draft', { organisation, vendor, subprocessor }),
  recordHistory: (entity: EntityKind, id: string) => invoke<RecordChange[]>('record_history', { entity, id }),
  registerAsOf: (organisation: string, date: string) =>
    invoke<RegisterSnapshot>('register_as_of', { organisation, date }),
};
