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
  it('sends the partial-adequacy tick and the remote-access countries, upper-cased', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(VendorForm, { onsaved, oncancel: vi.fn() });
    await fireEvent.input(document.querySelector('#vendor-name')!, { target: { value: 'Support Co' } });
    await fireEvent.input(document.querySelector('#vendor-country')!, { target: { value: 'ca' } });
    await fireEvent.click(screen.getByLabelText('Falls within the scope of a partial adequacy decision'));
    await typeRemote('us, in');
    expect(chips()).toEqual(['US', 'IN']);
    await fireEvent.click(screen.getByTestId('save-vendor'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());

    expect(sent).toHaveLength(1);
    expect(sent[0].cmd).toBe('vendor_create');
    expect(sent[0].data).toMatchObject({
      legal_name: 'Support Co',
      country: 'CA',
      adequacy_scope_confirmed: true,
      remote_access_from: ['US', 'IN'],
    });
  });

  it('starts new vendors unticked and without remote access', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(VendorForm, { onsaved, oncancel: vi.fn() });
    expect(screen.getByLabelText<HTMLInputElement>('Falls within the scope of a partial adequacy decision').checked).toBe(false);
    expect(chips()).toEqual([]);
    await fireEvent.input(document.querySelector('#vendor-name')!, { target: { value: 'Plain Ltd' } });
    await fireEvent.click(screen.getByTestId('save-vendor'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(sent[0].data).toMatchObject({ adequacy_scope_confirmed: false, remote_access_from: [] });
  });

  it('edits a vendor’s existing values: removes a country and clears the tick', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    const vendor: Vendor = {
      id: 'ven-1', ...stamp, ...blankVendor(), legal_name: 'Cloud KK', country: 'JP',
      adequacy_scope_confirmed: true, remote_access_from: ['US', 'PH'],
    };
    render(VendorForm, { vendor, onsaved, oncancel: vi.fn() });
    const tick = screen.getByLabelText<HTMLInputElement>('Falls within the scope of a partial adequacy decision');
    expect(tick.checked).toBe(true);
    expect(chips()).toEqual(['US', 'PH']);
    await fireEvent.click(screen.getAllByTestId('chip-remove')[0]);
    await fireEvent.click(tick);
    await fireEvent.click(screen.getByTestId('save-vendor'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(sent[0]).toMatchObject({ cmd: 'vendor_update', id: 'ven-1' });
    expect(sent[0].data).toMatchObject({ adequacy_scope_confirmed: false, remote_access_from: ['PH'] });
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
