import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { TiaData } from '../lib/generated/TiaData';
import type { TiaDraft } from '../lib/generated/TiaDraft';
import TiaForm from './TiaForm.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const blank: TiaData = {
  organisation_id: 'org-1', vendor_id: 'ven-1', subprocessor: '', country: 'US', transfer_description: '',
  mechanism: 'scc', scc_module: 'controller_to_processor', law_assessment: '', measures: [], measures_notes: '',
  procedural_steps: '', conclusion: 'undecided', conclusion_notes: '', assessed_on: null, assessed_by: '', re_evaluate_on: null,
};
const laws = {
  country: 'US', summary: 'US surveillance law reaches electronic communication service providers.',
  laws: [
    { name: 'FISA section 702', note: 'Targets non-US persons abroad.', verify: false, verify_note: '' },
    { name: 'Executive Order 14086', note: 'Adds a redress mechanism.', verify: true, verify_note: 'Check the current state of the DPRC.' },
  ],
  sources: ['https://edpb.europa.eu/rec-01-2020'],
};
const draftOf = (over: Partial<TiaDraft> = {}): TiaDraft => ({
  existing: null, data: blank, vendor_name: 'Mailer Inc', third_country: true, adequacy: null, art46_tool: true, laws, ...over,
});

type Call = { cmd: string; args: Record<string, unknown> };
function core(draft: TiaDraft, save?: (cmd: string, args: Record<string, unknown>) => unknown) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (cmd === 'tia_draft') return draft;
    if (cmd === 'tia_create' || cmd === 'tia_update') {
      if (save) return save(cmd, a);
      return { id: (a.id as string) ?? 'tia-1', ...stamp, ...(a.data as object) };
    }
  });
  return calls;
}

function open(props: Partial<{ subprocessor: string | null; country: string | null }> = {}) {
  const onsaved = vi.fn();
  const onclose = vi.fn();
  render(TiaForm, { organisation: 'org-1', vendor: 'ven-1', onsaved, onclose, ...props });
  return { onsaved, onclose };
}

const field = (id: string) => document.getElementById(id) as HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement;
const saved = (calls: Call[]) => calls.filter((c) => c.cmd === 'tia_create' || c.cmd === 'tia_update');

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('TiaForm', () => {
  it('opens the draft of the transfer with the checks that come before the six steps', async () => {
    const calls = core(draftOf());
    open({ subprocessor: null });
    await screen.findByTestId('tia-checks');
    expect(calls[0]).toEqual({ cmd: 'tia_draft', args: { organisation: 'org-1', vendor: 'ven-1', subprocessor: null } });
    expect(screen.getByRole('dialog').getAttribute('aria-labelledby')).toBe('tia-title');
    expect(screen.getByTestId('tia-heading').textContent).toBe('Transfer to Mailer Inc');
    expect(screen.getByTestId('tia-check-transfer').textContent).toContain('Yes: the data go to, or are reached from, a country outside the EEA.');
    expect(screen.getByTestId('tia-check-adequacy').textContent).toContain('No: no adequacy decision in force covers this recipient.');
    expect(screen.getByTestId('tia-check-tool').textContent).toContain('Yes: standard contractual clauses');
    expect(screen.queryByTestId('tia-no-tia-needed')).toBeNull();
    expect(screen.getByTestId('tia-yours').textContent).toBe('DPA Desk shows the rules and the sources; the assessment and its conclusion are yours.');
    expect(field('tia-country').value).toBe('US');
    expect(field('tia-mechanism').value).toBe('scc');
    expect(field('tia-scc-module').value).toBe('controller_to_processor');
  });

  it('says no TIA is needed when an adequacy decision covers the recipient, and names a tool outside Art. 46', async () => {
    core(draftOf({ adequacy: 'Japan ((EU) 2019/419)', art46_tool: false, data: { ...blank, country: 'JP', mechanism: 'adequacy', scc_module: null } }));
    open({ subprocessor: 'Cloud KK' });
    const notice = await screen.findByTestId('tia-no-tia-needed');
    expect(notice.textContent).toContain('No TIA needed');
    expect(screen.getByTestId('tia-check-adequacy').textContent).toContain('Yes: Japan ((EU) 2019/419).');
    expect(screen.getByTestId('tia-check-tool').textContent).toContain('No: the recorded tool (Adequacy decision (Art. 45)) is not one of Art. 46.');
    expect(screen.getByTestId('tia-heading').textContent).toBe('Onward transfer to Cloud KK, subprocessor of Mailer Inc');
    expect(document.getElementById('tia-scc-module')).toBeNull();
  });

  it('shows the dataset’s notes on the destination, flags those to verify, and copies them into the assessment', async () => {
    core(draftOf());
    open();
    const notes = await screen.findByTestId('tia-law-notes');
    expect(notes.textContent).toContain('Notes of the reference dataset on United States');
    const items = within(notes).getAllByTestId('tia-law');
    expect(items.map((i) => i.querySelector('strong')!.textContent)).toEqual(['FISA section 702', 'Executive Order 14086']);
    expect(items[0].textContent).not.toContain('To verify');
    expect(items[1].textContent).toContain('To verify');
    expect(items[1].textContent).toContain('Check the current state of the DPRC.');
    expect(notes.textContent).toContain('https://edpb.europa.eu/rec-01-2020');

    await fireEvent.input(field('tia-law-assessment'), { target: { value: 'My own view.' } });
    await fireEvent.click(field('tia-use-notes'));
    const text = field('tia-law-assessment').value;
    // What the user wrote stays first; the notes follow.
    expect(text.startsWith('My own view.\n\nUS surveillance law reaches')).toBe(true);
    expect(text).toContain('• FISA section 702: Targets non-US persons abroad.');
    expect(text).toContain('Sources: https://edpb.europa.eu/rec-01-2020');
  });

  it('says when the dataset has no notes on the destination', async () => {
    core(draftOf({ laws: null, data: { ...blank, country: 'SG' } }));
    open();
    const notes = await screen.findByTestId('tia-law-notes');
    expect(notes.textContent).toContain('The reference dataset has no notes on this destination');
    expect(document.getElementById('tia-use-notes')).toBeNull();
  });

  it('creates the assessment with every step as the user filled it', async () => {
    const calls = core(draftOf());
    const { onsaved, onclose } = open();
    await screen.findByTestId('tia-checks');
    await fireEvent.input(field('tia-description'), { target: { value: 'Newsletter addresses, hosted in the US.' } });
    await fireEvent.input(field('tia-law-assessment'), { target: { value: 'FISA 702 applies to the importer.' } });
    await fireEvent.click(document.querySelector('[data-measure="encryption_keys_in_eea"]')!);
    await fireEvent.click(document.querySelector('[data-measure="transparency_reports"]')!);
    await fireEvent.click(document.querySelector('[data-measure="transparency_reports"]')!);
    await fireEvent.click(document.querySelector('[data-measure="data_minimisation"]')!);
    await fireEvent.input(field('tia-measures-notes'), { target: { value: 'Keys in our HSM in Frankfurt.' } });
    await fireEvent.input(field('tia-procedural-steps'), { target: { value: 'SCCs signed unchanged.' } });
    await fireEvent.input(field('tia-re-evaluate-on'), { target: { value: '2026-03-01' } });
    await fireEvent.click(document.querySelector('[data-conclusion="equivalent_with_measures"]')!);
    await fireEvent.input(field('tia-conclusion-notes'), { target: { value: 'Encryption closes the gap.' } });
    await fireEvent.input(field('tia-assessed-on'), { target: { value: '2025-03-01' } });
    await fireEvent.input(field('tia-assessed-by'), { target: { value: 'A. DPO' } });
    await fireEvent.click(field('tia-save'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(onclose).not.toHaveBeenCalled();
    expect(saved(calls)).toEqual([{
      cmd: 'tia_create',
      args: {
        data: {
          ...blank,
          transfer_description: 'Newsletter addresses, hosted in the US.',
          law_assessment: 'FISA 702 applies to the importer.',
          measures: ['encryption_keys_in_eea', 'data_minimisation'],
          measures_notes: 'Keys in our HSM in Frankfurt.',
          procedural_steps: 'SCCs signed unchanged.',
          conclusion: 'equivalent_with_measures',
          conclusion_notes: 'Encryption closes the gap.',
          assessed_on: '2025-03-01',
          assessed_by: 'A. DPO',
          re_evaluate_on: '2026-03-01',
        },
      },
    }]);
    expect(onsaved.mock.calls[0][0]).toMatchObject({ id: 'tia-1', conclusion: 'equivalent_with_measures' });
  });

  it('updates the assessment already recorded, and dates a conclusion today unless told otherwise', async () => {
    const existing = { id: 'tia-7', ...stamp, ...blank, law_assessment: 'Earlier view.', measures: ['access_controls' as const] };
    const calls = core(draftOf({ existing, data: existing }));
    const { onsaved } = open();
    await screen.findByTestId('tia-checks');
    expect(screen.getByText('You are editing the assessment already recorded for this transfer.')).toBeTruthy();
    expect(field('tia-law-assessment').value).toBe('Earlier view.');
    expect((document.querySelector('[data-measure="access_controls"]') as HTMLInputElement).checked).toBe(true);
    expect((document.querySelector('[data-conclusion="undecided"]') as HTMLInputElement).checked).toBe(true);
    expect(field('tia-assessed-on').value).toBe('');
    await fireEvent.click(document.querySelector('[data-conclusion="not_equivalent"]')!);
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(field('tia-assessed-on').value).toBe(today);
    await fireEvent.click(field('tia-save'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
    const [call] = saved(calls);
    expect(call.cmd).toBe('tia_update');
    expect(call.args.id).toBe('tia-7');
    expect(call.args.data).toMatchObject({ conclusion: 'not_equivalent', assessed_on: today, measures: ['access_controls'] });
  });

  it('sends no SCC module for another tool', async () => {
    const calls = core(draftOf());
    const { onsaved } = open();
    await screen.findByTestId('tia-checks');
    await fireEvent.change(field('tia-mechanism'), { target: { value: 'bcr' } });
    expect(document.getElementById('tia-scc-module')).toBeNull();
    await fireEvent.click(field('tia-save'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(saved(calls)[0].args.data).toMatchObject({ mechanism: 'bcr', scc_module: null });
  });

  it('shows the core’s field errors next to the fields and keeps what the user typed', async () => {
    core(draftOf(), () => {
      throw {
        kind: 'invalid', message: 'invalid',
        fields: [
          { field: 'law_assessment', message: 'Describe your assessment of the law and practice (step 3).' },
          { field: 'measures', message: 'Pick the supplementary measures the conclusion relies on (step 4).' },
          { field: 're_evaluate_on', message: 'The re-evaluation comes after the assessment.' },
        ],
      };
    });
    const { onsaved, onclose } = open();
    await screen.findByTestId('tia-checks');
    await fireEvent.input(field('tia-description'), { target: { value: 'Kept text' } });
    await fireEvent.click(document.querySelector('[data-conclusion="equivalent_with_measures"]')!);
    await fireEvent.input(field('tia-re-evaluate-on'), { target: { value: '2020-01-01' } });
    await fireEvent.click(field('tia-save'));
    expect((await screen.findByTestId('tia-form-error')).textContent).toBe('Check the fields marked below.');
    expect(screen.getByTestId('tia-law-assessment-error').textContent).toContain('step 3');
    expect(field('tia-law-assessment').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('tia-measures-error').textContent).toContain('step 4');
    expect(screen.getByTestId('tia-re-evaluate-on-error').textContent).toContain('after the assessment');
    expect(field('tia-description').value).toBe('Kept text');
    expect(field('tia-re-evaluate-on').value).toBe('2020-01-01');
    expect((document.querySelector('[data-conclusion="equivalent_with_measures"]') as HTMLInputElement).checked).toBe(true);
    expect(onsaved).not.toHaveBeenCalled();
    expect(onclose).not.toHaveBeenCalled();
    expect(document.getElementById('tia-form')).not.toBeNull();
  });

  it('shows any other failure as a message', async () => {
    core(draftOf(), () => {
      throw { kind: 'vault', message: 'The vault is locked.', fields: [] };
    });
    open();
    await screen.findByTestId('tia-checks');
    await fireEvent.click(field('tia-save'));
    expect((await screen.findByTestId('tia-form-error')).textContent).toBe('The assessment could not be saved: The vault is locked.');
  });

  it('closes on Cancel and on Escape without saving', async () => {
    const calls = core(draftOf());
    const { onclose } = open();
    await screen.findByTestId('tia-checks');
    await fireEvent.click(field('tia-cancel'));
    expect(onclose).toHaveBeenCalledTimes(1);
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(2);
    expect(saved(calls)).toHaveLength(0);
  });

  it('uses the country the caller knows when the register gives the draft none', async () => {
    core(draftOf({ data: { ...blank, country: null }, laws: null }));
    open({ subprocessor: 'Support Ltd', country: 'IN' });
    await screen.findByTestId('tia-checks');
    expect(field('tia-country').value).toBe('IN');
    expect(screen.getByTestId('tia-check-transfer').textContent).toContain('Not known yet');
  });
});
