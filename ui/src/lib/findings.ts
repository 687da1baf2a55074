// A transfer finding's explanation and remedy in the UI language, rebuilt from its rule and
// parameters the way crates/transfer/src/text.rs builds the English; codes in the parameters
// (tools, roles, scopes, dates, countries, Art. 28 items) are shown as words of that language.
import { countryName } from './countries';
import type { Finding } from './generated/Finding';
import type { RuleId } from './generated/RuleId';
import { catalogues, formatDate, locale, t } from './i18n.svelte';

type Params = Record<string, string>;

/** The rules this module words, in the order the core defines them; any other (a newer core) falls back to the core's English. */
export const RULES: RuleId[] = [
  'no_mechanism', 'invalid_mechanism', 'adequacy_absent', 'adequacy_ended', 'adequacy_scope_unverified',
  'decision_unverified', 'scc_module_mismatch', 'tia_missing', 'tia_overdue', 'tia_negative', 'derogation_misuse',
  'special_data_third_country', 'onward_transfer_unsafeguarded', 'destination_unknown', 'dpa_missing',
  'dpa_incomplete', 'dpa_review_overdue', 'objection_deadline_passed',
];
const KNOWN = new Set<string>(RULES);

/** The translation of `prefix + value` when there is one, else the value itself (a code is better than nothing). */
function word(prefix: string, value: string | undefined): string {
  if (!value) return '';
  const key = `${prefix}${value}`;
  return key in catalogues.en ? t(key) : value;
}

const date = (p: Params, key: string) => formatDate(p[key]) || (p[key] ?? '');
const mechanism = (p: Params) => word('mechanism.', p.mechanism);
const role = (value: string | undefined) => word('findingRole.', value);

/** "Mailer Inc (United States)", or "… , subprocessor of Vendor" for an onward hop. */
function recipient(p: Params): string {
  const params = { recipient: p.recipient ?? '', destination: countryName(p.destination), vendor: p.vendor ?? '' };
  return p.vendor && p.subprocessor ? t('finding.toSubprocessor', params) : t('finding.to', params);
}

function sensitiveData(p: Params): string {
  const kind = p.data ?? '';
  const special = kind.includes('special');
  const criminal = kind.includes('criminal');
  return t(special && criminal ? 'findingData.both' : criminal ? 'findingData.criminal' : 'findingData.special');
}

/** The dataset's reason an instrument is invalid; the what-if hypothesis is ours, so it is translated. */
function reason(p: Params): string {
  return p.reason === 'hypothesis tested by the user' ? t('finding.reason.hypothesis') : (p.reason ?? '');
}

function missingItems(p: Params): string {
  return (p.missing_items ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => word('art28.', item))
    .join('; ');
}

/** The key and parameters of a rule's sentence. */
function body(rule: string, p: Params): [string, Record<string, string>] {
  const to = recipient(p);
  const name = p.recipient ?? '';
  switch (rule) {
    case 'no_mechanism':
      return p.instrument
        ? ['finding.no_mechanism.instrument', { to, instrument: p.instrument }]
        : ['finding.no_mechanism', { to, mechanism: mechanism(p) }];
    case 'invalid_mechanism': {
      const base = { to, instrument: p.instrument_name ?? '', reference: p.reference ?? '' };
      if (p.state === 'new_contract')
        return ['finding.invalid_mechanism.new_contract', { ...base, signed: date(p, 'contract_signed_on'), cutoff: date(p, 'new_contracts_invalid_from') }];
      if (p.state === 'not_yet_adopted')
        return ['finding.invalid_mechanism.not_yet_adopted', { ...base, adopted: date(p, 'adopted_on') }];
      return ['finding.invalid_mechanism', { ...base, since: date(p, 'invalid_from'), reason: reason(p) }];
    }
    case 'adequacy_absent':
      return p.adopted_on
        ? ['finding.adequacy_absent.later', { to, reference: p.reference ?? '', adopted: date(p, 'adopted_on') }]
        : ['finding.adequacy_absent', { to, destination: countryName(p.destination) }];
    case 'adequacy_ended':
      return ['finding.adequacy_ended', { to, reference: p.reference ?? '', ended: date(p, 'ends_on') }];
    case 'adequacy_scope_unverified':
      return ['finding.adequacy_scope_unverified', { to, reference: p.reference ?? '', scope: word('adequacyScope.', p.scope) }];
    case 'decision_unverified':
      // The note is the dataset's sentence; the template adds its own full stop after the article.
      return ['finding.decision_unverified', { to, reference: p.reference ?? '', note: (p.verify_note ?? '').replace(/\.\s*$/, '') }];
    case 'scc_module_mismatch':
      return ['finding.scc_module_mismatch', {
        to, module: p.module ?? '', expected: p.expected_module ?? '', reference: p.reference ?? '',
        exporter: role(p.exporter_role), importer: role(p.importer_role),
      }];
    case 'tia_missing':
      return ['finding.tia_missing', { to, mechanism: mechanism(p) }];
    case 'tia_overdue':
      return ['finding.tia_overdue', { to, due: date(p, 're_evaluate_on') }];
    case 'tia_negative':
      return ['finding.tia_negative', { to, assessed: date(p, 'done_on'), mechanism: mechanism(p) }];
    case 'derogation_misuse':
      return ['finding.derogation_misuse', { to, role: role(p.importer_role) }];
    case 'special_data_third_country':
      return ['finding.special_data_third_country', { to, data: sensitiveData(p) }];
    case 'onward_transfer_unsafeguarded':
      return ['finding.onward_transfer_unsafeguarded', { to, mechanism: mechanism(p) }];
    case 'destination_unknown':
      return ['finding.destination_unknown', { recipient: name }];
    case 'dpa_missing':
      return ['finding.dpa_missing', { recipient: name, organisation: p.organisation ?? '', activities: p.activities ?? '' }];
    case 'dpa_incomplete':
      return ['finding.dpa_incomplete', { recipient: name, count: p.missing_count ?? '', items: missingItems(p) }];
    case 'dpa_review_overdue':
      return ['finding.dpa_review_overdue', { recipient: name, due: date(p, 'next_review_on') }];
    default: // objection_deadline_passed
      return p.received_on
        ? ['finding.objection_deadline_passed', { recipient: name, received: date(p, 'received_on'), deadline: date(p, 'object_by') }]
        : ['finding.objection_deadline_passed.undated', { recipient: name, deadline: date(p, 'object_by') }];
  }
}

/** Upper-cases the first letter of a sentence, in the rules of the UI language. */
function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase(locale.lang) + text.slice(1);
}

/** What the finding says, in the UI language. */
export function findingMessage(f: Pick<Finding, 'rule' | 'params' | 'message'>): string {
  if (!KNOWN.has(f.rule)) return f.message;
  const p = f.params ?? {};
  const [key, params] = body(f.rule, p);
  // A sentence opening on a vendor's name ("{recipient} processes…") keeps the name as written.
  const opensOnName = (catalogues[locale.lang]?.[key] ?? catalogues.en[key] ?? '').startsWith('{recipient}');
  const text = t(key, params);
  let out = p.activity ? t('finding.scope', { activity: p.activity, text }) : opensOnName ? text : sentence(text);
  if (p.source) out += ` ${t('finding.source', { source: p.source })}`;
  return out;
}

/** What to do about it, in the UI language. */
export function findingRemedy(f: Pick<Finding, 'rule' | 'params' | 'remedy'>): string {
  if (!KNOWN.has(f.rule)) return f.remedy;
  const p = f.params ?? {};
  const r = { recipient: p.recipient ?? '' };
  switch (f.rule) {
    case 'onward_transfer_unsafeguarded':
      return t('remedy.no_mechanism', r);
    case 'adequacy_ended':
      return t('remedy.adequacy_absent', r);
    case 'adequacy_scope_unverified':
      return t(p.scope === 'dpf_listed' ? 'remedy.adequacy_scope_unverified.dpf' : 'remedy.adequacy_scope_unverified', r);
    case 'scc_module_mismatch':
      return t('remedy.scc_module_mismatch', { ...r, module: p.expected_module ?? '' });
    case 'tia_missing':
      return t('remedy.tia_missing', { ...r, destination: countryName(p.destination) });
    default:
      return t(`remedy.${f.rule}`, r);
  }
}

/** Where the transfer tool of the finding was read from (which paper to correct), if the core says. */
export function findingRecordedIn(f: Pick<Finding, 'params'>): string {
  const source = f.params?.recorded_in;
  return source ? word('recordedIn.', source) : '';
}
