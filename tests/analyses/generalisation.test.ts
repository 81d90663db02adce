/**
 * Placement and mapping on ladders the cues were not first written for: five ladders in our own words, shaped like
 * public engineering ladders (tests/fixtures/generalisation), with expectations written before the first run.
 * Properties, not exact numbers: native order before the fit, Staff above Senior, entry and top levels where a
 * reader would put them, Senior at one company ≈ Senior at another.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapLevel, type LevelPlacement } from '../../src/analyses/index.ts';
import { classifyText, parsePriors } from '../../src/taxonomy/index.ts';
import { evaluate } from '../../src/taxonomy/evaluate.ts';
import { parseLabelledSet } from '../../src/taxonomy/labelled-set.ts';
import { expectations, figures, findLevel, GENERALISATION_DIR, runGeneralisation } from './generalisation-metrics.ts';
import { taxonomy } from './seed-analysis.ts';

const run = runGeneralisation();
const textOnly = runGeneralisation({ withTitles: false });
const f = figures(run);
const companies = [...new Set(expectations.levels.map((e) => e.company))];
const ladder = (c: string, levels: readonly LevelPlacement[] = run.analysis.levels) => levels.filter((l) => l.company === c).sort((a, b) => a.levelOrder - b.levelOrder);
const titled = (c: string, re: RegExp) => ladder(c).filter((l) => re.test(l.levelTitle));

describe('generalisation ladders: placement', () => {
  it('reads every fixture ladder and level the expectations name', () => {
    expect(companies.length).toBeGreaterThanOrEqual(5);
    for (const e of expectations.levels) expect(findLevel(run.analysis.levels, e.company, e.level).basis).toBe('evidence');
  });
  it(`keeps native order before the isotonic fit for most levels (now ${f.pairOrder.ok}/${f.pairOrder.n} adjacent pairs, ${f.ladderOrder.ok}/${f.ladderOrder.n} ladders)`, () => {
    expect(f.pairOrder.ok / f.pairOrder.n, f.pairOrder.failing.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(f.ladderOrder.ok).toBeGreaterThanOrEqual(f.ladderOrder.n - 1);
  });
  it('keeps native order from the statement text alone, without the title words', () => {
    const g = figures(textOnly);
    expect(g.pairOrder.ok / g.pairOrder.n, g.pairOrder.failing.join('\n')).toBeGreaterThanOrEqual(0.85);
  });
  it(`lies close to the positions we wrote down before the first run (mean error now ${f.mae.toFixed(2)})`, () => {
    expect(f.mae).toBeLessThanOrEqual(0.5);
    expect(f.inBand.ok / f.inBand.n, f.inBand.failing.join('\n')).toBeGreaterThanOrEqual(0.8);
  });
  it('puts every Staff level above every Senior level of its own ladder, with room between', () => {
    for (const c of companies) {
      const senior = titled(c, /^senior (?!staff)/i);
      const staff = titled(c, /^staff/i);
      for (const s of senior) for (const t of staff) expect(t.position - s.position, `${t.label} vs ${s.label}`).toBeGreaterThanOrEqual(0.75);
    }
  });
  it('places Principal at 5 or above and entry levels at 2.5 or below', () => {
    const principals = companies.flatMap((c) => titled(c, /principal/i));
    expect(principals.length).toBeGreaterThanOrEqual(4);
    for (const p of principals) expect(p.position, p.label).toBeGreaterThanOrEqual(5);
    for (const c of companies) expect(ladder(c)[0].position, ladder(c)[0].label).toBeLessThanOrEqual(2.5);
  });
  it('reads the same title the same way across companies: Senior levels within about a step of each other, Staff too', () => {
    for (const re of [/^senior (?!staff)/i, /^staff/i]) {
      const ps = companies.flatMap((c) => titled(c, re)).map((p) => p.position);
      expect(Math.max(...ps) - Math.min(...ps), String(re)).toBeLessThanOrEqual(1.25);
    }
  });
});

describe('generalisation ladders: mapping', () => {
  it(`agrees with our mapping judgements on at least 80% of pairs (now ${f.mapping.ok}/${f.mapping.n})`, () => {
    expect(f.mapping.ok / f.mapping.n, f.mapping.misses.join('\n')).toBeGreaterThanOrEqual(0.8);
  });
  it('maps Senior at one company to Senior at every other, and Staff to Staff', () => {
    for (const [re, from] of [[/^senior (?!staff)/i, 'brightwave:L5'], [/^staff/i, 'brightwave:L6']] as const) {
      for (const t of mapLevel(from, run.statements, run.analysis.levels).targets) {
        const got = run.analysis.levels.find((l) => l.key === t.best.key)!;
        expect(t.relation, `${from} → ${t.company}`).toBe('match');
        expect(got.levelTitle, `${from} → ${t.company}`).toMatch(re);
      }
    }
  });
  it('says "above" or names the top level for a Distinguished engineer mapped to a ladder that stops at Principal', () => {
    const t = mapLevel('tidewater:Distinguished Engineer', run.statements, run.analysis.levels, { to: 'brightwave' }).targets[0];
    expect(t.relation === 'above' || t.best.level === 'L8').toBe(true);
  });
});

describe('generalisation ladders: classification', () => {
  const rows = parseLabelledSet(readFileSync(`${GENERALISATION_DIR}/labelled-statements.csv`, 'utf8'));
  const priors = parsePriors(readFileSync('data/section-priors.json', 'utf8'), taxonomy);
  it('agrees with our labels (written before the first run) on at least 85% of 60+ statements', () => {
    const ids = taxonomy.competencies.map((c) => c.id);
    const e = evaluate(rows.map((r) => ({ acceptable: r.acceptable, predicted: classifyText(r.text, { taxonomy, priors, section: r.section }).competency })), ids);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(e.top1).toBeGreaterThanOrEqual(0.85);
  });
});
