// Subprocessor lists in the real window: a vendor's list dropped onto the window, one cell
// corrected, saved; a second version with one subprocessor added and one moved to the US;
// the change screen with its "object by" date and the activities concerned; the review.
// Also: a file that is not a list, and a list full of <script>, change nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropFile, Harness, keepRecoveryKit } from './webdriver.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const application = process.env.DPADESK_E2E_APP;
const artifacts = path.join(root, 'artifacts', 'e2e', 'import');
const home = mkdtempSync(path.join(tmpdir(), 'dpadesk-e2e-import-'));
const env = { DPADESK_VAULT: path.join(home, 'vault.dpadesk'), XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') };
const h = new Harness({ application, artifacts, env });

// The seed documents live beside the project, not in it; a clone without them skips the seed step.
const seed = path.resolve(root, '../shared/seeds/004_cb320d4bb132b0b8.txt');
const VENDOR = 'CA Customer Alliance GmbH';
const SHOP = 'Czajnik i Filiżanka Sp. z o.o.';

before(async () => {
  assert.ok(application, 'DPADESK_E2E_APP names the built app (make test sets it)');
  await h.start();
  await h.launch();
  await h.click('[data-testid="create-vault"]');
  await keepRecoveryKit(h);
  await h.click('[data-testid="load-sample"]');
  await h.find('[data-testid="shell"] [data-testid="home-view"]');
});

after(async () => {
  if (h.session) await h.quit().catch(() => {});
  await h.stop();
});

/** Calls a command the way the page does, to read what the vault holds. */
async function invoke(command, args = {}) {
  const result = await h.request('POST', h.s('/execute/async'), {
    script: 'const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then((v) => done({ ok: v }), (e) => done({ error: e }));',
    args: [command, args],
  });
  assert.ok(!result.error, `${command}: ${JSON.stringify(result.error)}`);
  return result.ok;
}

/** Drops a file onto the list's drop zone. */
const drop = (name, content, type) => dropFile(h, '#list-drop-zone', name, content, type);

/** Opens the vendor's detail, leaving any import or change screen first. */
async function openVendor() {
  await h.script('document.querySelector("#list-changes-close, #list-import-close")?.click();');
  await h.click('[data-testid="nav-vendors"]');
  await h.click(`[data-testid="vendor-row"][data-name="${VENDOR}"]`);
  await h.find('#subprocessors');
}

async function versions() {
  const vendor = (await invoke('vendor_list')).find((v) => v.legal_name === VENDOR);
  return invoke('subprocessor_list_list', { vendor: vendor.id });
}

const PHRASES = { scc: 'Standard Contractual Clauses', dpf: 'Data Privacy Framework', adequacy: 'Adequacy decision', bcr: 'Binding Corporate Rules', dpa_only: 'DPA', privacy_shield: 'Privacy Shield', art49: 'Art. 49 derogation' };
const cell = (text) => `"${String(text ?? '').replaceAll('"', '""')}"`;

/** The entries as a semicolon CSV, as a vendor would publish its next list. */
function csv(entries) {
  const lines = [['Name', 'Address', 'Country', 'Service', 'Location', 'Transfer mechanism'].join(';')];
  for (const e of entries) {
    lines.push([e.name, e.address, e.country ?? '', e.service, e.processing_location, PHRASES[e.mechanism] ?? ''].map(cell).join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

test('a dropped list is previewed, corrected and saved as a new version', { skip: !existsSync(seed) && 'the seed documents are not beside this clone' }, async () => {
  await openVendor();
  const before = (await versions()).length;
  await h.click('#list-import-button');
  await h.screenshot('drop-zone');
  await drop('annex-3.txt', readFileSync(seed, 'utf8'));
  await h.find('#list-preview');
  const rows = await h.findAll('tbody.preview-row');
  assert.equal(rows.length, 14, 'the fourteen subprocessors of the annex');
  await h.screenshot('preview');

  await h.type('tbody.preview-row[data-row="0"] [data-field="service"]', 'Web hosting (checked)');
  await h.date('#list-received-on', '2026-12-01');
  await h.click('#list-save');
  await h.find('#change-compared');
  await h.screenshot('change-after-first-import');

  const saved = await versions();
  assert.equal(saved.length, before + 1);
  const newest = saved.at(-1);
  assert.equal(newest.received_on, '2026-12-01');
  assert.equal(newest.entries[0].service, 'Web hosting (checked)', 'the corrected cell is what was saved');
  assert.equal(newest.entries.length, 14);
});

test('a second version shows the added and the moved subprocessor, the object-by date and the activities', async () => {
  const base = (await versions()).at(-1);
  const entries = base.entries.map((e) => ({ ...e }));
  const moved = entries.find((e) => e.mechanism === 'eea' && e.country && e.country !== 'US') ?? entries[0];
  moved.country = 'US';
  moved.processing_location = 'United States';
  moved.mechanism = 'scc';
  entries.push({ name: 'Zendesk, Inc.', address: '989 Market Street, San Francisco, CA 94103', country: 'US', service: 'Customer support tickets', processing_location: 'United States', mechanism: 'dpf' });

  await openVendor();
  await h.click('#list-import-button');
  await drop('subprocessors-2026-12.csv', csv(entries), 'text/csv');
  await h.find('#list-preview');
  assert.equal((await h.findAll('tbody.preview-row')).length, base.entries.length + 1);
  await h.date('#list-received-on', '2026-12-20');
  await h.click('#list-save');
  await h.find('#change-compared');

  assert.match(await h.text('#change-count-added'), /\b1\b/);
  assert.match(await h.text('#change-count-changed'), /\b1\b/);
  assert.match(await h.text('#change-count-removed'), /\b0\b/);
  await h.find('#change-added .change-entry[data-name="Zendesk, Inc."]');
  await h.find(`#change-changed .change-entry[data-name="${moved.name}"]`);

  const impact = await h.script(
    `return [...document.querySelectorAll('[id^="organisation-impact-"]')].map((el) => ({
       id: el.id, text: el.textContent, date: el.querySelector('[id^="object-by-"]')?.dataset.date ?? null }));`,
  );
  const shop = impact.find((i) => i.text.includes(SHOP));
  assert.ok(shop, `the shop using the vendor is concerned: ${JSON.stringify(impact)}`);
  assert.equal(shop.date, '2027-01-03', 'received 2026-12-20 plus the DPA’s 14 days');
  assert.ok(shop.text.includes('Customer reviews and satisfaction surveys'), 'the activity using the vendor is named');
  await h.screenshot('change-second-version');

  // The shop's letter to the vendor: filled in and looked at, not saved (saving asks the
  // system's own dialog, which WebDriver cannot answer).
  await h.click(`#${shop.id} [data-testid="objection-letter"]`);
  await h.type('#objection-reasons', 'Zendesk moves support tickets to the United States without a transfer impact assessment.');
  await h.type('#objection-place', 'Kraków');
  await h.screenshot('objection-letter');
  await h.click('[data-testid="objection-cancel"]');
  await h.find(`#${shop.id} [data-testid="objection-letter"]`);

  await h.click('#review-status-objected');
  await h.type('#review-note', 'Hosting moves to the US; no transfer impact assessment yet.');
  await h.click('#review-save');
  await h.find('#review-saved[data-status="objected"]');
  const reviewed = (await versions()).at(-1);
  assert.equal(reviewed.review.status, 'objected');
  assert.equal(reviewed.review.decided_on?.length, 10, 'the decision is dated');
  await h.screenshot('change-reviewed');
});

test('a file that is no list, and a list full of scripts, change nothing and run nothing', async () => {
  await openVendor();
  const count = (await versions()).length;
  await h.click('#list-import-button');
  const noise = Array.from({ length: 2048 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  await drop('list.xlsx', noise, 'application/octet-stream');
  const message = await h.text('#list-import-error');
  assert.ok(message.length > 10, `a clear message: ${message}`);

  const hostile = `<html><body onload="window.__pwned = 'onload'">
    <script>window.__pwned = 'script';</script>
    <table><tr><th>Subprocessor</th><th>Country</th><th>Service</th></tr>
    <tr><td>Evil Hosting Ltd<script>window.__pwned = 'cell'</script></td><td onclick="window.__pwned = 'click'">Germany</td><td><img src="x" onerror="window.__pwned = 'img'">Hosting</td></tr>
    </table></body></html>`;
  await drop('list.html', hostile, 'text/html');
  await h.find('#list-preview');
  const page = await h.script(
    'return { pwned: window.__pwned ?? null, scripts: document.querySelectorAll("#list-preview script, #list-preview img").length, name: document.querySelector("[data-field=name]").value };',
  );
  assert.equal(page.pwned, null, 'nothing from the list ran');
  assert.equal(page.scripts, 0, 'no element came from the list');
  assert.equal(page.name, 'Evil Hosting Ltd');
  await h.click('#list-discard');
  assert.equal((await versions()).length, count, 'nothing was stored');
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});
