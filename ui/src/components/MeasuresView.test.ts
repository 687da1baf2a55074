import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import MeasuresView from './MeasuresView.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const measure = (id: string, group: string, title: string, description = '') => ({ id, ...stamp, group, title, description });
const library = [
  measure('m1', 'availability_control', 'Daily backups', 'Encrypted, kept off-site for 30 days'),
  measure('m2', 'entry_control', 'Badge access'),
  measure('m3', 'entry_control', 'Alarm system'),
  measure('m4', 'system_access_control', 'Two-factor login'),
];

function core(extra: (cmd: string, a: Record<string, unknown>) => unknown = () => undefined) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const answer = extra(cmd, a);
    if (answer !== undefined) return answer;
    if (cmd === 'measure_list') return library;
  });
  return calls;
}

const sections = () => screen.getAllByTestId('measure-group-section');
const titlesIn = (section: HTMLElement) =>
  [...section.querySelectorAll<HTMLElement>('[data-testid="measure-row"]')].map((r) => r.dataset.title);

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('MeasuresView', () => {
  it('groups the library by control group in the fixed order', async () => {
    core();
    render(MeasuresView);
    await screen.findAllByTestId('measure-row');
    // The eight groups always show; "other" only when it holds something.
    expect(sections().map((s) => s.dataset.group)).toEqual([
      'entry_control', 'system_access_control', 'data_access_control', 'separation_control',
      'transfer_control', 'input_control', 'availability_control', 'instruction_control',
    ]);
    const [entry, system] = sections();
    expect(entry.querySelector('h2')?.textContent).toBe('Entry control');
    expect(entry.textContent).toContain('Keeping unauthorised people out');
    expect(titlesIn(entry)).toEqual(['Alarm system', 'Badge access']);
    expect(titlesIn(system)).toEqual(['Two-factor login']);
    expect(titlesIn(sections()[6])).toEqual(['Daily backups']);
  });

  it('filters by title and description', async () => {
    core();
    render(MeasuresView);
    await screen.findAllByTestId('measure-row');
    await fireEvent.input(screen.getByTestId('measure-filter'), { target: { value: 'off-site' } });
    expect(screen.getAllByTestId('measure-row').map((r) => r.dataset.title)).toEqual(['Daily backups']);
    expect(sections().map((s) => s.dataset.group)).toEqual(['availability_control']);
  });

  it('adds a measure of one’s own to the group chosen', async () => {
    const calls = core((cmd, a) => {
      if (cmd === 'measure_create') return { id: 'm9', ...stamp, ...(a.data as object) };
    });
    render(MeasuresView);
    await screen.findAllByTestId('measure-row');
    await fireEvent.click(screen.getByTestId('new-measure'));
    await fireEvent.change(document.querySelector('#measure-group')!, { target: { value: 'transfer_control' } });
    await fireEvent.input(document.querySelector('#measure-title')!, { target: { value: 'TLS for all mail' } });
    await fireEvent.input(document.querySelector('#measure-description')!, { target: { value: 'Enforced on the mail gateway' } });
    await fireEvent.click(screen.getByTestId('save-measure'));
    await vi.waitFor(() => expect(screen.queryByTestId('measure-form')).toBeNull());
    expect(calls.find((c) => c.cmd === 'measure_create')?.args).toEqual({
      data: { group: 'transfer_control', title: 'TLS for all mail', description: 'Enforced on the mail gateway' },
    });
    const transfer = sections().find((s) => s.dataset.group === 'transfer_control')!;
    expect(titlesIn(transfer)).toEqual(['TLS for all mail']);
  });

  it('shows the core’s field error and, on delete of a measure in use, its message', async () => {
    core((cmd) => {
      if (cmd === 'measure_create') throw { kind: 'invalid', message: 'title', fields: [{ field: 'title', message: 'Enter a title for the measure.' }] };
      if (cmd === 'measure_delete') throw { kind: 'in_use', message: 'Daily backups is used by 3 activities.', fields: [] };
    });
    render(MeasuresView);
    await screen.findAllByTestId('measure-row');
    await fireEvent.click(screen.getByTestId('new-measure'));
    await fireEvent.click(screen.getByTestId('save-measure'));
    expect((await screen.findByTestId('measure-title-error')).textContent).toBe('Enter a title for the measure.');

    const backups = screen.getAllByTestId('measure-row').find((r) => r.dataset.title === 'Daily backups')!;
    await fireEvent.click(backups.querySelector('[data-testid="delete-measure"]')!);
    await fireEvent.click(backups.querySelector('[data-testid="confirm-delete-measure"]')!);
    expect((await screen.findByTestId('measure-error')).textContent).toBe('Daily backups is used by 3 activities.');
    expect(screen.getAllByTestId('measure-row').map((r) => r.dataset.title)).toContain('Daily backups');
  });
});
