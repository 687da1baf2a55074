// The transfer-risk dashboard in the real window, on the sample data: a finding followed to
// its record, fixed there, and gone from the dashboard; the as-of date set back to 2020 to
// see the Privacy Shield set-up clean before Schrems II and invalid after it; a missing TIA
// documented in the guided form; the map of flows; a what-if run; a vendor's chain; the
// cross-client view; the home screen's counts; a vendor's DPF check recorded; the findings
// in another language; and a reference dataset loaded in Settings (a bad file refused first).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHOP, harnessFor, openSample, root } from './webdriver.mjs';

const h = harnessFor('transfers');

before(() => openSample(h));

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

/** Today on this computer as `YYYY-MM-DD`, as the window computes it. */
function isoDay(offsetDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function count(rule) {
  return (await rules()).filter((r) => r === rule).length;
}

test('a missing TIA documented in the guided form leaves the dashboard', async () => {
  await openDashboard();
  await h.click('#transfers-today');
  await h.until('document.querySelector("[data-testid=finding][data-rule=tia_missing]")', 'a missing TIA is a finding today');
  const before = await count('tia_missing');
  await h.click('[data-testid="finding"][data-rule="tia_missing"] [data-testid="finding-assess-tia"]');
  await h.find('#tia-form');
  const covered = await h.script('const el = document.elementFromPoint(60, 84); return el ? el.closest("#tia-form") !== null || el.classList.contains("backdrop") : null;');
  assert.equal(covered, true, 'the dialog covers the whole window, the sidebar\'s search included');
  await h.click('#tia-use-notes');
  await h.until('document.querySelector("#tia-law-assessment").value.length > 50', 'the dataset\'s notes on US law are used');
  await h.click('[data-measure="encryption_keys_in_eea"]');
  await h.click('[data-conclusion="equivalent_with_measures"]');
  await h.date('#tia-assessed-on', isoDay(-1));
  await h.date('#tia-re-evaluate-on', isoDay(365));
  await h.screenshot('tia-form');
  await h.click('#tia-save');
  await h.until('!document.querySelector("#tia-form")', 'the form closes once saved');
  // The TIA covers its transfer in every activity that uses the vendor: at least one fewer.
  await h.until(`[...document.querySelectorAll("[data-testid=finding]")].filter((f) => f.dataset.rule === "tia_missing").length < ${before}`, 'fewer missing TIAs');
});

test('the map draws the flows; a what-if run lists what would lose its basis', async () => {
  await openDashboard();
  await h.click('#transfers-tab-map');
  await h.find('#flow-map button[data-country="US"]');
  await h.screenshot('map');
  await h.click('#flow-map button[data-country="US"]');
  await h.until('document.querySelector("#flow-map-detail")?.textContent.includes("Google LLC")', 'the US destination lists its recipients');
  await h.screenshot('map-us');

  await h.click('#transfers-what-if');
  await h.choose('#what-if-kind', 'instrument_invalidated');
  await h.choose('#what-if-instrument', '(EU) 2021/914');
  await h.click('#what-if-run');
  await h.until('document.querySelector("#what-if-result")?.textContent.includes("Chargebee")', 'the SCC-based transfers would lose their basis');
  await h.screenshot('what-if');
});

test("a vendor's chain, the cross-client view and the home screen's counts", async () => {
  await h.click('[data-testid="nav-vendors"]');
  await h.click('[data-testid="vendor-row"][data-name="CA Customer Alliance GmbH"]');
  await h.find('#vendor-chain [data-testid="chain-hop"][data-recipient="Google LLC"]');
  await h.script('document.querySelector("#vendor-chain").scrollIntoView()');
  await h.screenshot('vendor-chain');

  await h.click('[data-testid="nav-clients"]');
  await h.choose('#clients-country', 'US');
  await h.until(`[...document.querySelectorAll("[data-testid=clients-group]")].some((g) => g.dataset.org === ${JSON.stringify(SHOP)})`, 'the shop sends data to the US');
  await h.screenshot('across-clients');

  await h.click('[data-testid="nav-home"]');
  await h.find(`[data-testid="org-card"][data-org-name="${SHOP}"] [data-testid="org-findings"]`);
  await h.screenshot('home-findings');
});

test("a vendor checked and not found on the DPF list is recorded with the day and the entry", async () => {
  await h.click('[data-testid="nav-vendors"]');
  await h.click('[data-testid="vendor-row"][data-name="Cloudflare, Inc."]');
  await h.click('[data-testid="edit-vendor"]');
  await h.choose('#vendor-dpf', 'outside');
  await h.date('#vendor-dpf-checked-on', '2026-11-02');
  await h.type('#vendor-dpf-source', 'https://www.dataprivacyframework.gov/list');
  await h.click('[data-testid="add-scope-check"]');
  await h.script('document.querySelector("[data-testid=scope-check]").scrollIntoView()');
  await h.screenshot('vendor-scope-checks');
  await h.click('[data-testid="remove-scope-check"]');
  await h.click('[data-testid="save-vendor"]');
  await h.until('document.querySelector("[data-testid=dpf-badge]")?.textContent === "Not on the DPF list"', 'the detail shows the vendor is not on the list');
  // Read back from the vault, not from the form: another screen and back.
  await h.click('[data-testid="nav-home"]');
  await h.click('[data-testid="nav-vendors"]');
  await h.click('[data-testid="vendor-row"][data-name="Cloudflare, Inc."]');
  await h.until('document.querySelector("[data-testid=vendor-detail]")?.textContent.includes("https://www.dataprivacyframework.gov/list")', 'the check keeps where it was made');
  const detail = await h.text('[data-testid="vendor-detail"]');
  assert.match(detail, /Not certified \(checked on .*2026/, detail);
  await h.screenshot('vendor-not-on-dpf-list');
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});

test('the core words the findings in the language chosen in Settings', async () => {
  await h.click('[data-testid="nav-settings"]');
  await h.choose('#language', 'de');
  await openDashboard();
  const inGerman = '[...document.querySelectorAll("[data-testid=finding-message]")].some((m) => m.textContent.includes("Daten gehen an"))';
  await h.until(inGerman, 'the findings are worded in German');
  await h.script('document.querySelector("[data-testid=finding] details").open = true;');
  await h.screenshot('findings-de');
  await h.click('[data-testid="nav-settings"]');
  await h.choose('#language', 'en');
  await openDashboard();
  await h.until('[...document.querySelectorAll("[data-testid=finding-message]")].some((m) => m.textContent.includes("data go to"))', 'back in English');
});

test('Settings refuses a bad dataset file and uses a newer one', async () => {
  await h.click('[data-testid="nav-settings"]');
  const builtin = await h.text('#dataset-version');
  // The rows not confirmed from an official text are listed, each with where to read it.
  await h.click('[data-testid="dataset-to-verify"] summary');
  const rows = await h.script('return [...document.querySelectorAll("[data-testid=dataset-row-to-verify]")].map((r) => r.textContent);');
  assert.ok(rows.some((r) => r.includes('2002/16/EC') && r.includes('eur-lex.europa.eu')), rows.join('\n'));
  assert.match(await h.text('#dataset-unverified'), new RegExp(`^${rows.length} rows`));
  await h.script('document.querySelector("[data-testid=dataset-to-verify]").scrollIntoView()');
  await h.screenshot('dataset-rows-to-verify');
  /** Hands the file input a file, as the system's file chooser does. */
  const pick = (name, content) =>
    h.script(
      `const input = document.querySelector('#dataset-file');
       const data = new DataTransfer();
       data.items.add(new File([arguments[1]], arguments[0], { type: 'application/json' }));
       input.files = data.files;
       input.dispatchEvent(new Event('change', { bubbles: true }));`,
      [name, content],
    );
  await pick('dataset.json', '{"format": 1, "version": "<script>alert(1)</script>"}');
  await h.find('#dataset-error');
  assert.equal(await h.text('#dataset-version'), builtin, 'the dataset in use stays');
  await h.screenshot('dataset-refused');

  const newer = JSON.parse(readFileSync(path.join(root, 'crates/transfer/data/dataset.json'), 'utf8'));
  newer.version = '2099.01.1';
  newer.date = '2099-01-01';
  await pick('dataset-2099.json', JSON.stringify(newer));
  await h.until('document.querySelector("#dataset-version")?.textContent.includes("2099.01.1")', 'the newer dataset is in use');
  await h.screenshot('dataset-loaded');
  await h.click('#dataset-reset');
  await h.click('#dataset-reset-confirm');
  await h.until(`document.querySelector("#dataset-version")?.textContent === ${JSON.stringify(builtin)}`, 'back to the built-in dataset');
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});
