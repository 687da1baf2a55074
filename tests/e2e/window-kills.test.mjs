// The window killed (SIGKILL) while it saves: each time the vault passes `dpadesk doctor`,
// the activity being saved is either wholly there or absent, and one the window showed as
// saved before the kill is there. DPADESK_WINDOW_KILLS runs (3 in `make test`, more in
// `make crash`); the tally goes to artifacts/e2e/window-kills/tally.json.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { harnessFor, openSample, SHOP } from './webdriver.mjs';

const h = harnessFor('window-kills');
const cli = process.env.DPADESK_E2E_CLI;
const runs = Number(process.env.DPADESK_WINDOW_KILLS ?? 3);

function dpadesk(args) {
  return execFileSync(cli, args, { env: { ...process.env, ...h.env }, encoding: 'utf8' });
}

/** Kills every process of the app under test at once, as a power cut or the OOM killer does. */
function killApp() {
  const pids = execFileSync('pgrep', ['-f', h.application], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return pids.length;
}

before(async () => {
  assert.ok(cli, 'DPADESK_E2E_CLI names the built `dpadesk` (make test sets it)');
  await openSample(h);
});

after(async () => {
  if (h.session) await h.quit().catch(() => {});
  await h.stop();
});

test(`the window killed while saving, ${runs} times: nothing half-written, nothing shown as saved lost`, async () => {
  const tally = { runs, saved_before_kill: 0, absent: 0, whole: 0 };
  for (let run = 0; run < runs; run++) {
    if (run > 0) {
      await h.launch();
      await h.click(`[data-testid="org-card"][data-org-name="${SHOP}"] [data-testid="org-open"]`);
    }
    const name = `Killed while saving ${run}`;
    await h.click('[data-testid="new-activity"]');
    await h.type('#activity-name', name);
    await h.click('[data-testid="add-purpose"]');
    await h.type('#purpose-0-description', `Purpose of run ${run}`);
    await h.click('[data-testid="save-activity"]');
    await sleep(Math.floor(Math.random() * 120));
    const shown = await h.script(
      'return [...document.querySelectorAll("[data-testid=activity-row]")].some((r) => r.textContent.includes(arguments[0]));',
      [name],
    ).catch(() => false);
    assert.ok(killApp() > 0, 'the app was running');
    // The driver still counts the dead app's session until it is ended.
    await fetch(`http://127.0.0.1:${h.port}/session/${h.session}`, { method: 'DELETE', signal: AbortSignal.timeout(3000) }).catch(() => {});
    h.session = undefined;
    await sleep(300);

    // Exits 1, failing the run, on any damage; the report then says which.
    const doctor = JSON.parse(dpadesk(['doctor', '--json']));
    assert.deepEqual([doctor.damaged_pages, doctor.integrity, doctor.foreign_keys], [[], [], []], `run ${run}: the vault is sound`);
    const stored = JSON.parse(dpadesk(['activity', 'list', '--org', SHOP, '--json'])).filter((a) => a.name === name);
    assert.ok(stored.length <= 1, `run ${run}: saved at most once`);
    if (stored.length === 1) {
      tally.whole += 1;
      assert.equal(stored[0].purposes?.[0]?.description, `Purpose of run ${run}`, `run ${run}: saved whole`);
    } else {
      tally.absent += 1;
      assert.ok(!shown, `run ${run}: the window showed "${name}" as saved, and it is gone`);
    }
    if (shown) tally.saved_before_kill += 1;
  }
  writeFileSync(path.join(h.artifacts, 'tally.json'), JSON.stringify(tally, null, 2) + '\n');
  console.log(`window kills: ${JSON.stringify(tally)}`);
});
