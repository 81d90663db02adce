import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCues } from '../../src/taxonomy/compile-cues.ts';
import { parseLabelledSet } from '../../src/taxonomy/labelled-set.ts';
import { compilePhrases, matchPhrases } from '../../src/taxonomy/match-phrases.ts';
import { splitText, stemNumber } from '../../src/text/index.ts';
import { fixturePath, taxonomy } from './helpers.ts';

const texts = parseLabelledSet(readFileSync(fixturePath('labelled-statements.csv'), 'utf8')).map((r) => r.text);

describe('matchPhrases(tokens, index, numbers)', () => {
  it('finds the same phrases with the stems numbered as by name, overlaps resolved alike', () => {
    const cues = compileCues(taxonomy);
    let found = 0;
    for (const text of [...texts, 'code review of the code review process; on-call on call on-call rotation']) {
      const { stems, ids } = splitText(text);
      expect(ids).toHaveLength(stems.length);
      const byName = matchPhrases(stems, cues);
      expect(matchPhrases(stems, cues, ids)).toEqual(byName);
      found += byName.length;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('reads a stem past the numbers (-1) by name', () => {
    const index = compilePhrases([{ phrase: 'threat model', value: 1 }]);
    const stems = ['build', 'threat', 'model'];
    expect(matchPhrases(stems, index, [stemNumber('build'), -1, stemNumber('model')])).toEqual([{ start: 1, length: 2, value: 1 }]);
  });
});
