import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { SubprocessorList } from '../lib/api';
import type { ListChangeReport } from '../lib/generated/ListChangeReport';
import type { SubprocessorEntry } from '../lib/generated/SubprocessorEntry';
import ListChanges from './ListChanges.svelte';

const stamp = { created_at: '2026-12-01T00:00:00Z', updated_at: '2026-12-01T00:00:00Z' };
const entry = (e: Partial<SubprocessorEntry>): SubprocessorEntry => ({
  name: '', address: '', country: null, service: '', processing_location: '', mechanism: 'eea',
  certifications: [], vendor_id: null, ...e,
});
const hetznerDe = entry({ name: 'Hetzner Online GmbH', country: 'DE', service: 'Hosting', processing_location: 'Falkenstein' });
const hetznerUs = entry({ name: 'Hetzner Online GmbH', country: 'US', service: 'Hosting', processing_location: 'Ashburn', mechanism: 'scc' });
const ovh = entry({ name: 'OVH SAS', country: 'FR', service: 'Backups' });
const twilio = entry({ name: 'Twilio Inc.', country: 'US', service: 'SMS', mechanism: 'dpf' });
const mailgun = entry({ name: 'Mailgun <script>alert(1)</script>', country: 'DE', service: 'E-mail' });

const version = (id: string, received_on: string, entries: SubprocessorEntry[], status: 'pending' | 'objected' = 'pending'): SubprocessorList => ({
  id, ...stamp, vendor_id: 'ven-1', received_on, source: 'subprocessors.csv', content_hash: id, entries, evidence: null,
  review: { status, note: '', decided_on: null },
});

const report: ListChangeReport = {
  vendor_id: 'ven-1',
  vendor_name: 'Mailer Ltd',
  list: version('list-2', '2026-12-20', [hetznerUs, twilio, mailgun]),
  previous: version('list-1', '2026-06-01', [hetznerDe, ovh, mailgun]),
  changes: {
    added: [twilio],
    removed: [ovh],
    changed: [{ before: hetznerDe, after: hetznerUs, fields: ['country', 'location', 'mechanism'] }],
    unchanged: [mailgun],
  },
  organisations: [
    {
      organisation_id: 'org-1', organisation_name: 'Acme', objection_window_days: 14, object_by: '2027-01-03',
      activities: [{ id: 'act-1', name: 'Newsletter' }, { id: 'act-2', name: 'Customer support' }], clients: [],
    },
    {
      organisation_id: 'org-2', organisation_name: 'Beta Processing', objection_window_days: null, object_by: null,
      activities: [], clients: ['Gamma Shop', 'Delta Bank'],
    },
    {
      organisation_id: 'org-3', organisation_name: 'Old Corp', objection_window_days: 10, object_by: '2026-12-10',
      activities: [{ id: 'act-3', name: 'Payroll' }], clients: [],
    },
  ],
};

function core(answer: ListChangeReport = report) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (cmd === 'list_change') return structuredClone(answer);
    if (cmd === 'list_review') {
      const review = a.review as SubprocessorList['review'];
      return { ...answer.list, review: { ...review, decided_on: '2026-12-22' } };
    }
  });
  return calls;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 22, 10, 0, 0));
});

afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
});

describe('ListChanges', () => {
  it('shows what was added, removed and changed, and the objection deadlines', async () => {
    const calls = core();
    render(ListChanges, { listId: 'list-2', onclose: vi.fn() });
    const added = await screen.findByTestId('change-added');
    expect(calls.find((c) => c.cmd === 'list_change')?.args).toEqual({ list: 'list-2' });

    expect(document.querySelector('#change-compared')?.textContent).toContain('Compared with the list received Jun 1, 2026');
    expect(document.querySelector('#change-count-added')?.textContent).toContain('1');
    expect(added.textContent).toContain('Twilio Inc.');
    expect(screen.getByTestId('change-removed').textContent).toContain('OVH SAS');

    const changed = screen.getByTestId('change-changed');
    expect(changed.textContent).toContain('Hetzner Online GmbH');
    const diff = (field: string) => changed.querySelector(`[data-field="${field}"] dd`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(diff('country')).toBe('DE → US');
    expect(diff('location')).toBe('Falkenstein → Ashburn');
    expect(diff('mechanism')).toBe('Within the EEA (no transfer) → Standard Contractual Clauses');
    expect(changed.querySelector('[data-field="service"]')).toBeNull();

    const unchanged = screen.getByTestId('change-unchanged') as HTMLDetailsElement;
    expect(unchanged.open).toBe(false);
    // The vendor's text stays text.
    expect(unchanged.textContent).toContain('Mailgun <script>alert(1)</script>');
    expect(document.querySelector('[data-testid="list-changes"] script')).toBeNull();
    expect(screen.queryByTestId('change-none')).toBeNull();

    const objectBy = (n: number) => document.querySelector(`#object-by-${n}`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(objectBy(0)).toBe('Object by Jan 3, 2027 12 days left');
    expect(objectBy(1)).toBe('No objection window in the DPA');
    expect(objectBy(2)).toBe('Object by Dec 10, 2026 Overdue');
    expect(document.querySelector('#organisation-impact-0')?.textContent).toContain('Newsletter');
    expect(document.querySelector('#organisation-impact-0')?.textContent).toContain('Customer support');
    expect(document.querySelector('#organisation-impact-1')?.textContent).toContain('Gamma Shop');
    expect(document.querySelector('#organisation-impact-1')?.textContent).toContain('Delta Bank');
  });

  it('says so when the new version changes nothing', async () => {
    core({
      ...report,
      changes: { added: [], removed: [], changed: [], unchanged: [hetznerDe, mailgun] },
      organisations: [],
    });
    render(ListChanges, { listId: 'list-2', onclose: vi.fn() });
    const none = await screen.findByTestId('change-none');
    expect(none.textContent).toContain('No change');
    expect(none.textContent).toContain('The same 2 subprocessors');
    expect(screen.queryByTestId('change-added')).toBeNull();
    expect(screen.queryByTestId('change-removed')).toBeNull();
    expect(screen.queryByTestId('change-changed')).toBeNull();
    expect(document.querySelector('#change-no-organisations')?.textContent).toContain('No organisation');
  });

  it('records the review and shows the saved status', async () => {
    const calls = core();
    const onreviewed = vi.fn();
    render(ListChanges, { listId: 'list-2', onclose: vi.fn(), onreviewed });
    await screen.findByTestId('review-form');
    expect(screen.getByTestId('review-saved').textContent).toContain('To review');
    expect(screen.getByTestId<HTMLButtonElement>('review-save').disabled).toBe(true);

    await fireEvent.click(document.querySelector('#review-status-objected')!);
    await fireEvent.input(document.querySelector('#review-note')!, { target: { value: 'Objection e-mailed: no US hosting.' } });
    await fireEvent.click(document.querySelector('#review-save')!);
    await vi.waitFor(() => expect(onreviewed).toHaveBeenCalledOnce());

    expect(calls.find((c) => c.cmd === 'list_review')?.args).toEqual({
      list: 'list-2',
      review: { status: 'objected', note: 'Objection e-mailed: no US hosting.', decided_on: null },
    });
    const saved = screen.getByTestId('review-saved');
    expect(saved.dataset.status).toBe('objected');
    expect(saved.textContent).toContain('Objected');
    expect(saved.textContent).toContain('Dec 22, 2026');
    expect(screen.getByTestId('review-saved-notice').textContent).toBe('Review saved.');
  });

  it('starts the form from a decision already recorded', async () => {
    core({ ...report, list: { ...report.list, review: { status: 'accepted', note: 'Fine by legal.', decided_on: '2026-12-21' } } });
    render(ListChanges, { listId: 'list-2', onclose: vi.fn() });
    await screen.findByTestId('review-form');
    expect(screen.getByTestId<HTMLInputElement>('review-status-accepted').checked).toBe(true);
    expect(document.querySelector<HTMLTextAreaElement>('#review-note')?.value).toBe('Fine by legal.');
    // A decision taken: the overdue deadline no longer shouts.
    expect(document.querySelector('#object-by-2 .due')?.classList.contains('decided')).toBe(true);
  });
});
