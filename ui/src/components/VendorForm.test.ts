import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Vendor } from '../lib/api';
import { blankVendor } from '../lib/blank';
import type { VendorData } from '../lib/generated/VendorData';
import VendorForm from './VendorForm.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };

/** Records what the core was sent and answers like it: the stored record. */
function recordSaves() {
  const sent: { cmd: string; data: VendorData; id?: string }[] = [];
  mockIPC((cmd, args) => {
    const a = args as { data: VendorData; id?: string };
    if (cmd === 'vendor_create' || cmd === 'vendor_update') {
      sent.push({ cmd, ...a });
      return { id: a.id ?? 'ven-9', ...stamp, ...a.data };
    }
  });
  return sent;
}

const chips = () => screen.queryAllByTestId('chip').map((c) => c.firstChild?.textContent?.trim());
const remoteInput = () => document.querySelector<HTMLInputElement>('#vendor-remote-access')!;

async function typeRemote(text: string) {
  await fireEvent.input(remoteInput(), { target: { value: text } });
  await fireEvent.keyDown(remoteInput(), { key: 'Enter' });
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('VendorForm', () => {
  it('sends a checked scope condition and the remote-access countries, upper-cased', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(VendorForm, { onsaved, oncancel: vi.fn() });
    await fireEvent.input(document.querySelector('#vendor-name')!, { target: { value: 'Support Co' } });
    await fireEvent.input(document.querySelector('#vendor-country')!, { target: { value: 'ca' } });
    await fireEvent.click(screen.getByTestId('add-scope-check'));
    expect(screen.getByLabelText<HTMLSelectElement>('Condition').value).toBe('pipeda_subject');
    await fireEvent.input(screen.getByLabelText('Where (list entry or source)'), { target: { value: 'Vendor statement 2026' } });
    await typeRemote('us, in');
    expect(chips()).toEqual(['US', 'IN']);
    await fireEvent.click(screen.getByTestId('save-vendor'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());

    expect(sent).toHaveLength(1);
    expect(sent[0].cmd).toBe('vendor_create');
    expect(sent[0].data).toMatchObject({
      legal_name: 'Support Co',
      country: 'CA',
      scope_checks: [{ scope: 'pipeda_subject', outcome: 'inside', source: 'Vendor statement 2026' }],
      remote_access_from: ['US', 'IN'],
    });
    expect(sent[0].data.scope_checks[0].checked_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('starts new vendors with nothing checked and without remote access', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(VendorForm, { onsaved, oncancel: vi.fn() });
    expect(screen.getByLabelText<HTMLSelectElement>('EU-US Data Privacy Framework').value).toBe('not_checked');
    expect(screen.queryByLabelText('Checked on')).toBeNull();
    expect(chips()).toEqual([]);
    await fireEvent.input(document.querySelector('#vendor-name')!, { target: { value: 'Plain Ltd' } });
    await fireEvent.click(screen.getByTestId('save-vendor'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(sent[0].data).toMatchObject({ scope_checks: [], international_organisation: null, remote_access_from: [] });
  });

  it('records a vendor checked and not found on the DPF list, with the day and the entry', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(VendorForm, { onsaved, oncancel: vi.fn() });
    await fireEvent.input(document.querySelector('#vendor-name')!, { target: { value: 'Plain Inc.' } });
    await fireEvent.change(screen.getByLabelText('EU-US Data Privacy Framework'), { target: { value: 'outside' } });
    await fireEvent.input(screen.getByLabelText('Checked on'), { target: { value: '2026-11-02' } });
    await fireEvent.input(screen.getByLabelText('Where (list entry or source)'), { target: { value: 'https://www.dataprivacyframework.gov/list' } });
    await fireEvent.click(screen.getByTestId('save-vendor'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(sent[0].data.scope_checks).toEqual([
      { scope: 'dpf_listed', outcome: 'outside', checked_on: '2026-11-02', source: 'https://www.dataprivacyframework.gov/list' },
    ]);
  });

  it('sends an international organisation by its code and no day for an emptied date', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(VendorForm, { onsaved, oncancel: vi.fn() });
    await fireEvent.input(document.querySelector('#vendor-name')!, { target: { value: 'European Patent Office' } });
    await fireEvent.input(document.querySelector('#vendor-country')!, { target: { value: 'DE' } });
    await fireEvent.input(screen.getByLabelText('International organisation'), { target: { value: ' EPO ' } });
    await fireEvent.change(screen.getByLabelText('EU-US Data Privacy Framework'), { target: { value: 'inside' } });
    await fireEvent.input(screen.getByLabelText('Checked on'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('save-vendor'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(sent[0].data).toMatchObject({ international_organisation: 'EPO', country: 'DE' });
    expect(sent[0].data.scope_checks).toEqual([{ scope: 'dpf_listed', outcome: 'inside', checked_on: null, source: '' }]);
  });

  it('edits a vendor’s existing values: removes a country, a check and sets DPF back to not checked', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    const vendor: Vendor = {
      id: 'ven-1', ...stamp, ...blankVendor(), legal_name: 'Cloud KK', country: 'JP',
      scope_checks: [
        { scope: 'appi_private_sector', outcome: 'inside', checked_on: '2025-01-02', source: '' },
        { scope: 'dpf_listed', outcome: 'inside', checked_on: '2025-01-02', source: '' },
      ],
      remote_access_from: ['US', 'PH'],
    };
    render(VendorForm, { vendor, onsaved, oncancel: vi.fn() });
    expect(screen.getByLabelText<HTMLSelectElement>('EU-US Data Privacy Framework').value).toBe('inside');
    expect(screen.getAllByTestId('scope-check')).toHaveLength(1);
    expect(chips()).toEqual(['US', 'PH']);
    await fireEvent.click(screen.getAllByTestId('chip-remove')[0]);
    await fireEvent.click(screen.getByTestId('remove-scope-check'));
    await fireEvent.change(screen.getByLabelText('EU-US Data Privacy Framework'), { target: { value: 'not_checked' } });
    await fireEvent.click(screen.getByTestId('save-vendor'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(sent[0]).toMatchObject({ cmd: 'vendor_update', id: 'ven-1' });
    expect(sent[0].data).toMatchObject({ scope_checks: [], remote_access_from: ['PH'] });
    // The form edits its own copy: the record it was given is unchanged until saved.
    expect(vendor.scope_checks).toHaveLength(2);
  });

  it('sends the address of the vendor’s published list and the daily check only with one', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(VendorForm, { onsaved, oncancel: vi.fn() });
    await fireEvent.input(document.querySelector('#vendor-name')!, { target: { value: 'Watched GmbH' } });
    expect(document.querySelector('#vendor-watch-daily')).toBeNull();
    await fireEvent.input(document.querySelector('#vendor-list-url')!, { target: { value: ' https://watched.example/subprocessors ' } });
    await fireEvent.click(document.querySelector('#vendor-watch-daily')!);
    await fireEvent.click(screen.getByTestId('save-vendor'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(sent[0].data).toMatchObject({ list_url: 'https://watched.example/subprocessors', watch_daily: true });
  });

  it('refuses a remote-access entry that is not a two-letter code before asking the core', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(VendorForm, { onsaved, oncancel: vi.fn() });
    await fireEvent.input(document.querySelector('#vendor-name')!, { target: { value: 'Support Co' } });
    await typeRemote('USA');
    await fireEvent.click(screen.getByTestId('save-vendor'));
    expect(screen.getByTestId('vendor-remote-access-error').textContent).toBe('Use two-letter country codes such as US or IN, not: USA');
    expect(sent).toHaveLength(0);
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('shows the core’s error for one remote-access entry under the countries', async () => {
    mockIPC((cmd) => {
      if (cmd === 'vendor_create') {
        throw { kind: 'invalid', message: '…', fields: [{ field: 'remote_access_from[0]', message: 'Germany is in the EEA: access from there is no transfer.' }] };
      }
    });
    const onsaved = vi.fn();
    render(VendorForm, { onsaved, oncancel: vi.fn() });
    await fireEvent.input(document.querySelector('#vendor-name')!, { target: { value: 'Support Co' } });
    await typeRemote('DE');
    await fireEvent.click(screen.getByTestId('save-vendor'));
    expect((await screen.findByTestId('vendor-remote-access-error')).textContent).toBe('Germany is in the EEA: access from there is no transfer.');
    expect(chips()).toEqual(['DE']);
    expect(onsaved).not.toHaveBeenCalled();
  });
});
