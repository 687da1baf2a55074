// Reports in the real window, on the sample data: the Art. 30 register previewed in Polish
// and the transfer-risk report in German (the first pages drawn from the PDF the core
// makes), a spreadsheet format without a preview, and a handover file that is not one
// refused with a message while the vault stays as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, harnessFor, openSample } from './webdriver.mjs';

const h = harnessFor('reports');

before(() => openSample(h));

after(async () => {
  if (h.session) await h.quit().catch(() => {});
  await h.stop();
});

/** True once the preview of `kind` in `lang` has drawn its first page onto a canvas with something on it. */
const drawn = (kind, lang) => `(() => {
  const c = document.querySelector('#report-preview[data-kind="${kind}"][data-lang="${lang}"][aria-busy="false"] canvas[data-page="1"]');
  if (!c || c.width === 0) return false;
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  for (let i = 0; i < data.length; i += 4 * 97) if (data[i] < 200) return true;
  return false;
})()`;

test('the register and the risk report are previewed from the PDF the core makes', async () => {
  await h.click('[data-testid="nav-reports"]');
  await h.choose('#report-kind', 'register');
  await h.choose('#report-format', 'pdf');
  await h.choose('#report-lang', 'pl');
  await h.until(drawn('register', 'pl'), 'the first page of the Polish register is drawn', 30000);
  await h.screenshot('register-pl');

  await h.choose('#report-kind', 'risk');
  await h.choose('#report-lang', 'de');
  await h.until(drawn('risk', 'de'), 'the first page of the German risk report is drawn', 30000);
  await h.screenshot('risk-de');

  await h.choose('#report-kind', 'register');
  await h.choose('#report-format', 'xlsx');
  await h.find('[data-testid="report-no-preview"]');
});

test('a file that is no handover file is refused and changes nothing', async () => {
  await h.click('[data-testid="nav-reports"]');
  const before = await h.script('return document.querySelectorAll("#org-switcher option").length;');
  await dropFile(
    h,
    '#org-import-drop',
    'handover.json',
    '{"format": "dpadesk-organisation", "version": 99, "organisation": "<img src=x onerror=alert(1)>"}',
    'application/json',
  );
  await h.find('#org-import-error');
  await h.screenshot('import-refused');
  assert.equal(await h.script('return document.querySelectorAll("#org-switcher option").length;'), before, 'no organisation was added');
  assert.deepEqual(await h.consoleErrors(), [], 'the page logged no errors');
});
