#!/usr/bin/env node
// Node 20 cannot run TypeScript itself. The CLI runs compiled (one JavaScript file built by esbuild on the first
// run after a change, run with a code cache of what the same command compiled before: see compiled-cli.mjs); when
// that cannot be had, tsx's loader runs the sources. tsx is a pinned runtime dependency, so `npm ci --omit=dev`
// gives a working `ladders` either way (checked by .ci/check-production-install).
import { compiledCli, runCompiled } from './compiled-cli.mjs';

// A closed pipe (`ladders statements | head`) is a normal way for output to end.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const argv = process.argv.slice(2);
/** The compiled CLI, or undefined when it cannot be had or loaded (removed by a newer build meanwhile, say). */
async function compiled() {
  const url = await compiledCli();
  try {
    return url ? runCompiled(url, argv[0]) : undefined;
  } catch {
    return undefined;
  }
}
async function sourceMain() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('./main.ts')).main;
}
const cli = await compiled();
process.exitCode = await (cli?.exports.main ?? (await sourceMain()))(argv);
cli?.save();
// Done, and everything written (nothing waiting in either stream's buffer): exit now rather than wait for the event
// loop to drain, V8's idle-time garbage collection and a file handle's close among it (about 20 ms of a short command).
if (!process.stdout.writableLength && !process.stderr.writableLength) process.exit();
