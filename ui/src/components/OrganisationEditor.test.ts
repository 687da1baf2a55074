import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Organisation } from '../lib/api';
import { blankOrganisation } from '../lib/blank';
import type { OrganisationData } from '../lib/generated/OrganisationData';
import OrganisationEditor from './OrganisationEditor.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const org = (data: Partial<OrganisationData> = {}): Organisation => ({ id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Acme Sp. z o.o.', ...data });
const library = [
  { id: 'm1', ...stamp, group: 'availability_control', title: 'Daily backups', description: '' },
  { id: 'm2', ...stamp, group: 'entry_control', title: 'Badge access', description: '' },
];
const header = (percent: number, items: string[]) => ({
  percent,
  header: { percent, missing: items.map((item) => ({ item, field: item })) },
  activities: [],
});

function core(extra: (cmd: string, a: Record<string, unknown>) => unknown = () => undefined) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const answer = extra(cmd, a);
    if (answer !== undefined) return answer;
    if (cmd === 'measure_list') return library;
    if (cmd === 'completeness') return header(50, ['address', 'dpo']);
  });
  return calls;
}

const input = (selector: string, value: string) => fireEvent.input(document.querySelector(selector)!, { target: { value } });
const missing = () => screen.queryAllByTestId('gap').map((li) => li.textContent);

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('OrganisationEditor', () => {
  it('saves every Art. 30(1)(a) item, the external DPO, the representative and the joint controllers', async () => {
    const calls = core((cmd, a) => {
      if (cmd === 'organisation_update') return { id: a.id, ...stamp, updated_at: '2024-02-01T00:00:00Z', ...(a.data as object) };
    });
    const onsaved = vi.fn();
    render(OrganisationEditor, { organisation: org(), onsaved, ondeleted: vi.fn() });

    await input('#org-edit-name', 'Acme S.A.');
    await fireEvent.change(document.querySelector('#org-edit-role')!, { target: { value: 'both' } });
    await input('#org-edit-registration', 'KRS 0000123456');
    await input('#org-edit-country', 'pl');
    await input('#org-edit-address', 'ul. Prosta 1\n00-001 Warszawa');
    await input('#org-edit-authority', 'UODO (PL)');
    await input('#org-edit-email', 'office@acme.example');
    await input('#org-edit-phone', '+48 22 000 00 00');
    await input('#org-edit-website', 'https://acme.example');
    await input('#org-edit-notes', 'Group entity');

    await fireEvent.click(screen.getByTestId('dpo-external'));
    await input('#dpo-firm-name', 'Privacy Partners GmbH');
    await input('#dpo-firm-country', 'de');
    await input('#dpo-firm-address', 'Hauptstr. 1, Berlin');
    await input('#dpo-firm-email', 'dpo@partners.example');
    await input('#dpo-name', 'Jan Kowalski');
    await input('#dpo-email', 'jan@partners.example');
    await input('#dpo-phone', '+49 30 1234');

    await fireEvent.click(screen.getByTestId('has-representative'));
    await input('#org-rep-name', 'EU Rep B.V.');
    await input('#org-rep-country', 'nl');

    await fireEvent.click(screen.getByTestId('add-joint-controller'));
    await fireEvent.click(screen.getByTestId('add-joint-controller'));
    await input('#joint-controller-0-name', 'To be removed');
    await input('#joint-controller-1-name', 'Partner S.A.');
    await input('#joint-controller-1-email', 'privacy@partner.example');
    await fireEvent.click(screen.getAllByTestId('remove-joint-controller')[0]);
    expect(screen.getAllByTestId('joint-controller-row')).toHaveLength(1);

    const backups = (await screen.findAllByTestId('measure-option')).find((o) => o.dataset.title === 'Daily backups')!;
    await fireEvent.click(backups);

    await fireEvent.click(screen.getByTestId('save-organisation-details'));
    await screen.findByTestId('organisation-saved');

    const update = calls.find((c) => c.cmd === 'organisation_update');
    expect(update?.args).toEqual({
      id: 'org-1',
      seen: '2024-01-01T00:00:00Z',
      data: {
        name: 'Acme S.A.',
        role: 'both',
        address: 'ul. Prosta 1\n00-001 Warszawa',
        country: 'PL',
        email: 'office@acme.example',
        phone: '+48 22 000 00 00',
        website: 'https://acme.example',
        registration_number: 'KRS 0000123456',
        dpo: {
          name: 'Jan Kowalski',
          email: 'jan@partners.example',
          phone: '+49 30 1234',
          external_firm: { name: 'Privacy Partners GmbH', address: 'Hauptstr. 1, Berlin', country: 'DE', email: 'dpo@partners.example', phone: '' },
        },
        eu_representative: { name: 'EU Rep B.V.', address: '', country: 'NL', email: '', phone: '' },
        joint_controllers: [{ name: 'Partner S.A.', address: '', country: null, email: 'privacy@partner.example', phone: '' }],
        lead_supervisory_authority: 'UODO (PL)',
        measure_ids: ['m1'],
        notes: 'Group entity',
      },
    });
    expect(onsaved).toHaveBeenCalledOnce();
    expect(onsaved.mock.calls[0][0]).toMatchObject({ id: 'org-1', name: 'Acme S.A.', updated_at: '2024-02-01T00:00:00Z' });
    // Typing again means what is on screen is no longer what was saved.
    await input('#org-edit-notes', 'Group entity, HQ');
    expect(screen.queryByTestId('organisation-saved')).toBeNull();
  });

  it('shows a stored organisation as it is and saves it back unchanged', async () => {
    const stored: OrganisationData = {
      ...blankOrganisation(),
      name: 'Beta GmbH',
      role: 'processor',
      country: 'DE',
      dpo: { name: 'Anna Schmidt', email: 'anna@beta.example', phone: '', external_firm: null },
      eu_representative: null,
      joint_controllers: [{ name: 'Gamma SE', address: 'Paris', country: 'FR', email: '', phone: '' }],
      measure_ids: ['m2'],
    };
    const calls = core((cmd, a) => {
      if (cmd === 'organisation_update') return { id: a.id, ...stamp, ...(a.data as object) };
    });
    render(OrganisationEditor, { organisation: org(stored), onsaved: vi.fn(), ondeleted: vi.fn() });

    expect((document.querySelector('#org-edit-name') as HTMLInputElement).value).toBe('Beta GmbH');
    expect((document.querySelector('#org-edit-role') as HTMLSelectElement).value).toBe('processor');
    expect((screen.getByTestId('dpo-internal') as HTMLInputElement).checked).toBe(true);
    expect((document.querySelector('#dpo-name') as HTMLInputElement).value).toBe('Anna Schmidt');
    expect(document.querySelector('#dpo-firm-name')).toBeNull();
    expect((screen.getByTestId('has-representative') as HTMLInputElement).checked).toBe(false);
    expect((document.querySelector('#joint-controller-0-country') as HTMLInputElement).value).toBe('FR');
    const badge = (await screen.findAllByTestId('measure-option')).find((o) => o.dataset.title === 'Badge access') as HTMLInputElement;
    expect(badge.checked).toBe(true);

    await fireEvent.click(screen.getByTestId('save-organisation-details'));
    await screen.findByTestId('organisation-saved');
    expect(calls.find((c) => c.cmd === 'organisation_update')?.args.data).toEqual(stored);
  });

  it('shows the core’s field errors next to their fields', async () => {
    const calls = core((cmd) => {
      if (cmd === 'organisation_update') {
        throw {
          kind: 'invalid',
          message: 'invalid',
          fields: [
            { field: 'name', message: 'Another organisation already has this name.' },
            { field: 'dpo.email', message: 'Enter a valid e-mail address.' },
            { field: 'eu_representative.name', message: 'Enter a name.' },
            { field: 'joint_controllers[0].name', message: 'Enter a name.' },
          ],
        };
      }
    });
    const onsaved = vi.fn();
    render(OrganisationEditor, { organisation: org(), onsaved, ondeleted: vi.fn() });
    await fireEvent.click(screen.getByTestId('dpo-internal'));
    await fireEvent.click(screen.getByTestId('has-representative'));
    await fireEvent.click(screen.getByTestId('add-joint-controller'));
    await fireEvent.click(screen.getByTestId('save-organisation-details'));

    expect((await screen.findByTestId('org-edit-name-error')).textContent).toBe('Another organisation already has this name.');
    expect(screen.getByTestId('dpo-email-error').textContent).toBe('Enter a valid e-mail address.');
    expect(screen.getByTestId('org-rep-name-error').textContent).toBe('Enter a name.');
    expect(screen.getByTestId('joint-controller-0-name-error').textContent).toBe('Enter a name.');
    expect(screen.getByTestId('organisation-editor-error').textContent).toContain('Some fields need attention');
    expect(screen.queryByTestId('organisation-saved')).toBeNull();
    expect(onsaved).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.cmd === 'organisation_update')).toHaveLength(1);
  });

  it('refuses a malformed country before asking the core, and shows other failures in a banner', async () => {
    const calls = core((cmd) => {
      if (cmd === 'organisation_update') throw { kind: 'vault', message: 'The vault is locked.', fields: [] };
    });
    render(OrganisationEditor, { organisation: org(), onsaved: vi.fn(), ondeleted: vi.fn() });
    await input('#org-edit-country', 'Poland');
    await fireEvent.click(screen.getByTestId('add-joint-controller'));
    await input('#joint-controller-0-country', 'DEU');
    await fireEvent.click(screen.getByTestId('save-organisation-details'));
    expect(screen.getByTestId('org-edit-country-error').textContent).toBe('Use a two-letter country code such as PL, DE or FR.');
    expect(screen.getByTestId('joint-controller-0-country-error').textContent).toBe('Use a two-letter country code such as PL, DE or FR.');
    expect(calls.some((c) => c.cmd === 'organisation_update')).toBe(false);

    await input('#org-edit-country', 'pl');
    await input('#joint-controller-0-country', '');
    await fireEvent.click(screen.getByTestId('save-organisation-details'));
    expect((await screen.findByTestId('organisation-editor-error')).textContent).toBe('The vault is locked.');
    expect(screen.queryByTestId('org-edit-country-error')).toBeNull();
  });

  it('shows what the header still lacks and asks again after a save', async () => {
    let saved = false;
    const calls = core((cmd, a) => {
      if (cmd === 'completeness') return saved ? header(100, []) : header(67, ['address', 'dpo']);
      if (cmd === 'organisation_update') {
        saved = true;
        return { id: a.id, ...stamp, ...(a.data as object) };
      }
    });
    render(OrganisationEditor, { organisation: org(), onsaved: vi.fn(), ondeleted: vi.fn() });
    const panel = screen.getByTestId('organisation-completeness');
    await vi.waitFor(() => expect(panel.dataset.percent).toBe('67'));
    expect(calls.find((c) => c.cmd === 'completeness')?.args).toEqual({ organisation: 'org-1' });
    expect(panel.textContent).toContain('67%');
    expect(missing()).toEqual(['Address', 'Data protection officer']);

    await fireEvent.click(screen.getByTestId('save-organisation-details'));
    await vi.waitFor(() => expect(panel.dataset.percent).toBe('100'));
    expect(missing()).toEqual([]);
    expect(screen.queryAllByTestId('gap')).toHaveLength(0);
    expect(screen.getByText('Every Art. 30 item is filled in.')).toBeTruthy();
    expect(calls.filter((c) => c.cmd === 'completeness')).toHaveLength(2);
  });

  it('starts again from the stored record when another organisation is chosen', async () => {
    core();
    const { rerender } = render(OrganisationEditor, { organisation: org(), onsaved: vi.fn(), ondeleted: vi.fn() });
    await input('#org-edit-name', 'Half-typed');
    await rerender({ organisation: { ...org({ name: 'Other Ltd' }), id: 'org-2' } });
    expect((document.querySelector('#org-edit-name') as HTMLInputElement).value).toBe('Other Ltd');
  });

  it('deletes only after confirmation and shows why the core refuses', async () => {
    let refuse = true;
    const calls = core((cmd) => {
      if (cmd === 'organisation_delete') {
        if (refuse) throw { kind: 'in_use', message: 'Acme Sp. z o.o. still has 4 activities and 1 agreement.', fields: [] };
        return null;
      }
    });
    const ondeleted = vi.fn();
    render(OrganisationEditor, { organisation: org(), onsaved: vi.fn(), ondeleted });

    await fireEvent.click(screen.getByTestId('delete-organisation'));
    expect(calls.some((c) => c.cmd === 'organisation_delete')).toBe(false);
    expect(screen.getByTestId('organisation-editor').textContent).toContain('Delete Acme Sp. z o.o.? This cannot be undone.');
    await fireEvent.click(screen.getByTestId('delete-organisation-confirm'));
    expect((await screen.findByTestId('organisation-editor-error')).textContent).toBe('Acme Sp. z o.o. still has 4 activities and 1 agreement.');
    expect(calls.find((c) => c.cmd === 'organisation_delete')?.args).toEqual({ id: 'org-1' });
    expect(ondeleted).not.toHaveBeenCalled();
    expect(screen.queryByTestId('delete-organisation-confirm')).toBeNull();

    refuse = false;
    await fireEvent.click(screen.getByTestId('delete-organisation'));
    await fireEvent.click(screen.getByTestId('delete-organisation-confirm'));
    await vi.waitFor(() => expect(ondeleted).toHaveBeenCalledOnce());
  });
});
