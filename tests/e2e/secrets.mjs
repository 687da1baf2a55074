// Looks for key material where it must never be: in any file an e2e run leaves (the vault's
// home, its backups, the app's logs and web data, the screenshots) and in what the processes
// printed. A finding names the file and which secret, never the secret itself.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** The app's own data folder (logs, web storage): beside the keychain's, never inside it. */
export function appDataDir() {
  return path.join(process.env.XDG_DATA_HOME ?? path.join(homedir(), '.local', 'share'), 'app.dpadesk.desktop');
}

/** The vault keys DPA Desk keeps in the keychain (the test's private one), as stored. */
export function keychainKeys() {
  const out = execFileSync('secret-tool', ['search', '--all', '--unlock', 'service', 'DPA Desk'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return [...out.matchAll(/^secret = (.+)$/gm)].map((m) => m[1].trim());
}

function* filesUnder(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Every way a secret could be written down: as typed, in other cases, without separators, as bytes. */
function formsOf(secret) {
  const forms = new Set([secret, secret.toLowerCase(), secret.toUpperCase(), secret.replaceAll('-', ''), secret.replaceAll('-', ' ')]);
  const out = [...forms].flatMap((s) => [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')]);
  if (/^[0-9a-f]+$/i.test(secret) && secret.length % 2 === 0) out.push(Buffer.from(secret, 'hex'));
  return out;
}

/**
 * Where any of `secrets` ({ label: value }) turns up under `dirs` or in `texts`
 * ({ label: printed text }): a list of "place: label", empty when nowhere.
 */
export function secretsFound(secrets, dirs, texts = {}) {
  const needles = Object.entries(secrets).map(([label, value]) => [label, formsOf(value)]);
  const found = [];
  const look = (place, bytes) => {
    for (const [label, forms] of needles) if (forms.some((f) => bytes.includes(f))) found.push(`${place}: ${label}`);
  };
  let files = 0;
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      files += 1;
      if (statSync(file).size > 0) look(file, readFileSync(file));
    }
  }
  for (const [place, text] of Object.entries(texts)) look(place, Buffer.from(text ?? '', 'utf8'));
  if (files === 0) found.push(`no file at all under ${dirs.join(', ')}: nothing was looked at`);
  return found;
}
