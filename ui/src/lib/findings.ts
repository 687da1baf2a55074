// What the window adds to the core's transfer findings, which come worded in the UI language:
// the order of the rules for the filter, and where a finding's transfer tool was read from.
import type { Finding } from './generated/Finding';
import type { RuleId } from './generated/RuleId';
import { catalogues, t } from './i18n.svelte';

/** The rules in the order the core defines them: how the filter lists them and findings of one severity sort. */
export const RULES: RuleId[] = [
  'no_mechanism', 'invalid_mechanism', 'adequacy_absent', 'adequacy_ended', 'adequacy_scope_unverified',
  'decision_unverified', 'scc_module_mismatch', 'tia_missing', 'tia_overdue', 'tia_negative', 'derogation_misuse',
  'special_data_third_country', 'onward_transfer_unsafeguarded', 'destination_unknown', 'dpa_missing',
  'dpa_incomplete', 'dpa_review_overdue', 'objection_deadline_passed',
];

/** Where the transfer tool of the finding was read from (which paper to correct), if the core says. */
export function findingRecordedIn(f: Pick<Finding, 'params'>): string {
  const source = f.params?.recorded_in;
  if (!source) return '';
  const key = `recordedIn.${source}`;
  return key in catalogues.en ? t(key) : source;
}
