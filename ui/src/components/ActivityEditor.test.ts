import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { ActivityData } from '../lib/generated/ActivityData';
import ActivityEditor from './ActivityEditor.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const vendor = { id: 'ven-1', ...stamp, legal_name: 'Payroll Cloud GmbH', address: '', country: 'DE', services: [], contact: { name: '', email: '', phone: '' }, website: '', international_organisation: null, scope_checks: [], remote_access_from: [], aliases: [], notes: '' };
const measure = { id: 'm-1', ...stamp, group: 'data_access_control', title: 'Role-based access', description: '' };

function core(create: (data: ActivityData) => unknown = (data) => ({ id: 'act-1', ...stamp, ...data })) {
  const sent: ActivityData[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as { data: ActivityData };
    if (cmd === 'vendor_list') return [vendor];
    if (cmd === 'measure_list') return [measure];
    if (cmd === 'used_values') return { purposes: [], subject_categories: ['Pensioners'], data_categories: [], recipients: [], systems: [], data_locations: [], processing_categories: [] };
    if (cmd === 'activity_create') {
      sent.push(a.data);
      return create(a.data);
    }
  });
  return sent;
}

const type = (id: string, value: string) => fireEvent.input(document.getElementById(id)!, { target: { value } });
const choose = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('ActivityEditor', () => {
  it('sends every item of the register the user filled in', async () => {
    const sent = core();
    const onsaved = vi.fn();
    render(ActivityEditor, { organisationId: 'org-1', onsaved, oncancel: () => {} });
    await type('activity-name', 'Payroll');
    await type('activity-reference', 'HR-01');
    await type('activity-description', 'Monthly salaries');
    await type('owner-department', 'HR');
    await choose('activity-status', 'active');
    await type('activity-next-review', '2027-01-31');

    await fireEvent.click(screen.getByTestId('add-purpose'));
    await type('purpose-0-description', 'Paying salaries');
    await choose('purpose-0-basis', 'legal_obligation');
    await type('purpose-0-detail', 'Labour code');

    await fireEvent.focus(document.getElementById('activity-subjects')!);
    await type('activity-subjects', 'Employees, former employees,');
    await fireEvent.click(await screen.findByText('+ Pensioners'));

    await fireEvent.click(screen.getByTestId('add-category'));
    await type('category-0-name', 'Salary details');
    await choose('category-0-retention', 'period');
    await type('category-0-count', '5');
    await type('category-0-trigger', 'the end of the tax year');

    await fireEvent.click(screen.getByTestId('add-recipient'));
    await screen.findByText('Payroll Cloud GmbH');
    await choose('recipient-0-vendor', 'ven-1');

    await fireEvent.click(await screen.findByTestId('measure-option'));
    await fireEvent.click(screen.getByTestId('activity-dpia'));
    await type('activity-dpia-reference', 'DPIA-2024-03');

    await fireEvent.click(screen.getByTestId('save-activity'));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(sent[0]).toMatchObject({
      organisation_id: 'org-1', name: 'Payroll', reference: 'HR-01', description: 'Monthly salaries', status: 'active',
      owner: { department: 'HR' }, reviewed_on: null, next_review_on: '2027-01-31',
      purposes: [{ description: 'Paying salaries', legal_basis: 'legal_obligation', basis_detail: 'Labour code', art9_condition: null }],
      subject_categories: ['Employees', 'former employees', 'Pensioners'],
      data_categories: [{ name: 'Salary details', sensitivity: 'ordinary', retention: { kind: 'period', count: 5, unit: 'years', trigger: 'the end of the tax year' } }],
      recipients: [{ kind: 'processor', name: 'Payroll Cloud GmbH', vendor_id: 'ven-1', country: 'DE' }],
      measure_ids: ['m-1'], dpia_required: true, dpia_reference: 'DPIA-2024-03',
    });
  });

  it('asks for the Art. 9 condition as soon as special-category data appear, and shows the core’s refusal', async () => {
    const refusal = 'Special-category data are processed: choose the Art. 9(2) condition for this purpose.';
    core(() => {
      throw { kind: 'invalid', message: refusal, fields: [{ field: 'purposes[0].art9_condition', message: refusal }] };
    });
    const onsaved = vi.fn();
    render(ActivityEditor, { organisationId: 'org-1', onsaved, oncancel: () => {} });
    await type('activity-name', 'Sick leave');
    await fireEvent.click(screen.getByTestId('add-purpose'));
    await type('purpose-0-description', 'Recording sick leave');
    expect(screen.queryByTestId('purpose-0-art9-error')).toBeNull();
    await fireEvent.click(screen.getByTestId('add-category'));
    await choose('category-0-sensitivity', 'special');
    expect(screen.getByTestId('purpose-0-art9-error').textContent).toBe(refusal);
    await choose('activity-status', 'active');
    await fireEvent.click(screen.getByTestId('save-activity'));
    await screen.findByTestId('activity-errors');
    expect(onsaved).not.toHaveBeenCalled();
    await choose('purpose-0-art9', 'employment_and_social_security');
    expect(screen.queryByTestId('purpose-0-art9-error')).toBeNull();
  });

  it('refuses a malformed country code without asking the core', async () => {
    const sent = core();
    render(ActivityEditor, { organisationId: 'org-1', onsaved: () => {}, oncancel: () => {} });
    await type('activity-name', 'Support');
    await fireEvent.click(screen.getByTestId('add-transfer'));
    await type('transfer-0-recipient', 'Helpdesk Inc.');
    await type('transfer-0-country', 'U');
    await fireEvent.click(screen.getByTestId('save-activity'));
    expect(await screen.findByText('Use the two-letter country code, e.g. DE or US.')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it('keeps an Enter in a chip field from submitting the form', async () => {
    const sent = core();
    render(ActivityEditor, { organisationId: 'org-1', onsaved: () => {}, oncancel: () => {} });
    const systems = document.getElementById('activity-systems')!;
    await fireEvent.input(systems, { target: { value: 'SAP' } });
    await fireEvent.keyDown(systems, { key: 'Enter' });
    expect(screen.getAllByTestId('chip').map((c) => c.textContent?.replace('×', '').trim())).toEqual(['SAP']);
    await fireEvent.keyDown(systems, { key: 'Backspace' });
    expect(screen.queryAllByTestId('chip')).toHaveLength(0);
    expect(sent).toHaveLength(0);
  });
});
