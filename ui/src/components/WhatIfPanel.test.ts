import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Finding } from '../lib/generated/Finding';
import type { WhatIfReport } from '../lib/generated/WhatIfReport';
import { setLanguage } from '../lib/i18n.svelte';
import WhatIfPanel from './WhatIfPanel.svelte';

const org = { id: 'org-1', name: 'Acme' };
const ended: Finding = {
  rule: 'adequacy_ended', severity: 'blocker', organisation: org, activity: { id: 'act-1', name: 'Newsletter' },
  client: { id: 'cli-1', name: 'Client SA' }, vendor: { id: 'ven-1', name: 'Mailer Inc' }, subprocessor: null, chain: [],
  destination: 'US',
  params: {
    organisation: 'Acme', activity: 'Newsletter', recipient: 'Mailer Inc', vendor: 'Mailer Inc', destination: 'US',
    reference: '(EU) 2023/1795', ends_on: '2025-02-28',
  },
  articles: ['Art. 44', 'Art. 45(5)'], message: 'In “Newsletter”: data go to Mailer Inc (United States), which ended.', remedy: 'Stop.',
};
const impact = (findings: Finding[]): WhatIfReport => ({
  as_of: '2025-03-01', dataset_version: '2025.1', hypotheses: [], findings, organisations: findings.length ? [org] : [],
  activities: findings.length ? [{ id: 'act-1', name: 'Newsletter' }] : [],
  clients: findings.length ? [{ id: 'cli-1', name: 'Client SA' }] : [],
  vendors: findings.length ? [{ id: 'ven-1', name: 'Mailer Inc' }] : [],
});

function core(answer: (args: Record<string, unknown>) => WhatIfReport | never) {
  const asked: Record<string, unknown>[] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'transfer_what_if') {
      asked.push(args as Record<string, unknown>);
      return answer(args as Record<string, unknown>);
    }
  });
  return asked;
}

const select = (id: string) => document.getElementById(id) as HTMLSelectElement;

afterEach(() => {
  cleanup();
  clearMocks();
  setLanguage('en');
});

describe('WhatIfPanel', () => {
  it('offers the usual adequacy countries and those of the flows, by name', () => {
    core(() => impact([]));
    render(WhatIfPanel, { organisation: 'org-1', asOf: '2025-03-01', today: '2025-03-01', countries: ['IN', 'us', 'EPO'] });
    const options = [...select('what-if-country').options].map((o) => [o.value, o.textContent]);
    const values = options.map(([v]) => v);
    for (const code of ['US', 'GB', 'CH', 'JP', 'KR', 'CA', 'IL', 'NZ', 'AR', 'UY', 'BR', 'IN', 'EPO']) expect(values).toContain(code);
    expect(values.filter((v) => v === 'US')).toHaveLength(1);
    expect(options).toContainEqual(['GB', 'United Kingdom']);
    expect(options.at(-1)).toEqual(['EPO', 'EPO (international organisation)']);
    expect(select('what-if-country').value).toBe('US');
  });

  it('tests the end of a country’s adequacy on the as-of day and lists what would lose its basis', async () => {
    const asked = core(() => impact([ended]));
    render(WhatIfPanel, { organisation: 'org-1', asOf: '2025-03-01', today: '2025-06-30' });
    await fireEvent.change(select('what-if-country'), { target: { value: 'JP' } });
    await fireEvent.click(document.getElementById('what-if-run')!);
    const result = document.getElementById('what-if-result')!;
    await screen.findByTestId('what-if-summary');
    expect(asked).toEqual([
      { organisation: 'org-1', asOf: '2025-03-01', hypotheses: [{ kind: 'decision_ended', destination: { country: 'JP' }, on: '2025-03-01' }], lang: 'en' },
    ]);
    expect(screen.getByTestId('what-if-summary').textContent).toBe('New findings under the hypothesis: 1');
    expect(within(result).getByTestId('what-if-activities').textContent).toContain('Newsletter');
    expect(within(result).getByTestId('what-if-clients').textContent).toContain('Client SA');
    expect(within(result).getByTestId('what-if-vendors').textContent).toContain('Mailer Inc');
    const f = within(result).getByTestId('what-if-finding');
    expect(f.textContent).toContain('The adequacy decision has ended');
    expect(f.textContent).toContain('Blocker');
    expect(within(f).getByText(ended.message)).toBeTruthy();
  });

  it('tests an invalidated instrument, today as today', async () => {
    const asked = core(() => impact([]));
    render(WhatIfPanel, { organisation: 'org-1', asOf: '2025-03-01', today: '2025-03-01' });
    expect(document.getElementById('what-if-instrument')).toBeNull();
    await fireEvent.change(select('what-if-kind'), { target: { value: 'instrument_invalidated' } });
    expect(document.getElementById('what-if-country')).toBeNull();
    expect([...select('what-if-instrument').options].map((o) => o.value)).toEqual(['(EU) 2021/914', '(EU) 2023/1795']);
    await fireEvent.click(document.getElementById('what-if-run')!);
    expect((await screen.findByTestId('what-if-none')).textContent).toBe('Nothing would lose its basis: the hypothesis brings no new findings.');
    expect(asked).toEqual([
      { organisation: 'org-1', asOf: null, hypotheses: [{ kind: 'instrument_invalidated', reference: '(EU) 2021/914', on: '2025-03-01' }], lang: 'en' },
    ]);
  });

  it('sends an international organisation as one', async () => {
    const asked = core(() => impact([]));
    render(WhatIfPanel, { organisation: 'org-1', asOf: '2025-03-01', today: '2025-03-01', countries: ['EPO'] });
    await fireEvent.change(select('what-if-country'), { target: { value: 'EPO' } });
    await fireEvent.click(document.getElementById('what-if-run')!);
    await screen.findByTestId('what-if-none');
    expect((asked[0].hypotheses as unknown[])[0]).toEqual({ kind: 'decision_ended', destination: { international_organisation: 'EPO' }, on: '2025-03-01' });
  });

  it('forgets the answer when the question changes', async () => {
    core(() => impact([ended]));
    render(WhatIfPanel, { organisation: 'org-1', asOf: '2025-03-01', today: '2025-03-01' });
    await fireEvent.click(document.getElementById('what-if-run')!);
    await screen.findByTestId('what-if-summary');
    await fireEvent.change(select('what-if-country'), { target: { value: 'GB' } });
    expect(screen.queryByTestId('what-if-summary')).toBeNull();
  });

  it('shows why a hypothesis could not be tested', async () => {
    core(() => {
      throw { kind: 'vault', message: 'The vault is locked.', fields: [] };
    });
    render(WhatIfPanel, { organisation: 'org-1', asOf: '2025-03-01', today: '2025-03-01' });
    await fireEvent.click(document.getElementById('what-if-run')!);
    expect((await screen.findByRole('alert')).textContent).toBe('The hypothesis could not be tested: The vault is locked.');
  });

  it('speaks the UI language, and asks the core again for its words when it changes', async () => {
    const worded: Record<string, string> = { es: 'En «Newsletter»: se transfieren datos a Mailer Inc', fr: 'Dans « Newsletter » : des données vont à Mailer Inc' };
    const asked = core((args) => impact([{ ...ended, message: worded[args.lang as string] ?? ended.message }]));
    setLanguage('es');
    render(WhatIfPanel, { organisation: 'org-1', asOf: '2025-03-01', today: '2025-03-01' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('¿Y si cambiara el Derecho?');
    await fireEvent.click(document.getElementById('what-if-run')!);
    const message = async () => (await screen.findByTestId('what-if-finding')).textContent;
    expect(await message()).toContain(worded.es);
    expect(asked.map((a) => a.lang)).toEqual(['es']);
    setLanguage('fr');
    await vi.waitFor(async () => expect(await message()).toContain(worded.fr));
    expect(asked.map((a) => a.lang)).toEqual(['es', 'fr']);
  });
});
