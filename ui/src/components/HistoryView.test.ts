import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Organisation } from '../lib/api';
import { blankActivity, blankOrganisation } from '../lib/blank';
import HistoryView from './HistoryView.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const acme: Organisation = { id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Acme Sp. z o.o.' };
const payroll = { id: 'act-1', ...stamp, ...blankActivity('org-1'), name: 'Payroll', reference: 'HR-01' };

const changes = [
  { seq: 3, at: '2024-05-02T10:00:00Z', actor: 'anna', action: 'create', fields: [{ field: 'name', before: null, after: 'Acme' }] },
  {
    seq: 7,
    at: '2024-06-02T10:00:00Z',
    actor: 'anna',
    action: 'update',
    fields: [
      { field: 'name', before: 'Acme', after: 'Acme Sp. z o.o.' },
      { field: 'services', before: ['e-mail', 'hosting'], after: [] },
      { field: 'contact', before: null, after: { name: 'Jan', email: 'jan@acme.pl', phone: '' } },
    ],
  },
];

function core(extra: (cmd: string, a: Record<string, unknown>) => unknown = () => undefined) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const answer = extra(cmd, a);
    if (answer !== undefined) return answer;
    if (cmd === 'activity_rows') return [{ activity: payroll, completeness: { percent: 100, missing: [] } }];
    if (cmd === 'vendor_list' || cmd === 'dpa_list' || cmd === 'processor_record_list') return [];
    if (cmd === 'record_history') return a.entity === 'organisation' ? changes : [];
  });
  return calls;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('HistoryView', () => {
  it('lists the organisation’s changes newest first, each field before → after', async () => {
    const calls = core();
    render(HistoryView, { organisation: acme });
    const items = await screen.findAllByTestId('history-change');
    expect(calls.find((c) => c.cmd === 'record_history')?.args).toEqual({ entity: 'organisation', id: 'org-1' });
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Changed');
    expect(items[0].textContent).toContain('anna');
    expect(items[1].textContent).toContain('Created');

    const fields = items[0].querySelectorAll<HTMLElement>('[data-testid="history-field"]');
    const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim();
    expect(text(fields[0])).toBe('Name Acme → Acme Sp. z o.o.');
    expect(text(fields[1])).toBe('Services e-mail, hosting → —');
    expect(text(fields[2])).toBe('Contact — → Jan · jan@acme.pl');
  });

  it('asks for the history of the record chosen', async () => {
    const calls = core();
    render(HistoryView, { organisation: acme });
    await screen.findAllByTestId('history-change');
    const select = screen.getByTestId<HTMLSelectElement>('history-record');
    await vi.waitFor(() => expect(select.querySelector('option[value="activity:act-1"]')).not.toBeNull());
    await fireEvent.change(select, { target: { value: 'activity:act-1' } });
    expect(await screen.findByTestId('history-empty')).toBeTruthy();
    expect(calls.filter((c) => c.cmd === 'record_history').at(-1)?.args).toEqual({ entity: 'activity', id: 'act-1' });
  });

  it('rebuilds the register as of a date', async () => {
    const calls = core((cmd, a) => {
      if (cmd === 'register_as_of') {
        if (a.date === '2020-01-01') return { as_of: '2020-01-01', organisation: null, activities: [] };
        return {
          as_of: a.date,
          organisation: { ...acme, name: 'Acme' },
          activities: [
            { ...payroll, status: 'active', purposes: [{ description: 'Salaries', legal_basis: 'legal_obligation', basis_detail: '', art9_condition: null, art10_basis: null }] },
          ],
        };
      }
    });
    render(HistoryView, { organisation: acme });
    await fireEvent.click(screen.getByTestId('history-tab-as-of'));
    const date = screen.getByTestId<HTMLInputElement>('as-of-date');
    expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await fireEvent.input(date, { target: { value: '2024-05-10' } });
    await fireEvent.click(screen.getByTestId('as-of-show'));
    const row = await screen.findByTestId('as-of-row');
    expect(calls.find((c) => c.cmd === 'register_as_of')?.args).toEqual({ organisation: 'org-1', date: '2024-05-10' });
    expect(row.dataset.name).toBe('Payroll');
    expect(row.textContent).toContain('HR-01');
    expect(row.textContent).toContain('Salaries');
    expect(row.textContent).toContain('Active');
    expect(screen.getByTestId('as-of-organisation').textContent).toContain('Acme');

    await fireEvent.input(date, { target: { value: '2020-01-01' } });
    await fireEvent.click(screen.getByTestId('as-of-show'));
    expect((await screen.findByTestId('as-of-missing')).textContent).toBe('The organisation did not exist yet on that date.');
  });

  it('shows each register import as one entry and undoes one as a whole', async () => {
    const entry = {
      id: 'imp-1',
      organisation_id: 'org-1',
      at: '2024-06-03T09:00:00Z',
      actor: 'anna',
      file_name: 'verzeichnis.xlsx',
      new_organisation: false,
      activity_ids: ['a-1', 'a-2', 'a-3'],
      vendor_ids: ['v-1'],
      undone_at: null,
      undone_by: null,
    };
    let undone = false;
    const calls = core((cmd) => {
      if (cmd === 'register_imports') return [undone ? { ...entry, undone_at: '2024-06-04T09:00:00Z', undone_by: 'anna' } : entry];
      if (cmd === 'register_import_undo') {
        undone = true;
        return { activities_removed: 3, vendors_removed: 0, vendors_kept: ['Personio SE'], organisation_removed: false };
      }
    });
    render(HistoryView, { organisation: acme });
    await fireEvent.click(screen.getByTestId('history-tab-imports'));
    const item = await screen.findByTestId('history-import');
    expect(calls.find((c) => c.cmd === 'register_imports')?.args).toEqual({ organisation: 'org-1' });
    expect(item.textContent).toContain('verzeichnis.xlsx');
    expect(item.textContent).toContain('3 activities imported as drafts.');
    expect(item.textContent).toContain('1 vendors added.');

    await fireEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Remove them' }));
    expect(calls.find((c) => c.cmd === 'register_import_undo')?.args).toEqual({ id: 'imp-1' });
    // The list is read again: the entry now says when it was undone and what was kept.
    expect((await screen.findByTestId('history-import-undone')).textContent).toContain('anna');
    expect(screen.getByTestId('import-undone').textContent).toContain('Kept because other records use them: Personio SE.');
    expect(screen.queryByRole('button', { name: 'Undo this import' })).toBeNull();
  });
});
