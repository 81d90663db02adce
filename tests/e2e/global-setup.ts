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
    /** The same app built on the bundled ladders plus a hostile ladder (see fixtures/README.md). */
    hostileUrl: string;
  }
}

/** Builds the app twice (bundled data; bundled + hostile fixture), serves both, tears them down after. */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const hostileData = join(work, 'data');
  cpSync(join(ROOT, 'data', 'ladders'), join(hostileData, 'ladders'), { recursive: true });
  cpSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'hostile', 'ladders'), join(hostileData, 'ladders'), { recursive: true });

  build(join(work, 'dist'));
  build(join(work, 'dist-hostile'), { ATLAS_DATA_DIR: hostileData });
  const servers: ChildProcess[] = [];
  const main = await preview(join(work, 'dist'), await freePort());
  servers.push(main.process);
  const hostile = await preview(join(work, 'dist-hostile'), await freePort());
  servers.push(hostile.process);
  project.provide('baseUrl', main.url);
  project.provide('hostileUrl', hostile.url);

  return () => {
    for (const server of servers) server.kill();
    rmSync(work, { recursive: true, force: true });
  };
}
