import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import type { Vendor } from '../lib/api';
import { blankVendor } from '../lib/blank';
import type { ImportPreview } from '../lib/generated/ImportPreview';
import type { SubprocessorEntry } from '../lib/generated/SubprocessorEntry';
import ListImport from './ListImport.svelte';

const stamp = { created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const mailer: Vendor = { id: 'ven-1', ...stamp, ...blankVendor(), legal_name: 'Mailer Ltd' };
const hoster: Vendor = { id: 'ven-2', ...stamp, ...blankVendor(), legal_name: 'Hetzner Online GmbH', aliases: ['Hetzner'] };

const entry = (e: Partial<SubprocessorEntry>): SubprocessorEntry => ({
  name: '', address: '', country: null, service: '', processing_location: '', mechanism: 'unknown',
  certifications: [], vendor_id: null, ...e,
});

const hostile = '<script>alert("x")</script><img src=x onerror="alert(1)">';

const preview: ImportPreview = {
  source: 'subprocessors.csv',
  format: 'csv',
  warnings: ['Two rows had no country; it was read from the address.'],
  content_hash: 'c0ffee',
  excluded: [{ name: 'Redis', reason: 'Potential subprocessors (inactive)' }],
  rows: [
    {
      entry: entry({ name: 'Hetzner Online GmbH', address: 'Gunzenhausen', country: 'DE', service: 'Hosting', processing_location: 'Germany', mechanism: 'eea', certifications: ['ISO 27001'], vendor_id: 'ven-2' }),
      source: 'Hetzner Online GmbH;Gunzenhausen;DE;Hosting',
      confidence: 0.95,
      uncertain: [],
      listed_for: '',
    },
    {
      entry: entry({ name: 'Zendesk, Inc.', country: 'US', service: 'Support tickets', processing_location: 'USA', mechanism: 'dpf' }),
      source: 'Zendesk, Inc. — San Francisco — support',
      confidence: 0.8,
      uncertain: ['country', 'mechanism'],
      listed_for: '',
    },
    {
      entry: entry({ name: hostile, service: 'Analytics' }),
      source: `Unclear line ${hostile}`,
      confidence: 0.4,
      uncertain: ['name'],
      listed_for: '',
    },
  ],
};

type Handler = (cmd: string, args: unknown) => unknown;

function core(extra: Handler = () => undefined) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC(
    (cmd, args) => {
      calls.push({ cmd, args });
      const answer = extra(cmd, args);
      if (answer !== undefined) return answer;
      if (cmd === 'list_import_bytes' || cmd === 'list_import_text') return structuredClone(preview);
      if (cmd === 'list_save') {
        const a = args as { vendor: string; receivedOn: string; source: string; contentHash: string; entries: SubprocessorEntry[] };
        return {
          id: 'list-9', ...stamp, vendor_id: a.vendor, received_on: a.receivedOn, source: a.source,
          content_hash: a.contentHash, entries: a.entries, review: { status: 'pending', note: '', decided_on: null },
        };
      }
    },
    { shouldMockEvents: true },
  );
  return calls;
}

function show(onsaved = vi.fn(), onclose = vi.fn()) {
  render(ListImport, { vendor: mailer, vendors: [mailer, hoster], onsaved, onclose });
  return { onsaved, onclose };
}

async function drop(name = 'subprocessors.csv', text = 'Name;Country\nHetzner Online GmbH;DE\n', size?: number) {
  const file = new File([text], name, { type: 'text/csv' });
  // A file's size as the system reports it, without building one that large.
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  await fireEvent.dragEnter(screen.getByTestId('list-drop-zone'), { dataTransfer: { files: [file], types: ['Files'] } });
  await fireEvent.drop(screen.getByTestId('list-drop-zone'), { dataTransfer: { files: [file], types: ['Files'] } });
}

const rows = () => screen.getAllByTestId('preview-row');
const cell = (row: number, field: string) => rows()[row].querySelector<HTMLInputElement | HTMLSelectElement>(`[data-field="${field}"]`)!;

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('ListImport', () => {
  it('reads a dropped file and previews its rows with the doubtful cells highlighted', async () => {
    const calls = core();
    show();
    await drop();
    await screen.findByTestId('list-preview-screen');

    const sent = calls.find((c) => c.cmd === 'list_import_bytes');
    expect(sent?.args).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(sent?.args as Uint8Array)).toBe('Name;Country\nHetzner Online GmbH;DE\n');

    expect(rows()).toHaveLength(3);
    expect(cell(0, 'name').value).toBe('Hetzner Online GmbH');
    expect(cell(0, 'country').value).toBe('DE');
    expect(cell(0, 'certifications').value).toBe('ISO 27001');
    expect(cell(0, 'vendor').value).toBe('ven-2');
    expect(cell(1, 'mechanism').value).toBe('dpf');

    // The cells the importer doubted, and only those, are tinted; the poorly read row is marked.
    const flagged = (row: number) => [...rows()[row].querySelectorAll<HTMLElement>('[data-uncertain]')].map((el) => el.querySelector('[data-field]')?.getAttribute('data-field'));
    expect(flagged(0)).toEqual([]);
    expect(flagged(1)).toEqual(['country', 'mechanism']);
    expect(flagged(2)).toEqual(['name']);
    expect(rows().map((r) => r.dataset.low ?? null)).toEqual([null, null, 'true']);
    expect(screen.getByTestId('list-legend').textContent).toContain('Check the highlighted cells');
    expect(screen.getByTestId('list-warnings').textContent).toContain('Two rows had no country');
    const excluded = screen.getByTestId('list-excluded');
    expect(excluded.querySelector('summary')?.textContent).toBe('1 entries left out: the document says they are not subprocessors');
    expect(excluded.textContent).toContain('Redis — Potential subprocessors (inactive)');
    expect((document.querySelector('#list-source') as HTMLInputElement).value).toBe('subprocessors.csv');
    expect((document.querySelector('#list-received-on') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The vendor's text is shown as text, never as markup.
    expect(document.querySelector('[data-testid="list-import"] script, [data-testid="list-import"] img')).toBeNull();
    expect(cell(2, 'name').value).toBe(hostile);
    expect(rows()[2].querySelector('[data-testid="preview-row-source"]')?.textContent).toBe(`Unclear line ${hostile}`);
    expect(calls.some((c) => c.cmd === 'list_save')).toBe(false);
  });

  it('keeps the rows of this vendor from a file listing several vendors, or of the one chosen', async () => {
    const several: ImportPreview = {
      ...structuredClone(preview),
      warnings: [],
      excluded: [],
      rows: [
        { entry: entry({ name: 'Amazon Web Services, Inc.', country: 'US' }), source: 'a', confidence: 0.95, uncertain: [], listed_for: 'Mailer' },
        { entry: entry({ name: 'Zendesk, Inc.', country: 'US' }), source: 'b', confidence: 0.95, uncertain: [], listed_for: 'Mailer' },
        { entry: entry({ name: 'Mailgun Technologies, Inc.', country: 'US' }), source: 'c', confidence: 0.95, uncertain: [], listed_for: 'GitLab' },
      ],
    };
    core((cmd) => (cmd === 'list_import_bytes' ? structuredClone(several) : undefined));
    show();
    await drop('scrape.csv');
    await screen.findByTestId('list-preview-screen');
    const keep = screen.getByLabelText<HTMLSelectElement>('The file lists the subprocessors of 2 vendors; keep the rows of');
    expect(keep.value).toBe('Mailer');
    expect(rows()).toHaveLength(2);
    await fireEvent.change(keep, { target: { value: 'GitLab' } });
    expect(rows()).toHaveLength(1);
    await fireEvent.change(keep, { target: { value: '' } });
    expect(rows()).toHaveLength(3);
  });

  it('saves the corrected rows as a new version', async () => {
    const calls = core();
    const { onsaved } = show();
    await drop();
    await screen.findByTestId('list-preview-screen');

    // Correct the doubtful country (typed in lower case), match a row to the catalogue, drop the junk row.
    await fireEvent.input(cell(1, 'country'), { target: { value: 'ie' } });
    expect(cell(1, 'country').value).toBe('IE');
    expect(cell(1, 'country').closest('[data-uncertain]')).toBeNull();
    await fireEvent.input(cell(1, 'location'), { target: { value: 'Dublin' } });
    await fireEvent.change(cell(1, 'mechanism'), { target: { value: 'eea' } });
    await fireEvent.input(cell(1, 'certifications'), { target: { value: 'ISO 27001,  SOC 2 , ' } });
    await fireEvent.change(cell(1, 'vendor'), { target: { value: 'ven-1' } });
    await fireEvent.click(rows()[2].querySelector('[data-testid="preview-row-delete"]')!);
    expect(rows()).toHaveLength(2);
    expect(screen.queryByTestId('list-legend')).toBeNull();

    await fireEvent.input(document.querySelector('#list-received-on')!, { target: { value: '2026-12-20' } });
    await fireEvent.input(document.querySelector('#list-source')!, { target: { value: 'https://zendesk.example/subprocessors' } });

    // A malformed country stops the save before anything reaches the core.
    await fireEvent.input(cell(0, 'country'), { target: { value: 'd' } });
    await fireEvent.click(screen.getByTestId('list-save'));
    expect(screen.getByTestId('list-save-error').textContent).toContain('two-letter codes');
    expect(calls.some((c) => c.cmd === 'list_save')).toBe(false);
    await fireEvent.input(cell(0, 'country'), { target: { value: 'de' } });

    await fireEvent.click(screen.getByTestId('list-save'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(onsaved.mock.calls[0][0].id).toBe('list-9');
    expect(calls.find((c) => c.cmd === 'list_save')?.args).toEqual({
      vendor: 'ven-1',
      receivedOn: '2026-12-20',
      source: 'https://zendesk.example/subprocessors',
      contentHash: 'c0ffee',
      entries: [
        entry({ name: 'Hetzner Online GmbH', address: 'Gunzenhausen', country: 'DE', service: 'Hosting', processing_location: 'Germany', mechanism: 'eea', certifications: ['ISO 27001'], vendor_id: 'ven-2' }),
        entry({ name: 'Zendesk, Inc.', country: 'IE', service: 'Support tickets', processing_location: 'Dublin', mechanism: 'eea', certifications: ['ISO 27001', 'SOC 2'], vendor_id: 'ven-1' }),
      ],
    });
  });

  it('adds a row by hand and discards the preview without saving', async () => {
    const calls = core();
    show();
    await drop();
    await screen.findByTestId('list-preview-screen');
    await fireEvent.click(screen.getByTestId('list-add-row'));
    expect(rows()).toHaveLength(4);
    expect(cell(3, 'mechanism').value).toBe('unknown');
    expect(rows()[3].querySelector('[data-uncertain]')).toBeNull();
    await fireEvent.click(screen.getByTestId('list-discard'));
    expect(screen.getByTestId('list-drop-zone')).toBeTruthy();
    expect(screen.getByTestId('list-import-notice').textContent).toContain('Nothing was saved');
    expect(calls.some((c) => c.cmd === 'list_save')).toBe(false);
  });

  it('shows the progress of a long read and cancels it', async () => {
    let reject: (e: unknown) => void = () => undefined;
    const calls = core((cmd) => {
      if (cmd === 'list_import_bytes') return new Promise((_, r) => (reject = r));
      if (cmd === 'list_import_cancel') {
        reject({ kind: 'cancelled', message: 'The import was cancelled.', fields: [] });
        return null;
      }
    });
    show();
    await drop('big.pdf');
    const bar = await screen.findByTestId('list-import-progress');
    expect(screen.getByTestId('list-import-reading').textContent).toContain('Reading big.pdf');
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === 'plugin:event|listen' || c.cmd === 'list_import_bytes')).toBe(true));
    await emit('list-import-progress', 0.4);
    await vi.waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('40'));
    expect(screen.getByTestId('list-import-reading').textContent).toContain('40%');

    await fireEvent.click(screen.getByTestId('list-import-cancel'));
    expect(calls.some((c) => c.cmd === 'list_import_cancel')).toBe(true);
    expect(screen.getByTestId('list-drop-zone')).toBeTruthy();
    expect(screen.getByTestId('list-import-notice').textContent).toBe('The import was cancelled. Nothing was saved.');
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('list-import-error')).toBeNull();
    expect(screen.queryByTestId('list-preview-screen')).toBeNull();
  });

  it('says in plain words why a file could not be read, and saves nothing', async () => {
    const message = 'This PDF holds only scanned images: there is no text to read. Ask the vendor for the list as a document or web page.';
    const calls = core((cmd) => {
      if (cmd === 'list_import_bytes') throw { kind: 'import', message, fields: [] };
    });
    show();
    await drop('scan.pdf');
    const error = await screen.findByTestId('list-import-error');
    expect(error.textContent).toContain(message);
    expect(error.textContent).toContain('Nothing was saved.');
    expect(screen.getByTestId('list-drop-zone')).toBeTruthy();
    expect(calls.some((c) => c.cmd === 'list_save')).toBe(false);
  });

  it('refuses a file over 200 MB before reading it', async () => {
    const calls = core();
    show();
    await drop('everything.csv', 'Name\n', 201 * 1024 * 1024);
    const error = await screen.findByTestId('list-import-error');
    expect(error.textContent).toContain('“everything.csv” is 201 MB; DPA Desk reads lists of up to 200 MB.');
    expect(calls.some((c) => c.cmd === 'list_import_bytes')).toBe(false);
  });

  it('reads pasted text, and returns quietly when the file dialog is dismissed', async () => {
    const calls = core((cmd) => {
      if (cmd === 'list_import_pick') return null;
    });
    show();
    await fireEvent.click(screen.getByTestId('list-choose-file'));
    await vi.waitFor(() => expect(screen.getByTestId('list-drop-zone')).toBeTruthy());
    expect(screen.queryByTestId('list-import-error')).toBeNull();

    await fireEvent.click(screen.getByTestId('list-paste-open'));
    await fireEvent.input(screen.getByTestId('list-paste-text'), { target: { value: 'Hetzner Online GmbH, Germany, hosting' } });
    await fireEvent.click(screen.getByTestId('list-paste-read'));
    await screen.findByTestId('list-preview-screen');
    expect(calls.find((c) => c.cmd === 'list_import_text')?.args).toEqual({ text: 'Hetzner Online GmbH, Germany, hosting' });
  });
});
