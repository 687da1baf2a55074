// Looking after the vault in the real window: the recovery kit on creation, a backup made
// and listed, a new recovery code (the old one then refused), opening with the code after
// the key is gone from the window's reach; changes the CLI makes while the window is open
// (shown without a restart, and a stale save that asks before it overwrites); a damaged
// vault file explained and restored in a click.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { appDataDir, keychainKeys, secretsFound } from './secrets.mjs';
import { harnessFor, keepRecoveryKit, SHOP } from './webdriver.mjs';

const h = harnessFor('vault-care');
const cli = process.env.DPADESK_E2E_CLI;
const PASSPHRASE = 'correct horse battery staple';
const WRONG_PASSPHRASE = 'not the passphrase';
/** Every recovery code the window showed, and what the CLI printed: for the secrets check. */
const codes = [];
let printed = '';

/** The CLI on the window's vault, as a second program on the same computer. */
function dpadesk(args, env = {}) {
  const out = execFileSync(cli, args, { env: { ...process.env, ...h.env, ...env }, encoding: 'utf8' });
  printed += out;
  return out;
}

before(async () => {
  assert.ok(cli, 'DPADESK_E2E_CLI names the built `dpadesk` (make test sets it)');
  await h.start();
});

after(async () => {
  if (h.session) await h.quit().catch(() => {});
  await h.stop();
});

test('the recovery kit, a backup, a new code, and opening with the code', async () => {
  await h.launch();
  await h.click('[data-testid="mode-passphrase"]');
  await h.type('#passphrase', PASSPHRASE);
  await h.type('#repeat', PASSPHRASE);
  await h.click('[data-testid="create-vault"]');
  const first = await keepRecoveryKit(h);
  codes.push(first);
  assert.match(first, /^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
  await h.click('[data-testid="load-sample"]');
  await h.find('[data-testid="shell"] [data-testid="home-view"]');

  await h.click('[data-testid="nav-settings"]');
  await h.click('[data-testid="backup-now"]');
  await h.find('[data-testid="backup-notice"], [data-testid="backup-error"]');
  await h.screenshot('backup-made');
  assert.equal(await h.script('return document.querySelector("[data-testid=backup-error]")?.textContent ?? null;'), null);
  await h.until('document.querySelectorAll("[data-testid=backup-row]").length === 1', 'the new backup is listed');
  const cells = await h.script('return [...document.querySelectorAll("[data-testid=backup-row] td")].map((c) => c.textContent.trim());');
  assert.equal(cells[1], 'On request');
  assert.match(cells[2], /^\d+ kB$/);
  assert.equal(cells[3], '2', 'the backup holds both sample organisations');
  await h.screenshot('backups');

  await h.click('[data-testid="key-new-code"]');
  await h.type('#key-current', WRONG_PASSPHRASE);
  await h.click('[data-testid="key-apply"]');
  await h.find('[data-testid="key-error"]');
  await h.type('#key-current', PASSPHRASE);
  await h.click('[data-testid="key-apply"]');
  const second = await keepRecoveryKit(h);
  codes.push(second);
  assert.notEqual(second, first, 'a new recovery code was issued');
  await h.find('[data-testid="shell"]');
  await h.closeAsUser();

  // Without the passphrase: the old code no longer opens the vault, the new one does.
  await h.launch();
  await h.click('[data-testid="unlock-have-code"]');
  await h.type('#unlock-code', first);
  await h.click('[data-testid="unlock-with-code"]');
  assert.match(await h.text('#unlock-code-error'), /key|code/i);
  await h.type('#unlock-code', second.toLowerCase().replaceAll('-', ' '));
  await h.screenshot('unlock-with-code');
  await h.click('[data-testid="unlock-with-code"]');
  await h.find('[data-testid="shell"] [data-testid="home-view"]');
  await h.click('[data-testid="nav-settings"]');
  assert.match(await h.text('[data-testid="key-now"]'), /keychain/);
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});

test('changes the CLI makes show up, and a stale save asks first', async () => {
  const hostile = 'Evil <img src=x onerror="window.__pwned=1"> Ltd';
  await h.click('[data-testid="nav-home"]');
  await h.click(`[data-testid="org-card"][data-org-name="${SHOP}"] [data-testid="org-open"]`);
  await h.click('[data-testid="nav-vendors"]');
  await h.find('[data-testid="new-vendor"]');
  dpadesk(['vendor', 'add', '--name', hostile, '--country', 'DE']);
  await h.until(`document.body.innerText.includes(${JSON.stringify(hostile)})`, 'the vendor the CLI added is listed', 15000);
  assert.equal(await h.script('return window.__pwned ?? null;'), null, 'nothing in the name ran');
  await h.screenshot('changed-by-cli');

  await h.click('[data-testid="org-details"]');
  await h.type('#org-edit-email', 'mine@example.pl');
  dpadesk(['org', 'update', SHOP, '--email', 'theirs@example.pl']);
  await h.find('[data-testid="changed-elsewhere"]', 15000);
  await h.click('[data-testid="save-organisation-details"]');
  await h.find('[data-testid="conflict-dialog"]');
  await h.screenshot('conflict');
  await h.click('[data-testid="conflict-keep"]');
  await h.find('[data-testid="organisation-saved"]');
  assert.match(dpadesk(['org', 'show', SHOP, '--json']), /mine@example\.pl/);

  await h.type('#org-edit-email', 'mine-again@example.pl');
  dpadesk(['org', 'update', SHOP, '--email', 'theirs-again@example.pl']);
  await h.find('[data-testid="changed-elsewhere"]', 15000);
  await h.click('[data-testid="save-organisation-details"]');
  await h.click('[data-testid="conflict-reload"]');
  await h.until(
    'document.querySelector("#org-edit-email")?.value === "theirs-again@example.pl"',
    'the form shows the version saved elsewhere',
  );
  assert.match(dpadesk(['org', 'show', SHOP, '--json']), /theirs-again@example\.pl/);
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});

test('a damaged vault file is explained and restored from its newest backup', async () => {
  await h.click('[data-testid="nav-settings"]');
  await h.click('[data-testid="backup-now"]');
  await h.find('[data-testid="backup-notice"], [data-testid="backup-error"]');
  assert.equal(await h.script('return document.querySelector("[data-testid=backup-error]")?.textContent ?? null;'), null);
  await h.closeAsUser();
  const vault = h.env.DPADESK_VAULT;
  truncateSync(vault, Math.floor(statSync(vault).size / 2));

  await h.launch();
  await h.find('[data-testid="damaged-vault"]');
  assert.match(await h.text('[data-testid="damaged-message"]'), /damaged/);
  await h.find('[data-testid="backup-row"]');
  await h.screenshot('damaged');
  await h.click('[data-testid="backup-restore"]');
  await h.click('[data-testid="backup-restore-confirm"]');
  await h.find('[data-testid="shell"] [data-testid="home-view"]', 20000);
  await h.until(
    `[...document.querySelectorAll("[data-testid=org-card]")].some((c) => c.dataset.orgName === ${JSON.stringify(SHOP)})`,
    'the restored vault holds the sample organisations',
  );
  assert.match(dpadesk(['doctor']), /./);
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});

test('no key material in any file the run left, nor in anything printed', async () => {
  await h.closeAsUser();
  assert.deepEqual(
    secretsFound({ canary: PASSPHRASE }, [h.artifacts], { planted: `log line ${PASSPHRASE.toUpperCase()} end` }),
    ['planted: canary'],
    'the search finds a secret where there is one',
  );
  const keys = keychainKeys();
  assert.ok(keys.length > 0, 'the recovered vault keeps its key in the keychain');
  const secrets = { passphrase: PASSPHRASE, 'mistyped passphrase': WRONG_PASSPHRASE };
  codes.forEach((c, i) => (secrets[`recovery code ${i + 1}`] = c));
  keys.forEach((k, i) => (secrets[`keychain key ${i + 1}`] = k));
  const found = secretsFound(secrets, [path.dirname(h.env.DPADESK_VAULT), appDataDir(), h.artifacts], {
    'the driver and the app printed': h.driverLog,
    'the CLI printed': printed,
  });
  assert.deepEqual(found, []);
});
