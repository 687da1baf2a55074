// Helpers shared by the screens of vendors' subprocessor lists: the import preview, the
// versions of a vendor and the change from one version to the next.
import type { ReviewStatus } from './generated/ReviewStatus';
import type { SubprocessorEntry } from './generated/SubprocessorEntry';

/** The shape of a country code the core accepts (it also checks the code exists). */
export const COUNTRY_CODE = /^[A-Z]{2}$/;

/** Below this the importer was unsure of the whole row, not just one cell. */
export const LOW_CONFIDENCE = 0.6;

/** The decisions the user can record on a received version (pending is where it starts). */
export const REVIEW_DECISIONS: ReviewStatus[] = ['reviewed', 'accepted', 'objected'];

/** An entry with every field the core expects, for a row the user adds by hand. */
export function blankEntry(): SubprocessorEntry {
  return {
    name: '',
    address: '',
    country: null,
    service: '',
    processing_location: '',
    mechanism: 'unknown',
    certifications: [],
    vendor_id: null,
  };
}

/** The message of a failed import, or `null` when the user cancelled it. */
export function importFailure(e: unknown): { cancelled: boolean; message: string } {
  if (typeof e === 'object' && e !== null && 'kind' in e) {
    const err = e as { kind: string; message?: string };
    return { cancelled: err.kind === 'cancelled', message: err.message ?? '' };
  }
  return { cancelled: false, message: String(e) };
}

/** The badge style of a review status (see `.badge` in app.css). */
export function statusBadge(status: ReviewStatus): string {
  return { pending: 'draft', reviewed: '', accepted: 'active', objected: 'danger' }[status];
}
