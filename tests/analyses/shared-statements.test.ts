import { describe, expect, it } from 'vitest';
import { sharedStatements, shingleIds } from '../../src/analyses/shared-statements.ts';
import { sharedLinks } from '../../src/analyses/place-levels.ts';
import { DEFAULT_CALIBRATION } from '../../src/analyses/calibrate-levels.ts';
import { row } from './seed-analysis.ts';
import { normalWordNumber, normaliseText } from '../../src/analyses/text.ts';
import { bundled } from '../helpers.ts';

const SAME = 'I lead by example and hold my peers and teams to a high bar of quality.';
const ALMOST = 'I lead by example and hold my peers and my teams to a high bar of quality.';
const OTHER = 'I write clear design documents for the projects I own.';

describe('sharedStatements(statements)', () => {
  it('counts statements of one level that recur, word for word or nearly, in a level of another ladder', () => {
    const rows = [row('a', 'L3', 3, SAME), row('a', 'L3', 3, OTHER), row('b', 'L3', 3, ALMOST), row('b', 'L4', 4, 'I mentor others.')];
    const counts = sharedStatements(rows);
    expect(counts).toEqual([
      { a: 'a|eng|L3', b: 'b|eng|L3', shared: 1 },
      { a: 'b|eng|L3', b: 'a|eng|L3', shared: 1 },
    ]);
  });
  it('ignores repeats inside one ladder and statements that only share a few words', () => {
    const rows = [row('a', 'L3', 3, SAME), row('a', 'L4', 4, SAME), row('b', 'L1', 1, 'I lead by example in my own team every day.')];
    expect(sharedStatements(rows)).toEqual([]);
  });
  it('counts the same once the process has numbered as many words as it may (later words numbered per call)', () => {
    const texts = [SAME, ALMOST, OTHER, 'I mentor others.', 'Mentor others', 'I write clear design documents for projects I own.'];
    const mark = (t: string, suffix: string) => t.replace(/\w+/g, (w) => (w.length > 3 ? w + suffix : w));
    // and two levels whose texts share no word: not shared however their words are numbered
    const rowsOf = (suffix: string) => [
      ...texts.map((t) => mark(t, suffix)).flatMap((t, i) => [row('a', `L${i}`, i, t), row('b', `L${i % 3}`, i % 3, t)]),
      row('a', 'L9', 9, mark('Writes threat models before launches', suffix)),
      row('b', 'L9', 9, mark('Reviews vendor access every quarter', suffix)),
    ];
    const before = sharedStatements(rowsOf('q'));
    expect(before.length).toBeGreaterThan(2);
    for (let i = 0; normalWordNumber(`filler${i}`) >= 0; i++);
    // words not seen before now have no number; short ones (I, my, to, a…) still have theirs
    expect(normalWordNumber('mentorz')).toBe(-1);
    expect(sharedStatements(rowsOf('z'))).toEqual(before);
  });
});

describe('shingleIds(rows)', () => {
  it("numbers every bundled statement's shingles as a map of the words' texts does", () => {
    const rows = bundled().statements;
    const ids = new Map<string, number>();
    const expected = rows.map((r) => {
      const ws = normaliseText(r.text).split(' ').filter(Boolean);
      const keys = ws.length < 3 ? (ws.length ? [ws.join(' ')] : []) : ws.slice(2).map((_, i) => ws.slice(i, i + 3).join(' '));
      const set: number[] = [];
      for (const k of keys) {
        if (!ids.has(k)) ids.set(k, ids.size);
        if (!set.includes(ids.get(k)!)) set.push(ids.get(k)!);
      }
      return set;
    });
    const { sets, count } = shingleIds(rows);
    expect(count).toBe(ids.size);
    expect(count).toBeGreaterThan(5000);
    expect(sets.map((s) => [...s])).toEqual(expected);
  });
});

describe('sharedLinks(statements)', () => {
  it('links two levels only when each is the other’s best-sharing level, with two or more shared statements', () => {
    const texts = [SAME, OTHER, 'I own the quarterly security goals of my team and deliver them on time.'];
    const rows = [
      ...texts.map((t) => row('a', 'L3', 3, t)),
      ...texts.map((t) => row('b', 'L3', 3, t)),
      // b's L4 repeats one of them (a template sentence): not the best for a's L3, so not linked.
      row('b', 'L4', 4, SAME),
    ];
    const links = sharedLinks(rows, DEFAULT_CALIBRATION);
    expect(links.map((l) => [l.a, l.b, l.shared])).toEqual([['a|eng|L3', 'b|eng|L3', 3]]);
    expect(links[0].weight).toBe(Math.min(DEFAULT_CALIBRATION.shared.max, 3 * DEFAULT_CALIBRATION.shared.perStatement));
  });
});
