// The closed lists of the register in the order the forms offer them; their labels are in the
// translation files under the same names.
import type { ActivityStatus } from './generated/ActivityStatus';
import type { Art9Condition } from './generated/Art9Condition';
import type { DataSensitivity } from './generated/DataSensitivity';
import type { LegalBasis } from './generated/LegalBasis';
import type { PeriodUnit } from './generated/PeriodUnit';
import type { RecipientKind } from './generated/RecipientKind';
import { t } from './i18n.svelte';

export const LEGAL_BASES: LegalBasis[] = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'];

export const ART9_CONDITIONS: Art9Condition[] = [
  'explicit_consent', 'employment_and_social_security', 'vital_interests', 'not_for_profit_body',
  'made_public_by_data_subject', 'legal_claims', 'substantial_public_interest', 'health_or_social_care',
  'public_health', 'archiving_research_statistics',
];

export const SENSITIVITIES: DataSensitivity[] = ['ordinary', 'special', 'criminal'];
export const PERIOD_UNITS: PeriodUnit[] = ['days', 'months', 'years'];
export const RECIPIENT_KINDS: RecipientKind[] = ['internal', 'processor', 'third_party', 'public_authority'];
export const STATUSES: ActivityStatus[] = ['draft', 'active', 'retired'];

/** What users of this vault typed before, then the built-in suggestions in the UI language. */
export function suggestions(kind: string, used: string[] = []): string[] {
  return [...used, ...t(`suggest.${kind}`).split('|')].map((s) => s.trim()).filter(Boolean);
}
