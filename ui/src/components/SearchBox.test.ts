import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { SearchHit } from '../lib/generated/SearchHit';
import { nav } from '../lib/navigation.svelte';
import SearchBox from './SearchBox.svelte';

const acme: SearchHit = { kind: 'organisation', id: 'org-1', organisation_id: null, title: 'Acme', detail: 'Controller' };
const payroll: SearchHit = { kind: 'activity', id: 'act-1', organisation_id: 'org-2', title: 'Payroll', detail: 'Beta' };
const mailer: SearchHit = { kind: 'vendor', id: 'ven-1', organisation_id: null, title: 'Mailer Ltd', detail: 'e-mail' };
const subproc: SearchHit = { kind: 'subprocessor', id: 'ven-2', organisation_id: null, title: 'AWS', detail: 'Hoster GmbH' };

/** The core answers each search only when the test says so, to play answers out of order. */
function slowCore() {
  const waiting = new Map<string, (hits: SearchHit[]) => void>();
  const queries: string[] = [];
  mockIPC((cmd, args) => {
    if (cmd !== 'search') return;
    const q = (args as { query: string }).query;
    queries.push(q);
    return new Promise<SearchHit[]>((resolve) => waiting.set(q, resolve));
  });
  return { queries, answer: (q: string, hits: SearchHit[]) => waiting.get(q)!(hits) };
}

function fastCore(hits: SearchHit[]) {
  const queries: string[] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'search') {
      queries.push((args as { query: string }).query);
      return hits;
    }
  });
  return queries;
}

const titles = () => screen.queryAllByTestId('search-hit').map((h) => h.querySelector('.title')?.textContent);

afterEach(() => {
  cleanup();
  clearMocks();
  nav.section = 'home';
  nav.organisationId = 'org-0';
  nav.focus = null;
});

describe('SearchBox', () => {
  it('keeps the answer to the latest query when an older one arrives late', async () => {
    const core = slowCore();
    render(SearchBox);
    const input = screen.getByTestId('search-input');
    await fireEvent.input(input, { target: { value: 'ac' } });
    await fireEvent.input(input, { target: { value: 'acme' } });
    expect(core.queries).toEqual(['ac', 'acme']);

    core.answer('acme', [acme]);
    await vi.waitFor(() => expect(titles()).toEqual(['Acme']));
    core.answer('ac', [acme, payroll, mailer]);
    await new Promise((r) => setTimeout(r, 20));
    expect(titles()).toEqual(['Acme']);
  });

  it('does not ask the core for a blank query and closes the results', async () => {
    const queries = fastCore([acme]);
    render(SearchBox);
    const input = screen.getByTestId('search-input');
    await fireEvent.input(input, { target: { value: 'ac' } });
    await screen.findByTestId('search-hit');
    await fireEvent.input(input, { target: { value: '   ' } });
    expect(queries).toEqual(['ac']);
    expect(screen.queryByTestId('search-results')).toBeNull();
  });

  it('moves with the arrow keys and opens the chosen hit with Enter', async () => {
    fastCore([acme, payroll, mailer]);
    render(SearchBox);
    const input = screen.getByTestId('search-input');
    await fireEvent.input(input, { target: { value: 'a' } });
    await vi.waitFor(() => expect(titles()).toHaveLength(3));
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(screen.getAllByTestId('search-hit')[1].getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(nav).toMatchObject({ section: 'register', organisationId: 'org-2', focus: 'act-1' });
    expect(screen.queryByTestId('search-results')).toBeNull();
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('opens a vendor, and the vendor of a subprocessor, in the vendor catalogue', async () => {
    fastCore([mailer, subproc]);
    render(SearchBox);
    const input = screen.getByTestId('search-input');
    await fireEvent.input(input, { target: { value: 'm' } });
    await vi.waitFor(() => expect(titles()).toHaveLength(2));
    await fireEvent.click(screen.getAllByTestId('search-hit')[1]);
    expect(nav).toMatchObject({ section: 'vendors', organisationId: 'org-0', focus: 'ven-2' });

    await fireEvent.input(input, { target: { value: 'm' } });
    await vi.waitFor(() => expect(titles()).toHaveLength(2));
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(nav).toMatchObject({ section: 'vendors', focus: 'ven-1' });
  });

  it('labels each hit with its kind and says when nothing matches', async () => {
    let hits: SearchHit[] = [subproc];
    mockIPC((cmd) => (cmd === 'search' ? hits : undefined));
    render(SearchBox);
    const input = screen.getByTestId('search-input');
    await fireEvent.input(input, { target: { value: 'aws' } });
    const hit = await screen.findByTestId('search-hit');
    expect(hit.dataset.kind).toBe('subprocessor');
    expect(hit.textContent).toContain('Subprocessor');
    expect(hit.textContent).toContain('Hoster GmbH');

    hits = [];
    await fireEvent.input(input, { target: { value: 'zzz' } });
    expect((await screen.findByTestId('search-empty')).textContent).toContain('Nothing matches “zzz”');
  });

  it('closes with Escape', async () => {
    fastCore([acme]);
    render(SearchBox);
    const input = screen.getByTestId('search-input');
    await fireEvent.input(input, { target: { value: 'ac' } });
    await screen.findByTestId('search-hit');
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId('search-results')).toBeNull();
    expect(nav.section).toBe('home');
  });
});
