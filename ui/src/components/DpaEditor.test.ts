import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Dpa, Organisation, Vendor } from '../lib/api';
import { blankOrganisation, blankVendor } from '../lib/blank';
import type { DpaData } from '../lib/generated/DpaData';
import DpaEditor, { ART28_ITEMS } from './DpaEditor.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const organisation: Organisation = { id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Acme' };
const vendor: Vendor = { id: 'ven-1', ...stamp, ...blankVendor(), legal_name: 'Mailer Ltd' };

/** Records what the core was sent and answers like it: the stored record. */
function recordSaves() {
  const sent: { cmd: string; data: DpaData; id?: string }[] = [];
  mockIPC((cmd, args) => {
    const a = args as { data: DpaData; id?: string };
    if (cmd === 'dpa_create' || cmd === 'dpa_update') {
      sent.push({ cmd, ...a });
      return { id: a.id ?? 'dpa-1', ...stamp, ...a.data };
    }
  });
  return sent;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('DpaEditor', () => {
  it('shows all thirteen Art. 28(3) items in the order of the Article', () => {
    recordSaves();
    render(DpaEditor, { organisation, vendor, onsaved: vi.fn(), oncancel: vi.fn() });
    const rows = screen.getAllByTestId(/^checklist-[a-z_]+$/).filter((el) => el.tagName === 'LI');
    expect(rows.map((r) => r.dataset.testid)).toEqual(ART28_ITEMS.map((i) => `checklist-${i}`));
    expect(screen.getByTestId('checklist-subprocessors').textContent).toContain('(d) Conditions for engaging another processor');
  });

  it('sends every checklist item with its status and clause reference', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(DpaEditor, { organisation, vendor, onsaved, oncancel: vi.fn() });
    await fireEvent.input(screen.getByLabelText('Version'), { target: { value: 'v2.1' } });
    await fireEvent.input(document.querySelector('#dpa-effective')!, { target: { value: '2024-03-01' } });
    await fireEvent.click(screen.getByTestId('checklist-all-present'));
    await fireEvent.click(screen.getByTestId('checklist-subprocessors-missing'));
    await fireEvent.click(screen.getByTestId('checklist-audits_and_information-not_applicable'));
    await fireEvent.input(document.querySelector('#clause-security')!, { target: { value: 'Annex II' } });
    await fireEvent.input(document.querySelector('#clause-subprocessors')!, { target: { value: '9.1' } });
    await fireEvent.click(screen.getByTestId('save-dpa'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());

    expect(sent).toHaveLength(1);
    const { cmd, data } = sent[0];
    expect(cmd).toBe('dpa_create');
    expect(data).toMatchObject({
      organisation_id: 'org-1',
      vendor_id: 'ven-1',
      version: 'v2.1',
      effective_on: '2024-03-01',
      signed_on: null,
      transfer_mechanism: null,
      scc_module: null,
      transfer_instrument: '',
      objection_window_days: null,
    });
    expect(data.checklist.map((c) => c.item)).toEqual(ART28_ITEMS);
    const byItem = Object.fromEntries(data.checklist.map((c) => [c.item, c]));
    expect(byItem.subprocessors).toEqual({ item: 'subprocessors', status: 'missing', clause_ref: '9.1' });
    expect(byItem.security).toEqual({ item: 'security', status: 'present', clause_ref: 'Annex II' });
    expect(byItem.audits_and_information.status).toBe('not_applicable');
    expect(data.checklist.filter((c) => c.status === 'present')).toHaveLength(11);
  });

  it('offers the SCC module only for SCCs, and sends none once the mechanism changes', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(DpaEditor, { organisation, vendor, onsaved, oncancel: vi.fn() });
    expect(document.querySelector('#dpa-scc-module')).toBeNull();

    await fireEvent.change(document.querySelector('#dpa-mechanism')!, { target: { value: 'scc' } });
    const module = document.querySelector<HTMLSelectElement>('#dpa-scc-module');
    expect(module).not.toBeNull();
    await fireEvent.change(module!, { target: { value: 'controller_to_processor' } });
    await fireEvent.click(screen.getByTestId('save-dpa'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(sent[0].data).toMatchObject({ transfer_mechanism: 'scc', scc_module: 'controller_to_processor' });

    await fireEvent.change(document.querySelector('#dpa-mechanism')!, { target: { value: 'dpf' } });
    expect(document.querySelector('#dpa-scc-module')).toBeNull();
    await fireEvent.click(screen.getByTestId('save-dpa'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledTimes(2));
    expect(sent[1].data).toMatchObject({ transfer_mechanism: 'dpf', scc_module: null });
  });

  it('records the decision the transfer clauses come from, only for mechanisms resting on one', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    render(DpaEditor, { organisation, vendor, onsaved, oncancel: vi.fn() });
    expect(document.querySelector('#dpa-transfer-instrument')).toBeNull();

    await fireEvent.change(document.querySelector('#dpa-mechanism')!, { target: { value: 'scc' } });
    const input = screen.getByLabelText<HTMLInputElement>('Decision the transfer clauses are taken from');
    expect(input.id).toBe('dpa-transfer-instrument');
    // The references offered are spelt as the dataset spells them, so the checks recognise them.
    const offered = [...document.querySelectorAll<HTMLOptionElement>('#dpa-instruments option')];
    expect(offered.map((o) => o.value)).toContain('2010/87/EU');
    expect(offered.find((o) => o.value === '2010/87/EU')?.textContent).toBe('Old SCCs, controller to processor (2010)');
    await fireEvent.input(input, { target: { value: ' 2010/87/EU ' } });
    await fireEvent.click(screen.getByTestId('save-dpa'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(sent[0].data).toMatchObject({ transfer_mechanism: 'scc', transfer_instrument: '2010/87/EU' });

    // BCRs rest on no decision: the field goes, and nothing is sent for it.
    await fireEvent.change(document.querySelector('#dpa-mechanism')!, { target: { value: 'bcr' } });
    expect(document.querySelector('#dpa-transfer-instrument')).toBeNull();
    await fireEvent.click(screen.getByTestId('save-dpa'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledTimes(2));
    expect(sent[1].data).toMatchObject({ transfer_mechanism: 'bcr', transfer_instrument: '' });
  });

  it('shows the core’s error on the instrument under its field', async () => {
    mockIPC((cmd) => {
      if (cmd === 'dpa_create') {
        throw { kind: 'invalid', message: '…', fields: [{ field: 'transfer_instrument', message: 'The reference is too long.' }] };
      }
    });
    render(DpaEditor, { organisation, vendor, onsaved: vi.fn(), oncancel: vi.fn() });
    await fireEvent.change(document.querySelector('#dpa-mechanism')!, { target: { value: 'adequacy' } });
    await fireEvent.input(document.querySelector('#dpa-transfer-instrument')!, { target: { value: 'x'.repeat(300) } });
    await fireEvent.click(screen.getByTestId('save-dpa'));
    expect((await screen.findByTestId('dpa-transfer-instrument-error')).textContent).toBe('The reference is too long.');
  });

  it('updates an existing agreement, keeping its document and checklist', async () => {
    const sent = recordSaves();
    const onsaved = vi.fn();
    const dpa: Dpa = {
      id: 'dpa-9',
      ...stamp,
      organisation_id: 'org-1',
      vendor_id: 'ven-1',
      version: '1',
      signed_on: '2023-01-01',
      effective_on: null,
      expires_on: null,
      next_review_on: null,
      document: { id: 'doc-1', file_name: 'dpa.pdf', media_type: 'application/pdf', size: 1000n, sha256: 'x' },
      checklist: [{ item: 'security', status: 'present', clause_ref: '4' }],
      objection_window_days: 30,
      transfer_mechanism: 'scc',
      scc_module: 'controller_to_processor',
      transfer_instrument: '2010/87/EU',
      notes: '',
    };
    render(DpaEditor, { organisation, vendor, dpa, onsaved, oncancel: vi.fn() });
    expect(document.querySelector<HTMLSelectElement>('#dpa-scc-module')?.value).toBe('controller_to_processor');
    expect(document.querySelector<HTMLInputElement>('#dpa-transfer-instrument')?.value).toBe('2010/87/EU');
    expect(screen.getByTestId<HTMLInputElement>('checklist-security-present').checked).toBe(true);
    await fireEvent.click(screen.getByTestId('save-dpa'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(sent[0].cmd).toBe('dpa_update');
    expect(sent[0].id).toBe('dpa-9');
    expect(sent[0].data.document?.file_name).toBe('dpa.pdf');
    expect(sent[0].data.objection_window_days).toBe(30);
    expect(sent[0].data.transfer_instrument).toBe('2010/87/EU');
    expect(sent[0].data.checklist.find((c) => c.item === 'security')).toEqual({ item: 'security', status: 'present', clause_ref: '4' });
  });

  it('shows the core’s field errors under their fields and keeps the input', async () => {
    mockIPC((cmd) => {
      if (cmd === 'dpa_create') {
        throw {
          kind: 'invalid',
          message: 'effective_on: …',
          fields: [
            { field: 'effective_on', message: 'The agreement cannot take effect before it is signed.' },
            { field: 'objection_window_days', message: 'The objection window is between 1 and 365 days.' },
          ],
        };
      }
    });
    const onsaved = vi.fn();
    render(DpaEditor, { organisation, vendor, onsaved, oncancel: vi.fn() });
    await fireEvent.input(screen.getByLabelText('Version'), { target: { value: 'v3' } });
    await fireEvent.click(screen.getByTestId('save-dpa'));
    expect((await screen.findByTestId('dpa-effective-error')).textContent).toBe('The agreement cannot take effect before it is signed.');
    expect(screen.getByTestId('dpa-objection-days-error').textContent).toBe('The objection window is between 1 and 365 days.');
    expect(screen.getByLabelText<HTMLInputElement>('Version').value).toBe('v3');
    expect(onsaved).not.toHaveBeenCalled();
  });
});
