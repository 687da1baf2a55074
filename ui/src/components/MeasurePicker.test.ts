import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import MeasurePicker from './MeasurePicker.svelte';

const stamp = { created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' };
const measure = (id: string, group: string, title: string, description = '') => ({ id, ...stamp, group, title, description });
const library = [
  measure('m1', 'availability_control', 'Daily backups', 'Encrypted, kept off-site for 30 days'),
  measure('m2', 'entry_control', 'Badge access'),
  measure('m3', 'entry_control', 'Alarm system'),
  measure('m4', 'system_access_control', 'Two-factor login'),
];

afterEach(() => {
  cleanup();
  clearMocks();
});

const options = () => screen.getAllByTestId('measure-option') as HTMLInputElement[];
const titles = () => options().map((o) => o.dataset.title);
const option = (title: string) => options().find((o) => o.dataset.title === title)!;

function renderPicker(selected: string[]) {
  mockIPC((cmd) => {
    if (cmd === 'measure_list') return library;
  });
  // A setter makes the prop bound, as a parent's bind:selected would; `bound.selected` is what
  // the parent sees.
  const bound = { selected };
  render(MeasurePicker, {
    props: {
      get selected() {
        return bound.selected;
      },
      set selected(v: string[]) {
        bound.selected = v;
      },
    },
  });
  return bound;
}

describe('MeasurePicker', () => {
  it('lists the library by control group with the chosen measures ticked', async () => {
    renderPicker(['m4']);
    await screen.findAllByTestId('measure-option');
    const groups = screen.getAllByTestId('measure-picker-group');
    expect(groups.map((g) => g.dataset.group)).toEqual(['entry_control', 'system_access_control', 'availability_control']);
    expect(groups[0].querySelector('h3')?.textContent).toBe('Entry control');
    expect(titles()).toEqual(['Alarm system', 'Badge access', 'Two-factor login', 'Daily backups']);
    expect(options().filter((o) => o.checked).map((o) => o.dataset.title)).toEqual(['Two-factor login']);
    expect(screen.getByTestId('measure-picker-count').textContent).toBe('1 selected');
  });

  it('toggles measures in and out of the bound list', async () => {
    const props = renderPicker(['m4']);
    await screen.findAllByTestId('measure-option');
    await fireEvent.click(option('Badge access'));
    expect(props.selected).toEqual(['m4', 'm2']);
    await fireEvent.click(option('Two-factor login'));
    expect(props.selected).toEqual(['m2']);
    expect(option('Two-factor login').checked).toBe(false);
    expect(screen.getByTestId('measure-picker-count').textContent).toBe('1 selected');
  });

  it('filters by title and description without dropping hidden choices', async () => {
    const props = renderPicker(['m2']);
    await screen.findAllByTestId('measure-option');
    await fireEvent.input(screen.getByTestId('measure-picker-filter'), { target: { value: 'OFF-SITE' } });
    expect(titles()).toEqual(['Daily backups']);
    await fireEvent.click(option('Daily backups'));
    expect(props.selected).toEqual(['m2', 'm1']);

    await fireEvent.input(screen.getByTestId('measure-picker-filter'), { target: { value: 'nothing like it' } });
    expect(screen.queryAllByTestId('measure-option')).toEqual([]);
    expect(screen.getByTestId('measure-picker-no-match').textContent).toBe('No measure matches “nothing like it”.');

    await fireEvent.input(screen.getByTestId('measure-picker-filter'), { target: { value: '' } });
    expect(options().filter((o) => o.checked).map((o) => o.dataset.title)).toEqual(['Badge access', 'Daily backups']);
  });

  it('says when the library is empty', async () => {
    mockIPC((cmd) => (cmd === 'measure_list' ? [] : undefined));
    render(MeasurePicker, { props: { selected: [] } });
    expect((await screen.findByTestId('measure-picker-empty')).textContent).toContain('The measure library is empty');
  });
});
