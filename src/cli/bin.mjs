#!/usr/bin/env node
// Node 20 cannot run TypeScript itself. The CLI runs compiled (one JavaScript file built by esbuild on the first
// run after a change, see compiled-cli.mjs); when that cannot be had, tsx's loader runs the sources. tsx is a
// pinned runtime dependency, so `npm ci --omit=dev` gives a working `ladders` either way (checked by
// .ci/check-production-install).
import { compiledCli } from './compiled-cli.mjs';

// A closed pipe (`ladders statements | head`) is a normal way for output to end.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
/** The compiled CLI, or undefined when it cannot be had or loaded (removed by a newer build meanwhile, say). */
async function compiledMain() {
  const compiled = await compiledCli();
  try {
    return compiled && (await import(compiled)).main;
  } catch {
    return undefined;
  }
}
async function sourceMain() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('./main.ts')).main;
}
const main = (await compiledMain()) ?? (await sourceMain());
process.exitCode = await main(process.argv.slice(2));
