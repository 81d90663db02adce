import { describe, expect, it } from 'vitest';
import { placeLevels } from '../../src/analyses/index.ts';
import { sharedTitleWords } from '../../src/analyses/place-levels.ts';
import { titleHits } from '../../src/analyses/statement-evidence.ts';
import { row, scaleCues } from './seed-analysis.ts';

const value = (title: string, ignore?: Set<string>) => titleHits(title, scaleCues, ignore).map((h) => h.value);

describe('reading a level title', () => {
  it('gives one reading: the highest seniority word, stepped up by a modifier beside it', () => {
    expect(value('Senior Security Operations Manager')).toEqual([5]);
    expect(value('Senior Security Engineer')).toEqual([3.5]);
    expect(value('Staff Engineer')).toEqual([5]);
    expect(value('Lead Cloud Engineer')).toEqual([4]);
  });
  it('reads nothing from the role name every level of a ladder carries, and a modifier without its role word says nothing', () => {
    const levels = ['Technical Program Manager', 'Senior Technical Program Manager', 'Staff Technical Program Manager'].map((t, i) => ({
      company: 'x', companyName: 'X', track: 'tpm', level: `L${i + 1}`, levelTitle: t, levelOrder: i + 1, files: [],
    }));
    const role = sharedTitleWords(levels, scaleCues).get('x|tpm')!;
    expect([...role]).toEqual(['manager']);
    expect(value('Technical Program Manager', role)).toEqual([]);
    expect(value('Senior Technical Program Manager', role)).toEqual([]);
    expect(value('Staff Technical Program Manager', role)).toEqual([5]);
  });
  it('keeps the words of a one-level ladder: nothing to compare them with', () => {
    const [p] = placeLevels({ statements: [row('x', 'M', 1, 'Runs the team.', { levelTitle: 'Engineering Manager' })] }, { scaleCues });
    expect(p.calibration!.readings.title).toBe(4.5);
  });
});

describe('scope words qualified by what follows them', () => {
  it('reads "inside and outside of the security team" as other teams, not the industry', () => {
    const [team] = placeLevels({ statements: [row('a', '1', 1, 'I share findings both inside and outside of the security team.')] }, { scaleCues });
    const [world] = placeLevels({ statements: [row('b', '1', 1, 'I am a recognized leader inside and outside of the company.')] }, { scaleCues });
    expect(team.evidence.every((e) => e.value <= 4)).toBe(true);
    expect(team.evidence.some((e) => e.match.endsWith('… team'))).toBe(true);
    expect(world.evidence.some((e) => e.value === 7)).toBe(true);
  });
});
