#!/usr/bin/env node
// `npm test`: the unit suite, then the browser suite (real Chromium) when Debian's Chromium is
// installed, then the wall time of each suite and of the run, then one plain summary line:
// `tests: N passed, N failed`.
// The browser suite prefers Debian's headless shell (`apt-get install -y chromium-headless-shell`,
// the same Chromium build in classic headless mode: about a third of the CPU per test) and falls back
// to the full browser (`apt-get install -y chromium`). `CHROMIUM_PATH` picks another binary;
// `E2E_DIST=dist` tests an existing `npm run build` instead of building the site again (CI).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const started = performance.now();
const extra = process.argv.slice(2);
const chromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => fs.existsSync(p));
const suites = [{ name: 'unit', args: [], env: {} }];
if (chromium && fs.existsSync(chromium)) suites.push({ name: 'browser', args: ['--config', 'tests/e2e/vitest.config.ts'], env: { CHROMIUM_PATH: chromium } });
else console.log(`browser tests not run: no Chromium at ${chromium ?? '/usr/bin/chromium-headless-shell or /usr/bin/chromium'} (install it with: apt-get install -y chromium-headless-shell)`);

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-tests-'));
const times = [];
let passed = 0;
let failed = 0;
let ok = true;
for (const suite of suites) {
  const out = path.join(dir, `${suite.name}.json`);
  const suiteStarted = performance.now();
  const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...suite.args, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, ...suite.env, ...(process.stdout.isTTY ? {} : { NO_COLOR: '1' }) },
  });
  const wall = performance.now() - suiteStarted;
  let suitePassed = 0;
  let suiteFailed = 0;
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    suitePassed = j.numPassedTests;
    suiteFailed = j.numFailedTests;
  }
  if (r.status !== 0) {
    ok = false;
    if (suiteFailed === 0) suiteFailed = 1;
    console.log(`${suite.name} suite failed (exit ${r.status ?? r.signal})`);
  }
  passed += suitePassed;
  failed += suiteFailed;
  times.push(`${suite.name} ${seconds(wall)} (${suitePassed} passed, ${suiteFailed} failed)`);
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`time: ${times.join(', ')}; total ${seconds(performance.now() - started)}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
