#!/usr/bin/env node
// `npm test`: the unit suite, then the browser suite (real Chromium) when Debian's chromium is
// installed, then one plain summary line: `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const extra = process.argv.slice(2);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const suites = [{ name: 'unit', args: [] }];
if (fs.existsSync(chromium)) suites.push({ name: 'browser', args: ['--config', 'tests/e2e/vitest.config.ts'] });
else console.log(`browser tests not run: no Chromium at ${chromium} (install it with: apt-get install -y chromium)`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladders-tests-'));
let passed = 0;
let failed = 0;
let ok = true;
for (const suite of suites) {
  const out = path.join(dir, `${suite.name}.json`);
  const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...suite.args, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, ...(process.stdout.isTTY ? {} : { NO_COLOR: '1' }) },
  });
  let suiteFailed = 0;
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += j.numPassedTests;
    suiteFailed = j.numFailedTests;
  }
  if (r.status !== 0) {
    ok = false;
    if (suiteFailed === 0) suiteFailed = 1;
    console.log(`${suite.name} suite failed (exit ${r.status ?? r.signal})`);
  }
  failed += suiteFailed;
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
