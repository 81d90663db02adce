import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Runs only the notebook e2e test (the root config excludes tests/e2e). */
export default defineConfig({
  root: resolve(import.meta.dirname, '../../..'),
  test: {
    include: ['tests/e2e/notebooks.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
