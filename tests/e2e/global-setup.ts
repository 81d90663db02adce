import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, build, freePort, preview } from './servers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build of the bundled ladders. */
    baseUrl: string;
    /** The same app built on the bundled ladders plus the fixture companies (see fixtures/README.md). */
    fixtureUrl: string;
  }
}

/** Builds the app twice (bundled data; bundled + fixture companies), serves both, tears them down after. */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const fixtureData = join(work, 'data');
  cpSync(join(ROOT, 'data', 'ladders'), join(fixtureData, 'ladders'), { recursive: true });
  for (const fixture of ['hostile', 'variants']) {
    cpSync(join(ROOT, 'tests', 'e2e', 'fixtures', fixture, 'ladders'), join(fixtureData, 'ladders'), { recursive: true });
  }

  build(join(work, 'dist'));
  build(join(work, 'dist-fixtures'), { ATLAS_DATA_DIR: fixtureData });
  const servers: ChildProcess[] = [];
  const main = await preview(join(work, 'dist'), await freePort());
  servers.push(main.process);
  const fixtures = await preview(join(work, 'dist-fixtures'), await freePort());
  servers.push(fixtures.process);
  project.provide('baseUrl', main.url);
  project.provide('fixtureUrl', fixtures.url);

  return () => {
    for (const server of servers) server.kill();
    rmSync(work, { recursive: true, force: true });
  };
}
