import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { DatasetInfo } from '../lib/generated/DatasetInfo';
import type { ReferenceDataset } from '../lib/generated/ReferenceDataset';
import { formatDate } from '../lib/i18n.svelte';
import SettingsView from './SettingsView.svelte';

const row = (reference: string) => ({ reference, name: `Row ${reference}`, note: 'Not read on EUR-Lex.', source: `https://eur-lex.europa.eu/${reference}` });
const builtin: DatasetInfo = {
  format: 1, version: '2026.05.1', date: '2026-05-01', note: 'Facts up to May 2026.', unverified_rows: 4,
  to_verify: ['(EU) 2025/2574', '2002/16/EC', 'FISA 702', 'Other'].map(row),
};
const newer: DatasetInfo = { format: 1, version: '2026.09.1', date: '2026-09-01', note: '', unverified_rows: 0, to_verify: [] };
const builtinInUse: ReferenceDataset = { in_use: builtin, loaded: false, builtin };
const newerInUse: ReferenceDataset = { in_use: newer, loaded: true, builtin };

type Call = { cmd: string; args: Record<string, unknown> };

/** The core as the card sees it: what is in use, and what loading or resetting answers. */
function core(start: ReferenceDataset, answers: Partial<Record<'dataset_load' | 'dataset_reset', (args: Record<string, unknown>) => unknown>> = {}) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (cmd === 'transfer_dataset') return start;
    // The other cards of Settings, with nothing to show.
    if (cmd === 'backup_settings') return { chosen: { dir: null, keep: null }, dir: '/v.backups', keep: 30 };
    if (cmd === 'backup_list') return [];
    if (cmd === 'dataset_load' || cmd === 'dataset_reset') return answers[cmd]?.(a);
  });
  return calls;
}

const text = (id: string) => document.getElementById(id)?.textContent?.trim();
const fileInput = () => document.querySelector<HTMLInputElement>('#dataset-file')!;

async function choose(file: File) {
  await fireEvent.click(document.getElementById('dataset-load')!);
  await fireEvent.change(fileInput(), { target: { files: [file] } });
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('the reference dataset in Settings', () => {
  it('shows the built-in dataset in use, without a way back to it', async () => {
    core(builtinInUse);
    render(SettingsView, { vaultPath: '/v.db', openedWith: 'keychain', onnewcode: () => {}, onrestored: () => {} });
    expect(await screen.findByText('2026.05.1')).toHaveProperty('id', 'dataset-version');
    expect(text('dataset-date')).toBe(formatDate('2026-05-01'));
    expect(text('dataset-source')).toBe('Built into this version of DPA Desk');
    expect(text('dataset-unverified')).toContain('4 rows not yet confirmed from an official text');
    const rows = screen.getAllByTestId('dataset-row-to-verify');
    expect(rows).toHaveLength(4);
    expect(rows[1].textContent).toContain('2002/16/EC Row 2002/16/EC: Not read on EUR-Lex.');
    expect(rows[1].textContent).toContain('https://eur-lex.europa.eu/2002/16/EC');
    expect(screen.getByTestId('dataset-note').textContent).toBe('Facts up to May 2026.');
    expect(document.getElementById('dataset-reset')).toBeNull();
    const input = fileInput();
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.json,application/json');
  });

  it('shows a loaded dataset with the built-in version beside it, and offers the way back', async () => {
    core(newerInUse);
    render(SettingsView, { vaultPath: '/v.db', openedWith: 'keychain', onnewcode: () => {}, onrestored: () => {} });
    await screen.findByText('2026.09.1');
    expect(text('dataset-source')).toContain('A file you loaded');
    expect(screen.getByTestId('dataset-builtin').textContent).toBe(`Built-in dataset: version 2026.05.1 of ${formatDate('2026-05-01')}`);
    expect(text('dataset-unverified')).toBe('Every row confirmed from an official text');
    expect(screen.queryByTestId('dataset-to-verify')).toBeNull();
    expect(document.getElementById('dataset-reset')).not.toBeNull();
  });

  it('sends the chosen file’s text to the core and shows the new version', async () => {
    const calls = core(builtinInUse, { dataset_load: () => newerInUse });
    render(SettingsView, { vaultPath: '/v.db', openedWith: 'keychain', onnewcode: () => {}, onrestored: () => {} });
    await screen.findByText('2026.05.1');
    const content = '{"format":1,"version":"2026.09.1"}';
    await choose(new File([content], 'dataset.json', { type: 'application/json' }));

    expect((await screen.findByRole('status')).textContent).toContain('Version 2026.09.1 is now in use.');
    expect(calls.filter((c) => c.cmd === 'dataset_load')).toEqual([{ cmd: 'dataset_load', args: { content } }]);
    expect(text('dataset-version')).toBe('2026.09.1');
    expect(text('dataset-date')).toBe(formatDate('2026-09-01'));
    expect(document.getElementById('dataset-reset')).not.toBeNull();
    expect(document.getElementById('dataset-error')).toBeNull();
  });

  it('shows the core’s refusal and keeps showing the dataset still in use', async () => {
    const refusal = 'This reference dataset (version 2026.01.1, 2026-01-01) is not newer than the one in use (version 2026.05.1, 2026-05-01).';
    const calls = core(builtinInUse, {
      dataset_load: () => {
        throw { kind: 'invalid', message: `file: ${refusal}`, fields: [{ field: 'file', message: refusal }] };
      },
    });
    render(SettingsView, { vaultPath: '/v.db', openedWith: 'keychain', onnewcode: () => {}, onrestored: () => {} });
    await screen.findByText('2026.05.1');
    await choose(new File(['{"format":1}'], 'old.json', { type: 'application/json' }));

    const alert = await screen.findByRole('alert');
    expect(alert.id).toBe('dataset-error');
    expect(alert.textContent).toBe(refusal);
    expect(calls.filter((c) => c.cmd === 'dataset_load')).toHaveLength(1);
    expect(text('dataset-version')).toBe('2026.05.1');
    expect(text('dataset-date')).toBe(formatDate('2026-05-01'));
    expect(text('dataset-source')).toBe('Built into this version of DPA Desk');
    expect(document.getElementById('dataset-reset')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('refuses a file over 10 MB without sending it to the core', async () => {
    const calls = core(builtinInUse, { dataset_load: () => newerInUse });
    render(SettingsView, { vaultPath: '/v.db', openedWith: 'keychain', onnewcode: () => {}, onrestored: () => {} });
    await screen.findByText('2026.05.1');
    const big = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    await choose(big);

    expect((await screen.findByRole('alert')).textContent).toContain('“huge.json” is larger than 10 MB');
    expect(calls.some((c) => c.cmd === 'dataset_load')).toBe(false);
    expect(text('dataset-version')).toBe('2026.05.1');
  });

  it('goes back to the built-in dataset only once the user confirms', async () => {
    const calls = core(newerInUse, { dataset_reset: () => builtinInUse });
    render(SettingsView, { vaultPath: '/v.db', openedWith: 'keychain', onnewcode: () => {}, onrestored: () => {} });
    await screen.findByText('2026.09.1');

    await fireEvent.click(document.getElementById('dataset-reset')!);
    expect(text('dataset-reset-question')).toContain('version 2026.05.1');
    await fireEvent.click(screen.getByText('Cancel'));
    expect(calls.some((c) => c.cmd === 'dataset_reset')).toBe(false);
    expect(text('dataset-version')).toBe('2026.09.1');

    await fireEvent.click(document.getElementById('dataset-reset')!);
    await fireEvent.click(document.getElementById('dataset-reset-confirm')!);
    expect((await screen.findByRole('status')).textContent).toContain('The built-in dataset (version 2026.05.1) is in use again.');
    expect(calls.filter((c) => c.cmd === 'dataset_reset')).toHaveLength(1);
    expect(text('dataset-version')).toBe('2026.05.1');
    expect(document.getElementById('dataset-reset')).toBeNull();
  });
});
