// The one door from the UI to the Rust core: typed wrappers over Tauri's `invoke`.
// Components call these, never `invoke` directly.
import { invoke } from '@tauri-apps/api/core';
import type { ActivityData } from './generated/ActivityData';
import type { MeasureData } from './generated/MeasureData';
import type { OrganisationData } from './generated/OrganisationData';
import type { Stored } from './generated/Stored';
import type { VendorData } from './generated/VendorData';

export type Organisation = Stored<OrganisationData>;
export type Activity = Stored<ActivityData>;
export type Vendor = Stored<VendorData>;
export type Measure = Stored<MeasureData>;

export interface FieldError {
  field: string;
  message: string;
}

/** What every failed command returns: `kind` is invalid, not_found, in_use, locked or vault. */
export interface ApiError {
  kind: string;
  message: string;
  fields: FieldError[];
}

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

export interface VaultStatus {
  path: string;
  exists: boolean;
  open: boolean;
}

export const api = {
  vaultStatus: () => invoke<VaultStatus>('vault_status'),
  vaultCreate: (passphrase: string | null) => invoke<void>('vault_create', { passphrase }),
  vaultOpen: (passphrase: string | null) => invoke<void>('vault_open', { passphrase }),

  organisations: () => invoke<Organisation[]>('organisation_list'),
  createOrganisation: (data: OrganisationData) => invoke<Organisation>('organisation_create', { data }),

  activities: (organisation: string) => invoke<Activity[]>('activity_list', { organisation }),
  createActivity: (data: ActivityData) => invoke<Activity>('activity_create', { data }),

  vendors: () => invoke<Vendor[]>('vendor_list'),
  createVendor: (data: VendorData) => invoke<Vendor>('vendor_create', { data }),

  measures: () => invoke<Measure[]>('measure_list'),
};
