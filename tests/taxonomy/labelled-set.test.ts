import { readFileSync } from 'node:fs';
import { seeds } from '../helpers.ts';
import { describe, expect, it } from 'vitest';
import { classifyAll, classifyText } from '../../src/taxonomy/index.ts';
import { evaluate } from '../../src/taxonomy/evaluate.ts';
import { joinLabelled, parseLabelledSet } from '../../src/taxonomy/labelled-set.ts';
import { fixturePath, priors, taxonomy } from './helpers.ts';

const ids = taxonomy.competencies.map((c) => c.id);
const dev = parseLabelledSet(readFileSync(fixturePath('labelled-statements.csv'), 'utf8'));
const set = seeds();
const matches = joinLabelled(dev, set.statements);

/**
 * Regression floors, a little under what was measured (see README "Classifier quality").
 * The development set was labelled before the cues were tuned, but the cues were then written with it in view,
 * so its figure is optimistic. The three own-words sets (not seed text) were each labelled and run once before
 * any cue was changed for them — first-run top-1: holdout 86.7% (52/60), holdout-2 75.0% (30/40),
 * holdout-3 92.2% (47/51) — and general vocabulary was added after each, so they now serve as regression checks.
 */
const FLOORS = { dev: 0.95, holdout: 0.9, holdout2: 0.9, holdout3: 0.9 };

describe('the labelled development set', () => {
  it('has at least 120 seed statements from all three companies, covering all 16 competencies', () => {
    expect(dev.length).toBeGreaterThanOrEqual(120);
    expect(new Set(dev.map((r) => r.file.split('/')[1]))).toEqual(new Set(['dropbox', 'octopus', 'teleport']));
    expect(new Set(dev.flatMap((r) => r.acceptable))).toEqual(new Set(ids));
    expect(new Set(dev.map((r) => r.acceptable[0]))).toEqual(new Set(ids));
  });

  it('labels only known competencies', () => {
    for (const r of dev) for (const a of r.acceptable) expect(ids, `${r.file}:${r.line}`).toContain(a);
  });

  it('finds every labelled row in the ingested seeds by file, line and text', () => {
    expect(matches.filter((m) => !m.statement).map((m) => `${m.row.file}:${m.row.line}`)).toEqual([]);
  });

  it(`agrees with the labels on at least ${FLOORS.dev * 100}% of statements (top-1)`, () => {
    const classified = new Map(classifyAll(matches.map((m) => m.statement!), { taxonomy, priors }).map((s) => [s.id, s.competency ?? null]));
    const e = evaluate(matches.map((m) => ({ acceptable: m.row.acceptable, predicted: classified.get(m.statement!.id)! })), ids);
    expect(e.top1).toBeGreaterThanOrEqual(FLOORS.dev);
  });
});

describe.each([
  ['labelled-holdout.csv', FLOORS.holdout],
  ['labelled-holdout-2.csv', FLOORS.holdout2],
  ['labelled-holdout-3.csv', FLOORS.holdout3],
])('own-words statements not from the seeds (%s)', (file, floor) => {
  const rows = parseLabelledSet(readFileSync(fixturePath(file), 'utf8'));
  it(`agree with the labels on at least ${floor * 100}%`, () => {
    const e = evaluate(rows.map((r) => ({ acceptable: r.acceptable, predicted: classifyText(r.text, { taxonomy, priors, section: r.section }).competency })), ids);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(e.top1).toBeGreaterThanOrEqual(floor);
  });
});

/**
 * A second, blind labelling of every classifiable seed statement: made by a labeller who saw only the
 * taxonomy table in the design brief and the statement text — not the cues, priors or classifier output.
 * Measured once when it arrived: 200/201 = 99.5% top-1 (164/201 exactly the labeller's preferred label).
 */
describe('a blind second labelling of all classifiable seed statements', () => {
  const blind = parseLabelledSet(readFileSync(fixturePath('labelled-blind.csv'), 'utf8'));
  const joined = joinLabelled(blind, set.statements);
  it('covers every expectation, example and summary of the seeds', () => {
    expect(joined.filter((m) => !m.statement)).toEqual([]);
    expect(blind.length).toBe(set.statements.filter((s) => ['expectation', 'example', 'summary'].includes(s.kind)).length);
  });
  it('agrees on at least 95% (top-1)', () => {
    const classified = new Map(classifyAll(joined.map((m) => m.statement!), { taxonomy, priors }).map((s) => [s.id, s.competency ?? null]));
    const e = evaluate(joined.map((m) => ({ acceptable: m.row.acceptable, predicted: classified.get(m.statement!.id)! })), ids);
    expect(e.top1).toBeGreaterThanOrEqual(0.95);
  });
});
