/** Gaps: a rubric lint over the ladders, each finding with its statements and a one-line suggestion. */
import type { ClassifiedStatement, LevelInfo } from '../types.ts';
import { inheritance } from './inheritance.ts';
import { competencyNamedIn, type TaxonomyLike } from './cap-notes.ts';
import { groupBy, ladderKey, ladderName, levelKey, multiTrackCompanies } from './level-keys.ts';
import { levelProfiles } from './level-profile.ts';
import { missingLevels } from './missing-levels.ts';
import { nearDuplicates } from './near-duplicates.ts';
import { peerIndex, peersFor } from './peer-statements.ts';
import type { ScaleCues } from './scale-cues.ts';
import { words } from '../text/index.ts';
import type { CapNote, CoverageResult, GapFinding, LevelPlacement, Severity } from './types.ts';

export interface GapsOptions {
  competencies: string[];
  capNotes: CapNote[];
  coverage: CoverageResult;
  scaleCues: ScaleCues;
  taxonomy?: TaxonomyLike;
  /** Only this company (id or name). */
  company?: string;
  /** The ladders' levels, for inheritance: a level that includes another does not drop its competencies. */
  levels?: readonly LevelInfo[];
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** All findings, sorted by severity, company, track, level order, type. */
export function gaps(statements: readonly ClassifiedStatement[], placements: readonly LevelPlacement[], opts: GapsOptions): GapFinding[] {
  const want = opts.company?.toLowerCase();
  const inScope = (p: { company: string }) => !want || p.company.toLowerCase() === want || placements.some((x) => x.company === p.company && x.companyName.toLowerCase() === want);
  const out: GapFinding[] = [];
  const pos = new Map(placements.map((p) => [p.key, p]));
  const peers = peerIndex(statements, placements);
  const named = new Map<string, string | null>();
  const sectionCompetency = (section: string) => {
    if (!opts.taxonomy) return null;
    if (!named.has(section)) named.set(section, competencyNamedIn(section.split(' › ').pop() ?? section, opts.taxonomy));
    return named.get(section)!;
  };

  // Statement flags: placeholders, empty and truncated cells, statements that only point elsewhere.
  const flagged = statements.filter((s) => inScope(s));
  for (const group of groupBy(flagged.filter((s) => s.kind === 'placeholder' || s.flags.includes('placeholder')), (s) => `${levelKey(s)}|${s.section}`).values()) {
    const s = group[0];
    if (group.every((g) => g.flags.includes('empty-cell'))) continue;
    out.push({
      type: 'placeholder', severity: group.some((g) => g.section.toLowerCase().includes('example')) ? 'low' : 'medium', company: s.company, track: s.track, level: s.level,
      competency: sectionCompetency(s.section), statementIds: group.map((g) => g.id),
      suggestion: `Replace ${group.length} placeholder${group.length > 1 ? 's' : ''} ("${s.text.trim() || '…'}") in ${s.section || 'this level'} with ${group.length > 1 ? 'real examples' : 'a real example'} or remove ${group.length > 1 ? 'them' : 'it'}.`,
    });
  }
  for (const s of flagged.filter((x) => x.flags.includes('empty-cell'))) {
    out.push({ type: 'empty-cell', severity: 'medium', company: s.company, track: s.track, level: s.level, competency: sectionCompetency(s.section), statementIds: [s.id],
      suggestion: `Write what ${s.level} expects for "${s.section}", or say it carries over from the level below.` });
  }
  for (const s of flagged.filter((x) => x.flags.includes('truncated'))) {
    out.push({ type: 'truncated', severity: 'high', company: s.company, track: s.track, level: s.level, competency: s.competency ?? sectionCompetency(s.section), statementIds: [s.id],
      suggestion: `The text is cut off ("${s.text.slice(0, 40)}…"); restore the full cell from the source document.` });
  }
  for (const s of flagged.filter((x) => x.flags.includes('external-reference'))) {
    out.push({ type: 'external-reference-only', severity: 'medium', company: s.company, track: s.track, level: s.level, competency: s.competency ?? null, statementIds: [s.id],
      suggestion: 'This statement only points to another document; copy the expectations it means into the ladder so it stands on its own.' });
  }

  const emptyCells = new Set(flagged.filter((x) => x.flags.includes('empty-cell')).map((x) => `${levelKey(x)}|${sectionCompetency(x.section)}`));

  // Ladder-level findings.
  const profiles = levelProfiles(statements);
  const inherits = inheritance(opts.levels);
  const companies = new Set(placements.map((p) => p.company));
  const multi = multiTrackCompanies(placements);
  const scopeWords = new Set([...opts.scaleCues.scopeWords.flatMap((w) => words(w)), ...[...companies].flatMap((c) => words(c)), ...placements.flatMap((p) => words(p.companyName))]);
  const byLadder = groupBy(statements, ladderKey);
  const capsByLadder = groupBy(opts.capNotes, ladderKey);
  const coverageByLadder = new Map(opts.coverage.companies.map((c) => [ladderKey(c), c]));
  for (const [lk, ladder] of groupBy(placements, ladderKey)) {
    const { company, track } = ladder[0];
    if (!inScope(ladder[0])) continue;
    const own = byLadder.get(lk) ?? [];
    const caps = capsByLadder.get(lk) ?? [];
    const cappedIds = new Map(caps.map((n) => [n.competency, n]));
    out.push(...missingLevels(ladder, own, opts.scaleCues.capNotes.levelPattern));
    for (const n of caps) {
      out.push({ type: 'carried-over', severity: 'info', company, track, level: n.level, competency: n.competency, statementIds: [n.statementId],
        suggestion: `Not a gap: ${n.competency} expectations stop growing at ${n.capLevel} and carry over to ${n.level}.`, detail: n.text });
    }
    const cov = coverageByLadder.get(lk);
    const mid = ladder.reduce((t, p) => t + p.position, 0) / ladder.length;
    const name = ladderName(ladder[0], multi.has(company));
    const label = (c: string) => opts.taxonomy?.competencies.find((x) => x.id === c)?.label ?? c;
    for (const c of cov?.missing ?? []) {
      out.push({ type: 'competency-never-covered', severity: 'medium', company, track, level: null, competency: c, statementIds: [],
        suggestion: `Nothing in ${name}'s ladder mentions ${label(c).toLowerCase()}: no statement is about it and none names it in passing; add an expectation (see how other ladders word it).`, peers: peersFor(peers, c, mid, { company, track }) });
    }
    const levelOf = new Map(own.map((s) => [s.id, s.level]));
    for (const m of cov?.inPassing ?? []) {
      const levels = [...new Set(m.statementIds.map((id) => levelOf.get(id)).filter((l): l is string => !!l))];
      out.push({ type: 'competency-in-passing', severity: 'low', company, track, level: null, competency: m.competency, statementIds: m.statementIds,
        suggestion: `${name} mentions ${label(m.competency).toLowerCase()} only in passing${levels.length ? ` (${levels.length > 1 ? 'levels' : 'level'} ${levels.join(', ')}${m.cues.length ? `: “${m.cues.slice(0, 4).join('”, “')}”` : ''})` : ''}; no statement is about it. Say what each level expects, if it matters.`,
        peers: peersFor(peers, m.competency, mid, { company, track }) });
    }
    for (let i = 0; i + 1 < ladder.length; i++) {
      const a = ladder[i];
      const b = ladder[i + 1];
      for (const c of opts.competencies) {
        const ea = profiles.get(a.key)?.entries.get(c);
        const eb = profiles.get(b.key)?.entries.get(c);
        if (!ea?.primary.length || eb?.mentions.length || cappedIds.has(c)) continue;
        if (emptyCells.has(`${b.key}|${c}`)) continue; // the empty-cell finding already says so
        if (inherits.ancestors.get(b.key)?.includes(a.key)) {
          const said = inherits.statement.get(b.key);
          out.push({ type: 'carried-over', severity: 'info', company, track, level: b.level, competency: c, statementIds: said ? [said] : [],
            suggestion: `Not a gap: ${b.level} includes ${a.level}'s expectations (inherited), so ${c} carries over.` });
          continue;
        }
        out.push({ type: 'competency-drops-out', severity: ea.primary.length >= 2 ? 'medium' : 'low', company, track, level: b.level, competency: c,
          statementIds: ea.mentions.map((s) => s.id),
          suggestion: `${a.level} expects ${c} but ${b.level} says nothing about it; state what ${b.level} adds, or that it carries over.`,
          peers: peersFor(peers, c, pos.get(b.key)!.position, { company, track }) });
      }
    }
    for (const d of nearDuplicates(own, scopeWords)) {
      out.push({ type: 'near-duplicate', severity: 'low', company, track, level: d.b.level, competency: d.b.competency ?? d.a.competency ?? null, statementIds: [d.a.id, d.b.id],
        suggestion: d.onlyA.length || d.onlyB.length
          ? `${d.a.level} and ${d.b.level} differ only in "${d.onlyA.join(' ') || '—'}" → "${d.onlyB.join(' ') || '—'}"; say what else changes between the levels.`
          : `${d.a.level} and ${d.b.level} repeat the same statement; say what changes between the levels.`,
        detail: `${d.a.level}: ${d.a.text} | ${d.b.level}: ${d.b.text}` });
    }
  }
  const orders = new Map(placements.map((p) => [`${p.company}|${p.track}|${p.level}`, p.levelOrder]));
  const keyed = out.map((f) => ({ f, order: orders.get(`${f.company}|${f.track}|${f.level}`) ?? 0 }));
  keyed.sort(
    ({ f: x, order: ox }, { f: y, order: oy }) =>
      SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] ||
      cmp(x.company, y.company) || cmp(x.track, y.track) || ox - oy || cmp(x.type, y.type) || cmp(x.competency ?? '', y.competency ?? '') || cmp(x.statementIds[0] ?? '', y.statementIds[0] ?? ''),
  );
  return keyed.map((k) => k.f);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
