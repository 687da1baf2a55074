import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Activity, Organisation } from '../lib/api';
import { blankActivity, blankOrganisation } from '../lib/blank';
import { nav } from '../lib/navigation.svelte';
import RegisterView from './RegisterView.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-03-05T10:00:00Z' };
const acme: Organisation = { id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Acme' };
const beta: Organisation = { id: 'org-2', ...stamp, ...blankOrganisation(), name: 'Beta' };
const payroll: Activity = {
  id: 'act-1', ...stamp, ...blankActivity('org-1'), reference: 'HR-01', name: 'Payroll',
  purposes: [{ description: 'Paying salaries', legal_basis: 'legal_obligation', basis_detail: 'Labour code', art9_condition: null, art10_basis: null }],
};
const newsletter: Activity = { id: 'act-2', ...stamp, ...blankActivity('org-1'), reference: 'MK-01', name: 'Newsletter', status: 'active' };
const rows = [
  { activity: payroll, completeness: { percent: 40, missing: [{ item: 'retention', field: 'data_categories[0].retention' }] } },
  { activity: newsletter, completeness: { percent: 100, missing: [] } },
];

function core(extra: (cmd: string, args: Record<string, unknown>) => unknown = () => undefined) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const answer = extra(cmd, a);
    if (answer !== undefined) return answer;
    if (cmd === 'activity_rows') return a.organisation === 'org-1' ? rows : [];
    if (cmd === 'vendor_list' || cmd === 'measure_list') return [];
    if (cmd === 'used_values') return { purposes: [], subject_categories: [], data_categories: [], recipients: [], systems: [], data_locations: [], processing_categories: [] };
  });
  return calls;
}

afterEach(() => {
  cleanup();
  clearMocks();
  nav.focus = null;
});

describe('RegisterView', () => {
  it('lists the activities with their completeness and filters them', async () => {
    core();
    render(RegisterView, { organisation: acme, organisations: [acme, beta] });
    const listed = await screen.findAllByTestId('activity-row');
    expect(listed.map((r) => r.dataset.name)).toEqual(['Payroll', 'Newsletter']);
    const pills = screen.getAllByTestId('activity-completeness');
    expect(pills.map((p) => p.dataset.percent)).toEqual(['40', '100']);
    expect(pills[0].getAttribute('title')).toBe('Retention');
    await fireEvent.input(screen.getByTestId('activity-filter'), { target: { value: 'salar' } });
    expect(screen.getAllByTestId('activity-row').map((r) => r.dataset.name)).toEqual(['Payroll']);
  });

  it('cuts a long reference in its cell and keeps it whole in the tooltip', async () => {
    const long = '=HYPERLINK("http://127.0.0.1/x","click")';
    core((cmd) => (cmd === 'activity_rows' ? [{ ...rows[0], activity: { ...payroll, reference: long } }, rows[1]] : undefined));
    render(RegisterView, { organisation: acme, organisations: [acme] });
    const [first, second] = await screen.findAllByTestId('activity-row');
    const cut = first.querySelector('td.ref')!;
    expect(cut.textContent).toBe('=HYPERLINK("htt…');
    expect(cut.getAttribute('title')).toBe(long);
    expect(second.querySelector('td.ref')!.textContent).toBe('MK-01');
  });

  it('opens the editor on a row with what is missing beside it', async () => {
    core();
    render(RegisterView, { organisation: acme, organisations: [acme] });
    await fireEvent.click((await screen.findAllByTestId('activity-row'))[0]);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Payroll');
    expect(screen.getByTestId('completeness-panel').dataset.percent).toBe('40');
    expect(screen.getAllByTestId('gap').map((g) => g.dataset.item)).toEqual(['retention']);
  });

  it('opens the activity a search hit points at', async () => {
    core();
    nav.focus = 'act-2';
    render(RegisterView, { organisation: acme, organisations: [acme] });
    await waitFor(() => expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Newsletter'));
    expect(nav.focus).toBeNull();
  });

  it('copies an activity to the client chosen, and says so', async () => {
    const calls = core((cmd) => (cmd === 'activity_copy' ? { ...payroll, id: 'act-9', organisation_id: 'org-2' } : undefined));
    render(RegisterView, { organisation: acme, organisations: [acme, beta] });
    await fireEvent.click((await screen.findAllByTestId('copy-activity'))[0]);
    expect(screen.queryByTestId('activity-form')).toBeNull();
    const confirm = screen.getByTestId('copy-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await fireEvent.change(screen.getByTestId('copy-target'), { target: { value: 'org-2' } });
    await fireEvent.click(confirm);
    expect((await screen.findByTestId('register-notice')).textContent).toBe('“Payroll” was copied to Beta.');
    expect(calls.find((c) => c.cmd === 'activity_copy')?.args).toEqual({ id: 'act-1', to: 'org-2' });
  });

  it('offers no copy when there is no other client', async () => {
    core();
    render(RegisterView, { organisation: acme, organisations: [acme] });
    await screen.findAllByTestId('activity-row');
    expect(screen.queryByTestId('copy-activity')).toBeNull();
  });

  it('adds the chosen templates and reloads the list', async () => {
    const calls = core((cmd) => {
      if (cmd === 'template_list') {
        return [
          { key: 'cctv', data: blankActivity('') },
          { key: 'newsletter', data: blankActivity('') },
        ];
      }
      if (cmd === 'template_apply') return [payroll];
    });
    render(RegisterView, { organisation: acme, organisations: [acme] });
    await fireEvent.click(await screen.findByTestId('from-templates'));
    const options = await screen.findAllByTestId('template-option');
    expect(screen.getByText('Video surveillance of premises')).toBeTruthy();
    await fireEvent.click(options[0]);
    await fireEvent.click(screen.getByTestId('apply-templates'));
    expect((await screen.findByTestId('register-notice')).textContent).toBe('Activities added as drafts: 1.');
    expect(calls.find((c) => c.cmd === 'template_apply')?.args).toEqual({ organisation: 'org-1', keys: ['cctv'] });
    expect(calls.filter((c) => c.cmd === 'activity_rows')).toHaveLength(2);
  });
});
