#!/usr/bin/env node
// Node 20 cannot run TypeScript itself: register tsx's loader, then run the TypeScript CLI. tsx is a pinned runtime
// dependency, so `npm ci --omit=dev` gives a working `ladders` (checked by .ci/check-production-install), with no build
// step and no compiled copy of the sources to keep in step with them.
import { register } from 'tsx/esm/api';

// A closed pipe (`ladders statements | head`) is a normal way for output to end.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
