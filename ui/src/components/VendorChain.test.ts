import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Organisation, Vendor } from '../lib/api';
import { blankOrganisation, blankVendor } from '../lib/blank';
import type { Flow } from '../lib/generated/Flow';
import VendorChain from './VendorChain.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const acme: Organisation = { id: 'org-1', ...stamp, ...blankOrganisation(), name: 'Acme', country: 'DE' };
const mailer: Vendor = { id: 'ven-1', ...stamp, ...blankVendor(), legal_name: 'Mailer Inc', country: 'US' };
const org = { id: 'org-1', name: 'Acme' };
const flow = (over: Partial<Flow>): Flow => ({
  organisation: org, origin: 'DE', vendor: { id: 'ven-1', name: 'Mailer Inc' }, recipient: 'Mailer Inc', chain: [],
  country: 'US', third_countries: ['US'], mechanism: 'scc', status: null, activities: [], ...over,
});

const flows: Flow[] = [
  flow({ status: 'high' }),
  flow({ vendor: { id: 'ven-2', name: 'Hoster GmbH' }, recipient: 'Hoster GmbH', country: 'DE', third_countries: [], mechanism: 'eea' }),
  flow({ recipient: 'Cloud Corp', chain: ['Cloud Corp'], country: 'IE', third_countries: [], mechanism: 'eea' }),
  flow({ recipient: 'Support Ltd', chain: ['Cloud Corp', 'Support Ltd'], country: 'IE', third_countries: ['IN'], mechanism: 'unknown', status: 'high' }),
  flow({ recipient: 'Mail Relay LLC', chain: ['Mail Relay LLC'], country: 'US', third_countries: ['US'], mechanism: 'dpf' }),
];

function core(answer: () => Flow[] = () => flows) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (cmd === 'transfer_flows') return { as_of: '2025-03-01', dataset_version: '2025.1', flows: answer() };
    if (cmd === 'tia_draft') {
      return {
        existing: null, vendor_name: 'Mailer Inc', third_country: true, adequacy: null, art46_tool: false, laws: null,
        data: {
          organisation_id: 'org-1', vendor_id: 'ven-1', subprocessor: a.subprocessor ?? '', country: null, transfer_description: '',
          mechanism: null, scc_module: null, law_assessment: '', measures: [], measures_notes: '', procedural_steps: '',
          conclusion: 'undecided', conclusion_notes: '', assessed_on: null, assessed_by: '', re_evaluate_on: null,
        },
      };
    }
    if (cmd === 'tia_create') return { id: 'tia-1', ...stamp, ...(a.data as object) };
  });
  return calls;
}

const hops = () => screen.getAllByTestId('chain-hop');
const hop = (name: string) => hops().find((h) => h.dataset.recipient === name)!;

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('VendorChain', () => {
  it('shows the organisation → vendor → subprocessors chain of this vendor only', async () => {
    const calls = core();
    render(VendorChain, { organisation: acme, vendor: mailer });
    await screen.findByTestId('chain-tree');
    expect(calls.filter((c) => c.cmd === 'transfer_flows').map((c) => c.args)).toEqual([{ organisation: 'org-1', asOf: null }]);
    const tree = screen.getByTestId('chain-tree');
    expect(tree.textContent).toContain('Acme');
    expect(tree.textContent).toContain('Germany');
    expect(tree.textContent).not.toContain('Hoster GmbH');
    expect(hops().map((h) => [h.dataset.recipient, h.dataset.depth])).toEqual([
      ['Mailer Inc', '0'], ['Cloud Corp', '1'], ['Support Ltd', '2'], ['Mail Relay LLC', '1'],
    ]);
    // Support Ltd sits under Cloud Corp in the tree, not beside it.
    expect(within(hop('Cloud Corp')).getAllByTestId('chain-hop').map((h) => h.dataset.recipient)).toEqual(['Support Ltd']);

    expect(hop('Mailer Inc').dataset.state).toBe('high');
    expect(hop('Cloud Corp').dataset.state).toBe('eea');
    expect(hop('Mail Relay LLC').dataset.state).toBe('ok');
    const support = hop('Support Ltd');
    expect(support.textContent).toContain('Ireland');
    expect(support.textContent).toContain('reached from India');
    expect(support.textContent).toContain('Not stated');
    expect(within(support).getAllByTestId('chain-state')[0].textContent).toBe('High');
    expect(hop('Mail Relay LLC').textContent).toContain('EU-US Data Privacy Framework');
    expect(within(hop('Cloud Corp')).getAllByTestId('chain-state')[0].textContent).toBe('Within the EEA');
  });

  it('offers a TIA on the hops that reach a third country only', async () => {
    core();
    render(VendorChain, { organisation: acme, vendor: mailer });
    await screen.findByTestId('chain-tree');
    const withButton = hops().filter((h) => h.querySelector(':scope > .node [data-testid="chain-assess-tia"]'));
    expect(withButton.map((h) => h.dataset.recipient)).toEqual(['Mailer Inc', 'Support Ltd', 'Mail Relay LLC']);
  });

  it('opens the TIA form for an onward transfer and reloads the chain once it is saved', async () => {
    let saved = false;
    const calls = core(() => (saved ? flows.map((f) => (f.recipient === 'Support Ltd' ? { ...f, status: null } : f)) : flows));
    render(VendorChain, { organisation: acme, vendor: mailer });
    await screen.findByTestId('chain-tree');
    await fireEvent.click(within(hop('Support Ltd')).getByTestId('chain-assess-tia'));
    await screen.findByTestId('tia-checks');
    expect(calls.find((c) => c.cmd === 'tia_draft')!.args).toEqual({ organisation: 'org-1', vendor: 'ven-1', subprocessor: 'Support Ltd' });
    // The register gives the draft no country; the hop's third country stands in.
    expect((document.getElementById('tia-country') as HTMLSelectElement).value).toBe('IN');
    saved = true;
    await fireEvent.click(document.getElementById('tia-save')!);
    await vi.waitFor(() => expect(document.getElementById('tia-form')).toBeNull());
    expect(calls.find((c) => c.cmd === 'tia_create')!.args.data).toMatchObject({ vendor_id: 'ven-1', subprocessor: 'Support Ltd', country: 'IN' });
    await vi.waitFor(() => expect(hop('Support Ltd').dataset.state).toBe('ok'));
    expect(calls.filter((c) => c.cmd === 'transfer_flows')).toHaveLength(2);
  });

  it('says so when no activity of the organisation uses the vendor', async () => {
    core(() => flows.filter((f) => f.vendor?.id !== 'ven-1'));
    render(VendorChain, { organisation: acme, vendor: mailer });
    expect((await screen.findByTestId('chain-empty')).textContent).toBe(
      'No activity of Acme uses Mailer Inc, so no data flow to it is recorded.',
    );
  });

  it('shows a failure with a retry', async () => {
    let fail = true;
    mockIPC((cmd) => {
      if (cmd === 'transfer_flows') {
        if (fail) throw { kind: 'vault', message: 'The vault is locked.', fields: [] };
        return { as_of: '2025-03-01', dataset_version: '2025.1', flows };
      }
    });
    render(VendorChain, { organisation: acme, vendor: mailer });
    expect((await screen.findByRole('alert')).textContent).toContain('The chain could not be loaded: The vault is locked.');
    fail = false;
    await fireEvent.click(screen.getByText('Try again'));
    await screen.findByTestId('chain-tree');
  });
});
