/**
 * Run by the atlas-data plugin (vite.config.ts) in a child process, so the build and the dev server always run the
 * core's current code: reads the shipped data folder as JSON on stdin, writes the bundled tables as JSON on stdout.
 */
import { bundledTables } from './bundled-tables.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
process.stdout.write(JSON.stringify(bundledTables(JSON.parse(Buffer.concat(chunks).toString('utf8')))));
