import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { ingestFiles } from '../ingest/index.ts';
import { CLASSIFIED_KINDS } from '../taxonomy/index.ts';
import type { LabelledExample } from '../taxonomy/holdout.ts';
import { normalLabelText, parseLabelledSet } from '../taxonomy/labelled-set.ts';
import { packagePath } from './package-root.ts';

/** The blind-labelled corpus of issue 12 (labels, protocol, manifest and source ladders). */
export const DEFAULT_CORPUS = packagePath('tests/fixtures/blind-corpus');

interface Manifest {
  /** Folder of the source files, relative to the manifest (default `sources`). */
  sources?: string;
  ladders: Record<string, { company: string; track: string; files: string[] }>;
  otherSets: { path: string; name: string; ladder?: string; ladderByFolder?: Record<string, string> }[];
  /** Statements written for training (`label<TAB>acceptable<TAB>text`), never scored: each file its own pseudo-ladder. */
  syntheticSets?: { path: string; name: string }[];
}

export interface CorpusOptions {
  /** Read the synthetic sets (default true; false measures without them). */
  synthetic?: boolean;
}

/** Every labelled statement, with the ladders whose text holds it, ready for training and held-out evaluation. */
export interface LabelledCorpus {
  examples: LabelledExample[];
  /** The corpus's ladders, in manifest order: the ones evaluated leave-one-out. */
  ladders: string[];
  /** Company of each corpus ladder (for leave-one-company-out). */
  companyOf: Record<string, string>;
  /** Corpus rows joined to an ingested statement of at least one of their ladders. */
  found: number;
  /** Corpus rows. */
  corpusRows: number;
  /** Files of the manifest that gave no statements (e.g. a shape the readers cannot read yet). */
  unread: string[];
  /** Synthetic statements read (training only). */
  synthetic: number;
}

/**
 * Read the corpus folder (`labels.csv`, `ladders.json`, and the source ladders under its `sources` folder) and the other labelled sets it names.
 * Each ladder's source files are ingested with today's readers; a labelled row is joined to a statement
 * of its ladder by normalised text (lines are not stable across readers), which gives its section;
 * rows not found are classified from their text alone. A statement belongs to every ladder whose
 * text holds it (Dropbox shares sentences across tracks, Octopus sections), so holding a ladder out
 * takes every copy out of training.
 */
export function readLabelledCorpus(dir = DEFAULT_CORPUS, { synthetic = true }: CorpusOptions = {}): LabelledCorpus {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'ladders.json'), 'utf8')) as Manifest;
  const ladders = Object.keys(manifest.ladders);
  const textLadders = new Map<string, string[]>();
  const sectionIn = new Map<string, string>();
  const unread: string[] = [];
  const addText = (key: string, ladder: string) => {
    const list = textLadders.get(key) ?? [];
    if (!list.includes(ladder)) textLadders.set(key, [...list, ladder]);
  };
  for (const [ladder, { company, track, files }] of Object.entries(manifest.ladders)) {
    for (const file of files) {
      const set = ingestFiles([{ path: file, content: fs.readFileSync(path.resolve(dir, manifest.sources ?? 'sources', file)) }], { company, track });
      const statements = set.statements.filter((s) => CLASSIFIED_KINDS.includes(s.kind));
      if (statements.length === 0) unread.push(file);
      for (const s of statements) {
        const key = normalLabelText(s.text);
        addText(key, ladder);
        if (!sectionIn.has(`${ladder}\u0000${key}`)) sectionIn.set(`${ladder}\u0000${key}`, s.section);
      }
    }
  }
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, 'labels.csv'), 'utf8'), { header: true, skipEmptyLines: 'greedy' }).data;
  for (const r of rows) for (const l of r.ladders.split('|')) addText(normalLabelText(r.text), l);
  const others = manifest.otherSets.map((other) => {
    const file = path.resolve(dir, other.path);
    const labelled = parseLabelledSet(fs.readFileSync(file, 'utf8'), { source: file }).map((r) => {
      const byFolder = Object.entries(other.ladderByFolder ?? {}).find(([folder]) => r.file.startsWith(folder))?.[1];
      return { r, ladder: byFolder ?? other.ladder ?? other.name };
    });
    // a labelled set's statements are text of its ladder too (the seeds' pages belong to corpus ladders)
    for (const { r, ladder } of labelled) addText(normalLabelText(r.text), ladder);
    return { other, labelled };
  });

  const examples: LabelledExample[] = [];
  let found = 0;
  for (const r of rows) {
    const key = normalLabelText(r.text);
    const own = [...new Set([...r.ladders.split('|'), ...(textLadders.get(key) ?? [])])];
    const sections: Record<string, string> = {};
    for (const l of own) {
      const s = sectionIn.get(`${l}\u0000${key}`);
      if (s !== undefined) sections[l] = s;
    }
    if (Object.keys(sections).length) found++;
    const first = own.find((l) => sections[l] !== undefined);
    examples.push({
      id: r.id,
      text: r.text,
      acceptable: r.acceptable.split('|').filter(Boolean),
      ladders: own,
      sections,
      section: first === undefined ? undefined : sections[first] || undefined,
      scored: true,
      set: 'blind corpus',
    });
  }
  for (const { other, labelled } of others) {
    for (const [i, { r, ladder }] of labelled.entries()) {
      examples.push({
        id: `${other.path}#${i + 2}`,
        text: r.text,
        acceptable: r.acceptable,
        ladders: [...new Set([ladder, ...(textLadders.get(normalLabelText(r.text)) ?? [])])],
        sections: {},
        section: r.section || undefined,
        scored: false,
        set: other.name,
      });
    }
  }
  let syntheticRows = 0;
  for (const set of synthetic ? (manifest.syntheticSets ?? []) : []) {
    const file = path.resolve(dir, set.path);
    const rows = Papa.parse<string[]>(fs.readFileSync(file, 'utf8'), { delimiter: '\t', quoteChar: '\u0000', skipEmptyLines: 'greedy' }).data;
    const [head, ...body] = rows;
    if (head?.join('\t') !== 'label\tacceptable\ttext') throw new Error(`${file}: expected the columns label, acceptable, text`);
    body.forEach(([label, acceptable, text], i) => {
      if (!text?.trim()) throw new Error(`${file}:${i + 2}: no text`);
      const labels = (acceptable ?? '').split('|').filter(Boolean);
      examples.push({
        id: `${set.path}#${i + 2}`,
        text,
        acceptable: labels.length ? labels : [label],
        // its own pseudo-ladder, plus any corpus ladder whose text it repeats (it then leaves training with that ladder)
        ladders: [...new Set([set.name, ...(textLadders.get(normalLabelText(text)) ?? [])])],
        sections: {},
        scored: false,
        set: set.name,
        synthetic: true,
      });
      syntheticRows++;
    });
  }
  const companyOf = Object.fromEntries(Object.entries(manifest.ladders).map(([l, m]) => [l, m.company]));
  return { examples, ladders, companyOf, found, corpusRows: rows.length, unread, synthetic: syntheticRows };
}
