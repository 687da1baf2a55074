import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import SampleButton from './SampleButton.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('SampleButton', () => {
  it('loads the sample, busy while it runs, then tells the app', async () => {
    let finish: (v: unknown) => void = () => {};
    mockIPC((cmd) => (cmd === 'sample_load' ? new Promise((r) => (finish = r)) : undefined));
    const onloaded = vi.fn();
    render(SampleButton, { onloaded });
    const button = screen.getByTestId('load-sample') as HTMLButtonElement;
    await fireEvent.click(button);
    await vi.waitFor(() => expect(button.disabled).toBe(true));
    expect(onloaded).not.toHaveBeenCalled();
    finish({ organisations: 2, activities: 6, vendors: 4, dpas: 3, subprocessor_lists: 2 });
    await vi.waitFor(() => expect(onloaded).toHaveBeenCalledOnce());
    expect(button.disabled).toBe(false);
  });

  it('shows why the core refused', async () => {
    mockIPC((cmd) => {
      if (cmd === 'sample_load') throw { kind: 'invalid', message: 'The vault already holds organisations.', fields: [] };
    });
    const onloaded = vi.fn();
    render(SampleButton, { onloaded });
    await fireEvent.click(screen.getByTestId('load-sample'));
    expect((await screen.findByTestId('load-sample-error')).textContent).toContain('The vault already holds organisations.');
    expect(onloaded).not.toHaveBeenCalled();
  });
});
