import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Flow } from '../lib/generated/Flow';
import { nav } from '../lib/navigation.svelte';
import ClientsView from './ClientsView.svelte';

const acme = { id: 'org-1', name: 'Acme' };
const beta = { id: 'org-2', name: 'Beta' };
const mailer = { id: 'ven-1', name: 'Mailer Inc' };
const hoster = { id: 'ven-2', name: 'Hoster GmbH' };

const hop = (over: Partial<Flow>): Flow => ({
  organisation: acme, origin: 'PL', vendor: null, recipient: '', chain: [], country: null, third_countries: [],
  mechanism: 'unknown', status: null, activities: [], ...over,
});

const flows: Flow[] = [
  hop({ vendor: mailer, recipient: 'Mailer Inc', country: 'US', third_countries: ['US'], mechanism: 'dpf', activities: [{ id: 'a1', name: 'Newsletter' }] }),
  hop({ vendor: mailer, recipient: 'Cloud Corp', chain: ['Cloud Corp'], country: 'IN', third_countries: ['IN'], mechanism: 'scc', status: 'high' }),
  hop({ vendor: hoster, recipient: 'Hoster GmbH', country: 'DE', third_countries: ['US'], mechanism: 'scc', status: 'medium', activities: [{ id: 'a2', name: 'Website' }] }),
  hop({ organisation: beta, vendor: mailer, recipient: 'Mailer Inc', country: 'US', third_countries: ['US'], mechanism: 'privacy_shield', status: 'blocker', activities: [{ id: 'b1', name: 'Payroll' }, { id: 'b2', name: 'HR' }] }),
  hop({ organisation: beta, vendor: hoster, recipient: 'Hoster GmbH', country: 'DE', third_countries: [], mechanism: 'eea', activities: [{ id: 'b3', name: 'Archive' }] }),
];

function core(list: Flow[]) {
  const asked: Record<string, unknown>[] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'transfer_flows') {
      asked.push(args as Record<string, unknown>);
      return { as_of: '2026-06-01', dataset_version: '2026.05.1', flows: list };
    }
  });
  return asked;
}

const select = (id: string) => document.querySelector<HTMLSelectElement>(`#${id}`)!;
const options = (id: string) => [...select(id).querySelectorAll('option')].map((o) => o.textContent);
const groups = () => screen.getAllByTestId('clients-group');

afterEach(() => {
  cleanup();
  clearMocks();
  nav.section = 'home';
  nav.organisationId = '';
});

describe('ClientsView', () => {
  it('asks for every organisation’s flows and offers the countries and vendors found in them', async () => {
    const asked = core(flows);
    render(ClientsView);
    await screen.findByTestId('clients-prompt');
    expect(asked).toEqual([{ organisation: null, asOf: null }]);
    expect(options('clients-country')).toEqual(['Choose a country', 'India', 'United States', 'Germany']);
    expect([...select('clients-country').querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Outside the EEA', 'Within the EEA']);
    expect(options('clients-vendor')).toEqual(['Choose a vendor', 'Hoster GmbH', 'Mailer Inc']);
  });

  it('lists the clients sending data to a country, grouped with a count, remote access marked', async () => {
    core(flows);
    render(ClientsView);
    await screen.findByTestId('clients-prompt');
    await fireEvent.change(select('clients-country'), { target: { value: 'US' } });

    expect(screen.getByTestId('clients-summary').textContent).toContain('Clients sending data to United States: 2 · data flows: 3');
    expect(groups().map((g) => g.dataset.org)).toEqual(['Acme', 'Beta']);
    const [a, b] = groups();
    expect(within(a).getByTestId('clients-count').textContent).toBe('Flows: 2');
    expect(within(b).getByTestId('clients-count').textContent).toBe('Flows: 1');

    const acmeRows = within(a).getAllByTestId('clients-flow');
    expect(acmeRows.map((r) => within(r).getByTestId('clients-route').textContent)).toEqual(['Mailer Inc', 'Hoster GmbH']);
    expect(within(acmeRows[0]).getByTestId('clients-mechanism').textContent?.trim()).toBe('EU-US Data Privacy Framework');
    expect(within(acmeRows[0]).getByTestId('clients-status').textContent).toBe('In order');
    expect(within(acmeRows[0]).queryByTestId('clients-remote')).toBeNull();
    // Hoster is established in Germany; its data reach the US through remote access.
    expect(acmeRows[1].textContent).toContain('Germany');
    expect(within(acmeRows[1]).getByTestId('clients-remote').textContent).toBe('Remote access from United States');
    expect(within(acmeRows[1]).getByTestId('clients-status').dataset.status).toBe('medium');

    const betaRow = within(b).getByTestId('clients-flow');
    expect(within(betaRow).getByTestId('clients-activities').textContent?.trim()).toBe('Payroll, HR');
    expect(within(betaRow).getByTestId('clients-mechanism').textContent?.trim()).toBe('Privacy Shield (invalid since 2020)');
    expect(within(betaRow).getByTestId('clients-status').textContent).toBe('Blocker');
  });

  it('lists a vendor’s flows with their chain, the activities behind an onward hop, and clears the country', async () => {
    core(flows);
    render(ClientsView);
    await screen.findByTestId('clients-prompt');
    await fireEvent.change(select('clients-country'), { target: { value: 'IN' } });
    await fireEvent.change(select('clients-vendor'), { target: { value: 'ven-1' } });
    expect(select('clients-country').value).toBe('');

    expect(screen.getByTestId('clients-summary').textContent).toContain('Clients sending data through Mailer Inc: 2 · data flows: 3');
    const rows = within(groups()[0]).getAllByTestId('clients-flow');
    expect(rows.map((r) => within(r).getByTestId('clients-route').textContent)).toEqual(['Mailer Inc', 'Mailer Inc → Cloud Corp']);
    expect(within(rows[1]).getByTestId('clients-activities').textContent?.trim()).toBe('Newsletter');
    expect(rows[1].textContent).toContain('India');

    await fireEvent.change(select('clients-vendor'), { target: { value: 'ven-2' } });
    const betaRow = within(groups()[1]).getByTestId('clients-flow');
    expect(within(betaRow).getByTestId('clients-mechanism').textContent?.trim()).toBe('No transfer (within the EEA)');
  });

  it('opens a client’s transfers from its row', async () => {
    core(flows);
    render(ClientsView);
    await screen.findByTestId('clients-prompt');
    await fireEvent.change(select('clients-vendor'), { target: { value: 'ven-2' } });
    await fireEvent.click(within(groups()[1]).getByTestId('clients-org'));
    expect(nav).toMatchObject({ section: 'transfers', organisationId: 'org-2' });
  });

  it('says so when the vault has no flows', async () => {
    core([]);
    render(ClientsView);
    expect((await screen.findByTestId('empty-state')).textContent).toContain('No data flows recorded yet');
    expect(document.querySelector('#clients-country')).toBeNull();
  });

  it('reports a failure and loads again on retry', async () => {
    let fail = true;
    mockIPC((cmd) => {
      if (cmd !== 'transfer_flows') return;
      if (fail) throw { kind: 'vault', message: 'The vault could not be read.', fields: [] };
      return { as_of: '2026-06-01', dataset_version: '2026.05.1', flows };
    });
    render(ClientsView);
    expect((await screen.findByRole('alert')).textContent).toContain('The vault could not be read.');
    fail = false;
    await fireEvent.click(screen.getByText('Try again'));
    expect(await screen.findByTestId('clients-prompt')).toBeTruthy();
  });
});
