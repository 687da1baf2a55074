// The transfer-risk dashboard in the real window, on the sample data: a finding followed to
// its record, fixed there, and gone from the dashboard; the as-of date set back to 2020 to
// see the Privacy Shield set-up clean before Schrems II and invalid after it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Harness } from './webdriver.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const application = process.env.DPADESK_E2E_APP;
const artifacts = path.join(root, 'artifacts', 'e2e', 'transfers');
const home = mkdtempSync(path.join(tmpdir(), 'dpadesk-e2e-transfers-'));
const env = { DPADESK_VAULT: path.join(home, 'vault.dpadesk'), XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') };
const h = new Harness({ application, artifacts, env });

const SHOP = 'Czajnik i Filiżanka Sp. z o.o.';

before(async () => {
  assert.ok(application, 'DPADESK_E2E_APP names the built app (make test sets it)');
  await h.start();
  await h.launch();
  await h.click('[data-testid="create-vault"]');
  await h.click('[data-testid="load-sample"]');
  await h.find('[data-testid="shell"] [data-testid="home-view"]');
  await h.click(`[data-testid="org-card"][data-org-name="${SHOP}"] [data-testid="org-open"]`);
  await h.find('[data-testid="activity-table"], [data-testid="empty-state"]');
});

after(async () => {
  if (h.session) await h.quit().catch(() => {});
  await h.stop();
});

/** The rules of the findings on screen. */
async function rules() {
  return h.script('return [...document.querySelectorAll("[data-testid=finding]")].map((f) => f.dataset.rule);');
}

async function openDashboard() {
  await h.click('[data-testid="nav-transfers"]');
  await h.find('#transfers-view');
  await h.until('document.querySelector("[data-testid=finding]")', 'findings are listed');
}

test('a finding followed to its record, fixed there, leaves the dashboard', async () => {
  await openDashboard();
  await h.screenshot('dashboard');
  assert.ok((await rules()).includes('dpa_review_overdue'), `the sample's overdue DPA review is a finding: ${await rules()}`);
  await h.click('[data-testid="finding"][data-rule="dpa_review_overdue"] [data-testid="finding-open"]');
  await h.click('[data-testid="edit-dpa"]');
  await h.date('#dpa-review', '2031-01-31');
  await h.click('[data-testid="save-dpa"]');
  await h.find('[data-testid="edit-dpa"]');

  await openDashboard();
  await h.until('![...document.querySelectorAll("[data-testid=finding]")].some((f) => f.dataset.rule === "dpa_review_overdue")', 'the fixed finding is gone');
});

test('set back to 2020, the Privacy Shield set-up is clean before Schrems II and invalid after', async () => {
  await openDashboard();
  await h.date('#transfers-as-of', '2020-07-01');
  await h.until('document.querySelector("[data-testid=finding]") && ![...document.querySelectorAll("[data-testid=finding]")].some((f) => f.dataset.rule === "invalid_mechanism")', 'no invalid mechanism on 2020-07-01');
  await h.screenshot('as-of-2020-07-01');
  await h.date('#transfers-as-of', '2020-08-01');
  await h.until('[...document.querySelectorAll("[data-testid=finding]")].some((f) => f.dataset.rule === "invalid_mechanism")', 'the Privacy Shield is invalid on 2020-08-01');
  const blockers = await h.text('#severity-count-blocker');
  assert.match(blockers, /[1-9]/, `blockers are counted: ${blockers}`);
  await h.screenshot('as-of-2020-08-01');
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});
