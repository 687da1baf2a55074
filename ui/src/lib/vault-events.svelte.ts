// What the window hears about the vault besides its own commands: another program (the CLI,
// a second window) changed it, or a save met a record someone else changed meanwhile.
import type { ApiError } from './api';
import type { ConflictInfo } from './generated/ConflictInfo';

type Choice = 'reload' | 'keep';

export const vaultEvents = $state({
  /** Bumped to ask for the vault to be read again (the app shell does it). */
  requested: 0,
  /** Bumped once the shell has read the vault again: every screen starts afresh. */
  reloads: 0,
  /** A change made elsewhere while the user was typing: shown as a banner, not reloaded under them. */
  changedWhileTyping: false,
  /** The save that met a newer version, waiting for the user's choice. */
  conflict: null as (ConflictInfo & { decide: (choice: Choice) => void }) | null,
});

/** Asks for the vault to be read again on every screen. */
export function reloadScreens(): void {
  vaultEvents.changedWhileTyping = false;
  vaultEvents.requested += 1;
}

/** Asks the user whether to reload the other version or keep their own. */
export function askAboutConflict(e: ApiError): Promise<Choice> {
  return new Promise((resolve) => {
    vaultEvents.conflict = {
      by: e.conflict?.by ?? '',
      at: e.conflict?.at ?? '',
      decide: (choice) => {
        vaultEvents.conflict = null;
        resolve(choice);
      },
    };
  });
}
