import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { SubprocessorList } from '../lib/api';
import type { ListChangeReport } from '../lib/generated/ListChangeReport';
import type { SubprocessorEntry } from '../lib/generated/SubprocessorEntry';
import { setLanguage } from '../lib/i18n.svelte';
import ListChanges from './ListChanges.svelte';

const stamp = { created_at: '2026-12-01T00:00:00Z', updated_at: '2026-12-01T00:00:00Z' };
const entry = (e: Partial<SubprocessorEntry>): SubprocessorEntry => ({
  name: '', address: '', country: null, service: '', processing_location: '', mechanism: 'eea',
  certifications: [], vendor_id: null, ...e,
});
const ovh = entry({ name: 'OVH SAS', country: 'FR', service: 'Backups' });
const twilio = entry({ name: 'Twilio Inc.', country: 'US', service: 'SMS', mechanism: 'dpf' });

const version = (id: string, entries: SubprocessorEntry[]): SubprocessorList => ({
  id, ...stamp, vendor_id: 'ven-1', received_on: '2026-12-20', source: 'subprocessors.csv', content_hash: id, entries, evidence: null,
  review: { status: 'pending', note: '', decided_on: null },
});

const report: ListChangeReport = {
  vendor_id: 'ven-1',
  vendor_name: 'Mailer Ltd',
  list: version('list-2', [ovh, twilio]),
  previous: version('list-1', [ovh]),
  changes: { added: [twilio], removed: [], changed: [], unchanged: [ovh] },
  organisations: [
    { organisation_id: 'org-1', organisation_name: 'Acme', objection_window_days: 14, object_by: '2027-01-03', activities: [], clients: [] },
    { organisation_id: 'org-2', organisation_name: 'Beta', objection_window_days: null, object_by: null, activities: [], clients: [] },
  ],
};

type Call = { cmd: string; args: Record<string, unknown> };

function core(letter: (args: Record<string, unknown>) => unknown = () => '/home/dpo/Objection - Mailer Ltd.pdf', answer = report) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (cmd === 'list_change') return structuredClone(answer);
    if (cmd === 'objection_letter') return letter(a);
  });
  return calls;
}

const letters = (calls: Call[]) => calls.filter((c) => c.cmd === 'objection_letter').map((c) => c.args);
const field = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 22, 10, 0, 0));
});

afterEach(() => {
  cleanup();
  clearMocks();
  setLanguage('en');
  vi.useRealTimers();
});

describe('Objection letter', () => {
  it('offers a letter to every organisation concerned, one form at a time', async () => {
    core();
    render(ListChanges, { listId: 'list-2', onclose: vi.fn() });
    const buttons = await screen.findAllByTestId('objection-letter');
    expect(buttons).toHaveLength(2);
    expect(buttons[0].textContent?.trim()).toBe('Write an objection letter…');

    await fireEvent.click(buttons[1]);
    expect(screen.getByTestId('objection-form').textContent).toContain('Objection letter for Beta');
    expect(document.querySelector('#organisation-impact-1 [data-testid="objection-form"]')).not.toBeNull();
    // Acme keeps its button; Beta's became the form.
    expect(screen.getAllByTestId('objection-letter')).toHaveLength(1);

    await fireEvent.click(screen.getByTestId('objection-cancel'));
    expect(screen.queryByTestId('objection-form')).toBeNull();
    expect(screen.getAllByTestId('objection-letter')).toHaveLength(2);
  });

  it('needs the reasons before it asks the core for the letter', async () => {
    const calls = core();
    render(ListChanges, { listId: 'list-2', onclose: vi.fn() });
    await fireEvent.click((await screen.findAllByTestId('objection-letter'))[0]);

    const reasons = field<HTMLTextAreaElement>('objection-reasons');
    expect(reasons.required).toBe(true);
    await fireEvent.input(reasons, { target: { value: '   ' } });
    await fireEvent.click(field('objection-save'));

    expect(screen.getByTestId('objection-reasons-error').textContent).toBe(
      'Write why the organisation objects: the letter states the reasons.',
    );
    expect(reasons.getAttribute('aria-invalid')).toBe('true');
    expect(letters(calls)).toEqual([]);
    expect(document.getElementById('objection-saved')).toBeNull();
  });

  it('saves the letter with the reasons, place and language given', async () => {
    const calls = core();
    setLanguage('de');
    render(ListChanges, { listId: 'list-2', onclose: vi.fn() });
    await fireEvent.click((await screen.findAllByTestId('objection-letter'))[0]);

    // The letter's language starts as the UI's.
    expect(field<HTMLSelectElement>('objection-lang').value).toBe('de');
    await fireEvent.input(field('objection-reasons'), { target: { value: 'Twilio would receive customer phone numbers in the US.' } });
    await fireEvent.input(field('objection-place'), { target: { value: 'Berlin' } });
    await fireEvent.change(field('objection-lang'), { target: { value: 'en' } });
    await fireEvent.click(field('objection-save'));

    const saved = await screen.findByTestId('objection-saved');
    expect(saved.textContent).toBe('Gespeichert unter /home/dpo/Objection - Mailer Ltd.pdf');
    expect(letters(calls)).toEqual([
      { organisation: 'org-1', list: 'list-2', reasons: 'Twilio would receive customer phone numbers in the US.', place: 'Berlin', lang: 'en' },
    ]);
  });

  it("shows the core's refusal", async () => {
    const message = 'The vendor of this list was deleted.';
    core(() => {
      throw { kind: 'not_found', message, fields: [] };
    });
    render(ListChanges, { listId: 'list-2', onclose: vi.fn() });
    await fireEvent.click((await screen.findAllByTestId('objection-letter'))[0]);
    await fireEvent.input(field('objection-reasons'), { target: { value: 'New US subprocessor.' } });
    await fireEvent.click(field('objection-save'));

    const alert = await screen.findByTestId('objection-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(`The letter was not made: ${message}`);
    expect(document.getElementById('objection-saved')).toBeNull();
    // What the user wrote is still there to correct and try again.
    expect(field<HTMLTextAreaElement>('objection-reasons').value).toBe('New US subprocessor.');
  });

  it('offers no letter when the new version adds or changes no subprocessor', async () => {
    core(undefined, { ...report, changes: { added: [], removed: [ovh], changed: [], unchanged: [twilio] } });
    render(ListChanges, { listId: 'list-2', onclose: vi.fn() });
    await screen.findByTestId('change-removed');
    expect(screen.queryAllByTestId('objection-letter')).toHaveLength(0);
  });
});
