// A small W3C WebDriver client and the harness that runs the real DPA Desk window:
// Xvfb for a display, tauri-driver (over WebKitWebDriver) to drive it, a screenshot per step.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';

/** The checkout, where artifacts and fixtures are. */
export const root = path.resolve(import.meta.dirname, '../..');

/** The sample's controller, the organisation most tests work on. */
export const SHOP = 'Czajnik i Filiżanka Sp. z o.o.';

/**
 * A harness for one test file: the built app (DPADESK_E2E_APP) on a new vault in a private
 * home, its screenshots in artifacts/e2e/<name>/.
 */
export function harnessFor(name) {
  const home = mkdtempSync(path.join(tmpdir(), `dpadesk-e2e-${name}-`));
  const env = { DPADESK_VAULT: path.join(home, 'vault.dpadesk'), XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') };
  return new Harness({ application: process.env.DPADESK_E2E_APP, artifacts: path.join(root, 'artifacts', 'e2e', name), env });
}

/** Starts the window on its new vault, loads the sample and opens the shop's register. */
export async function openSample(h) {
  if (!h.application) throw new Error('DPADESK_E2E_APP names the built app (make test sets it)');
  await h.start();
  await h.launch();
  await h.click('[data-testid="create-vault"]');
  await keepRecoveryKit(h);
  await h.click('[data-testid="load-sample"]');
  await h.find('[data-testid="shell"] [data-testid="home-view"]');
  await h.click(`[data-testid="org-card"][data-org-name="${SHOP}"] [data-testid="org-open"]`);
  await h.find('[data-testid="activity-table"], [data-testid="empty-state"]');
}

/**
 * On the recovery kit screen, does what the user does: reads the code, types back the group
 * the screen asks for, and goes on. Returns the code.
 */
export async function keepRecoveryKit(h) {
  await h.find('[data-testid="recovery-kit"] [data-testid="recovery-code"]');
  const { code, asked } = await h.script(
    `const box = document.querySelector('[data-testid="recovery-code"]');
     return { code: [...box.querySelectorAll('[data-group]')].map((g) => g.textContent).join('-'), asked: Number(box.dataset.asked) };`,
  );
  await h.type('#kit-check', code.split('-')[asked]);
  await h.click('[data-testid="recovery-kit-done"]');
  return code;
}

/** Drops a file onto the drop zone `zone` as the desktop does: dragenter, dragover, drop. */
export async function dropFile(h, zone, name, content, type = 'text/plain') {
  await h.find(zone);
  await h.script(
    `const [zone, name, content, type] = arguments;
     const data = new DataTransfer();
     data.items.add(new File([content], name, { type }));
     const target = document.querySelector(zone);
     for (const kind of ['dragenter', 'dragover', 'drop']) {
       target.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: data }));
     }`,
    [zone, name, content, type],
  );
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class Harness {
  constructor({ application, artifacts, env }) {
    this.application = application;
    this.artifacts = artifacts;
    this.env = env;
    this.processes = [];
    this.port = 4444 + Math.floor(Math.random() * 1000);
    this.step = 0;
    mkdirSync(artifacts, { recursive: true });
  }

  async start() {
    this.display = await startXvfb(this.processes);
    const driver = spawn('tauri-driver', ['--port', String(this.port), '--native-port', String(this.port + 1)], {
      env: { ...process.env, ...this.env, DISPLAY: this.display },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    driver.stderr.on('data', (d) => (this.driverLog = (this.driverLog ?? '') + d));
    this.processes.push(driver);
    await waitFor(async () => {
      try {
        return (await fetch(`http://127.0.0.1:${this.port}/status`)).ok;
      } catch {
        return false;
      }
    }, 20000, 'tauri-driver did not start');
  }

  async stop() {
    for (const p of this.processes.splice(0).reverse()) p.kill('SIGTERM');
    await sleep(300);
  }

  async request(method, url, body) {
    const res = await fetch(`http://127.0.0.1:${this.port}${url}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json.value ?? json)}`);
    return json.value;
  }

  /** Starts the app; resolves when the window is up. */
  async launch() {
    const value = await this.request('POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application: this.application } } },
    });
    this.session = value.sessionId;
  }

  /**
   * Closes the window as a user does, with the window manager's close button (WebDriver
   * can only kill the app), and waits until the app has closed its vault: the WAL beside
   * the vault file is gone once every change is in the file itself.
   */
  async closeAsUser() {
    execFileSync('python3', [path.join(import.meta.dirname, 'close-window.py'), 'DPA Desk'], {
      env: { ...process.env, DISPLAY: this.display },
    });
    const wal = `${this.env.DPADESK_VAULT}-wal`;
    await waitFor(async () => !existsSync(wal), 10000, 'the app did not close its vault');
    // The app is gone; its session only needs forgetting, which the driver may not answer.
    await fetch(`http://127.0.0.1:${this.port}/session/${this.session}`, { method: 'DELETE', signal: AbortSignal.timeout(3000) }).catch(() => {});
    this.session = undefined;
  }

  /** Ends the app (WebDriver kills it). */
  async quit() {
    await this.request('DELETE', `/session/${this.session}`);
    this.session = undefined;
    await sleep(500);
  }

  s(url) {
    return `/session/${this.session}${url}`;
  }

  async find(css, timeout = 10000) {
    let found;
    await waitFor(async () => {
      try {
        found = await this.request('POST', this.s('/element'), { using: 'css selector', value: css });
        return true;
      } catch {
        return false;
      }
    }, timeout, `no element ${css}`);
    return found[ELEMENT];
  }

  async findAll(css) {
    const list = await this.request('POST', this.s('/elements'), { using: 'css selector', value: css });
    return list.map((e) => e[ELEMENT]);
  }

  async click(css) {
    // A screen that re-renders while it loads (a card replacing its placeholder) can swap the
    // element between finding and clicking it; as a user aims again, so does this.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const id = await this.find(css);
        // As a user scrolls a control into the middle of the window before clicking it:
        // WebKit's own scrolling leaves controls at the very edge, where a click can miss.
        await this.script('arguments[0].scrollIntoView({ block: "center" });', [{ [ELEMENT]: id }]);
        await this.request('POST', this.s(`/element/${id}/click`), {});
        return;
      } catch (e) {
        if (attempt >= 3 || !String(e?.message ?? e).includes('stale element')) throw e;
      }
    }
  }

  async type(css, text) {
    const id = await this.find(css);
    await this.request('POST', this.s(`/element/${id}/clear`), {});
    await this.request('POST', this.s(`/element/${id}/value`), { text });
  }

  /** Picks the option with `value` in the select `css`, as a user clicking it would. */
  async choose(css, value) {
    await this.click(`${css} option[value="${value}"]`);
  }

  /**
   * Fills a date input. WebKitGTK's date fields take keys in the display format of the
   * system locale, so the ISO date is set the way the date picker sets it: value, then `input`.
   */
  async date(css, iso) {
    const id = await this.find(css);
    await this.script(
      'const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event("input", { bubbles: true })); el.dispatchEvent(new Event("change", { bubbles: true }));',
      [{ [ELEMENT]: id }, iso],
    );
  }

  /** Waits until the page's `predicate` (a JS expression) is true. */
  async until(predicate, message, timeout = 10000) {
    await waitFor(async () => Boolean(await this.script(`return (${predicate});`)), timeout, message);
  }

  async text(css) {
    const id = await this.find(css);
    return this.request('GET', this.s(`/element/${id}/text`));
  }

  async script(body, args = []) {
    return this.request('POST', this.s('/execute/sync'), { script: body, args });
  }

  /** Saves a screenshot of the window as NN-name.png in the artifacts folder. */
  async screenshot(name) {
    this.step += 1;
    // Let the last change paint before the picture is taken.
    await this.request('POST', this.s('/execute/async'), {
      script: 'const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(true), 50)));',
      args: [],
    });
    const png = await this.request('GET', this.s('/screenshot'));
    const file = path.join(this.artifacts, `${String(this.step).padStart(2, '0')}-${name}.png`);
    writeFileSync(file, Buffer.from(png, 'base64'));
    return file;
  }

  /** Errors the page logged (console.error, uncaught errors, rejected promises). */
  async consoleErrors() {
    return this.script('return window.__dpadeskConsoleErrors ?? null;');
  }
}

async function startXvfb(processes) {
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1440x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  processes.push(xvfb);
  const display = await new Promise((resolve, reject) => {
    xvfb.stdout.once('data', (d) => resolve(`:${String(d).trim()}`));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return display;
}

export async function waitFor(check, timeout, message) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(message);
}
