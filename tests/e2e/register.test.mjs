// The daily work of a DPO in the real window, on the sample data: an activity filled in to
// 100 %, the Art. 9 rule, a DPA with a checklist gap turning into a reminder, copying an
// activity to another client, the register as of a past date, the UI in Polish, and every
// main screen in light and dark.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Harness, keepRecoveryKit, root, SHOP } from './webdriver.mjs';

const application = process.env.DPADESK_E2E_APP;
const historyVault = process.env.DPADESK_E2E_HISTORY_VAULT;
const artifacts = path.join(root, 'artifacts', 'e2e', 'register');
const home = mkdtempSync(path.join(tmpdir(), 'dpadesk-e2e-register-'));
const env = { DPADESK_VAULT: path.join(home, 'vault.dpadesk'), XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') };
const h = new Harness({ application, artifacts, env });

const main = ['home', 'organisation', 'register', 'processor', 'vendors', 'reminders', 'transfers', 'clients', 'measures', 'reports', 'history', 'settings'];
/** The sidebar entry that opens a section. */
const entry = (section) => (section === 'organisation' ? '[data-testid="org-details"]' : `[data-testid="nav-${section}"]`);

before(async () => {
  assert.ok(application, 'DPADESK_E2E_APP names the built app (make test sets it)');
  await h.start();
  await h.launch();
});

after(async () => {
  if (h.session) await h.quit().catch(() => {});
  await h.stop();
});

async function openOrganisation(name) {
  await h.click('[data-testid="nav-home"]');
  await h.click(`[data-testid="org-card"][data-org-name="${name}"] [data-testid="org-open"]`);
  await h.find('[data-testid="activity-table"], [data-testid="empty-state"]');
}

async function organisationNamed(prefix) {
  return h.script(
    'return [...document.querySelectorAll("#org-switcher option")].map((o) => o.textContent.trim()).find((n) => n.startsWith(arguments[0]));',
    [prefix],
  );
}

test('the sample data open on the overview of every client', async () => {
  await h.click('[data-testid="create-vault"]');
  await keepRecoveryKit(h);
  await h.click('[data-testid="load-sample"]');
  await h.find('[data-testid="shell"] [data-testid="home-view"]');
  // The cards arrive after the home screen itself: wait for them as a user would.
  await h.until(
    `[...document.querySelectorAll("[data-testid=org-card]")].some((c) => c.dataset.orgName === ${JSON.stringify(SHOP)})`,
    'the sample controller is listed on the home screen',
  );
  assert.ok(await organisationNamed('Crossflow'), 'the sample processor is listed');
  await h.screenshot('home');
});

test('an activity filled in with every item reaches 100 %', async () => {
  await openOrganisation(SHOP);
  await h.click('[data-testid="new-activity"]');
  await h.type('#activity-name', 'Loyalty programme');
  await h.type('#activity-reference', 'MKT-09');
  await h.type('#activity-description', 'Points for purchases, rewards and member e-mails.');
  await h.type('#owner-department', 'Marketing');
  await h.type('#owner-name', 'Anna Kowalska');
  await h.date('#activity-next-review', '2027-06-30');

  await h.click('[data-testid="add-purpose"]');
  await h.type('#purpose-0-description', 'Running the loyalty programme');
  await h.choose('#purpose-0-basis', 'contract');
  await h.type('#purpose-0-detail', 'Loyalty programme terms');

  await h.type('#activity-subjects', 'Loyalty members,');
  // Clicking away closes the suggestions, as a user would before moving on.
  await h.click('[data-testid="activity-form"] h2');
  await h.click('[data-testid="add-category"]');
  await h.type('#category-0-name', 'Purchase history');
  await h.choose('#category-0-retention', 'period');
  await h.type('#category-0-count', '3');
  await h.type('#category-0-trigger', 'the end of membership');

  await h.click('[data-testid="add-recipient"]');
  await h.screenshot('recipient-added');
  await h.choose('#recipient-0-vendor', await h.script('return document.querySelector("#recipient-0-vendor option:nth-child(2)").value;'));

  await h.click('[data-testid="measure-option"]');
  await h.type('#activity-systems', 'Shop platform,');
  await h.click('[data-testid="activity-form"] h2');
  await h.type('#activity-locations', 'EEA,');
  await h.click('[data-testid="activity-form"] h2');
  await h.screenshot('activity-editor');
  await h.choose('#activity-status', 'active');
  await h.click('[data-testid="save-activity"]');

  await h.find('[data-testid="activity-row"][data-name="Loyalty programme"]');
  const percent = await h.script(
    'return document.querySelector("[data-testid=activity-row][data-name=\'Loyalty programme\'] [data-testid=activity-completeness]").dataset.percent;',
  );
  assert.equal(percent, '100');
  await h.screenshot('register');
});

test('special-category data without an Art. 9 condition cannot be made active', async () => {
  await h.click('[data-testid="new-activity"]');
  await h.type('#activity-name', 'Sick leave records');
  await h.click('[data-testid="add-purpose"]');
  await h.type('#purpose-0-description', 'Recording sick leave');
  await h.click('[data-testid="add-category"]');
  await h.type('#category-0-name', 'Medical certificates');
  await h.choose('#category-0-sensitivity', 'special');
  assert.match(await h.text('[data-testid="purpose-0-art9-error"]'), /Art\. 9\(2\) condition/);
  await h.choose('#activity-status', 'active');
  await h.click('[data-testid="save-activity"]');
  await h.find('[data-testid="activity-errors"]');
  await h.screenshot('art9-required');
  await h.click('[data-testid="cancel-activity"]');
  await h.find('[data-testid="activity-table"]');
  assert.equal(await h.script('return document.querySelector("[data-testid=activity-row][data-name=\'Sick leave records\']");'), null, 'nothing was saved');
});

test('a DPA with a missing Art. 28 item shows up as a reminder', async () => {
  await h.click('[data-testid="nav-vendors"]');
  await h.click('[data-testid="new-vendor"]');
  await h.type('#vendor-name', 'Pomocnik Helpdesk Sp. z o.o.');
  await h.type('#vendor-country', 'PL');
  await h.click('[data-testid="save-vendor"]');
  await h.click('[data-testid="vendor-row"][data-name="Pomocnik Helpdesk Sp. z o.o."]');
  await h.click('[data-testid="new-dpa"]');
  await h.type('#dpa-version', '2026-01');
  await h.click('[data-testid="checklist-all-present"]');
  await h.click('[data-testid="checklist-subprocessors-missing"]');
  await h.screenshot('dpa-editor');
  await h.click('[data-testid="save-dpa"]');
  await h.find('[data-testid="edit-dpa"]');

  await h.click('[data-testid="nav-reminders"]');
  await h.find('[data-testid="reminders-view"]');
  // The list loads after the view appears.
  await h.until('document.querySelector("[data-testid=reminder][data-kind=checklist_gap]")', 'checklist gap reminders appear');
  const gaps = await h.script(
    'return [...document.querySelectorAll("[data-testid=reminder][data-kind=checklist_gap]")].map((r) => r.textContent);',
  );
  assert.ok(gaps.some((g) => g.includes('Pomocnik Helpdesk')), `a checklist gap reminder names the vendor: ${gaps}`);
  await h.screenshot('reminders');
});

test('an activity copied to another client appears in its register', async () => {
  await openOrganisation(SHOP);
  await h.click('[data-testid="activity-row"][data-name="Loyalty programme"] [data-testid="copy-activity"]');
  const target = await organisationNamed('Crossflow');
  const id = await h.script(
    'return [...document.querySelectorAll("[data-testid=copy-target] option")].find((o) => o.textContent.trim() === arguments[0]).value;',
    [target],
  );
  await h.choose('[data-testid="copy-target"]', id);
  await h.click('[data-testid="copy-confirm"]');
  assert.match(await h.text('[data-testid="register-notice"]'), /Loyalty programme/);
  await openOrganisation(target);
  await h.find('[data-testid="activity-row"][data-name="Loyalty programme"]');
});

test('the UI in Polish shows no English string on the main screens', async () => {
  await h.click('[data-testid="nav-settings"]');
  await h.choose('#language', 'pl');
  const dir = path.join(root, 'ui', 'src', 'locales');
  const read = (lang) => Object.assign({}, ...readdirSync(path.join(dir, lang)).map((f) => JSON.parse(readFileSync(path.join(dir, lang, f), 'utf8'))));
  const [en, pl] = [read('en'), read('pl')];
  // Only strings that differ in Polish can betray a missing translation, and the sample data's
  // own content (an activity called "E-mail newsletter") is not the UI's.
  const content = readFileSync(path.join(root, 'crates', 'app', 'data', 'sample.json'), 'utf8');
  const english = new Set(
    Object.keys(en)
      .filter((k) => en[k] !== pl[k] && !en[k].includes('{') && !content.includes(JSON.stringify(en[k])))
      .map((k) => en[k]),
  );
  await openOrganisation(SHOP);
  for (const section of main) {
    await h.click(entry(section));
    await h.until('document.querySelector("[aria-busy=true]") === null', `${section} finished loading`);
    const texts = await h.script(`
      const out = [];
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) { const s = walk.currentNode.textContent.trim(); if (s) out.push(s); }
      for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
        out.push(el.getAttribute('placeholder'), el.getAttribute('title'), el.getAttribute('aria-label'));
      }
      return out.filter(Boolean);`);
    const untranslated = texts.filter((s) => english.has(s));
    assert.deepEqual(untranslated, [], `English on the ${section} screen in Polish`);
    await h.screenshot(`pl-${section}`);
  }
  await h.click('[data-testid="nav-settings"]');
  await h.choose('#language', 'en');
  assert.deepEqual(await h.consoleErrors(), [], 'the webview logged errors');
});

test('every main screen in light and dark', async () => {
  if (!h.session) await h.launch();
  await openOrganisation(SHOP);
  for (const section of main) {
    await h.click(entry(section));
    await h.screenshot(`light-${section}`);
  }
  await h.quit();
  const dark = new Harness({ application, artifacts, env: { ...env, GTK_THEME: 'Adwaita:dark' } });
  dark.step = 50;
  await dark.start();
  try {
    await dark.launch();
    await dark.find('[data-testid="home-view"]');
    for (const section of main) {
      await dark.click(entry(section));
      await dark.screenshot(`dark-${section}`);
    }
    await dark.click('[data-testid="nav-register"]');
    await dark.click('[data-testid="activity-row"][data-name="Loyalty programme"] td.name');
    await dark.find('[data-testid="completeness-panel"]');
    await dark.screenshot('dark-activity-editor');
    assert.deepEqual(await dark.consoleErrors(), []);
    await dark.quit();
  } finally {
    await dark.stop();
  }
});

test('the as-of view shows an activity as it was before an edit', async () => {
  assert.ok(historyVault, 'DPADESK_E2E_HISTORY_VAULT names the example that writes a vault with history');
  // One instance of the app at a time: a second launch would only focus the first.
  if (h.session) await h.quit();
  const dir = mkdtempSync(path.join(tmpdir(), 'dpadesk-e2e-history-'));
  const vault = path.join(dir, 'vault.dpadesk');
  const passphrase = 'correct horse battery';
  execFileSync(historyVault, [vault, passphrase]);
  const past = new Harness({ application, artifacts, env: { ...env, DPADESK_VAULT: vault } });
  past.step = 80;
  await past.start();
  try {
    await past.launch();
    await past.type('#unlock-passphrase', passphrase);
    await past.click('[data-testid="unlock"] button[type="submit"]');
    await past.find('[data-testid="home-view"]');
    await past.click('[data-testid="nav-register"]');
    await past.click('[data-testid="activity-row"][data-name="Payroll"] td.name');
    await past.type('#activity-description', 'Salaries paid every two weeks');
    await past.click('[data-testid="save-activity"]');
    await past.find('[data-testid="activity-row"][data-name="Payroll"]');

    await past.click('[data-testid="nav-history"]');
    await past.click('[data-testid="history-tab-as-of"]');
    await past.date('#as-of-date', '2026-02-01');
    await past.click('[data-testid="as-of-show"]');
    assert.match(await past.text('[data-testid="as-of-row"][data-name="Payroll"]'), /Monthly salaries/);
    await past.screenshot('history-as-of');
    await past.date('#as-of-date', new Date().toISOString().slice(0, 10));
    await past.click('[data-testid="as-of-show"]');
    await past.until(
      'document.querySelector("[data-testid=as-of-row][data-name=Payroll]")?.textContent.includes("every two weeks")',
      'today the register shows the new description',
    );
    await past.quit();
  } finally {
    await past.stop();
  }
});
