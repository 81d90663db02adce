/**
 * Placement, mapping and classification on ladders the cues were not first written for: own-words ladders shaped
 * like public engineering ladders, with expectations and labels written before the pipeline was first run on them
 * (tests/fixtures/generalisation: five ladders; generalisation-2: three more, written after the changes made for
 * the first round; generalisation-3 and -4: two more each, written after the second and third rounds' changes). Properties, not exact numbers: native order before the fit, Staff above
 * Senior, entry and top levels where a reader would put them, Senior at one company ≈ Senior at another.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapLevel, type LevelPlacement } from '../../src/analyses/index.ts';
import { classifyText, parsePriors } from '../../src/taxonomy/index.ts';
import { evaluate } from '../../src/taxonomy/evaluate.ts';
import { parseLabelledSet } from '../../src/taxonomy/labelled-set.ts';
import { figures, findLevel, readExpectations, runGeneralisation } from './generalisation-metrics.ts';
import { taxonomy } from './seed-analysis.ts';

const SENIOR = /^senior (?!staff)/i;
const STAFF = /^staff/i;

const DIRS = ['tests/fixtures/generalisation', 'tests/fixtures/generalisation-2', 'tests/fixtures/generalisation-3', 'tests/fixtures/generalisation-4'];

describe.each([
  { dir: 'tests/fixtures/generalisation', floors: { pairs: 0.9, textPairs: 0.85, mae: 0.4, band: 0.85, mapping: 0.85, classify: 0.85 } },
  { dir: 'tests/fixtures/generalisation-2', floors: { pairs: 0.9, textPairs: 0.8, mae: 0.45, band: 0.8, mapping: 0.75, classify: 0.85 } },
  { dir: 'tests/fixtures/generalisation-3', floors: { pairs: 0.9, textPairs: 0.85, mae: 0.4, band: 0.8, mapping: 0.8, classify: 0.85 } },
  { dir: 'tests/fixtures/generalisation-4', floors: { pairs: 0.9, textPairs: 0.85, mae: 0.4, band: 0.8, mapping: 0.6, classify: 0.85 } },
])('own-words ladders in $dir', ({ dir, floors }) => {
  const exp = readExpectations(dir);
  const run = runGeneralisation({ dir });
  const f = figures(run, exp);
  const companies = [...new Set(exp.levels.map((e) => e.company))];
  const ladder = (c: string) => run.analysis.levels.filter((l) => l.company === c).sort((a, b) => a.levelOrder - b.levelOrder);
  const titled = (c: string, re: RegExp) => ladder(c).filter((l) => re.test(l.levelTitle));
  const titleOf = (key: string) => run.analysis.levels.find((l) => l.key === key)!.levelTitle;

  it('reads every ladder and level the expectations name, each from its own evidence', () => {
    expect(companies.length).toBeGreaterThanOrEqual(2);
    for (const e of exp.levels) expect(findLevel(run.analysis.levels, e.company, e.level).basis).toBe('evidence');
  });
  it(`keeps native order before the isotonic fit for most level pairs (now ${f.pairOrder.ok}/${f.pairOrder.n})`, () => {
    expect(f.pairOrder.ok / f.pairOrder.n, f.pairOrder.failing.join('\n')).toBeGreaterThanOrEqual(floors.pairs);
  });
  it('keeps most of that order from the statement text alone, title words ignored', () => {
    const g = figures(runGeneralisation({ dir, withTitles: false }), exp);
    expect(g.pairOrder.ok / g.pairOrder.n, g.pairOrder.failing.join('\n')).toBeGreaterThanOrEqual(floors.textPairs);
  });
  it(`lies close to the positions we wrote down before the first run (mean error now ${f.mae.toFixed(2)})`, () => {
    expect(f.mae).toBeLessThanOrEqual(floors.mae);
    expect(f.inBand.ok / f.inBand.n, f.inBand.failing.join('\n')).toBeGreaterThanOrEqual(floors.band);
  });
  it('puts every Staff level at least half a step above every Senior level of its own ladder', () => {
    for (const c of companies) for (const s of titled(c, SENIOR)) for (const t of titled(c, STAFF)) expect(t.position - s.position, `${t.label} vs ${s.label}`).toBeGreaterThanOrEqual(0.5);
  });
  it('places Principal and Distinguished at 5 or above and every ladder’s entry level at 2.5 or below', () => {
    const tops = companies.flatMap((c) => titled(c, /principal|distinguished/i));
    expect(tops.length).toBeGreaterThanOrEqual(2);
    for (const p of tops) expect(p.position, p.label).toBeGreaterThanOrEqual(5);
    for (const c of companies) expect(ladder(c)[0].position, ladder(c)[0].label).toBeLessThanOrEqual(2.5);
  });
  it('reads the same title alike across companies: Senior levels within about a step of each other, Staff too', () => {
    for (const re of [SENIOR, STAFF]) {
      const ps = companies.flatMap((c) => titled(c, re)).map((p) => p.position);
      expect(Math.max(...ps) - Math.min(...ps), String(re)).toBeLessThanOrEqual(1.25);
    }
  });
  it(`agrees with our mapping judgements (now ${f.mapping.ok}/${f.mapping.n})`, () => {
    expect(f.mapping.ok / f.mapping.n, f.mapping.misses.join('\n')).toBeGreaterThanOrEqual(floors.mapping);
  });
  it('maps Staff at one company to a Staff or Senior Staff level at every other that has one', () => {
    for (const c of companies) {
      const from = titled(c, STAFF)[0];
      if (!from) continue;
      for (const t of mapLevel(from.key, run.statements, run.analysis.levels).targets) {
        if (companies.includes(t.company) && titled(t.company, STAFF).length) expect(titleOf(t.best.key), `${from.label} → ${t.company}`).toMatch(/staff/i);
      }
    }
  });
  it('agrees with our statement labels (written before the first run) on most statements', () => {
    // First runs, before any cue was changed for the set: 50/62, 39/47, 45/51, 30/35.
    const rows = parseLabelledSet(readFileSync(`${dir}/labelled-statements.csv`, 'utf8'));
    const priors = parsePriors(readFileSync('data/section-priors.json', 'utf8'), taxonomy);
    const ids = taxonomy.competencies.map((c) => c.id);
    const e = evaluate(rows.map((r) => ({ acceptable: r.acceptable, predicted: classifyText(r.text, { taxonomy, priors, section: r.section }).competency })), ids);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(e.top1).toBeGreaterThanOrEqual(floors.classify);
  });
});

describe('own-words ladders, all rounds together', () => {
  it('maps Senior at one company to Senior at another in most pairs within a round', () => {
    let same = 0;
    let pairs = 0;
    for (const dir of DIRS) {
      const run = runGeneralisation({ dir });
      const companies = [...new Set(readExpectations(dir).levels.map((e) => e.company))];
      const title = (key: string) => run.analysis.levels.find((l) => l.key === key)!.levelTitle;
      for (const from of run.analysis.levels.filter((l) => companies.includes(l.company) && SENIOR.test(l.levelTitle))) {
        for (const t of mapLevel(from.key, run.statements, run.analysis.levels).targets) {
          if (!companies.includes(t.company) || !run.analysis.levels.some((l) => l.company === t.company && SENIOR.test(l.levelTitle))) continue;
          pairs++;
          if (SENIOR.test(title(t.best.key))) same++;
        }
      }
    }
    // Measured 25/30 (22/30 before titles broke ties on the text): Senior spans about a step across ladders (3.3–4.4), so a Senior often sits halfway between two levels elsewhere.
    expect(same / pairs).toBeGreaterThanOrEqual(0.65);
  });
});

describe('own-words ladders: honest edges', () => {
  const run = runGeneralisation();
  it('says "above" or names the top level for a Distinguished engineer mapped to a ladder that stops at Principal', () => {
    const t = mapLevel('tidewater:Distinguished Engineer', run.statements, run.analysis.levels, { to: 'brightwave' }).targets[0];
    expect(t.relation === 'above' || t.best.level === 'L8').toBe(true);
  });
  it('keeps levels that share a title ("Data Engineer" at E3 and E4) apart and in order', () => {
    const [e3, e4] = ['E3', 'E4'].map((l) => findLevel(run.analysis.levels, 'meridian', l));
    expect(e3.levelTitle).toBe(e4.levelTitle);
    expect(e4.position).toBeGreaterThan(e3.position);
  });
});

export type { LevelPlacement };
