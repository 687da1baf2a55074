import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Organisation } from '../lib/api';
import { blankOrganisation } from '../lib/blank';
import type { ExportRequest } from '../lib/generated/ExportRequest';
import { setLanguage } from '../lib/i18n.svelte';
import { nav } from '../lib/navigation.svelte';
import ReportsView from './ReportsView.svelte';

// pdf.js needs a real canvas; here each "page" is an empty canvas that says which PDF it came
// from (the first byte of the bytes the core sent) and how many pages that PDF had.
vi.mock('../lib/pdf-preview', () => ({
  renderFirstPages: vi.fn(async (data: ArrayBuffer, max: number) => {
    const [source, total] = new Uint8Array(data);
    const canvases = Array.from({ length: Math.min(max, total) }, () => {
      const canvas = document.createElement('canvas');
      canvas.dataset.source = String(source);
      return canvas;
    });
    return { canvases, total };
  }),
}));

const stamp = { created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const acme: Organisation = { id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Acme Processing', role: 'both' };
const beta: Organisation = { id: 'org-2', ...stamp, ...blankOrganisation(), name: 'Beta Shop', role: 'controller' };

type Call = { cmd: string; args: unknown };
type Handler = (cmd: string, args: unknown) => unknown;

/** The core: previews answer with a PDF of `pages` pages whose first byte counts the previews made. */
function core(extra: Handler = () => undefined, pages = 5) {
  const calls: Call[] = [];
  let previews = 0;
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    const answer = extra(cmd, args);
    if (answer !== undefined) return answer;
    if (cmd === 'report_preview') return new Uint8Array([++previews, pages]).buffer;
  });
  return calls;
}

const sent = (calls: Call[], cmd: string) =>
  calls.filter((c) => c.cmd === cmd).map((c) => (c.args as { request: ExportRequest }).request);
const select = (id: string) => document.getElementById(id) as HTMLSelectElement;
const options = (id: string) => Array.from(select(id).options).map((o) => o.value);
const choose = (id: string, value: string) => fireEvent.change(select(id), { target: { value } });
const pageCanvases = () => Array.from(document.querySelectorAll<HTMLCanvasElement>('#report-preview canvas'));

function show(organisations = [acme, beta], onimported = vi.fn()) {
  render(ReportsView, { organisations, onimported });
  return { onimported };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 22, 10, 0, 0));
  nav.organisationId = 'org-1';
});

afterEach(() => {
  cleanup();
  clearMocks();
  setLanguage('en');
  vi.useRealTimers();
  nav.organisationId = '';
});

describe('ReportsView', () => {
  it('offers each document in its own formats and sends exactly what the user chose', async () => {
    const calls = core((cmd) => (cmd === 'report_export' ? '/home/dpo/Acme - register - 2026-12-01.xlsx' : undefined));
    show();

    expect(select('report-org').value).toBe('org-1');
    expect(options('report-kind')).toEqual(['register', 'processor', 'risk', 'handover']);
    expect(options('report-format')).toEqual(['pdf', 'xlsx', 'csv']);
    expect(Array.from(select('report-lang').options).map((o) => o.textContent)).toEqual([
      'English', 'Deutsch', 'Français', 'Italiano', 'Polski', 'Español',
    ]);
    expect((document.getElementById('report-as-of') as HTMLInputElement).value).toBe('2026-12-22');

    await choose('report-kind', 'risk');
    expect(options('report-format')).toEqual(['pdf']);
    await choose('report-kind', 'processor');
    expect(options('report-format')).toEqual(['pdf']);

    await choose('report-kind', 'register');
    await choose('report-format', 'xlsx');
    await choose('report-lang', 'de');
    await fireEvent.change(document.getElementById('report-as-of')!, { target: { value: '2026-12-01' } });
    await fireEvent.click(document.getElementById('report-save')!);

    const saved = await screen.findByTestId('report-saved');
    expect(saved.id).toBe('report-saved');
    expect(saved.textContent).toBe('Saved to /home/dpo/Acme - register - 2026-12-01.xlsx');
    expect(sent(calls, 'report_export')).toEqual([
      { organisation: 'org-1', format: 'xlsx', kind: 'register', lang: 'de', as_of: '2026-12-01' },
    ]);
    // A spreadsheet has no preview; it says what it holds instead.
    expect(screen.getByTestId('report-no-preview').textContent).toContain('one row per processing activity');
  });

  it('makes the handover file as JSON, without an as-of date', async () => {
    const calls = core((cmd) => (cmd === 'report_export' ? '/home/dpo/Acme - handover.json' : undefined));
    show();
    await fireEvent.change(document.getElementById('report-as-of')!, { target: { value: '2026-11-30' } });

    await choose('report-kind', 'handover');
    expect(options('report-format')).toEqual(['json']);
    expect(document.getElementById('report-as-of')).toBeNull();
    expect(screen.getByTestId('report-no-preview').textContent).toContain('another DPA Desk');

    await fireEvent.click(document.getElementById('report-save')!);
    await screen.findByTestId('report-saved');
    // The date chosen before is not sent: the handover file is the organisation as it is now.
    expect(sent(calls, 'report_export')).toEqual([
      { organisation: 'org-1', format: 'json', kind: 'register', lang: 'en', as_of: null },
    ]);

    // Back to a PDF: the format follows and the date comes back.
    await choose('report-kind', 'risk');
    expect(select('report-format').value).toBe('pdf');
    expect((document.getElementById('report-as-of') as HTMLInputElement).value).toBe('2026-11-30');
  });

  it('offers the processor record only for an organisation that acts as processor', async () => {
    core();
    nav.organisationId = 'org-2';
    show();
    expect(select('report-org').value).toBe('org-2');
    expect(options('report-kind')).toEqual(['register', 'risk', 'handover']);

    await choose('report-org', 'org-1');
    expect(options('report-kind')).toContain('processor');
    await choose('report-kind', 'processor');

    // The controller-only organisation has no such record: the choice falls back to the register.
    await choose('report-org', 'org-2');
    expect(options('report-kind')).toEqual(['register', 'risk', 'handover']);
    expect(select('report-kind').value).toBe('register');
    expect(options('report-format')).toEqual(['pdf', 'xlsx', 'csv']);
  });

  it('writes documents in the UI language when the core knows it', async () => {
    core();
    setLanguage('pl');
    show();
    expect(select('report-lang').value).toBe('pl');
    expect(select('report-kind').selectedOptions[0].textContent).toBe('Rejestr czynności przetwarzania');
  });

  it('previews the first two pages of the PDF, once the choices settle, the newest answer winning', async () => {
    const calls = core(undefined, 7);
    show();

    expect(screen.getByTestId('report-preview-loading').textContent).toContain('Preparing the preview');
    await vi.waitFor(() => expect(pageCanvases()).toHaveLength(2), { timeout: 2000 });
    expect(pageCanvases().map((c) => c.dataset.page)).toEqual(['1', '2']);
    expect(pageCanvases()[0].getAttribute('aria-label')).toBe('Page 1 of 7');
    expect(screen.getByTestId('report-preview-more').textContent).toBe('First 2 of 7 pages');
    expect(sent(calls, 'report_preview')).toEqual([
      { organisation: 'org-1', format: 'pdf', kind: 'register', lang: 'en', as_of: null },
    ]);

    // Three quick changes make one new preview, of the last choice.
    await choose('report-lang', 'fr');
    await choose('report-lang', 'it');
    await choose('report-kind', 'risk');
    await vi.waitFor(() => expect(pageCanvases()[0]?.dataset.source).toBe('2'), { timeout: 2000 });
    expect(sent(calls, 'report_preview')).toHaveLength(2);
    expect(sent(calls, 'report_preview')[1]).toEqual({ organisation: 'org-1', format: 'pdf', kind: 'risk', lang: 'it', as_of: null });
  });

  it('never lets a slow preview replace a newer one', async () => {
    let releaseFirst: (bytes: ArrayBuffer) => void = () => {};
    let previews = 0;
    core((cmd) => {
      if (cmd !== 'report_preview') return undefined;
      previews += 1;
      if (previews === 1) return new Promise<ArrayBuffer>((resolve) => (releaseFirst = resolve));
      return new Uint8Array([2, 3]).buffer;
    });
    show();
    await vi.waitFor(() => expect(previews).toBe(1), { timeout: 2000 });

    await choose('report-kind', 'risk');
    await vi.waitFor(() => expect(pageCanvases()[0]?.dataset.source).toBe('2'), { timeout: 2000 });
    releaseFirst(new Uint8Array([1, 3]).buffer);
    await new Promise((r) => setTimeout(r, 20));
    expect(pageCanvases().map((c) => c.dataset.source)).toEqual(['2', '2']);
  });

  it('says why the core gave no preview', async () => {
    core((cmd) => {
      if (cmd === 'report_preview') throw { kind: 'not_found', message: 'The organisation did not exist yet on 2020-01-01; choose a later day.', fields: [] };
    });
    show();
    const failed = await screen.findByTestId('report-preview-error', {}, { timeout: 2000 });
    expect(failed.textContent).toBe('No preview: The organisation did not exist yet on 2020-01-01; choose a later day.');
    expect(pageCanvases()).toHaveLength(0);
  });

  it('shows progress while the file is made and nothing when the save dialog is closed', async () => {
    let finish: (path: string | null) => void = () => {};
    core((cmd) => (cmd === 'report_export' ? new Promise((resolve) => (finish = resolve)) : undefined));
    show();
    const save = document.getElementById('report-save') as HTMLButtonElement;
    await fireEvent.click(save);

    expect(save.disabled).toBe(true);
    expect(save.getAttribute('aria-busy')).toBe('true');
    expect(save.textContent?.trim()).toBe('Making the file…');
    expect(screen.getByRole('progressbar')).toBeTruthy();

    finish(null);
    await vi.waitFor(() => expect(save.disabled).toBe(false));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(save.textContent?.trim()).toBe('Save…');
    expect(document.getElementById('report-saved')).toBeNull();
    expect(document.getElementById('report-error')).toBeNull();
  });

  it("shows the core's refusal and leaves every choice as it was", async () => {
    const message = 'A register can be stated as of today or an earlier day, not a future one.';
    const calls = core((cmd) => {
      if (cmd === 'report_export') throw { kind: 'invalid', message, fields: [{ field: 'as_of', message }] };
    });
    show();
    await choose('report-kind', 'register');
    await choose('report-format', 'csv');
    await choose('report-lang', 'es');
    await fireEvent.click(document.getElementById('report-save')!);

    const alert = await screen.findByRole('alert');
    expect(alert.id).toBe('report-error');
    expect(alert.textContent).toBe(`The file was not made: ${message}`);
    expect(document.getElementById('report-as-of')!.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('report-saved')).toBeNull();
    expect(select('report-org').value).toBe('org-1');
    expect(select('report-kind').value).toBe('register');
    expect(select('report-format').value).toBe('csv');
    expect(select('report-lang').value).toBe('es');
    expect((document.getElementById('report-save') as HTMLButtonElement).disabled).toBe(false);
    expect(sent(calls, 'report_export')).toHaveLength(1);

    // Another choice: the refusal was about the previous request.
    await choose('report-format', 'pdf');
    expect(document.getElementById('report-error')).toBeNull();
  });

  it('imports a handover file chosen in the dialog and says what came in', async () => {
    const calls = core((cmd) =>
      cmd === 'org_import_pick' ? { organisation: { id: 'org-9', name: 'Gamma <b>GmbH</b>' }, activities: 12, vendors: 4, unknown_thing: 7 } : undefined,
    );
    const { onimported } = show();
    await fireEvent.click(document.getElementById('org-import')!);

    const result = await screen.findByTestId('org-import-result');
    expect(result.id).toBe('org-import-result');
    expect(result.textContent).toContain('Gamma <b>GmbH</b> was imported.');
    expect(result.querySelector('b')).toBeNull();
    expect(result.textContent).toContain('Processing activities 12');
    expect(result.textContent).toContain('Vendors 4');
    expect(result.textContent).not.toContain('7');
    expect(onimported).toHaveBeenCalledTimes(1);
    expect(calls.filter((c) => c.cmd === 'org_import_pick')).toHaveLength(1);

    await fireEvent.click(document.getElementById('org-import-open')!);
    expect(nav.section).toBe('register');
    expect(nav.organisationId).toBe('org-9');
  });

  it('sends a dropped handover file as bytes and shows a refusal as an alert', async () => {
    const message = 'This is not a DPA Desk handover file.';
    const calls = core((cmd) => {
      if (cmd === 'org_import_bytes') throw { kind: 'invalid', message, fields: [{ field: 'file', message }] };
    });
    const { onimported } = show();
    const file = new File(['{"format":"nope"}'], 'acme.json', { type: 'application/json' });
    const zone = screen.getByTestId('org-import-drop');
    await fireEvent.dragEnter(zone, { dataTransfer: { files: [file], types: ['Files'] } });
    await fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });

    const alert = await screen.findByTestId('org-import-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.id).toBe('org-import-error');
    expect(alert.textContent).toBe(`Not imported: ${message}`);
    const sentBytes = calls.find((c) => c.cmd === 'org_import_bytes')?.args;
    expect(sentBytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(sentBytes as Uint8Array)).toBe('{"format":"nope"}');
    expect(onimported).not.toHaveBeenCalled();
    expect(document.getElementById('org-import-result')).toBeNull();
  });

  it('says nothing when the import dialog is closed', async () => {
    core((cmd) => (cmd === 'org_import_pick' ? null : undefined));
    const { onimported } = show();
    const button = document.getElementById('org-import') as HTMLButtonElement;
    await fireEvent.click(button);
    await vi.waitFor(() => expect(button.disabled).toBe(false));
    expect(document.getElementById('org-import-result')).toBeNull();
    expect(document.getElementById('org-import-error')).toBeNull();
    expect(onimported).not.toHaveBeenCalled();
  });
});
