import { afterEach, describe, expect, it } from 'vitest';
import { findingMessage, findingRecordedIn, findingRemedy } from './finding-text';
import type { Finding } from './generated/Finding';
import type { RuleId } from './generated/RuleId';
import { formatDate, languages, setLanguage } from './i18n.svelte';

type Text = Pick<Finding, 'rule' | 'params' | 'message' | 'remedy'>;

const finding = (rule: string, params: Record<string, string>): Text => ({
  rule: rule as RuleId, params, message: 'English from the core', remedy: 'English remedy from the core',
});

const hop = { organisation: 'Acme', recipient: 'Mailer Inc', vendor: 'Mailer Inc', destination: 'US' };

/** Every rule with the parameters the core gives it (crates/transfer/src/judge.rs and check.rs). */
const everyRule: Text[] = [
  finding('no_mechanism', { ...hop, mechanism: 'dpa_only', recorded_in: 'dpa' }),
  finding('no_mechanism', { ...hop, mechanism: 'scc', instrument: '2099/1/EU' }),
  finding('invalid_mechanism', { ...hop, state: 'invalidated', instrument_name: 'EU-US Privacy Shield', reference: '(EU) 2016/1250', invalid_from: '2020-07-16', reason: 'CJEU C-311/18', source: 'https://curia.europa.eu' }),
  finding('invalid_mechanism', { ...hop, state: 'new_contract', instrument_name: 'Old SCCs', reference: '2010/87/EU', contract_signed_on: '2021-10-01', new_contracts_invalid_from: '2021-09-27' }),
  finding('invalid_mechanism', { ...hop, state: 'not_yet_adopted', instrument_name: 'SCCs 2021', reference: '(EU) 2021/914', adopted_on: '2021-06-04' }),
  finding('adequacy_absent', { ...hop, destination: 'IN' }),
  finding('adequacy_absent', { ...hop, destination: 'BR', reference: '(EU) 2026/179', adopted_on: '2026-01-20' }),
  finding('adequacy_ended', { ...hop, destination: 'GB', reference: '(EU) 2021/1772', ends_on: '2025-12-27' }),
  finding('adequacy_scope_unverified', { ...hop, destination: 'CA', reference: '2002/2/EC', scope: 'pipeda_subject', scope_note: 'PIPEDA only' }),
  finding('decision_unverified', { ...hop, reference: '(EU) 2026/179', verify_note: 'Check the OJ reference.' }),
  finding('scc_module_mismatch', { ...hop, module: '1', expected_module: '2', exporter_role: 'controller', importer_role: 'processor', reference: '(EU) 2021/914' }),
  finding('tia_missing', { ...hop, mechanism: 'scc', activity: 'Newsletter' }),
  finding('tia_overdue', { ...hop, re_evaluate_on: '2024-01-31' }),
  finding('tia_negative', { ...hop, mechanism: 'bcr', done_on: '2024-05-02' }),
  finding('derogation_misuse', { ...hop, importer_role: 'processor' }),
  finding('special_data_third_country', { ...hop, data: 'special-category and criminal-offence', client: 'Client SA' }),
  finding('onward_transfer_unsafeguarded', { ...hop, recipient: 'Cloud Corp', subprocessor: 'Cloud Corp', destination: 'IN', mechanism: 'unknown' }),
  finding('destination_unknown', { organisation: 'Acme', recipient: 'Group Co' }),
  finding('dpa_missing', { ...hop, activities: 'Newsletter, Payroll' }),
  finding('dpa_incomplete', { ...hop, missing_count: '2', missing_items: 'security, audits_and_information' }),
  finding('dpa_review_overdue', { ...hop, next_review_on: '2024-06-30' }),
  finding('objection_deadline_passed', { ...hop, received_on: '2024-02-01', object_by: '2024-03-02' }),
  finding('objection_deadline_passed', { ...hop, object_by: '2024-03-02' }),
];

afterEach(() => setLanguage('en'));

describe('finding text', () => {
  it('words the core’s sentences in English from the parameters', () => {
    expect(findingMessage(everyRule[0])).toBe(
      'Data go to Mailer Inc (United States) with no Chapter V transfer tool (recorded: Only “the DPA” named). A transfer ' +
        'to a third country needs an adequacy decision (Art. 45), appropriate safeguards (Art. 46) or a derogation (Art. 49) (Art. 44).',
    );
    expect(findingMessage(everyRule[2])).toBe(
      `Data go to Mailer Inc (United States) under EU-US Privacy Shield ((EU) 2016/1250), which no transfer may rely on since ${formatDate('2020-07-16')}: CJEU C-311/18 (Art. 44). Source: https://curia.europa.eu`,
    );
    expect(findingMessage(everyRule[11])).toMatch(/^In “Newsletter”: data go to Mailer Inc \(United States\) under Standard Contractual Clauses without/);
    expect(findingRemedy(everyRule[11])).toBe(
      'Document a transfer impact assessment for Mailer Inc (laws of United States and supplementary measures).',
    );
  });

  it('chooses the sentence by the parameters a rule carries', () => {
    expect(findingMessage(everyRule[1])).toContain('relying on “2099/1/EU”, which the reference dataset does not know');
    expect(findingMessage(everyRule[3])).toContain(`concluded on ${formatDate('2021-10-01')}: no new contract may use them from ${formatDate('2021-09-27')}`);
    expect(findingMessage(everyRule[4])).toContain(`which was adopted only on ${formatDate('2021-06-04')}`);
    expect(findingMessage(everyRule[5])).toContain('no adequacy decision covers India');
    expect(findingMessage(everyRule[6])).toContain(`the decision (EU) 2026/179 applies only from ${formatDate('2026-01-20')}`);
    expect(findingMessage(everyRule[21])).toContain(`received on ${formatDate('2024-02-01')}`);
    expect(findingMessage(everyRule[22])).not.toContain('received on');
  });

  it('shows codes in the parameters as words', () => {
    expect(findingMessage(everyRule[8])).toContain('which covers only organisations subject to PIPEDA');
    expect(findingMessage(everyRule[10])).toContain('(exporter: controller, importer: processor) call for module 2');
    expect(findingRemedy(everyRule[10])).toBe("Sign module 2 with Mailer Inc, matching the parties' roles.");
    expect(findingMessage(everyRule[15])).toMatch(/^Special categories of personal data and data relating to criminal convictions/);
    expect(findingMessage(everyRule[16])).toContain('The onward transfer to Cloud Corp (India; subprocessor of Mailer Inc) has no Chapter V tool');
    expect(findingMessage(everyRule[9])).toContain(': Check the OJ reference (Art. 45).');
    expect(findingMessage(everyRule[19])).toContain('Security measures under Art. 32; (h) Information and audits');
    expect(findingRecordedIn(everyRule[0])).toBe('the data processing agreement');
    expect(findingRecordedIn(everyRule[1])).toBe('');
  });

  it('keeps a name that opens the sentence as written', () => {
    const lower = finding('dpa_missing', { ...hop, recipient: 'eBay', activities: 'Shop' });
    expect(findingMessage(lower)).toMatch(/^eBay processes personal data for Acme \(Shop\)/);
  });

  it('translates the hypothesis the what-if check invalidates an instrument under', () => {
    const f = finding('invalid_mechanism', { ...hop, state: 'invalidated', instrument_name: 'SCCs', reference: '(EU) 2021/914', invalid_from: '2025-03-01', reason: 'hypothesis tested by the user' });
    expect(findingMessage(f)).toContain(': the hypothesis you are testing (Art. 44)');
    setLanguage('fr');
    expect(findingMessage(f)).toContain('l’hypothèse que vous testez');
  });

  it('words the new tia_negative rule', () => {
    expect(findingMessage(everyRule[13])).toBe(
      `Your transfer impact assessment of ${formatDate('2024-05-02')} concluded that data going to Mailer Inc (United States) under ` +
        "Binding Corporate Rules (Art. 47) are not protected to a level essentially equivalent to the EEA's, yet the transfer is still " +
        'recorded (Art. 44; SCC clauses 14 and 16; EDPB Recommendations 01/2020, step 4).',
    );
    expect(findingRemedy(everyRule[13])).toBe(
      'Suspend the transfer to Mailer Inc, or add supplementary measures that close the gap and assess again.',
    );
  });

  it('falls back to the core’s English only for a rule it does not know', () => {
    const unknown = finding('brand_new_rule', hop);
    expect(findingMessage(unknown)).toBe('English from the core');
    expect(findingRemedy(unknown)).toBe('English remedy from the core');
  });

  for (const lang of languages) {
    it(`${lang}: every rule has a complete sentence and remedy`, () => {
      setLanguage(lang);
      for (const f of everyRule) {
        const message = findingMessage(f);
        const remedy = findingRemedy(f);
        for (const text of [message, remedy]) {
          expect(text, `${lang} ${f.rule}`).not.toMatch(/\{\w+\}|finding\.|remedy\.|English/);
        }
        expect(message, `${lang} ${f.rule}`).toContain(f.params.recipient);
        // Only the remedy of an unconfirmed decision is about the dataset rather than the recipient.
        if (f.rule !== 'decision_unverified') expect(remedy, `${lang} ${f.rule}`).toContain(f.params.recipient);
        expect(message.charAt(0), `${lang} ${f.rule}`).toBe(message.charAt(0).toLocaleUpperCase(lang));
      }
    });
  }
});
