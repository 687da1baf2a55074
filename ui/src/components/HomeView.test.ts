import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { blankOrganisation } from '../lib/blank';
import type { OrganisationSummary } from '../lib/generated/OrganisationSummary';
import { nav } from '../lib/navigation.svelte';
import HomeView from './HomeView.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const summary = (id: string, name: string, completeness: number, activities: number, reminders: number): OrganisationSummary => ({
  organisation: { id, ...stamp, ...blankOrganisation(), name, country: 'PL', role: 'processor' },
  completeness, activities, reminders,
});

afterEach(() => {
  cleanup();
  clearMocks();
  nav.section = 'home';
  nav.organisationId = '';
  nav.focus = null;
});

describe('HomeView', () => {
  it('shows a card per organisation, by name, with completeness and counts', async () => {
    mockIPC((cmd) => (cmd === 'organisation_summaries' ? [summary('o2', 'Zeta', 100, 4, 0), summary('o1', 'Acme', 62.4, 3, 2)] : undefined));
    render(HomeView);
    const cards = await screen.findAllByTestId('org-card');
    expect(cards.map((c) => c.dataset.orgName)).toEqual(['Acme', 'Zeta']);
    expect(screen.getAllByTestId('org-completeness').map((e) => e.textContent)).toEqual(['62%', '100%']);
    expect(cards[0].textContent).toContain('Processor');
    expect(cards[0].querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('62');
    expect(screen.getAllByTestId('org-reminders').map((e) => e.textContent?.trim())).toEqual(['2', '0']);
  });

  it('opens an organisation’s register, or its reminders, in one click', async () => {
    mockIPC((cmd) => (cmd === 'organisation_summaries' ? [summary('o1', 'Acme', 50, 3, 2), summary('o2', 'Beta', 10, 1, 1)] : undefined));
    render(HomeView);
    await screen.findAllByTestId('org-card');
    await fireEvent.click(screen.getAllByTestId('org-open')[1]);
    expect(nav).toMatchObject({ section: 'register', organisationId: 'o2', focus: null });
    await fireEvent.click(screen.getAllByTestId('org-reminders')[0]);
    expect(nav).toMatchObject({ section: 'reminders', organisationId: 'o1' });
  });

  it('shows each organisation’s open transfer findings by severity, linked to its transfers', async () => {
    const asked: string[] = [];
    mockIPC((cmd) => {
      asked.push(cmd);
      if (cmd === 'organisation_summaries') return [summary('o1', 'Acme', 50, 3, 2), summary('o2', 'Beta', 10, 1, 1), summary('o3', 'Gamma', 10, 1, 1)];
      if (cmd === 'transfer_summary') {
        return [
          { organisation: { id: 'o1', name: 'Acme' }, counts: { blocker: 1, high: 0, medium: 2, low: 0, info: 3 } },
          { organisation: { id: 'o2', name: 'Beta' }, counts: { blocker: 0, high: 0, medium: 0, low: 0, info: 0 } },
        ];
      }
    });
    render(HomeView);
    await vi.waitFor(() => expect(screen.getAllByTestId('org-findings')).toHaveLength(2));
    // The cards come first; the findings are asked for once they are listed.
    expect(asked.indexOf('organisation_summaries')).toBeLessThan(asked.indexOf('transfer_summary'));

    const cards = screen.getAllByTestId('org-card');
    const acme = within(cards[0]).getByTestId('org-findings');
    const badges = [...acme.querySelectorAll<HTMLElement>('[data-severity]')];
    expect(badges.map((b) => [b.dataset.severity, b.textContent?.trim()])).toEqual([
      ['blocker', '1 Blocker'],
      ['medium', '2 Medium'],
      ['info', '3 Info'],
    ]);
    expect(badges[0].className).toContain('sev-blocker');
    expect(within(cards[1]).getByTestId('org-findings').textContent?.trim()).toBe('No open findings');
    // An organisation the check did not cover shows no badge rather than a wrong "none".
    expect(within(cards[2]).queryByTestId('org-findings')).toBeNull();

    await fireEvent.click(acme);
    expect(nav).toMatchObject({ section: 'transfers', organisationId: 'o1', focus: null });
  });

  it('still shows the organisations when the findings cannot be loaded', async () => {
    let asked = false;
    mockIPC((cmd) => {
      if (cmd === 'organisation_summaries') return [summary('o1', 'Acme', 50, 3, 2)];
      if (cmd === 'transfer_summary') {
        asked = true;
        throw { kind: 'vault', message: 'The check failed.', fields: [] };
      }
    });
    render(HomeView);
    expect(await screen.findAllByTestId('org-card')).toHaveLength(1);
    await vi.waitFor(() => expect(asked).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('org-findings')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('org-completeness').textContent).toBe('50%');
  });

  it('reports a failure and loads again on retry', async () => {
    let fail = true;
    mockIPC((cmd) => {
      if (cmd !== 'organisation_summaries') return;
      if (fail) throw { kind: 'vault', message: 'The vault could not be read.', fields: [] };
      return [summary('o1', 'Acme', 50, 3, 2)];
    });
    render(HomeView);
    expect((await screen.findByRole('alert')).textContent).toContain('The vault could not be read.');
    fail = false;
    await fireEvent.click(screen.getByText('Try again'));
    expect(await screen.findAllByTestId('org-card')).toHaveLength(1);
  });

  it('offers the sample data when the vault has no organisation, and reports the change', async () => {
    let loaded = false;
    mockIPC((cmd) => {
      if (cmd === 'organisation_summaries') return loaded ? [summary('o1', 'Demo', 40, 2, 1)] : [];
      if (cmd === 'sample_load') {
        loaded = true;
        return { organisations: 1, activities: 2, vendors: 1, dpas: 1, subprocessor_lists: 0 };
      }
    });
    const onchanged = vi.fn();
    render(HomeView, { onchanged });
    await fireEvent.click(await screen.findByTestId('load-sample'));
    expect(await screen.findAllByTestId('org-card')).toHaveLength(1);
    expect(onchanged).toHaveBeenCalledOnce();
  });
});
