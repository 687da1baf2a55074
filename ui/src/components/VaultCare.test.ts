import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { api } from '../lib/api';
import type { BackupSummary } from '../lib/generated/BackupSummary';
import { vaultEvents } from '../lib/vault-events.svelte';
import BackupsCard from './BackupsCard.svelte';
import KeyCard from './KeyCard.svelte';
import RecoveryKit from './RecoveryKit.svelte';
import Unlock from './Unlock.svelte';

type Call = { cmd: string; args: Record<string, unknown> };

function core(answer: (cmd: string, args: Record<string, unknown>) => unknown = () => undefined) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    return answer(cmd, a);
  });
  return calls;
}

const CODE = 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH-JKMNP-QRSTV-WXYZ0';

async function input(selector: string, value: string) {
  await fireEvent.input(document.querySelector(selector)!, { target: { value } });
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('the recovery kit screen', () => {
  it('shows the code in groups and goes on only when a group is typed back', async () => {
    const calls = core((cmd) => (cmd === 'recovery_kit_save' ? '/home/me/kit.pdf' : undefined));
    const ondone = vi.fn();
    render(RecoveryKit, { code: CODE, path: '/v.dpadesk', ondone });
    const box = screen.getByTestId('recovery-code');
    expect([...box.querySelectorAll('[data-group]')].map((g) => g.textContent).join('-')).toBe(CODE);
    const asked = Number(box.dataset.asked);
    expect(asked).toBeGreaterThan(0);

    await input('#kit-check', CODE.split('-')[(asked + 1) % 11]);
    await fireEvent.click(screen.getByTestId('recovery-kit-done'));
    expect(ondone).not.toHaveBeenCalled();
    expect(screen.getByTestId('kit-check-error').textContent).toContain(`group ${asked + 1}`);

    await fireEvent.click(screen.getByTestId('save-recovery-kit'));
    expect(await screen.findByTestId('recovery-kit-saved')).toBeTruthy();
    expect(calls.find((c) => c.cmd === 'recovery_kit_save')?.args).toEqual({ code: CODE, lang: 'en' });

    // Typed loosely, as people copy from paper: lower case, spaces.
    await input('#kit-check', ` ${CODE.split('-')[asked].toLowerCase()} `);
    await fireEvent.click(screen.getByTestId('recovery-kit-done'));
    expect(ondone).toHaveBeenCalledOnce();
  });
});

describe('unlocking with the recovery code', () => {
  it('opens with the code and keeps a chosen passphrase, handing on the new code', async () => {
    const calls = core((cmd) => (cmd === 'vault_recover' ? { recovery_code: CODE } : undefined));
    const onopened = vi.fn();
    render(Unlock, { onopened });
    await fireEvent.click(screen.getByTestId('unlock-have-code'));
    await input('#unlock-code', 'my code');
    await fireEvent.click(screen.getByTestId('mode-passphrase'));
    await input('#passphrase', 'long enough phrase');
    await input('#repeat', 'long enough phrase!');
    await fireEvent.click(screen.getByTestId('unlock-with-code'));
    expect(screen.getByTestId('repeat-error').textContent).toBe('The two passphrases differ.');
    expect(calls.some((c) => c.cmd === 'vault_recover')).toBe(false);
    await input('#repeat', 'long enough phrase');
    await fireEvent.click(screen.getByTestId('unlock-with-code'));
    await vi.waitFor(() => expect(onopened).toHaveBeenCalledWith({ recovery_code: CODE }));
    expect(calls.find((c) => c.cmd === 'vault_recover')?.args).toEqual({
      code: 'my code',
      next: { mode: 'passphrase', passphrase: 'long enough phrase' },
    });
  });

  it('shows why a code is refused and stays on the screen', async () => {
    core((cmd) => {
      if (cmd === 'vault_recover') throw { kind: 'locked', message: 'The recovery code has a typing mistake.', fields: [] };
    });
    const onopened = vi.fn();
    render(Unlock, { onopened });
    await fireEvent.click(screen.getByTestId('unlock-have-code'));
    await input('#unlock-code', 'typo');
    await fireEvent.click(screen.getByTestId('unlock-with-code'));
    expect((await screen.findByTestId('unlock-code-error')).textContent).toContain('typing mistake');
    expect(onopened).not.toHaveBeenCalled();
  });
});

describe('the key in Settings', () => {
  it('asks a passphrase vault for its current passphrase before a new code', async () => {
    const calls = core((cmd) => (cmd === 'vault_change_key' ? { recovery_code: CODE } : undefined));
    const onnewcode = vi.fn();
    render(KeyCard, { openedWith: 'passphrase', onnewcode });
    await fireEvent.click(screen.getByTestId('key-new-code'));
    await fireEvent.click(screen.getByTestId('key-apply'));
    expect(screen.getByTestId('key-current-error')).toBeTruthy();
    expect(calls.some((c) => c.cmd === 'vault_change_key')).toBe(false);
    await input('#key-current', 'the old one');
    await fireEvent.click(screen.getByTestId('key-apply'));
    await vi.waitFor(() => expect(onnewcode).toHaveBeenCalledWith({ recovery_code: CODE }));
    expect(calls.find((c) => c.cmd === 'vault_change_key')?.args).toEqual({ currentPassphrase: 'the old one', next: null });
  });

  it('moves a keychain vault to a passphrase typed twice', async () => {
    const calls = core((cmd) => (cmd === 'vault_change_key' ? { recovery_code: CODE } : undefined));
    render(KeyCard, { openedWith: 'keychain', onnewcode: vi.fn() });
    expect(screen.queryByTestId('key-to-keychain')).toBeNull();
    await fireEvent.click(screen.getByTestId('key-to-passphrase'));
    expect(document.querySelector('#key-current')).toBeNull();
    await input('#key-passphrase', 'short');
    await fireEvent.click(screen.getByTestId('key-apply'));
    expect(screen.getByTestId('key-passphrase-error')).toBeTruthy();
    await input('#key-passphrase', 'a long passphrase');
    await input('#key-repeat', 'a long passphrase');
    await fireEvent.click(screen.getByTestId('key-apply'));
    await vi.waitFor(() =>
      expect(calls.find((c) => c.cmd === 'vault_change_key')?.args).toEqual({
        currentPassphrase: null,
        next: { mode: 'passphrase', passphrase: 'a long passphrase' },
      }),
    );
  });
});

describe('backups in Settings', () => {
  const backup = (made_at: string, reason: string, organisations: number | null): BackupSummary => ({
    path: `/b/${made_at}-${reason}.dpadesk`,
    made_at,
    reason,
    size: 204800,
    organisations,
    activities: organisations === null ? null : 12,
  });

  it('lists them, backs up on request and restores only after a confirmation', async () => {
    let list = [backup('2026-12-06T08:00:00Z', 'daily', 2), backup('2026-11-01T08:00:00Z', 'before_migration', null)];
    const calls = core((cmd) => {
      if (cmd === 'backup_settings') return { chosen: { dir: null, keep: null }, dir: '/v.backups', keep: 30 };
      if (cmd === 'backup_list') return list;
      if (cmd === 'backup_now') {
        list = [backup('2026-12-07T09:30:00Z', 'manual', 2), ...list];
        return list[0].path;
      }
      if (cmd === 'backup_restore') return '/b/aside.dpadesk';
    });
    const onrestored = vi.fn();
    render(BackupsCard, { onrestored });
    await vi.waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(2));
    expect(screen.getByTestId('backup-dir').textContent).toBe('/v.backups');
    const rows = screen.getAllByTestId('backup-row');
    expect(rows[0].textContent).toContain('Daily');
    expect(rows[0].textContent).toContain('200 kB');
    // A backup the current key does not open cannot be restored from here.
    expect((rows[1].querySelector('[data-testid=backup-restore]') as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.click(screen.getByTestId('backup-now'));
    await vi.waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(3));
    expect(screen.getAllByTestId('backup-row')[0].textContent).toContain('On request');

    await fireEvent.click(screen.getAllByTestId('backup-restore')[1]);
    expect(calls.some((c) => c.cmd === 'backup_restore')).toBe(false);
    await fireEvent.click(screen.getByTestId('backup-restore-confirm'));
    await vi.waitFor(() => expect(onrestored).toHaveBeenCalledOnce());
    expect(calls.find((c) => c.cmd === 'backup_restore')?.args).toEqual({ backup: list[1].path, key: null });
    expect(screen.getByTestId('backup-notice').textContent).toContain('/b/aside.dpadesk');
  });
});

describe('a save over a record changed elsewhere', () => {
  const stored = { id: 'v-1', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
  const conflict = { kind: 'conflict', message: 'Changed by cli at …', fields: [], conflict: { by: 'cli:ana', at: '2026-12-07T09:00:00Z' } };

  it('sends the version it read, and on "keep mine" saves over the newer one', async () => {
    const calls = core((cmd, a) => {
      if (cmd === 'vendor_update' && a.seen) throw conflict;
      if (cmd === 'vendor_update') return { ...stored, updated_at: '2026-12-07T09:01:00Z' };
    });
    const saving = api.vendor.update({ ...stored } as never, { name: 'Mine' } as never);
    await vi.waitFor(() => expect(vaultEvents.conflict?.by).toBe('cli:ana'));
    vaultEvents.conflict!.decide('keep');
    expect((await saving).updated_at).toBe('2026-12-07T09:01:00Z');
    expect(calls.map((c) => c.args.seen)).toEqual(['2026-01-01T00:00:00Z', null]);
  });

  it('on "reload" saves nothing and asks every screen to read the vault again', async () => {
    const calls = core((cmd) => {
      if (cmd === 'vendor_update') throw conflict;
    });
    const before = vaultEvents.requested;
    const saving = api.vendor.update({ ...stored } as never, { name: 'Mine' } as never);
    await vi.waitFor(() => expect(vaultEvents.conflict).not.toBeNull());
    vaultEvents.conflict!.decide('reload');
    await expect(saving).rejects.toMatchObject({ kind: 'conflict' });
    expect(vaultEvents.requested).toBe(before + 1);
    expect(calls).toHaveLength(1);
  });
});
