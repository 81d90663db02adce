/**
 * The benchmark's corpora: the user's five seed files (with their companies' ladder.json) copied k times, each
 * copy a company of its own (`<company>-copy<N>`, the company name in its text written `<company> copy <N>` so
 * copies are not identical); and the 5,000-statement upload of issue 14 (one long-format CSV, `Is able to <verb> …`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InputFile } from '../../ingest/index.ts';

/** The seed files under data/ladders (paths relative to the data folder). */
export const SEED_FILES = [
  'ladders/dropbox/dropbox-ic6-principal-security-engineer.md',
  'ladders/octopus/octopus-l2-security-engineer.md',
  'ladders/octopus/octopus-l3-senior-cloud-security-engineer.md',
  'ladders/octopus/octopus-l4-security-engineer-technical-lead.md',
  'ladders/teleport/teleport-security-engineering-levels.tsv',
];

/** The seed files and their companies' ladder.json, out of a data folder's ladder files. */
export function seedFiles(all: readonly InputFile[]): InputFile[] {
  return all.filter((f) => SEED_FILES.includes(f.path) || f.path.endsWith('/ladder.json'));
}

/** k copies of the files, each under its own company folder. */
export function syntheticFiles(seeds: readonly InputFile[], k: number): InputFile[] {
  if (k === 1) return [...seeds];
  const out: InputFile[] = [];
  for (let i = 1; i <= k; i++) {
    for (const f of seeds) {
      const [, company, ...rest] = f.path.split('/');
      const text = typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content);
      out.push({ path: ['ladders', `${company}-copy${i}`, ...rest].join('/'), content: i === 1 ? f.content : text.replaceAll(company, `${company} copy ${i}`) });
    }
  }
  return out;
}

/** Write files (paths relative to `dir`) to disk, for the whole-process runs (`ladders … --data dir`). */
export function writeFiles(dir: string, files: readonly InputFile[]): void {
  for (const f of files) {
    const full = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, f.content);
  }
}

const VERBS = ['review', 'design', 'deploy', 'monitor', 'document', 'test', 'triage', 'automate', 'explain', 'improve', 'plan', 'secure', 'audit', 'mentor', 'lead', 'own', 'measure'];
const OBJECTS = ['the threat model', 'access controls', 'the incident runbook', 'a security review', 'the build pipeline', 'vendor risk', 'logging and alerting', 'the key rotation'];

/**
 * The upload of issue 14, item 2: `rows` long-format rows `L{1..5},Is able to <verb> <object> for item <i>.`: every
 * pair shares its first words, which made near-duplicate detection compare every pair.
 */
export function uploadCsv(rows = 5000): string {
  const lines = ['company,level,level_title,section,kind,statement'];
  for (let i = 0; i < rows; i++) {
    const verb = VERBS[i % VERBS.length];
    const object = OBJECTS[Math.floor(i / VERBS.length) % OBJECTS.length];
    lines.push(`Upload Co,L${(i % 5) + 1},Engineer ${(i % 5) + 1},Craft,expectation,Is able to ${verb} ${object} for item ${i}.`);
  }
  return `${lines.join('\n')}\n`;
}
