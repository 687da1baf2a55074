import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Organisation } from '../lib/api';
import { blankOrganisation } from '../lib/blank';
import type { CheckReport } from '../lib/generated/CheckReport';
import type { DatasetInfo } from '../lib/generated/DatasetInfo';
import type { Finding } from '../lib/generated/Finding';
import type { ReferenceDataset } from '../lib/generated/ReferenceDataset';
import { formatDate, setLanguage } from '../lib/i18n.svelte';
import { nav } from '../lib/navigation.svelte';
import TransfersView from './TransfersView.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const acme: Organisation = { id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Acme' };
const org = { id: 'org-1', name: 'Acme' };

const base: Finding = {
  rule: 'tia_missing', severity: 'medium', organisation: org, activity: { id: 'act-1', name: 'Newsletter' },
  client: null, vendor: { id: 'ven-1', name: 'Mailer Inc' }, subprocessor: null, chain: [], destination: 'US',
  params: {
    organisation: 'Acme', activity: 'Newsletter', recipient: 'Mailer Inc', vendor: 'Mailer Inc', destination: 'US',
    mechanism: 'scc', recorded_in: 'dpa', source: 'https://edpb.europa.eu/rec-01-2020',
  },
  articles: ['Art. 46(1)', 'Art. 5(2)'],
  message: 'In “Newsletter”: data go to Mailer Inc (US) under SCCs without a documented transfer impact assessment.',
  remedy: 'Document a transfer impact assessment for Mailer Inc.',
};

const findings: Finding[] = [
  base,
  { ...base, rule: 'dpa_review_overdue', severity: 'low', activity: null, vendor: { id: 'ven-2', name: 'Hoster GmbH' }, destination: null, articles: ['Art. 28(1)'] },
  {
    ...base, rule: 'onward_transfer_unsafeguarded', severity: 'high', activity: null, vendor: null,
    subprocessor: { vendor_id: 'ven-9', name: 'Cloud Corp' }, chain: ['Mailer Inc', 'Cloud Corp'], destination: 'IN',
  },
  { ...base, rule: 'invalid_mechanism', severity: 'blocker', activity: { id: 'act-2', name: 'Payroll' }, vendor: { id: 'ven-3', name: 'Pay Ltd' } },
  { ...base, rule: 'decision_unverified', severity: 'info', activity: { id: 'act-3', name: 'Support' }, destination: 'JP' },
];

const report = (list: Finding[], as_of = '2025-03-01'): CheckReport => ({ as_of, dataset_version: '2025.1', findings: list });
const dataset: DatasetInfo = { format: 1, version: '2025.1', date: '2025-02-15', note: '', unverified_rows: 3, to_verify: [] };
const datasets: ReferenceDataset = { in_use: dataset, loaded: false, builtin: dataset };

function core(answer: (args: Record<string, unknown>) => unknown) {
  const asked: Record<string, unknown>[] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'transfer_check') {
      asked.push(args as Record<string, unknown>);
      return answer(args as Record<string, unknown>);
    }
    if (cmd === 'transfer_dataset') return datasets;
  });
  return asked;
}

const rows = () => screen.getAllByTestId('finding');
const row = (rule: string) => rows().find((r) => r.dataset.rule === rule)!;
const card = (id: string) => document.getElementById(id)!;

afterEach(() => {
  cleanup();
  setLanguage('en');
  clearMocks();
  nav.section = 'home';
  nav.focus = null;
});

describe('TransfersView', () => {
  it('counts the findings by severity and lists them most severe first', async () => {
    const asked = core(() => report(findings));
    render(TransfersView, { organisation: acme });
    await screen.findAllByTestId('finding');
    expect(asked).toEqual([{ organisation: 'org-1', asOf: null, lang: 'en' }]);
    expect(card('severity-count-blocker').textContent).toContain('1');
    expect(card('severity-count-high').textContent).toContain('1');
    expect(card('severity-count-medium').textContent).toContain('1');
    expect(card('severity-count-low').textContent).toContain('1');
    expect(card('severity-count-info').textContent).toContain('1');
    expect(rows().map((r) => r.dataset.severity)).toEqual(['blocker', 'high', 'medium', 'low', 'info']);

    const tia = row('tia_missing');
    expect(tia.textContent).toContain('Transfer impact assessment missing');
    expect(tia.textContent).toContain('Medium');
    expect(tia.textContent).toContain('Newsletter');
    expect(tia.textContent).toContain('Mailer Inc');
    expect(tia.textContent).toContain('United States');
    // The core words the findings; the window shows its words as they are.
    expect(within(tia).getByTestId('finding-message').textContent).toBe(base.message);
    expect(tia.textContent).toContain('Art. 46(1), Art. 5(2)');
    expect(within(tia).getByTestId('finding-remedy').textContent).toContain(base.remedy);
    expect(tia.textContent).toContain('Transfer tool read from: the data processing agreement');
    expect(row('invalid_mechanism').textContent).toContain('Relies on an invalidated mechanism');
    expect(row('onward_transfer_unsafeguarded').textContent).toContain('Mailer Inc → Cloud Corp');
    expect(row('onward_transfer_unsafeguarded').textContent).toContain('India');

    const footer = await screen.findByText((_, el) => el?.id === 'transfers-dataset');
    expect(footer.textContent).toContain(`Reference dataset 2025.1 of ${formatDate('2025-02-15')}`);
    expect(footer.textContent).toContain('3 rows not yet confirmed from an official text');
  });

  it('renders what the core sends as text, never as markup', async () => {
    core(() =>
      report([
        {
          ...base,
          message: '<img src=x onerror=alert(1)>',
          activity: { id: 'act-1', name: '<b>Bold</b>' },
          params: { ...base.params, recipient: '<img src=x onerror=alert(1)>', activity: '<b>Bold</b>' },
        },
      ]),
    );
    render(TransfersView, { organisation: acme });
    await screen.findAllByTestId('finding');
    expect(row('tia_missing').querySelector('img, b')).toBeNull();
    expect(row('tia_missing').textContent).toContain('<b>Bold</b>');
    expect(within(row('tia_missing')).getByTestId('finding-message').textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('filters by a severity card, and back to all', async () => {
    core(() => report(findings));
    render(TransfersView, { organisation: acme });
    await screen.findAllByTestId('finding');
    await fireEvent.click(card('severity-count-high'));
    expect(rows().map((r) => r.dataset.rule)).toEqual(['onward_transfer_unsafeguarded']);
    expect(card('severity-count-high').getAttribute('aria-pressed')).toBe('true');
    expect(card('severity-all').getAttribute('aria-pressed')).toBe('false');
    // The counts stay those of the whole report.
    expect(card('severity-count-blocker').textContent).toContain('1');
    await fireEvent.click(card('severity-count-high'));
    expect(rows()).toHaveLength(5);
    await fireEvent.click(card('severity-count-blocker'));
    expect(rows()).toHaveLength(1);
    await fireEvent.click(card('severity-all'));
    expect(rows()).toHaveLength(5);
    expect(card('severity-all').getAttribute('aria-pressed')).toBe('true');
  });

  it('filters by rule', async () => {
    core(() => report(findings));
    render(TransfersView, { organisation: acme });
    await screen.findAllByTestId('finding');
    const select = document.getElementById('transfers-rule') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'dpa_review_overdue' } });
    expect(rows().map((r) => r.dataset.rule)).toEqual(['dpa_review_overdue']);
    expect(screen.getByTestId('transfers-summary').textContent).toContain('Showing 1 of 5');
    await fireEvent.click(screen.getByTestId('transfers-clear'));
    expect(rows()).toHaveLength(5);
  });

  it('checks again as of another day, and back to today', async () => {
    const asked = core((args) => report(args.asOf ? [base] : findings, (args.asOf as string) ?? '2025-03-01'));
    render(TransfersView, { organisation: acme });
    await screen.findAllByTestId('finding');
    const input = document.getElementById('transfers-as-of') as HTMLInputElement;
    await fireEvent.change(input, { target: { value: '2020-08-01' } });
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    expect(asked.at(-1)).toEqual({ organisation: 'org-1', asOf: '2020-08-01', lang: 'en' });
    await fireEvent.click(document.getElementById('transfers-today')!);
    await vi.waitFor(() => expect(rows()).toHaveLength(5));
    expect(asked.at(-1)).toEqual({ organisation: 'org-1', asOf: null, lang: 'en' });
    expect(asked).toHaveLength(3);
  });

  it('opens the activity, else the vendor, else the subprocessor’s vendor', async () => {
    core(() => report(findings));
    render(TransfersView, { organisation: acme });
    await screen.findAllByTestId('finding');
    const openOf = (rule: string) => within(row(rule)).getByTestId('finding-open');
    await fireEvent.click(openOf('invalid_mechanism'));
    expect(nav).toMatchObject({ section: 'register', organisationId: 'org-1', focus: 'act-2' });
    await fireEvent.click(openOf('dpa_review_overdue'));
    expect(nav).toMatchObject({ section: 'vendors', organisationId: 'org-1', focus: 'ven-2' });
    await fireEvent.click(openOf('onward_transfer_unsafeguarded'));
    expect(nav).toMatchObject({ section: 'vendors', organisationId: 'org-1', focus: 'ven-9' });
  });

  it('says so calmly when nothing is found', async () => {
    core(() => report([], '2025-03-01'));
    render(TransfersView, { organisation: acme });
    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent).toContain(`No transfer findings as of ${formatDate('2025-03-01')}`);
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    expect(card('severity-count-blocker').textContent).toContain('0');
  });

  it('shows the error with a retry when the core fails', async () => {
    let fail = true;
    const asked = core(() => {
      if (fail) throw { kind: 'vault', message: 'The vault is locked.', fields: [] };
      return report(findings);
    });
    render(TransfersView, { organisation: acme });
    expect((await screen.findByRole('alert')).textContent).toContain('The vault is locked.');
    fail = false;
    await fireEvent.click(screen.getByText('Try again'));
    await screen.findAllByTestId('finding');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(asked).toHaveLength(2);
  });

  it('asks the core for the findings in the UI language, and again when it changes', async () => {
    const worded: Record<string, string> = { de: 'Daten gehen an Mailer Inc (Vereinigte Staaten)', pl: 'Dane trafiają do Mailer Inc (Stany Zjednoczone)' };
    const asked = core((args) => report([{ ...base, message: worded[args.lang as string] ?? base.message }]));
    setLanguage('de');
    render(TransfersView, { organisation: acme });
    await screen.findAllByTestId('finding');
    const message = () => within(row('tia_missing')).getByTestId('finding-message').textContent;
    expect(message()).toBe(worded.de);
    expect(row('tia_missing').textContent).toContain('Transfer Impact Assessment (TIA) fehlt');
    expect(asked).toEqual([{ organisation: 'org-1', asOf: null, lang: 'de' }]);
    setLanguage('pl');
    await vi.waitFor(() => expect(message()).toBe(worded.pl));
    expect(asked.at(-1)).toEqual({ organisation: 'org-1', asOf: null, lang: 'pl' });
  });

  it('assesses a transfer from its tia_missing finding, then checks again without it', async () => {
    const saved: unknown[] = [];
    let assessedYet = false;
    const drafts: unknown[] = [];
    const checks: unknown[] = [];
    mockIPC((cmd, args) => {
      const a = args as Record<string, unknown>;
      if (cmd === 'transfer_check') {
        checks.push(a);
        return report(assessedYet ? findings.filter((f) => f.rule !== 'tia_missing') : findings);
      }
      if (cmd === 'transfer_dataset') return datasets;
      if (cmd === 'tia_draft') {
        drafts.push(a);
        return {
          existing: null, vendor_name: 'Mailer Inc', third_country: true, adequacy: null, art46_tool: true, laws: null,
          data: {
            organisation_id: 'org-1', vendor_id: 'ven-1', subprocessor: '', country: 'US', transfer_description: '',
            mechanism: 'scc', scc_module: null, law_assessment: '', measures: [], measures_notes: '', procedural_steps: '',
            conclusion: 'undecided', conclusion_notes: '', assessed_on: null, assessed_by: '', re_evaluate_on: null,
          },
        };
      }
      if (cmd === 'tia_create') {
        saved.push(a.data);
        assessedYet = true;
        return { id: 'tia-1', ...stamp, ...(a.data as object) };
      }
    });
    render(TransfersView, { organisation: acme });
    await screen.findAllByTestId('finding');
    // Only the TIA finding with a vendor offers an assessment.
    expect(screen.getAllByTestId('finding-assess-tia')).toHaveLength(1);
    await fireEvent.click(document.getElementById('finding-assess-tia')!);
    expect(drafts).toEqual([{ organisation: 'org-1', vendor: 'ven-1', subprocessor: null }]);
    const law = (await screen.findByLabelText('Your assessment of the law and practice')) as HTMLTextAreaElement;
    await fireEvent.input(law, { target: { value: 'FISA 702 reaches the importer; mitigated by encryption.' } });
    await fireEvent.click(document.querySelector('[data-measure="encryption_keys_in_eea"]')!);
    await fireEvent.click(document.querySelector('[data-conclusion="equivalent_with_measures"]')!);
    await fireEvent.input(document.getElementById('tia-assessed-on')!, { target: { value: '2025-03-01' } });
    await fireEvent.click(document.getElementById('tia-save')!);
    await vi.waitFor(() => expect(document.getElementById('tia-form')).toBeNull());
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      vendor_id: 'ven-1', subprocessor: '', country: 'US', conclusion: 'equivalent_with_measures',
      measures: ['encryption_keys_in_eea'], assessed_on: '2025-03-01',
    });
    await vi.waitFor(() => expect(rows().map((r) => r.dataset.rule)).not.toContain('tia_missing'));
    expect(checks).toHaveLength(2);
  });

  it('draws the flows on a map for the same day', async () => {
    const asked: Record<string, unknown>[] = [];
    mockIPC((cmd, args) => {
      const a = args as Record<string, unknown>;
      if (cmd === 'transfer_check') return report(findings, (a.asOf as string) ?? '2025-03-01');
      if (cmd === 'transfer_dataset') return datasets;
      if (cmd === 'transfer_flows') {
        asked.push(a);
        return {
          as_of: '2020-08-01', dataset_version: '2025.1',
          flows: [{
            organisation: org, origin: 'DE', vendor: { id: 'ven-1', name: 'Mailer Inc' }, recipient: 'Mailer Inc', chain: [],
            country: 'US', third_countries: ['US'], mechanism: 'scc', status: 'high', activities: [{ id: 'act-1', name: 'Newsletter' }],
          }],
        };
      }
    });
    render(TransfersView, { organisation: acme });
    await screen.findAllByTestId('finding');
    await fireEvent.change(document.getElementById('transfers-as-of')!, { target: { value: '2020-08-01' } });
    // The flows are loaded only when the map is asked for.
    expect(asked).toHaveLength(0);
    await fireEvent.click(document.getElementById('transfers-tab-map')!);
    await vi.waitFor(() => expect(document.getElementById('flow-map')).not.toBeNull());
    expect(asked).toEqual([{ organisation: 'org-1', asOf: '2020-08-01' }]);
    expect(document.getElementById('transfers-tab-map')!.getAttribute('aria-selected')).toBe('true');
    expect(document.querySelector('[data-country="US"]')!.getAttribute('data-state')).toBe('high');
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    await fireEvent.click(document.getElementById('transfers-tab-findings')!);
    expect(screen.getAllByTestId('finding')).toHaveLength(5);
    // The keyboard moves between the tabs with the arrow keys; only the chosen tab is in the Tab order.
    expect(document.getElementById('transfers-tab-map')!.tabIndex).toBe(-1);
    await fireEvent.keyDown(document.getElementById('transfers-tab-findings')!, { key: 'ArrowRight' });
    expect(document.activeElement?.id).toBe('transfers-tab-map');
    expect(document.getElementById('transfers-tab-map')!.getAttribute('aria-selected')).toBe('true');
    expect(document.getElementById('transfers-tab-map')!.tabIndex).toBe(0);
  });

  it('opens the what-if panel and tests a hypothesis on the same day', async () => {
    const asked: Record<string, unknown>[] = [];
    mockIPC((cmd, args) => {
      const a = args as Record<string, unknown>;
      if (cmd === 'transfer_check') return report(findings);
      if (cmd === 'transfer_dataset') return datasets;
      if (cmd === 'transfer_flows') return { as_of: '2025-03-01', dataset_version: '2025.1', flows: [] };
      if (cmd === 'transfer_what_if') {
        asked.push(a);
        return { as_of: '2020-08-01', dataset_version: '2025.1', hypotheses: [], findings: [], organisations: [], activities: [], clients: [], vendors: [] };
      }
    });
    render(TransfersView, { organisation: acme });
    await screen.findAllByTestId('finding');
    expect(document.getElementById('what-if-panel')).toBeNull();
    await fireEvent.change(document.getElementById('transfers-as-of')!, { target: { value: '2020-08-01' } });
    await fireEvent.click(document.getElementById('transfers-what-if')!);
    expect(document.getElementById('transfers-what-if')!.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(document.getElementById('what-if-run')!);
    await screen.findByTestId('what-if-none');
    expect(asked).toEqual([
      { organisation: 'org-1', asOf: '2020-08-01', hypotheses: [{ kind: 'decision_ended', destination: { country: 'US' }, on: '2020-08-01' }], lang: 'en' },
    ]);
    await fireEvent.click(document.getElementById('transfers-what-if')!);
    expect(document.getElementById('what-if-panel')).toBeNull();
  });
});
