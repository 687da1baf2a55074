import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Organisation } from '../lib/api';
import { blankOrganisation } from '../lib/blank';
import type { RegisterPreview } from '../lib/generated/RegisterPreview';
import RegisterImport from './RegisterImport.svelte';

const stamp = { created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const acme: Organisation = { id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Acme Sp. z o.o.' };
const hostile = '<script>alert("x")</script><img src=x onerror="alert(1)">';

function answer(over: Partial<RegisterPreview> = {}): RegisterPreview {
  return {
    organisation_id: null,
    organisation: 'Beta GmbH',
    new_organisation: true,
    layout: 'l-1',
    remembered: false,
    targets: ['name', 'purposes', 'legal_basis', 'notes', 'skip'],
    labels: [
      { label: 'Verarbeitungstätigkeit', target: 'name', suggested: 'name', cells: 2 },
      { label: 'Zweck', target: 'purposes', suggested: 'purposes', cells: 2 },
      { label: 'Bemerkung', target: 'notes', suggested: 'notes', cells: 1 },
    ],
    activities: [
      {
        source: 'row 2',
        name: 'Lohnabrechnung',
        skipped: false,
        fields: [
          { field: 'purposes', values: ['Gehaltszahlung'], confidence: 0.9, uncertain: false, source: 'row 2 — Zweck: Gehaltszahlung' },
          { field: 'legal_basis', values: ['Art. 6(1)(b)?'], confidence: 0.5, uncertain: true, source: 'row 2 — Rechtsgrundlage: Vertrag' },
          { field: 'dpia', values: ['yes'], confidence: 0.9, uncertain: false, source: 'row 2 — DSFA: ja' },
        ],
        problems: [],
      },
      { source: 'row 3', name: hostile, skipped: false, fields: [], problems: [] },
    ],
    new_vendors: [],
    warnings: [],
    problems: [],
    can_save: true,
    written: false,
    import_id: null,
    ...over,
  };
}

type Call = { cmd: string; args: Record<string, unknown> };

function core(respond: (cmd: string, args: Record<string, unknown>) => unknown = () => undefined) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const given = respond(cmd, a);
    if (given !== undefined) return given;
    if (cmd === 'register_import_bytes') return answer();
    if (cmd === 'register_import_preview') {
      const skip = a.skip as string[];
      const preview = answer();
      preview.activities = preview.activities.map((x) => ({ ...x, skipped: skip.includes(x.source) }));
      preview.can_save = preview.activities.some((x) => !x.skipped);
      preview.labels = preview.labels.map((l) => {
        const chosen = (a.mapping as { labels: Record<string, string> }).labels[l.label];
        return chosen ? { ...l, target: chosen } : l;
      });
      return preview;
    }
    if (cmd === 'register_import_save') {
      const preview = answer({ organisation_id: 'org-9', written: true, new_vendors: ['Lohnbüro GmbH'], import_id: 'imp-1' });
      preview.activities = preview.activities.filter((x) => !(a.skip as string[]).includes(x.source));
      return preview;
    }
    if (cmd === 'register_import_undo') return { activities_removed: 1, vendors_removed: 1, vendors_kept: [], organisation_removed: true };
  });
  return calls;
}

async function drop() {
  const file = new File(['Verarbeitungstätigkeit;Zweck\nLohnabrechnung;Gehaltszahlung\n'], 'verzeichnis.csv', { type: 'text/csv' });
  const zone = document.querySelector('#register-import-drop')!;
  await fireEvent.dragEnter(zone, { dataTransfer: { files: [file], types: ['Files'] } });
  await fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });
  return screen.findByText('2 activities found in verzeichnis.csv.');
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('RegisterImport', () => {
  it('previews a dropped register, lets rows be skipped and labels remapped, then saves into a new organisation', async () => {
    const calls = core();
    const onimported = vi.fn();
    render(RegisterImport, { organisations: [acme], onimported });
    await fireEvent.input(screen.getByLabelText('Name of the new organisation'), { target: { value: 'Beta GmbH' } });
    await drop();

    const sent = calls.find((c) => c.cmd === 'register_import_bytes')!;
    expect(sent.args).toBeInstanceOf(Uint8Array);

    // The uncertain reading is highlighted, and the cell it came from is on hover.
    const basis = screen.getByText(/Art\. 6\(1\)\(b\)\?/);
    expect(basis.classList.contains('uncertain')).toBe(true);
    expect(basis.getAttribute('title')).toBe('row 2 — Rechtsgrundlage: Vertrag');
    expect(screen.getByText('Gehaltszahlung').classList.contains('uncertain')).toBe(false);
    // The DPIA's answer reads in the window's language.
    expect(screen.getByTitle('row 2 — DSFA: ja').textContent?.trim()).toBe('Yes');
    // The file's words are text, never markup.
    expect(document.querySelector('[data-testid="register-import"] script, [data-testid="register-import"] img')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();

    // A row left out is sent back as skipped, and the button counts what is kept.
    const second = document.querySelector('[data-source="row 3"]') as HTMLElement;
    await fireEvent.click(within(second).getByRole('checkbox'));
    await screen.findByText('Save 1 activities into Beta GmbH');
    expect(calls.at(-1)).toMatchObject({ cmd: 'register_import_preview', args: { organisation: 'Beta GmbH', skip: ['row 3'] } });

    // A label sent elsewhere is read again with the user's mapping.
    await fireEvent.change(screen.getByLabelText('Where “Bemerkung” goes'), { target: { value: 'purposes' } });
    expect(calls.at(-1)).toMatchObject({
      cmd: 'register_import_preview',
      args: { mapping: { labels: { Bemerkung: 'purposes' } }, skip: ['row 3'] },
    });

    await fireEvent.click(screen.getByText('Save 1 activities into Beta GmbH'));
    const result = await screen.findByRole('status');
    expect(result.textContent).toContain('1 activities saved into Beta GmbH as drafts.');
    expect(result.textContent).toContain('New vendors added: Lohnbüro GmbH.');
    expect(calls.at(-1)).toMatchObject({
      cmd: 'register_import_save',
      args: { organisation: 'Beta GmbH', mapping: { labels: { Bemerkung: 'purposes' } }, skip: ['row 3'] },
    });
    expect(onimported).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Open the register' })).toBeTruthy();

    // Undone as a whole, after one question; the register is no longer offered.
    await fireEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    expect(calls.some((c) => c.cmd === 'register_import_undo')).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove them' }));
    const undone = await screen.findByTestId('import-undone');
    expect(undone.textContent).toContain('Import undone: 1 activities removed.');
    expect(undone.textContent).toContain('The organisation it made was removed too.');
    expect(calls.at(-1)).toMatchObject({ cmd: 'register_import_undo', args: { id: 'imp-1' } });
    expect(onimported).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('button', { name: 'Open the register' })).toBeNull();
  });

  it('shows what stops the save beside its row and saves nothing', async () => {
    const clash = '“Lohnabrechnung” is already in this organisation\'s register.';
    const blocked = answer({ organisation_id: 'org-1', new_organisation: false, can_save: false });
    blocked.activities[0].problems = [clash];
    const calls = core((cmd) => (cmd === 'register_import_bytes' ? blocked : undefined));
    render(RegisterImport, { organisations: [acme] });
    await fireEvent.change(document.querySelector('#register-import-org')!, { target: { value: 'org-1' } });
    await drop();
    const row = document.querySelector('[data-source="row 2"]') as HTMLElement;
    expect(within(row).getByRole('alert').textContent).toContain('already in this organisation');
    const save = screen.getByText('Save 2 activities into Acme Sp. z o.o.') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(calls.some((c) => c.cmd === 'register_import_save')).toBe(false);
  });

  it('says why a file is refused', async () => {
    core((cmd) => {
      if (cmd === 'register_import_bytes') throw { kind: 'invalid', message: 'This file holds no register.', fields: [] };
    });
    render(RegisterImport, { organisations: [] });
    const file = new File(['hello'], 'notes.txt');
    const zone = document.querySelector('#register-import-drop')!;
    await fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });
    expect((await screen.findByRole('alert')).textContent).toContain('This file holds no register.');
    expect(document.querySelector('#register-import-preview')).toBeNull();
  });
});
