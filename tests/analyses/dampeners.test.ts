import { describe, expect, it } from 'vitest';
import { placeLevels } from '../../src/analyses/index.ts';
import { row, scaleCues } from './seed-analysis.ts';

describe('scope words that do not describe the person’s reach', () => {
  it('count little after "not expected to" or "not yet"', () => {
    const place = (text: string) =>
      placeLevels({ statements: [row('a', '1', 1, 'Fixes small bugs with assistance.'), row('a', '1', 1, text)] }, { scaleCues })[0].position;
    expect(place('Is not expected to lead work across multiple teams.')).toBeLessThan(2.5);
    // A level reading is a robust mean, so one far phrase beside an agreeing pair moves it by about half a step.
    expect(place('Leads work across multiple teams.')).toBeGreaterThan(place('Is not expected to lead work across multiple teams.') + 0.4);
    expect(place('Does not yet influence the company-wide roadmap.')).toBeLessThan(place('Influences the company-wide roadmap.') - 0.4);
  });
});
