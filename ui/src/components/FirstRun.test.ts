import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import FirstRun from './FirstRun.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('FirstRun', () => {
  it('checks the passphrase before asking the core', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
    });
    render(FirstRun, { path: '/tmp/v.dpadesk', oncreated: vi.fn() });
    await fireEvent.click(screen.getByTestId('mode-passphrase'));
    await fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'short' } });
    await fireEvent.click(screen.getByTestId('create-vault'));
    expect(await screen.findByText('Use at least 10 characters.')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('creates a keychain vault with no passphrase', async () => {
    const args: unknown[] = [];
    mockIPC((cmd, a) => {
      if (cmd === 'vault_create') args.push(a);
    });
    const oncreated = vi.fn();
    render(FirstRun, { path: '/tmp/v.dpadesk', oncreated });
    await fireEvent.click(screen.getByTestId('create-vault'));
    await vi.waitFor(() => expect(oncreated).toHaveBeenCalledOnce());
    expect(args).toEqual([{ passphrase: null }]);
  });
});
