import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * One folder served under a URL prefix. `ready` is awaited before each file of the mount is served
 * (memoize it): it builds the folder on demand, so a run that never asks for a mount never builds it.
 */
export interface Mount {
  /** URL path prefix, starting and ending with `/` (`/`, `/notebooks/`). */
  prefix: string;
  dir: string;
  ready?: () => Promise<void>;
}

/** A running static file server bound to 127.0.0.1. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves mounts read-only on an ephemeral localhost port, the way a static host serves a production
 * build: hashed files under `assets/` are cached for good, everything else is revalidated. The longest
 * matching prefix wins; paths outside a mount's folder get 403, missing files 404, and a mount whose
 * build failed answers 500 with the build's error.
 */
export async function serveStatic(mounts: Mount[]): Promise<StaticServer> {
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    const mount = ordered.find((m) => pathname.startsWith(m.prefix) || pathname + '/' === m.prefix);
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    try {
      await mount.ready?.();
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`build of ${mount.prefix} failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const root = resolve(mount.dir);
    let path = normalize(join(root, pathname.slice(mount.prefix.length)));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      const immutable = /[\\/]assets[\\/]/.test(path.slice(root.length));
      res
        .writeHead(200, {
          'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((e) => (e ? fail(e) : done()));
      }),
  };
}
