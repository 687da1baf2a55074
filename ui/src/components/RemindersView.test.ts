import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Organisation } from '../lib/api';
import { blankOrganisation } from '../lib/blank';
import type { Reminder } from '../lib/generated/Reminder';
import { formatDate } from '../lib/i18n.svelte';
import { nav } from '../lib/navigation.svelte';
import RemindersView from './RemindersView.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const acme: Organisation = { id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Acme' };

const base: Reminder = {
  kind: 'dpa_missing', organisation_id: 'org-1', organisation: 'Acme', vendor_id: 'ven-1', vendor: 'Mailer Ltd',
  dpa_id: null, activity_id: 'act-1', activity: 'Newsletter', due_on: null, items: [],
};
const PAST = '2001-03-04';
const FUTURE = '2999-05-06';

const reminders: Reminder[] = [
  { ...base, kind: 'dpa_expiring', vendor_id: 'ven-2', vendor: 'Hoster GmbH', dpa_id: 'dpa-2', activity_id: null, activity: '', due_on: FUTURE },
  base,
  { ...base, kind: 'checklist_gap', vendor_id: 'ven-2', vendor: 'Hoster GmbH', dpa_id: 'dpa-2', activity_id: null, activity: '', items: ['security', 'audits_and_information'] },
  { ...base, kind: 'activity_review_due', vendor_id: null, vendor: '', activity_id: 'act-7', activity: 'Payroll', due_on: PAST },
  { ...base, kind: 'dpa_expired', vendor_id: 'ven-3', vendor: 'Old CRM', dpa_id: 'dpa-3', activity_id: null, activity: '', due_on: PAST },
  { ...base, kind: 'dpa_review_due', vendor_id: 'ven-2', vendor: 'Hoster GmbH', dpa_id: 'dpa-2', activity_id: null, activity: '', due_on: FUTURE },
];

function core(answer: () => unknown) {
  const asked: unknown[] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'reminders') {
      asked.push(args);
      return answer();
    }
  });
  return asked;
}

const rows = () => screen.getAllByTestId('reminder');
const row = (kind: string) => rows().find((r) => r.dataset.kind === kind)!;

afterEach(() => {
  cleanup();
  clearMocks();
  nav.section = 'home';
  nav.focus = null;
});

describe('RemindersView', () => {
  it('says each reminder in a sentence of its own', async () => {
    const asked = core(() => reminders);
    render(RemindersView, { organisation: acme });
    await screen.findAllByTestId('reminder');
    expect(asked).toEqual([{ organisation: 'org-1' }]);
    expect(row('dpa_missing').textContent).toContain('Mailer Ltd processes data for “Newsletter” but has no DPA');
    expect(row('checklist_gap').textContent).toContain(
      'The DPA with Hoster GmbH lacks: (c) Security measures under Art. 32; (h) Information and audits',
    );
    expect(row('dpa_expired').textContent).toContain(`The DPA with Old CRM expired on ${formatDate(PAST)}`);
    expect(row('dpa_expiring').textContent).toContain(`The DPA with Hoster GmbH expires on ${formatDate(FUTURE)}`);
    expect(row('dpa_review_due').textContent).toContain(`The DPA with Hoster GmbH is due for review on ${formatDate(FUTURE)}`);
    expect(row('activity_review_due').textContent).toContain(`“Payroll” is due for review on ${formatDate(PAST)}`);
  });

  it('puts overdue reminders first and marks them, then gaps, then what is coming up', async () => {
    core(() => reminders);
    render(RemindersView, { organisation: acme });
    await screen.findAllByTestId('reminder');
    const groups = screen.getAllByTestId('reminder-group').map((g) => g.dataset.group);
    expect(groups).toEqual(['overdue', 'gaps', 'upcoming']);
    expect(row('dpa_expired').classList.contains('overdue')).toBe(true);
    expect(row('activity_review_due').classList.contains('overdue')).toBe(true);
    expect(row('dpa_expiring').classList.contains('overdue')).toBe(false);
    expect(row('dpa_expiring').classList.contains('upcoming')).toBe(true);
    expect(row('dpa_missing').classList.contains('overdue')).toBe(false);
  });

  it('opens the vendor or the activity a reminder is about', async () => {
    core(() => reminders);
    render(RemindersView, { organisation: acme });
    await screen.findAllByTestId('reminder');
    await fireEvent.click(row('checklist_gap').querySelector('[data-testid="reminder-open"]')!);
    expect(nav).toMatchObject({ section: 'vendors', organisationId: 'org-1', focus: 'ven-2' });
    await fireEvent.click(row('activity_review_due').querySelector('[data-testid="reminder-open"]')!);
    expect(nav).toMatchObject({ section: 'register', organisationId: 'org-1', focus: 'act-7' });
  });

  it('shows a calm empty state, and the error with a retry when the core fails', async () => {
    let fail = true;
    core(() => {
      if (fail) throw { kind: 'vault', message: 'The vault is locked.', fields: [] };
      return [];
    });
    render(RemindersView, { organisation: acme });
    expect((await screen.findByRole('alert')).textContent).toContain('The vault is locked.');
    fail = false;
    await fireEvent.click(screen.getByText('Try again'));
    expect((await screen.findByTestId('empty-state')).textContent).toContain('Nothing needs your attention');
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
