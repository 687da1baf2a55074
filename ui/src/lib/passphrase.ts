// The one rule for a new passphrase, for every form that sets one (the core checks it too).
import { t } from './i18n.svelte';

export const MIN_PASSPHRASE = 10;

/** What is wrong with a new passphrase and its repetition, by field; empty when both are fine. */
export function passphraseProblems(passphrase: string, repeat: string): { passphrase?: string; repeat?: string } {
  if ([...passphrase].length < MIN_PASSPHRASE) return { passphrase: t('firstRun.passphraseShort') };
  if (passphrase !== repeat) return { repeat: t('firstRun.passphraseMismatch') };
  return {};
}
