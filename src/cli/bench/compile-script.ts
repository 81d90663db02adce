/**
 * A benchmark script compiled to one module in node_modules/.cache/ladder-atlas (beside the CLI's), so it times the
 * code as the CLI and the dashboard ship it rather than through tsx's loader, which wraps every function.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bundles `entry` (a script's own `import.meta.url`) into `<cache>/<name>.mjs` and returns that file's path. */
export async function compileScript(entry: string, name: string): Promise<string> {
  const esbuild = await import('esbuild');
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const outfile = path.join(root, 'node_modules', '.cache', 'ladder-atlas', `${name}.mjs`);
  await esbuild.build({
    entryPoints: [fileURLToPath(entry)],
    outfile,
    bundle: true,
    // CommonJS packages inside an ES module still need `require` for Node's own modules.
    banner: { js: "import { createRequire as __atlasRequire } from 'node:module'; const require = __atlasRequire(import.meta.url);" },
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    logLevel: 'silent',
  });
  return outfile;
}
