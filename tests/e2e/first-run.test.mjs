// First run in the real window: create the vault, add an organisation (after an empty-name
// error), add an activity, close the window as a user does, relaunch, and find everything
// still there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Harness, keepRecoveryKit } from './webdriver.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const application = process.env.DPADESK_E2E_APP;
const artifacts = path.join(root, 'artifacts', 'e2e');
const home = mkdtempSync(path.join(tmpdir(), 'dpadesk-e2e-'));
const h = new Harness({
  application,
  artifacts,
  env: { DPADESK_VAULT: path.join(home, 'vault.dpadesk'), XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
});

before(async () => {
  assert.ok(application, 'DPADESK_E2E_APP names the built app (make test sets it)');
  await h.start();
});

after(async () => {
  if (h.session) await h.quit().catch(() => {});
  await h.stop();
});

test('first run: vault, organisation, activity, relaunch', async () => {
  const started = performance.now();
  await h.launch();
  await h.find('[data-testid="first-run"] [data-testid="create-vault"]');
  const startupMs = Math.round(performance.now() - started);
  writeFileSync(path.join(artifacts, 'startup.json'), JSON.stringify({ first_screen_interactive_ms: startupMs }) + '\n');
  await h.screenshot('first-run');

  await h.click('[data-testid="create-vault"]');
  await h.find('[data-testid="recovery-kit"]');
  await h.screenshot('recovery-kit');
  await h.type('#kit-check', 'WRONG');
  await h.click('[data-testid="recovery-kit-done"]');
  assert.match(await h.text('#kit-check-error'), /not group/);
  await keepRecoveryKit(h);
  await h.find('[data-testid="first-organisation"]');
  await h.screenshot('add-organisation');

  await h.click('[data-testid="save-organisation"]');
  assert.equal(await h.text('[data-testid="org-name-error"]'), "Enter the organisation's name.");
  await h.screenshot('organisation-name-required');

  await h.type('#org-name', 'Acme Sp. z o.o.');
  await h.type('#org-country', 'PL');
  await h.type('#org-email', 'iod@acme.pl');
  await h.click('[data-testid="save-organisation"]');
  await h.find('[data-testid="shell"] [data-testid="empty-state"]');
  await h.screenshot('empty-register');

  await h.click('[data-testid="new-activity"]');
  await h.find('[data-testid="activity-form"]');
  await h.click('[data-testid="save-activity"]');
  assert.equal(await h.text('[data-testid="activity-name-error"]'), 'Enter a name for the activity.');
  await h.screenshot('activity-name-required');

  await h.type('#activity-name', 'Payroll');
  await h.type('#activity-reference', 'HR-01');
  await h.click('[data-testid="add-purpose"]');
  await h.type('#purpose-0-description', 'Paying salaries and social security');
  await h.type('#activity-subjects', 'Employees, former employees');
  await h.click('[data-testid="save-activity"]');
  await h.find('[data-testid="activity-row"]');
  assert.match(await h.text('[data-testid="activity-table"]'), /HR-01\s*Payroll/);
  await h.screenshot('activity-listed');

  await h.click('[data-testid="nav-vendors"]');
  await h.find('[data-testid="new-vendor"]');
  await h.screenshot('vendors-empty');
  await h.click('[data-testid="nav-settings"]');
  assert.match(await h.text('[data-testid="vault-path"]'), /vault\.dpadesk$/);
  await h.screenshot('settings');

  assert.deepEqual(await h.consoleErrors(), [], 'the webview logged errors');
  // Closed as a user closes it: the changes that sat in the WAL are then in the vault file.
  assert.ok(existsSync(`${h.env.DPADESK_VAULT}-wal`), 'changes sit in the WAL while the app runs');
  await h.closeAsUser();

  await h.launch();
  await h.find('[data-testid="shell"] [data-testid="home-view"]');
  await h.click('[data-testid="nav-register"]');
  assert.match(await h.text('[data-testid="activity-table"]'), /Payroll/);
  assert.match(await h.text('[data-testid="org-switcher"]'), /Acme Sp\. z o\.o\./);
  await h.screenshot('relaunched');
  assert.deepEqual(await h.consoleErrors(), []);
  await h.quit();
  await h.stop();
});

test('the window follows a dark system theme', async () => {
  const dark = new Harness({
    application,
    artifacts,
    env: { ...h.env, GTK_THEME: 'Adwaita:dark' },
  });
  dark.step = 20;
  await dark.start();
  try {
    await dark.launch();
    await dark.find('[data-testid="shell"] [data-testid="home-view"]');
    await dark.click('[data-testid="nav-register"]');
    await dark.find('[data-testid="activity-row"]');
    const background = await dark.script('return getComputedStyle(document.body).backgroundColor;');
    assert.equal(background, 'rgb(22, 24, 29)', 'the dark palette applies');
    await dark.screenshot('register-dark');
    await dark.click('[data-testid="new-activity"]');
    await dark.click('[data-testid="save-activity"]');
    await dark.find('[data-testid="activity-name-error"]');
    await dark.screenshot('activity-form-dark');
    assert.deepEqual(await dark.consoleErrors(), []);
    await dark.quit();
  } finally {
    await dark.stop();
  }
});
