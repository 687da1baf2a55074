import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Organisation } from '../lib/api';
import { blankOrganisation, blankVendor } from '../lib/blank';
import ProcessorView from './ProcessorView.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const org = (role: 'controller' | 'processor'): Organisation => ({ id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Payroll Bureau', role });

function core(extra: (cmd: string, a: Record<string, unknown>) => unknown = () => undefined) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const answer = extra(cmd, a);
    if (answer !== undefined) return answer;
    if (cmd === 'processor_record_list') return [];
    if (cmd === 'vendor_list') return [{ id: 'ven-1', ...stamp, ...blankVendor(), legal_name: 'Cloud Co' }];
    if (cmd === 'measure_list') return [{ id: 'm1', ...stamp, group: 'availability_control', title: 'Daily backups', description: '' }];
    if (cmd === 'used_values') return { purposes: [], subject_categories: [], data_categories: [], recipients: [], systems: [], data_locations: [], processing_categories: ['Payroll'] };
  });
  return calls;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('ProcessorView', () => {
  it('explains the register instead of a form for a controller', () => {
    const calls = core();
    render(ProcessorView, { organisation: org('controller') });
    expect(screen.getByTestId('processor-not-applicable').textContent).toContain('Controller and processor');
    expect(screen.queryByTestId('new-processor-record')).toBeNull();
    expect(calls.some((c) => c.cmd === 'processor_record_list')).toBe(false);
  });

  it('saves a client record with the parties, categories, subprocessors and measures chosen', async () => {
    const calls = core((cmd, a) => {
      if (cmd === 'processor_record_create') return { id: 'pr-1', ...stamp, ...(a.data as object) };
    });
    render(ProcessorView, { organisation: org('processor') });
    await fireEvent.click(await screen.findByTestId('new-processor-record'));
    await fireEvent.input(document.querySelector('#proc-client-name')!, { target: { value: 'Acme' } });
    await fireEvent.input(document.querySelector('#proc-client-country')!, { target: { value: 'pl' } });
    await fireEvent.input(document.querySelector('#proc-categories')!, { target: { value: 'Payslips\n\n Tax filings ' } });
    await fireEvent.click(await screen.findByTestId('proc-vendor'));
    await fireEvent.click(await screen.findByTestId('proc-measure'));
    await fireEvent.click(screen.getByTestId('proc-add-transfer'));
    await fireEvent.input(document.querySelector('#proc-transfer-recipient-0')!, { target: { value: 'Cloud Co' } });
    await fireEvent.input(document.querySelector('#proc-transfer-country-0')!, { target: { value: 'us' } });
    await fireEvent.click(screen.getByTestId('save-processor-record'));
    const row = await screen.findByTestId('processor-row');
    expect(row.dataset.name).toBe('Acme');
    expect(calls.find((c) => c.cmd === 'processor_record_create')?.args.data).toEqual({
      organisation_id: 'org-1',
      client: { name: 'Acme', address: '', country: 'PL', email: '', phone: '' },
      client_representative: null,
      client_dpo: null,
      processing_categories: ['Payslips', 'Tax filings'],
      subprocessor_vendor_ids: ['ven-1'],
      transfers: [{ recipient: 'Cloud Co', country: 'US', international_organisation: null, mechanism: 'scc', safeguards: '' }],
      measure_ids: ['m1'],
      dpa_reference: '',
      dpa_signed_on: null,
      notes: '',
    });
  });

  it('shows the core’s field errors under the client’s fields', async () => {
    core((cmd) => {
      if (cmd === 'processor_record_create') throw { kind: 'invalid', message: 'client.name', fields: [{ field: 'client.name', message: 'Enter a name.' }] };
    });
    render(ProcessorView, { organisation: org('processor') });
    await fireEvent.click(await screen.findByTestId('new-processor-record'));
    await fireEvent.click(screen.getByTestId('save-processor-record'));
    expect((await screen.findByTestId('proc-client-name-error')).textContent).toBe('Enter a name.');
    await vi.waitFor(() => expect(screen.getByTestId('processor-form')).toBeTruthy());
  });
});
