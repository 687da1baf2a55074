import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Organisation, Vendor } from '../lib/api';
import { blankOrganisation, blankVendor } from '../lib/blank';
import { nav } from '../lib/navigation.svelte';
import VendorsView from './VendorsView.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const acme: Organisation = { id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Acme' };
const beta: Organisation = { id: 'org-2', ...stamp, ...blankOrganisation(), name: 'Beta' };
const mailer: Vendor = { id: 'ven-1', ...stamp, ...blankVendor(), legal_name: 'Mailer Ltd', services: ['e-mail'] };
const hoster: Vendor = { id: 'ven-2', ...stamp, ...blankVendor(), legal_name: 'Hoster GmbH', country: 'DE' };
const dpa = {
  id: 'dpa-1', ...stamp, organisation_id: 'org-1', vendor_id: 'ven-1', version: 'v2', signed_on: '2024-02-01',
  effective_on: null, expires_on: null, next_review_on: null, document: null,
  checklist: [
    { item: 'security', status: 'present', clause_ref: '' },
    { item: 'confidentiality', status: 'present', clause_ref: '' },
    { item: 'audits_and_information', status: 'not_applicable', clause_ref: '' },
  ],
  objection_window_days: null, transfer_mechanism: 'scc', scc_module: 'controller_to_processor', transfer_instrument: '2010/87/EU', notes: '',
};

type Handler = (cmd: string, args: Record<string, unknown>) => unknown;

function core(extra: Handler = () => undefined) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const answer = extra(cmd, a);
    if (answer !== undefined) return answer;
    if (cmd === 'vendor_list') return [mailer, hoster];
    if (cmd === 'dpa_list') return a.organisation === 'org-1' ? [dpa] : [];
    if (cmd === 'subprocessor_list_list') return [];
  });
  return calls;
}

afterEach(() => {
  cleanup();
  clearMocks();
  nav.focus = null;
});

describe('VendorsView', () => {
  it('lists the catalogue by name and shows the chosen organisation’s agreement', async () => {
    core();
    render(VendorsView, { organisation: acme, organisations: [acme, beta] });
    await screen.findAllByTestId('vendor-row');
    expect(screen.getAllByTestId('vendor-row').map((r) => r.dataset.name)).toEqual(['Hoster GmbH', 'Mailer Ltd']);
    await fireEvent.click(screen.getAllByTestId('vendor-row')[1]);
    expect(screen.getByTestId('dpa-progress').textContent).toContain('2 of 12 present');
    expect(screen.getByTestId('dpa-mechanism').textContent).toContain('Standard Contractual Clauses');
    expect(screen.getByTestId('dpa-instrument').textContent).toBe('2010/87/EU');
    expect(await screen.findByTestId('no-subprocessors')).toBeTruthy();
  });

  it('shows what was found on the DPF list and for partial decisions, with when and where', async () => {
    const notListed: Vendor = {
      ...hoster, id: 'ven-3', legal_name: 'Plain Inc.', country: 'US',
      scope_checks: [
        { scope: 'dpf_listed', outcome: 'outside', checked_on: '2026-11-02', source: 'https://www.dataprivacyframework.gov/list' },
        { scope: 'pipeda_subject', outcome: 'inside', checked_on: null, source: 'Vendor statement' },
      ],
    };
    core((cmd) => (cmd === 'vendor_list' ? [notListed, mailer] : undefined));
    render(VendorsView, { organisation: acme, organisations: [acme] });
    await fireEvent.click((await screen.findAllByTestId('vendor-row'))[1]);
    const detail = screen.getByTestId('vendor-detail');
    expect(screen.getByTestId('dpf-badge').textContent).toBe('Not on the DPF list');
    expect(detail.textContent).toMatch(/Not certified \(checked on [^,]*2[^,]*, 2026, https:\/\/www\.dataprivacyframework\.gov\/list\)/);
    expect(detail.textContent).toContain('Canada: subject to PIPEDA: Inside the scope (Vendor statement)');
    await fireEvent.click(screen.getAllByTestId('vendor-row')[0]);
    expect(screen.queryByTestId('dpf-badge')).toBeNull();
    expect(screen.getByTestId('vendor-detail').textContent).toContain('Not checked');
  });

  it('checks a watched vendor’s published list on request and opens the new version’s changes', async () => {
    const watched: Vendor = { ...hoster, id: 'ven-4', legal_name: 'Watched GmbH', list_url: 'https://watched.example/subprocessors', watch_daily: true };
    let answer: unknown = { vendor_id: 'ven-4', vendor: 'Watched GmbH', url: watched.list_url, outcome: 'unchanged' };
    const calls = core((cmd) => {
      if (cmd === 'vendor_list') return [watched, mailer];
      if (cmd === 'vendor_check_list') return answer;
      // The change screen stays loading: this test is about getting there.
      if (cmd === 'list_change') return new Promise(() => {});
    });
    render(VendorsView, { organisation: acme, organisations: [acme] });
    await fireEvent.click((await screen.findAllByTestId('vendor-row'))[1]);
    expect(screen.getByTestId('vendor-detail').textContent).toContain('https://watched.example/subprocessors');
    await fireEvent.click(screen.getByTestId('check-list-now'));
    expect((await screen.findByTestId('list-check-result')).textContent).toBe('The published list is unchanged.');
    expect(calls.find((c) => c.cmd === 'vendor_check_list')?.args).toEqual({ vendor: 'ven-4' });
    answer = { vendor_id: 'ven-4', vendor: 'Watched GmbH', url: watched.list_url, outcome: 'failed', message: 'the server answered 500' };
    await fireEvent.click(screen.getByTestId('check-list-now'));
    await vi.waitFor(() => expect(screen.getByTestId('list-check-result').textContent).toBe('The list could not be checked: the server answered 500'));
    answer = { vendor_id: 'ven-4', vendor: 'Watched GmbH', url: watched.list_url, outcome: 'new_version', list_id: 'list-9', added: 1, removed: 0, changed: 0 };
    await fireEvent.click(screen.getByTestId('check-list-now'));
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === 'list_change' && c.args.list === 'list-9')).toBe(true));
  });

  it('offers no check for a vendor nobody gave an address', async () => {
    core();
    render(VendorsView, { organisation: acme, organisations: [acme] });
    await fireEvent.click((await screen.findAllByTestId('vendor-row'))[0]);
    expect(screen.queryByTestId('check-list-now')).toBeNull();
  });

  it('shows why the core refuses to delete a vendor in use, and keeps it', async () => {
    const message = 'Mailer Ltd is used by 1 agreement and 2 activities; remove those first.';
    const calls = core((cmd) => {
      if (cmd === 'vendor_delete') throw { kind: 'in_use', message, fields: [] };
    });
    render(VendorsView, { organisation: acme, organisations: [acme] });
    await screen.findAllByTestId('vendor-row');
    await fireEvent.click(screen.getAllByTestId('vendor-row')[1]);
    await fireEvent.click(screen.getByTestId('delete-vendor'));
    expect(calls.some((c) => c.cmd === 'vendor_delete')).toBe(false);
    await fireEvent.click(screen.getByTestId('confirm-delete-vendor'));
    expect((await screen.findByTestId('vendor-delete-error')).textContent).toBe(message);
    expect(calls.find((c) => c.cmd === 'vendor_delete')?.args).toEqual({ id: 'ven-1' });
    expect(screen.getAllByTestId('vendor-row')).toHaveLength(2);
  });

  it('opens the vendor named by nav.focus and clears it', async () => {
    core();
    nav.focus = 'ven-1';
    render(VendorsView, { organisation: acme, organisations: [acme] });
    await vi.waitFor(() => expect(nav.focus).toBeNull());
    expect(screen.getByTestId('vendor-detail').querySelector('h1')?.textContent).toBe('Mailer Ltd');
  });

  it('copies the agreement to another organisation and reports a refusal', async () => {
    const calls = core((cmd) => {
      if (cmd === 'dpa_copy') throw { kind: 'in_use', message: 'Beta already has version “v2” of the agreement with Mailer Ltd.', fields: [] };
    });
    nav.focus = 'ven-1';
    render(VendorsView, { organisation: acme, organisations: [acme, beta] });
    await fireEvent.click(await screen.findByTestId('copy-dpa'));
    expect(screen.getByTestId<HTMLSelectElement>('copy-dpa-target').value).toBe('org-2');
    await fireEvent.click(screen.getByTestId('copy-dpa-confirm'));
    expect((await screen.findByTestId('dpa-notice')).textContent).toContain('already has version');
    expect(calls.find((c) => c.cmd === 'dpa_copy')?.args).toEqual({ id: 'dpa-1', to: 'org-2' });
  });

  it('adds a vendor with the fields typed and selects it', async () => {
    const calls = core((cmd, a) => {
      if (cmd === 'vendor_create') return { id: 'ven-3', ...stamp, ...(a.data as object) };
    });
    render(VendorsView, { organisation: acme, organisations: [acme] });
    await screen.findAllByTestId('vendor-row');
    await fireEvent.click(screen.getByTestId('new-vendor'));
    await fireEvent.input(document.querySelector('#vendor-name')!, { target: { value: 'Cloud Co' } });
    await fireEvent.input(document.querySelector('#vendor-country')!, { target: { value: 'ie' } });
    await fireEvent.input(document.querySelector('#vendor-services')!, { target: { value: 'hosting, backup' } });
    await fireEvent.input(document.querySelector('#vendor-contact-email')!, { target: { value: 'dpo@cloud.example' } });
    await fireEvent.click(screen.getByTestId('save-vendor'));
    await vi.waitFor(() => expect(screen.getByTestId('vendor-detail').querySelector('h1')?.textContent).toBe('Cloud Co'));
    expect(calls.find((c) => c.cmd === 'vendor_create')?.args.data).toMatchObject({
      legal_name: 'Cloud Co',
      country: 'IE',
      services: ['hosting', 'backup'],
      contact: { name: '', email: 'dpo@cloud.example', phone: '' },
    });
    expect(screen.getAllByTestId('vendor-row').map((r) => r.dataset.name)).toContain('Cloud Co');
  });

  it('lists the subprocessor list versions and opens the import and change screens', async () => {
    const entries = [
      { name: 'Hetzner Online GmbH', address: '', country: 'DE', service: 'Hosting', processing_location: 'Germany', mechanism: 'eea', certifications: [], vendor_id: 'ven-2' },
      { name: 'Twilio Inc.', address: '', country: 'US', service: 'SMS', processing_location: '', mechanism: 'dpf', certifications: [], vendor_id: null },
    ];
    const version = (id: string, received_on: string, status: string, n: number) => ({
      id, ...stamp, vendor_id: 'ven-1', received_on, source: `${id}.csv`, content_hash: id, entries: entries.slice(0, n),
      review: { status, note: '', decided_on: null },
    });
    const lists = [version('list-1', '2026-06-01', 'accepted', 1), version('list-2', '2026-12-20', 'pending', 2)];
    const calls = core((cmd, a) => {
      if (cmd === 'subprocessor_list_list') return a.vendor === 'ven-1' ? lists : [];
      if (cmd === 'list_change') {
        return {
          vendor_id: 'ven-1', vendor_name: 'Mailer Ltd', list: lists[1], previous: lists[0],
          changes: { added: [entries[1]], removed: [], changed: [], unchanged: [entries[0]] }, organisations: [],
        };
      }
    });
    nav.focus = 'ven-1';
    render(VendorsView, { organisation: acme, organisations: [acme] });
    const versions = await screen.findAllByTestId('list-version');
    expect(versions.map((v) => v.dataset.listId)).toEqual(['list-2', 'list-1']);
    expect(screen.getAllByTestId('list-version-status').map((b) => b.textContent?.trim())).toEqual(['To review', 'Accepted']);
    expect(versions[0].textContent).toContain('Current');
    expect(screen.getAllByTestId('subprocessor-row')).toHaveLength(2);
    // A row matched to a catalogue vendor under another name says which.
    expect(screen.getAllByTestId('subprocessor-row')[0].textContent).toContain('Same company as Hoster GmbH');

    await fireEvent.click(document.querySelector('#list-import-button')!);
    expect(document.querySelector('#list-drop-zone')).not.toBeNull();
    expect(screen.queryByTestId('vendor-detail')).toBeNull();
    await fireEvent.click(document.querySelector('#list-import-close')!);
    expect(await screen.findByTestId('vendor-detail')).toBeTruthy();

    await fireEvent.click((await screen.findAllByTestId('list-changes-button'))[0]);
    expect((await screen.findByTestId('change-added')).textContent).toContain('Twilio Inc.');
    expect(calls.find((c) => c.cmd === 'list_change')?.args).toEqual({ list: 'list-2' });
  });

  it('opens the change screen of the version just saved and reloads the catalogue', async () => {
    const row = { name: 'Twilio Inc.', address: '', country: 'US', service: 'SMS', processing_location: '', mechanism: 'dpf', certifications: [], vendor_id: null };
    const saved = {
      id: 'list-9', ...stamp, vendor_id: 'ven-1', received_on: '2026-12-20', source: 'pasted text', content_hash: 'h',
      entries: [row], review: { status: 'pending', note: '', decided_on: null },
    };
    const calls = core((cmd) => {
      if (cmd === 'list_import_text') return { source: 'pasted text', format: 'text', warnings: [], content_hash: 'h', excluded: [], rows: [{ entry: row, source: 'Twilio Inc. US SMS', confidence: 0.9, uncertain: [], listed_for: '' }] };
      if (cmd === 'list_save') return saved;
      if (cmd === 'list_change') {
        return { vendor_id: 'ven-1', vendor_name: 'Mailer Ltd', list: saved, previous: null, changes: { added: [row], removed: [], changed: [], unchanged: [] }, organisations: [] };
      }
    });
    nav.focus = 'ven-1';
    render(VendorsView, { organisation: acme, organisations: [acme] });
    await fireEvent.click(await screen.findByTestId('list-import-button'));
    await fireEvent.click(screen.getByTestId('list-paste-open'));
    await fireEvent.input(screen.getByTestId('list-paste-text'), { target: { value: 'Twilio Inc. US SMS' } });
    await fireEvent.click(screen.getByTestId('list-paste-read'));
    await fireEvent.click(await screen.findByTestId('list-save'));
    expect((await screen.findByTestId('change-added')).textContent).toContain('Twilio Inc.');
    expect(calls.find((c) => c.cmd === 'list_change')?.args).toEqual({ list: 'list-9' });
    expect(document.querySelector('#change-compared')?.textContent).toContain('first list recorded for Mailer Ltd');
    expect(calls.filter((c) => c.cmd === 'vendor_list')).toHaveLength(2);
  });
});
