import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import type { Flow } from '../lib/generated/Flow';
import { setLanguage } from '../lib/i18n.svelte';
import FlowMap from './FlowMap.svelte';

const org = { id: 'org-1', name: 'Acme' };
const mailer = { id: 'ven-1', name: 'Mailer Inc' };
const hoster = { id: 'ven-2', name: 'Hoster GmbH' };
const flow = (over: Partial<Flow>): Flow => ({
  organisation: org, origin: 'DE', vendor: mailer, recipient: 'Mailer Inc', chain: [], country: 'US', third_countries: ['US'],
  mechanism: 'scc', status: null, activities: [], ...over,
});

const flows: Flow[] = [
  flow({ status: 'high', activities: [{ id: 'act-1', name: 'Newsletter' }] }),
  flow({ recipient: 'Cloud Corp', chain: ['Cloud Corp'], mechanism: 'dpf', status: null }),
  flow({ vendor: hoster, recipient: 'Hoster GmbH', country: 'DE', third_countries: [], mechanism: 'eea' }),
  flow({ recipient: 'Support Ltd', chain: ['Cloud Corp', 'Support Ltd'], country: 'IN', third_countries: ['IN'], mechanism: 'scc' }),
  // Established in Ireland, reached from the Philippines: both are destinations.
  flow({ vendor: hoster, recipient: 'Helpdesk Ltd', chain: ['Helpdesk Ltd'], country: 'IE', third_countries: ['PH'], status: 'blocker' }),
  flow({ vendor: null, recipient: 'Patent Office', country: null, third_countries: ['EPO'], mechanism: 'adequacy' }),
  flow({ vendor: null, recipient: 'Group Co', country: null, third_countries: [], mechanism: 'unknown', status: 'medium' }),
];

const marker = (code: string) => document.querySelector(`button[data-country="${code}"]`) as HTMLButtonElement | null;

afterEach(() => {
  cleanup();
  setLanguage('en');
});

describe('FlowMap', () => {
  it('draws a marker per destination, coloured by the worst finding of the flows there', () => {
    render(FlowMap, { flows, organisation: 'Acme', asOf: '2025-03-01' });
    expect(marker('US')!.dataset.state).toBe('high');
    expect(marker('IN')!.dataset.state).toBe('ok');
    expect(marker('DE')!.dataset.state).toBe('eea');
    expect(marker('PH')!.dataset.state).toBe('blocker');
    // The flow's findings follow it into the EEA country it is established in.
    expect(marker('IE')!.dataset.state).toBe('blocker');
    expect(marker('US')!.getAttribute('aria-label')).toBe('United States: High, recipients: 2');
    // Arcs start from the organisation's country: none to Germany itself, none to what cannot be placed.
    expect(document.querySelectorAll('path.arc')).toHaveLength(4);
    expect(document.querySelectorAll('path.arc.st-blocker')).toHaveLength(2);
  });

  it('sums the map up for a screen reader, with a table of the destinations', () => {
    render(FlowMap, { flows, organisation: 'Acme', asOf: '2025-03-01' });
    const svg = screen.getByRole('img');
    expect(svg.getAttribute('aria-label')).toMatch(/^World map of the data flows of Acme as of .+: 6 destinations, 4 of them outside the EEA, 3 with findings\.$/);
    const rows = screen.getAllByTestId('flow-map-row');
    // Worst first.
    expect(rows.map((r) => r.dataset.country)).toEqual(['IE', 'PH', 'US', 'EPO', 'IN', 'DE']);
    const us = rows.find((r) => r.dataset.country === 'US')!;
    expect(us.textContent).toContain('United States');
    expect(us.textContent).toContain('Mailer Inc, Cloud Corp');
    expect(us.textContent).toContain('Standard Contractual Clauses, EU-US Data Privacy Framework');
    expect(rows.find((r) => r.dataset.country === 'EPO')!.textContent).toContain('EPO (international organisation)');
    expect(screen.getByTestId('flow-map-not-drawn').textContent).toBe(
      'Not on the map: EPO (international organisation), Group Co (country unknown)',
    );
    expect(screen.queryByTestId('flow-map-no-origin')).toBeNull();
  });

  it('names a destination and its recipients on hover and on focus', async () => {
    render(FlowMap, { flows, organisation: 'Acme', asOf: '2025-03-01' });
    expect(screen.queryByTestId('flow-map-tip')).toBeNull();
    await fireEvent.mouseEnter(marker('US')!);
    const tip = screen.getByTestId('flow-map-tip');
    expect(tip.textContent).toContain('United States');
    expect(tip.textContent).toContain('High');
    expect(tip.textContent).toContain('Mailer Inc');
    expect(tip.textContent).toContain('Cloud Corp');
    await fireEvent.mouseLeave(marker('US')!);
    expect(screen.queryByTestId('flow-map-tip')).toBeNull();
    await fireEvent.focus(marker('IN')!);
    expect(screen.getByTestId('flow-map-tip').textContent).toContain('India');
  });

  it('lists the flows to a destination clicked on the map, and in the table', async () => {
    render(FlowMap, { flows, organisation: 'Acme', asOf: '2025-03-01' });
    await fireEvent.click(marker('US')!);
    expect(marker('US')!.getAttribute('aria-pressed')).toBe('true');
    const detail = document.getElementById('flow-map-detail')!;
    expect(detail.textContent).toContain('Flows to United States');
    const listed = within(detail).getAllByTestId('flow-map-flow');
    expect(listed.map((l) => l.querySelector('.recipient')!.textContent)).toEqual(['Mailer Inc', 'Cloud Corp']);
    expect(listed[0].textContent).toContain('Activities: Newsletter');
    expect(listed[1].textContent).toContain('via Mailer Inc');
    expect(listed[1].textContent).toContain('EU-US Data Privacy Framework');
    await fireEvent.click(marker('US')!);
    expect(within(detail).queryAllByTestId('flow-map-flow')).toHaveLength(0);

    const ph = screen.getAllByTestId('flow-map-row').find((r) => r.dataset.country === 'PH')!;
    await fireEvent.click(within(ph).getByRole('button'));
    expect(detail.textContent).toContain('Flows to Philippines');
    expect(within(detail).getByTestId('flow-map-flow').textContent).toContain('established in Ireland');
  });

  it('says when the organisation has no country to start the arcs from', () => {
    render(FlowMap, { flows: flows.map((f) => ({ ...f, origin: null })), organisation: 'Acme', asOf: '2025-03-01' });
    expect(screen.getByTestId('flow-map-no-origin')).toBeTruthy();
    expect(document.querySelectorAll('path.arc')).toHaveLength(0);
    expect(marker('US')).not.toBeNull();
  });

  it('names countries in the UI language', () => {
    setLanguage('fr');
    render(FlowMap, { flows, organisation: 'Acme', asOf: '2025-03-01' });
    expect(marker('US')!.getAttribute('aria-label')).toBe('États-Unis : Élevée, destinataires : 2');
    expect(screen.getByTestId('legend-eea').textContent).toBe('Dans l’EEE');
  });
});
