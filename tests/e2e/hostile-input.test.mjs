// Hostile text in the real window: script and HTML payloads, a `javascript:` link, template
// braces, a right-to-left override and a 10,000-character text typed into the text fields
// of the organisation, an activity, a vendor, its DPA and a measure, and an imported
// subprocessor list full of them. Every screen shows them as text and runs nothing; the
// register PDF, the risk PDF, the CSV and the XLSX hold them as text too; and no key
// material is left in any file or log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appDataDir, secretsFound } from './secrets.mjs';
import { dropFile, harnessFor, keepRecoveryKit } from './webdriver.mjs';

const h = harnessFor('hostile-input');
const cli = process.env.DPADESK_E2E_CLI;
const PASSPHRASE = 'hostile input passphrase 7';
const out = mkdtempSync(path.join(tmpdir(), 'dpadesk-e2e-hostile-exports-'));

/** Each payload, and a piece of it that any faithful copy (CSV-quoted, wrapped) still holds. */
const P = {
  img: ['<img src=x onerror="window.__pwned=\'img\'">', '<img src=x onerror='],
  script: ['<script>window.__pwned="script"</script>', '<script>window.__pwned='],
  link: ['javascript:window.__pwned="link"', 'javascript:window.__pwned='],
  template: ['{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=2}', '{{constructor.constructor('],
  rtl: ['Invoice \u202Efdp.exe\u202C', 'fdp.exe'],
  svg: ['"><svg onload="window.__pwned=\'svg\'">', '><svg onload='],
  formula: ['=HYPERLINK("http://127.0.0.1/x","click")', 'HYPERLINK('],
};
const text = (k) => P[k][0];
// Words and one unbroken run, as a pasted contract clause or a long URL would be.
const LONG = `${'Clause <b>bold</b> and more words '.repeat(255)}${'x'.repeat(1400)}`.slice(0, 10000);
assert.equal(LONG.length, 10000);

const ORG = `Shop ${text('img')}`;
const ACTIVITY = `Loyalty ${text('script')}`;
const VENDOR = `Vendor ${text('svg')}`;
const SUB = `Sub ${text('img')}`;
const MEASURE = `Measure ${text('template')}`;

function dpadesk(args) {
  return execFileSync(cli, args, { env: { ...process.env, ...h.env, DPADESK_PASSPHRASE: PASSPHRASE }, encoding: 'utf8' });
}

before(async () => {
  assert.ok(cli, 'DPADESK_E2E_CLI names the built `dpadesk` (make test sets it)');
  await h.start();
  await h.launch();
  await h.click('[data-testid="mode-passphrase"]');
  await h.type('#passphrase', PASSPHRASE);
  await h.type('#repeat', PASSPHRASE);
  await h.click('[data-testid="create-vault"]');
  h.recoveryCode = await keepRecoveryKit(h);
  await h.click('[data-testid="load-sample"]');
  await h.find('[data-testid="shell"] [data-testid="home-view"]');
});

after(async () => {
  if (h.session) await h.quit().catch(() => {});
  await h.stop();
});

/**
 * Puts `values` ({ css: text }) into the fields as pasting does: the value, then `input`
 * and `change`. Every field must be there.
 */
async function fill(values) {
  const missing = await h.script(
    `const missing = [];
     for (const [css, value] of Object.entries(arguments[0])) {
       const el = document.querySelector(css);
       if (!el) { missing.push(css); continue; }
       el.value = value;
       el.dispatchEvent(new Event('input', { bubbles: true }));
       el.dispatchEvent(new Event('change', { bubbles: true }));
     }
     return missing;`,
    [values],
  );
  assert.deepEqual(missing, [], 'every field to fill is on the form');
}

/** What would show that a payload became markup or ran, on the screen as it is now. */
async function ranOrInjected() {
  return h.script(`
    const found = [];
    if (window.__pwned !== undefined) found.push('window.__pwned = ' + window.__pwned);
    for (const el of document.querySelectorAll('body *')) {
      if (el.tagName === 'SCRIPT' || (el.tagName === 'IMG' && el.getAttribute('src') === 'x') || (el.tagName === 'B' && el.textContent === 'bold')) found.push('<' + el.tagName + '>');
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) found.push(el.tagName + '[' + a.name + ']');
        if ((a.name === 'href' || a.name === 'src') && /^\\s*javascript:/i.test(a.value)) found.push(el.tagName + '[' + a.name + '=javascript:]');
      }
    }
    return found;`);
}

/** Clicks the row (`testid`, its `data-name` is `name`) once it is listed, on `cell` inside it when given. */
async function clickRow(testid, name, cell = null) {
  const row = `[...document.querySelectorAll("[data-testid=${testid}]")].find((r) => r.dataset.name === ${JSON.stringify(name)})`;
  await h.until(`Boolean(${row})`, `${name} is listed`);
  await h.script(`${row}${cell ? `.querySelector(${JSON.stringify(cell)})` : ''}.click();`);
}

/** Whether the page's text, or a field's value, holds `s`. */
const shown = (s) =>
  h.script(
    'return document.body.innerText.includes(arguments[0]) || [...document.querySelectorAll("input, textarea")].some((f) => f.value.includes(arguments[0]));',
    [s],
  );

async function openOrganisation() {
  await h.click('[data-testid="nav-home"]');
  await h.until(`[...document.querySelectorAll("[data-testid=org-card]")].length > 0`, 'the organisations are listed');
  await h.script('[...document.querySelectorAll("[data-testid=org-card]")].find((c) => c.dataset.orgName.startsWith("Shop ") || c.dataset.orgName.startsWith("Czajnik")).querySelector("[data-testid=org-open]").click();');
  await h.find('[data-testid="activity-table"], [data-testid="empty-state"]');
}

test('payloads typed into every text field are saved as typed and run nothing', async () => {
  await openOrganisation();
  await h.click('[data-testid="org-details"]');
  await h.find('#org-edit-name');
  await fill({
    '#org-edit-name': ORG,
    '#org-edit-registration': text('template'),
    '#org-edit-address': text('svg'),
    '#org-edit-authority': text('rtl'),
    '#org-edit-website': text('link'),
    '#org-edit-notes': LONG,
  });
  await h.click('[data-testid="save-organisation-details"]');
  await h.find('[data-testid="organisation-saved"]');
  assert.deepEqual(await ranOrInjected(), []);

  await h.click('[data-testid="nav-register"]');
  await h.click('[data-testid="new-activity"]');
  await h.find('#activity-name');
  await fill({
    '#activity-name': ACTIVITY,
    '#activity-reference': text('formula'),
    '#activity-description': LONG,
    '#owner-department': text('svg'),
    '#owner-name': text('rtl'),
  });
  await h.click('[data-testid="add-purpose"]');
  await h.choose('#purpose-0-basis', 'contract');
  await fill({ '#purpose-0-description': text('img'), '#purpose-0-detail': text('link') });
  await h.click('[data-testid="add-category"]');
  await fill({ '#category-0-name': text('template') });
  await h.screenshot('activity-with-payloads');
  await h.click('[data-testid="save-activity"]');
  await h.until(
    `[...document.querySelectorAll("[data-testid=activity-row]")].some((r) => r.dataset.name === ${JSON.stringify(ACTIVITY)})`,
    'the activity is listed under its hostile name',
  );
  assert.deepEqual(await ranOrInjected(), []);

  await h.click('[data-testid="nav-measures"]');
  await h.click('[data-testid="new-measure"]');
  await h.find('#measure-title');
  await h.choose('#measure-group', await h.script('return document.querySelector("#measure-group option:not([value=\'\'])").value;'));
  await fill({ '#measure-title': MEASURE, '#measure-description': text('script') });
  await h.click('[data-testid="save-measure"]');
  await h.until(`document.body.innerText.includes(${JSON.stringify(MEASURE)})`, 'the measure is listed');

  await h.click('[data-testid="nav-vendors"]');
  await h.click('[data-testid="new-vendor"]');
  await h.find('#vendor-name');
  await fill({
    '#vendor-name': VENDOR,
    '#vendor-country': 'US',
    '#vendor-address': text('img'),
    '#vendor-services': text('script'),
    '#vendor-aliases': text('template'),
    '#vendor-website': text('link'),
    '#vendor-contact-name': text('rtl'),
    '#vendor-notes': LONG,
  });
  await h.click('[data-testid="save-vendor"]');
  await h.until(
    `[...document.querySelectorAll("[data-testid=vendor-row]")].some((r) => r.dataset.name === ${JSON.stringify(VENDOR)})`,
    'the vendor is listed under its hostile name',
  );
  await clickRow('vendor-row', VENDOR);
  await h.click('[data-testid="new-dpa"]');
  await fill({ '#dpa-version': text('formula'), '#dpa-notes': text('svg') });
  await h.click('[data-testid="save-dpa"]');
  await h.find('[data-testid="edit-dpa"]');
  assert.deepEqual(await ranOrInjected(), []);

  // The vendor's list, as a CSV whose every cell is hostile.
  await h.click('#list-import-button');
  const cell = (s) => `"${s.replaceAll('"', '""')}"`;
  const csv = [
    ['Name', 'Country', 'Service', 'Location'],
    [SUB, 'Germany', text('script'), text('svg')],
    [`Other ${text('template')}`, 'United States', text('formula'), text('rtl')],
  ].map((r) => r.map(cell).join(',')).join('\r\n');
  await dropFile(h, '#list-drop-zone', 'subprocessors.csv', csv, 'text/csv');
  await h.find('#list-preview');
  assert.equal((await h.findAll('tbody.preview-row')).length, 2);
  assert.equal(await h.script('return document.querySelector("tbody.preview-row [data-field=name]").value;'), SUB);
  await h.date('#list-received-on', '2026-12-01');
  await h.click('#list-save');
  await h.find('#change-compared');
  await h.screenshot('list-with-payloads');
  assert.deepEqual(await ranOrInjected(), []);
  assert.ok(await shown(SUB), 'the subprocessor shows under its name, as text');
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});

test('every screen shows the payloads as text and runs none of them', async () => {
  await h.script('document.querySelector("#list-changes-close, #list-import-close")?.click();');
  await openOrganisation();
  const sections = ['home', 'organisation', 'register', 'processor', 'vendors', 'reminders', 'transfers', 'clients', 'measures', 'reports', 'history', 'settings'];
  // What each screen lists by name, so the payload is seen there as text.
  const expected = { home: ORG, organisation: ORG, register: ACTIVITY, vendors: VENDOR, measures: MEASURE };
  for (const section of sections) {
    await h.click(section === 'organisation' ? '[data-testid="org-details"]' : `[data-testid="nav-${section}"]`);
    await h.until('document.querySelector("[aria-busy=true]") === null', `${section} finished loading`, 30000);
    if (expected[section]) await h.until(`document.body.innerText.includes(${JSON.stringify(expected[section])}) || [...document.querySelectorAll("input, textarea")].some((f) => f.value === ${JSON.stringify(expected[section])})`, `${section} shows the payload as text`);
    assert.deepEqual(await ranOrInjected(), [], `on the ${section} screen`);
    await h.screenshot(`screen-${section}`);
  }

  // The activity, opened again, holds exactly what was typed.
  await h.click('[data-testid="nav-register"]');
  await clickRow('activity-row', ACTIVITY, 'td.name');
  await h.find('#activity-description');
  assert.equal(await h.script('return document.querySelector("#activity-description").value;'), LONG);
  assert.equal(await h.script('return document.querySelector("#activity-reference").value;'), text('formula'));
  assert.equal(await h.script('return document.querySelector("#owner-name").value;'), text('rtl'));
  await h.screenshot('activity-reopened');
  await h.click('[data-testid="cancel-activity"]');

  // The vendor's detail, its list and the transfer screen show the subprocessors as text.
  await h.click('[data-testid="nav-vendors"]');
  await clickRow('vendor-row', VENDOR);
  await h.find('#subprocessors');
  await h.until(`document.body.innerText.includes(${JSON.stringify(SUB)})`, 'the vendor shows its subprocessors as text');
  assert.ok(await shown(text('link')), 'the javascript: website shows as text');
  assert.deepEqual(await ranOrInjected(), [], 'on the vendor screen');
  await h.screenshot('vendor-detail');

  // Search finds the payload and lists it as text.
  await h.type('[data-testid="search-input"]', 'onerror');
  await h.find('[data-testid="search-hit"]');
  assert.deepEqual(await ranOrInjected(), [], 'in the search results');
  await h.screenshot('search');

  // The reports screen previews the register PDF, drawn from what the core wrote.
  await h.click('[data-testid="nav-reports"]');
  await h.choose('#report-kind', 'register');
  await h.choose('#report-format', 'pdf');
  await h.until('document.querySelector("#report-preview[aria-busy=false] canvas[data-page=\'1\']")', 'the register preview is drawn', 30000);
  await h.screenshot('register-preview');
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});

test('the PDFs, the CSV and the XLSX hold the payloads as text, and nothing active', () => {
  const written = (name, ...args) => {
    const file = path.join(out, name);
    dpadesk(['export', '--org', ORG, ...args, '--out', file]);
    return file;
  };
  for (const kind of ['register', 'risk']) {
    const pdf = written(`${kind}.pdf`, '--format', 'pdf', '--kind', kind);
    const raw = readFileSync(pdf, 'latin1');
    for (const active of ['/JavaScript', '/JS ', '/OpenAction', '/Launch', '/URI']) assert.ok(!raw.includes(active), `no ${active} in the ${kind} PDF`);
    const words = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const pieces = kind === 'register' ? ['img', 'script', 'svg', 'template', 'link', 'formula'] : ['img'];
    for (const k of pieces) assert.ok(words.includes(P[k][1].replace(/\s+/g, ' ')), `the ${kind} PDF shows the ${k} payload as text`);
    if (kind === 'register') assert.ok(words.includes('x'.repeat(60)), 'the long unbroken text is printed, broken into lines');
  }
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '3', path.join(out, 'register.pdf'), path.join(h.artifacts, 'register-pdf')]);

  const csv = readFileSync(written('register.csv', '--format', 'csv'), 'utf8');
  for (const k of ['img', 'script', 'svg', 'template', 'link', 'rtl']) assert.ok(csv.includes(P[k][1]), `the CSV holds the ${k} payload`);
  assert.ok(csv.includes("'=HYPERLINK("), 'a formula start is neutralised in the CSV');
  assert.ok(!/(^|[,;"])=HYPERLINK/m.test(csv), 'no cell of the CSV starts a formula');

  const xlsx = written('register.xlsx', '--format', 'xlsx');
  const sheets = execFileSync(
    'python3',
    ['-c', 'import html, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist():\n    if n.endswith(".xml"): print(z.read(n).decode())', xlsx],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  assert.ok(!/<f[ >]/.test(sheets), 'the XLSX holds no formula');
  const unescaped = sheets.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
  for (const k of ['img', 'script', 'svg', 'template', 'link', 'rtl', 'formula']) assert.ok(unescaped.includes(P[k][1]), `the XLSX holds the ${k} payload as text`);
});

test('no key material in any file or log the run left', async () => {
  await h.closeAsUser();
  const found = secretsFound(
    { passphrase: PASSPHRASE, 'recovery code': h.recoveryCode },
    [path.dirname(h.env.DPADESK_VAULT), appDataDir(), h.artifacts, out],
    { 'the driver and the app printed': h.driverLog },
  );
  assert.deepEqual(found, []);
});
