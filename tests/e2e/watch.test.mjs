// A vendor's published list watched from the window, against a web server this test starts
// on 127.0.0.1: the address entered in the vendor form, "Check now" storing the page as a new
// version and opening its changes, an unchanged page storing nothing, a changed page a new
// version, and a server error shown as a message with nothing stored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { harnessFor, openSample } from './webdriver.mjs';

const h = harnessFor('watch');
const VENDOR = 'Vercom S.A.';
const rows = [
  ['Amazon Web Services EMEA SARL', 'Luxembourg', 'Hosting'],
  ['Cloudflare, Inc.', 'United States', 'Web application firewall'],
  ['Twilio Inc.', 'United States', 'SMS delivery'],
];
let page = rows;
const table = (list) => ['| Subprocessor | Country | Service |', '|---|---|---|', ...list.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const server = createServer((request, response) => {
  if (request.url === '/subprocessors.md') {
    response.writeHead(200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    response.end(table(page));
  } else {
    response.writeHead(500);
    response.end('down');
  }
});
let base = '';

before(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  await openSample(h);
});

after(async () => {
  if (h.session) await h.quit().catch(() => {});
  await h.stop();
  server.close();
});

async function openVendor() {
  await h.script('document.querySelector("#list-changes-close, #list-import-close")?.click();');
  await h.click('[data-testid="nav-vendors"]');
  await h.click(`[data-testid="vendor-row"][data-name="${VENDOR}"]`);
  await h.find('[data-testid="vendor-detail"]');
}

async function watchAt(url) {
  await openVendor();
  await h.click('[data-testid="edit-vendor"]');
  // The form focuses (and so scrolls to) its first field as it opens: once it has, the user
  // goes down to the list's address.
  await h.until('document.activeElement?.id === "vendor-name"', 'the vendor form is open', 10000);
  await h.click('#vendor-list-url');
  await h.script('const i = document.querySelector("#vendor-list-url"); i.value = arguments[0]; i.dispatchEvent(new Event("input", { bubbles: true }));', [url]);
  await h.screenshot('vendor-form-list-url');
  await h.click('[data-testid="save-vendor"]');
  await h.find('[data-testid="check-list-now"]');
}

test('Check now stores the published list as a version to review, and nothing when unchanged', async () => {
  await watchAt(`${base}/subprocessors.md`);
  await h.screenshot('vendor-watched');
  await h.click('[data-testid="check-list-now"]');
  await h.find('[data-testid="list-changes"]');
  await h.until('document.querySelector("#change-added")?.textContent.includes("Twilio Inc.")', 'the fetched rows are compared with the last version');
  await h.screenshot('changes-of-fetched-list');

  await openVendor();
  await h.click('[data-testid="check-list-now"]');
  await h.until('document.querySelector("[data-testid=list-check-result]")?.textContent === "The published list is unchanged."', 'an unchanged page stores nothing');

  page = [...rows, ['Mailgun Technologies, Inc.', 'United States', 'E-mail']];
  await h.click('[data-testid="check-list-now"]');
  await h.find('[data-testid="list-changes"]');
  await h.until('document.querySelector("#change-added")?.textContent.includes("Mailgun Technologies, Inc.")', 'the added subprocessor is shown');
});

test('a server error is a message and stores nothing', async () => {
  await watchAt(`${base}/down`);
  await h.click('[data-testid="check-list-now"]');
  await h.until('document.querySelector("[data-testid=list-check-result]")?.textContent.includes("500")', 'the error is shown');
  await h.screenshot('check-failed');
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});
