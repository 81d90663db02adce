import { describe, expect, it } from 'vitest';
import { levelKey as analysesLevelKey } from '../../src/analyses/index.ts';
import { atlasOf } from '../helpers.ts';
import { explorerRow, matchesQuery, passesConfidence, REVIEW_BELOW } from '../../src/views/explorer.ts';
import { companies, inSelection, isSelectedLevel, levelKey, levelName, levelRows, selectLevel } from '../../src/views/level-rows.ts';

const { set, statements, taxonomy } = atlasOf();
const label = (id: string) => taxonomy.competencies.find((c) => c.id === id)?.label ?? id;

describe('explorerRow', () => {
  it('flattens a classified seed statement with its competency label, cues and file:line', () => {
    const s = statements.find((x) => x.competency && x.why?.cues.length)!;
    const row = explorerRow(s, label);
    expect(row.source).toBe(`${s.source.file}:${s.source.line}`);
    expect(row.competency).toBe(label(s.competency!));
    expect(row.why).toContain(s.why!.cues[0].cue);
    expect(row.text).toBe(s.text);
  });
  it('leaves competency and confidence empty for unclassified kinds (attributes, placeholders)', () => {
    const s = statements.find((x) => x.kind === 'placeholder' || x.kind === 'attribute')!;
    const row = explorerRow(s, label);
    expect(row.competency).toBe('');
    expect(row.confidence).toBeNull();
  });
  it('writes flags as a comma list', () => {
    const s = statements.find((x) => x.flags.length)!;
    expect(explorerRow(s).flags).toBe(s.flags.join(', '));
  });
});

describe('explorer: the model in the why, and low confidence for review', () => {
  const rows = statements.map((s) => explorerRow(s, label));

  it('names the model features that decided the primary, with their weights', () => {
    const s = statements.find((x) => x.why?.features?.some((f) => f.competency === x.competency && f.feature.startsWith('w:')) && !x.why.override)!;
    const f = s.why!.features!.find((x) => x.competency === s.competency && x.feature.startsWith('w:'))!;
    expect(explorerRow(s, label).why).toContain(`${f.feature} +${f.weight.toFixed(2)}`);
  });

  it('"review" keeps exactly the classified statements below the review threshold; a minimum keeps those at or above it', () => {
    const review = rows.filter((r) => passesConfidence(r, 'review'));
    expect(review.length).toBeGreaterThan(0);
    expect(review.length).toBeLessThan(rows.filter((r) => r.confidence !== null).length);
    expect(review.every((r) => r.confidence !== null && r.confidence < REVIEW_BELOW)).toBe(true);
    expect(rows.filter((r) => passesConfidence(r, '0.7')).every((r) => (r.confidence ?? 0) >= 0.7)).toBe(true);
    expect(rows.filter((r) => passesConfidence(r, '')).length).toBe(rows.length);
  });

  it('never offers an overridden statement for review', () => {
    const row = { ...rows.find((r) => r.confidence !== null)!, confidence: 0.2 };
    expect(passesConfidence(row, 'review')).toBe(true);
    expect(passesConfidence({ ...row, why: `override: checked by hand; ${row.why}` }, 'review')).toBe(false);
  });
});

describe('matchesQuery', () => {
  const rows = statements.map((s) => explorerRow(s, label));
  it('matches every word anywhere in the row, case-insensitively', () => {
    const hits = rows.filter((r) => matchesQuery(r, 'INCIDENT teleport'));
    expect(hits.length).toBeGreaterThan(0);
    for (const r of hits) {
      expect(`${r.text} ${r.section} ${r.competency} ${r.why} ${r.source} ${r.company}`.toLowerCase()).toContain('incident');
      expect(r.company).toBe('teleport');
    }
  });
  it('matches everything for an empty query and nothing for an absent word', () => {
    expect(rows.filter((r) => matchesQuery(r, '  ')).length).toBe(rows.length);
    expect(rows.filter((r) => matchesQuery(r, 'zzyzx-not-a-word')).length).toBe(0);
  });
});

describe('levelRows', () => {
  const levels = levelRows(set.levels, set.statements);
  it('lists every level once, by company and native order, with statement counts that add up', () => {
    expect(new Set(levels.map((l) => l.key)).size).toBe(levels.length);
    expect(levels.reduce((n, l) => n + l.statements, 0)).toBe(set.statements.length);
    for (let i = 1; i < levels.length; i++) {
      const [a, b] = [levels[i - 1], levels[i]];
      if (a.company === b.company && a.track === b.track) expect(a.levelOrder).toBeLessThanOrEqual(b.levelOrder);
      else expect(a.company.localeCompare(b.company)).toBeLessThanOrEqual(0);
    }
  });
  it('uses the same level key as the analyses', () => {
    for (const s of set.statements.slice(0, 50)) expect(levelKey(s)).toBe(analysesLevelKey(s));
  });
  it('names each company once and filters by selection', () => {
    expect(companies(set.levels).map((c) => c.id)).toEqual([...new Set(set.levels.map((l) => l.company))].sort());
    const octopusL3 = set.statements.filter((s) => inSelection(s, { company: 'octopus', level: 'L3' }));
    expect(octopusL3.length).toBeGreaterThan(0);
    expect(octopusL3.every((s) => s.company === 'octopus' && s.level === 'L3')).toBe(true);
    expect(set.statements.filter((s) => inSelection(s, {})).length).toBe(set.statements.length);
  });
});

describe('selecting one level page', () => {
  const base = { company: 'acme', companyName: 'Acme', track: 'Security Engineer', level: 'L3' };
  const pages = [
    { ...base, variant: 'Senior Cloud Security Engineer' },
    { ...base, variant: 'Senior Security Engineer' },
    { ...base, track: 'Security Analyst', level: 'L3' },
    { ...base, level: 'L2' },
  ];
  it('names the variant always and the track only when the company has several', () => {
    expect(selectLevel(pages[0], pages)).toEqual({ company: 'acme', level: 'L3', track: 'Security Engineer', variant: 'Senior Cloud Security Engineer' });
    expect(selectLevel(pages[3], pages.slice(3))).toEqual({ company: 'acme', level: 'L2', track: undefined, variant: undefined });
  });
  it('selects exactly one of two variants, or both when the URL names only the level', () => {
    const one = selectLevel(pages[1], pages);
    expect(pages.filter((p) => isSelectedLevel(p, one))).toEqual([pages[1]]);
    expect(pages.filter((p) => isSelectedLevel(p, { company: 'acme', level: 'L3' }))).toHaveLength(3);
    expect(pages.filter((p) => isSelectedLevel(p, { company: 'acme' }))).toHaveLength(0);
  });
  it('labels a page with its variant', () => {
    expect(levelName(pages[0])).toBe('Acme L3 (Senior Cloud Security Engineer)');
    expect(levelName(pages[2], true)).toBe('Acme Security Analyst L3');
  });
});
