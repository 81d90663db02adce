import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from './browser.ts';
import { ROOT, buildApp, buildNotebooks, notebookSources } from './builds.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build of the bundled ladders: the app at `/`, the notebooks at `/notebooks/`. */
    baseUrl: string;
    /** The app built on the bundled ladders plus the fixture companies (see fixtures/README.md). */
    fixtureUrl: string;
    /**
     * The notebooks built on another data folder, at `/notebooks/`: the companies of
     * tests/fixtures/unseen plus the hostile fixture company (see fixtures/README.md).
     */
    otherDataUrl: string;
    /** The shared Chromium (playwright `chromium.connect`). */
    browserEndpoint: string;
  }
}

/** Builds started so far (awaited before the work folder is removed). */
const started: Promise<void>[] = [];

/** A build started on first use and never twice. */
function once(build: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    if (!running) started.push((running = build()));
    return running;
  };
}

/**
 * Everything the browser files share, made once per run: one Chromium (files connect to it and open
 * a fresh context per test) and three static servers of production builds, laid out as `npm run build`
 * lays them out (app at `/`, notebooks at `/notebooks/`): the bundled data (app and notebooks), the
 * app on the fixture companies, the notebooks on another data folder. Each build runs when its server
 * is first asked for it, so running one file builds only what that file loads; the main app starts
 * building right away. `E2E_DIST=dist` serves an existing `npm run build` output instead of building
 * the main site again (CI sets it right after building).
 */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const fixtureData = join(work, 'fixture-data');
  cpSync(join(ROOT, 'data', 'ladders'), join(fixtureData, 'ladders'), { recursive: true });
  for (const fixture of ['hostile', 'variants']) {
    cpSync(join(ROOT, 'tests', 'e2e', 'fixtures', fixture, 'ladders'), join(fixtureData, 'ladders'), { recursive: true });
  }
  const otherData = join(work, 'other-data');
  cpSync(join(ROOT, 'tests', 'fixtures', 'unseen'), otherData, { recursive: true });
  cpSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'hostile', 'ladders'), join(otherData, 'ladders'), { recursive: true });

  const given = process.env.E2E_DIST ? resolve(ROOT, process.env.E2E_DIST) : undefined;
  if (given) {
    for (const file of ['index.html', ...notebookSources().map((f) => `notebooks/${f}`)]) {
      if (!existsSync(join(given, file))) throw new Error(`E2E_DIST=${process.env.E2E_DIST} has no ${file}: run \`npm run build\` first, or unset E2E_DIST`);
    }
  }
  const mainApp = given ? { dir: given } : { dir: join(work, 'app'), ready: once(() => buildApp(join(work, 'app'))) };
  const mainNotebooks = given ? { dir: join(given, 'notebooks') } : { dir: join(work, 'notebooks'), ready: once(() => buildNotebooks(join(work, 'notebooks'))) };
  void mainApp.ready?.().catch(() => {}); // almost every file needs it; a failure is reported by the server

  const servers: StaticServer[] = [];
  const serve = async (...mounts: Parameters<typeof serveStatic>[0]) => {
    const server = await serveStatic(mounts);
    servers.push(server);
    return server.url;
  };
  const browser = await chromium.launchServer({ executablePath: TEST_CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  project.provide('browserEndpoint', browser.wsEndpoint());
  project.provide('baseUrl', await serve({ prefix: '/', ...mainApp }, { prefix: '/notebooks/', ...mainNotebooks }));
  project.provide('fixtureUrl', await serve({ prefix: '/', dir: join(work, 'fixture-app'), ready: once(() => buildApp(join(work, 'fixture-app'), fixtureData)) }));
  project.provide('otherDataUrl', await serve({ prefix: '/notebooks/', dir: join(work, 'other-notebooks'), ready: once(() => buildNotebooks(join(work, 'other-notebooks'), otherData)) }));

  return async () => {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
    await Promise.allSettled(started);
    rmSync(work, { recursive: true, force: true });
  };
}
