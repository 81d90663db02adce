/**
 * Run by the atlas-data plugin (vite.config.ts) in a child process at build time, as bundled-tables-main.ts is:
 * reads the bundled ladder set as JSON on stdin, writes the first view drawn from it as HTML on stdout.
 */
import { renderFirstView } from './first-view.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
process.stdout.write(await renderFirstView(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
