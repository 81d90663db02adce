#!/usr/bin/env node
// Node 20 cannot run TypeScript itself: register tsx's loader, then run the TypeScript CLI.
import { register } from 'tsx/esm/api';

// A closed pipe (`ladders statements | head`) is a normal way for output to end.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
