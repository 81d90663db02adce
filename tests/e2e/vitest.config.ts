import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: production builds served by a static server, driven by playwright-core in Debian's
 * Chromium. Run with `npm run test:e2e` (`vitest run --config tests/e2e/vitest.config.ts [file…]`).
 * The global setup builds and serves each site once and launches one Chromium for the whole run; the
 * files run side by side in E2E_WORKERS workers (default 2), each test in a fresh browser context.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: Number(process.env.E2E_WORKERS) || 2,
    isolate: false,
  },
});
