/** Cap notes: "expectations for X do not go up beyond L5" — competency X carries over, it is not missing. */
import type { ClassifiedStatement } from '../types.ts';
import { findCueHitsInWords } from './statement-evidence.ts';
import type { ScaleCue, ScaleCues } from './scale-cues.ts';
import { stem } from '../text/index.ts';
import { contentTokens, rowNormalText, rowNormalWords } from './text.ts';
import type { CapNote } from './types.ts';

/** The part of a taxonomy the analyses read. */
export interface TaxonomyLike {
  competencies: { id: string; label?: string; cues?: Record<string, number> }[];
}

/**
 * Which competency a short text names: its id (3 points), a cue phrase (2 each, stemmed token runs) or a word
 * of its label (1 each); the highest total wins.
 * Returns null when nothing matches.
 */
export function competencyNamedIn(text: string, taxonomy: TaxonomyLike): string | null {
  const toks = contentTokens(text);
  if (!toks.length) return null;
  const joined = ` ${toks.join(' ')} `;
  let best: { id: string; score: number } | null = null;
  for (const c of namesOf(taxonomy)) {
    let score = toks.includes(c.stem) ? 3 : 0;
    for (const t of c.label) if (toks.includes(t)) score += 1;
    for (const run of c.cues) if (joined.includes(run)) score += 2;
    if (score > 0 && (!best || score > best.score)) best = { id: c.id, score };
  }
  return best?.id ?? null;
}

const namesCache = new WeakMap<TaxonomyLike, { id: string; stem: string; label: string[]; cues: string[] }[]>();

function namesOf(taxonomy: TaxonomyLike) {
  let names = namesCache.get(taxonomy);
  if (!names) {
    names = taxonomy.competencies.map((c) => ({
      id: c.id,
      stem: stem(c.id.toLowerCase()),
      label: contentTokens(c.label ?? ''),
      cues: Object.entries(c.cues ?? {})
        .filter(([, w]) => w > 0)
        .map(([cue]) => contentTokens(cue).join(' '))
        .filter(Boolean)
        .map((run) => ` ${run} `),
    }));
    namesCache.set(taxonomy, names);
  }
  return names;
}

const patterns = new WeakMap<ScaleCues['capNotes'], ScaleCue[]>();

/** The cap-note phrases as one cue list (one per lexicon, so that it is compiled once). */
function capPattern(capNotes: ScaleCues['capNotes']): ScaleCue[] {
  let pattern = patterns.get(capNotes);
  if (!pattern) patterns.set(capNotes, (pattern = [{ id: 'cap', dimension: 'none', value: 1, weight: 1, phrases: capNotes.patterns }]));
  return pattern;
}

/** Find cap notes among statements (any kind, usually `note`). */
export function findCapNotes(statements: readonly ClassifiedStatement[], opts: { scaleCues: ScaleCues; taxonomy?: TaxonomyLike }): CapNote[] {
  const { patterns, levelPattern } = opts.scaleCues.capNotes;
  if (!patterns.length) return [];
  const pattern = capPattern(opts.scaleCues.capNotes);
  const levelRe = new RegExp(levelPattern, 'i');
  const out: CapNote[] = [];
  for (const s of statements) {
    if (s.kind === 'placeholder') continue;
    const norm = rowNormalText(s);
    const hit = findCueHitsInWords(norm, rowNormalWords(s), pattern)[0];
    if (!hit) continue;
    const after = norm.slice(hit.end);
    const lvl = levelRe.exec(after) ?? levelRe.exec(s.text);
    if (!lvl) continue;
    const before = norm.slice(0, hit.start);
    const competency =
      (s.kind === 'note' ? null : s.competency) ??
      (opts.taxonomy ? competencyNamedIn(before, opts.taxonomy) ?? competencyNamedIn(s.section, opts.taxonomy) : null) ??
      s.competency ??
      null;
    if (!competency) continue;
    out.push({ statementId: s.id, company: s.company, track: s.track, level: s.level, competency, capLevel: lvl[0].replace(/\s+/g, '').toUpperCase(), text: s.text });
  }
  return out;
}
