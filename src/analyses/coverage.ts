/** Coverage: competency × company × level counts and shares; each ladder's coverage of the taxonomy. */
import type { ClassifiedStatement, LevelInfo } from '../types.ts';
import { inheritance } from './inheritance.ts';
import { groupBy, ladderKey, levelKey } from './level-keys.ts';
import { levelProfiles } from './level-profile.ts';
import { eachPassingTouch } from './passing-mentions.ts';
import type { TaxonomyLike } from './cap-notes.ts';
import type { CapNote, CompanyCoverage, CoverageCell, CoverageResult, LevelPlacement } from './types.ts';

export interface CoverageOptions {
  /** Taxonomy ids in display order. */
  competencies: string[];
  capNotes?: CapNote[];
  /** A secondary competency counts as a mention from this score (default 0.25). */
  minScore?: number;
  /** The ladders' levels, for inheritance (`LevelInfo.inherits`): included levels' statements count as inherited. */
  levels?: readonly LevelInfo[];
  /** The taxonomy's cue phrases: a competency named in passing (see passing-mentions.ts) is not "never mentioned". */
  taxonomy?: TaxonomyLike;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Full grid: one cell per placed level × competency (zeros included), plus one summary row per ladder. */
export function coverage(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], opts: CoverageOptions): CoverageResult {
  const profiles = levelProfiles(statements, opts.minScore ?? 0.25);
  const { ancestors } = inheritance(opts.levels);
  const labels = new Map(placements.map((p) => [p.key, p.level]));
  // level key → competency → statements touching it in passing (not about it).
  const passingByLevel = new Map<string, Map<string, { ids: string[]; cues: string[] }>>();
  eachPassingTouch(statements, { taxonomy: opts.taxonomy, minScore: opts.minScore }, (s, t) => {
    const lk = levelKey(s);
    let level = passingByLevel.get(lk);
    if (!level) passingByLevel.set(lk, (level = new Map()));
    let e = level.get(t.competency);
    if (!e) level.set(t.competency, (e = { ids: [], cues: [] }));
    e.ids.push(t.statementId);
    for (const c of t.cues) if (!e.cues.includes(c)) e.cues.push(c);
  });
  const passingAt = (level: string, competency: string) => passingByLevel.get(level)?.get(competency);
  // ladder key → competencies some statement of it mentions
  const mentioned = new Map<string, Set<string>>();
  const cells: CoverageCell[] = [];
  for (const p of placements) {
    const prof = profiles.get(p.key);
    const included = ancestors.get(p.key) ?? [];
    const atLevel = passingByLevel.get(p.key);
    const lk = ladderKey(p);
    for (const c of opts.competencies) {
      const e = prof?.entries.get(c);
      let inherited = 0;
      const inheritedFrom: string[] = [];
      for (const a of included) {
        const n = profiles.get(a)?.entries.get(c)?.primary.length ?? 0;
        if (!n) continue;
        inherited += n;
        const label = labels.get(a) ?? a.split('|')[2];
        if (!inheritedFrom.includes(label)) inheritedFrom.push(label);
      }
      cells.push({
        company: p.company,
        track: p.track,
        level: p.level,
        levelKey: p.key,
        competency: c,
        count: e?.primary.length ?? 0,
        mentions: e?.mentions.length ?? 0,
        inherited,
        inheritedFrom,
        weight: r3(e?.weight ?? 0),
        share: r3(e?.share ?? 0),
        statementIds: e ? e.mentions.map((s) => s.id) : [],
        passingIds: atLevel?.get(c)?.ids ?? [],
      });
      if (e?.mentions.length) {
        let m = mentioned.get(lk);
        if (!m) mentioned.set(lk, (m = new Set()));
        m.add(c);
      }
    }
  }
  const companies: CompanyCoverage[] = [];
  for (const [lk, ladder] of groupBy(placements, ladderKey)) {
    const covered = opts.competencies.filter((c) => mentioned.get(lk)?.has(c));
    const capped = new Set((opts.capNotes ?? []).filter((n) => ladderKey(n) === lk).map((n) => n.competency));
    const carriedOver = opts.competencies.filter((c) => !covered.includes(c) && capped.has(c));
    const inPassing: CompanyCoverage['inPassing'] = [];
    for (const c of opts.competencies) {
      if (covered.includes(c) || capped.has(c)) continue;
      const statementIds: string[] = [];
      const cues: string[] = [];
      for (const p of ladder) {
        const e = passingAt(p.key, c);
        if (!e) continue;
        statementIds.push(...e.ids);
        for (const cue of e.cues) if (!cues.includes(cue)) cues.push(cue);
      }
      if (statementIds.length) inPassing.push({ competency: c, statementIds, cues });
    }
    companies.push({
      company: ladder[0].company,
      track: ladder[0].track,
      covered,
      missing: opts.competencies.filter((c) => !covered.includes(c) && !capped.has(c) && !inPassing.some((x) => x.competency === c)),
      carriedOver,
      inPassing,
      share: opts.competencies.length ? r3(covered.length / opts.competencies.length) : 0,
    });
  }
  return { cells, companies, competencies: [...opts.competencies] };
}
