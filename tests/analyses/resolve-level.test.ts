import { describe, expect, it } from 'vitest';
import { LevelRefError, mapLevel, resolveLevel } from '../../src/analyses/index.ts';
import { atlasOf } from '../helpers.ts';

// Issue 10 item 6 and issue 15: a company with several tracks is named with its track, and the CLI reads it back.
const { analysis, statements } = atlasOf('data');
const levels = analysis.levels;
const fails = (ref: string) => {
  try {
    resolveLevel(ref, levels);
  } catch (e) {
    if (e instanceof LevelRefError) return e;
    throw e;
  }
  throw new Error(`${ref} resolved`);
};

describe('level labels and names name the track when a company has several', () => {
  it('labels: company:track:level for Octopus (three tracks), company:level for Teleport and Dropbox', () => {
    const label = (key: string) => levels.find((p) => p.key === key)!.label;
    expect(label('octopus|Security Analyst|L2')).toBe('octopus:security-analyst:L2');
    expect(label('octopus|Security Engineer|L2')).toBe('octopus:security-engineer:L2');
    expect(label('teleport|Security Engineering|3')).toBe('teleport:3');
    expect(new Set(levels.map((p) => p.label)).size).toBe(levels.length);
  });
  it('display names: "Octopus Deploy Security Analyst L2", "Teleport 3", never a bare id', () => {
    const name = (key: string) => levels.find((p) => p.key === key)!.name;
    expect(name('octopus|Security Analyst|L2')).toBe('Octopus Deploy Security Analyst L2');
    expect(name('teleport|Security Engineering|3')).toBe('Teleport 3');
    expect(new Set(levels.map((p) => p.name)).size).toBe(levels.length);
  });
  it('map explanations use display names, with the track', () => {
    const r = mapLevel('octopus:analyst:L2', statements, levels);
    const eng = r.targets.find((t) => t.company === 'octopus' && t.track === 'Security Engineer')!;
    expect(eng.explanation).toMatch(/^Octopus Deploy Security Analyst L2 at [\d.]+ .*(closest to|below every|above every) Octopus Deploy Security Engineer/);
    for (const t of r.targets) expect(t.explanation).not.toMatch(/\b(octopus|dropbox|teleport):/);
  });
  it('maps a hire onto every other track of its own company too', () => {
    const r = mapLevel('octopus:analyst:L3', statements, levels);
    expect(r.targets.filter((t) => t.company === 'octopus').map((t) => t.track).sort()).toEqual(['Management', 'Security Engineer']);
  });
});

describe('resolveLevel reads company:track:level', () => {
  it('matches the track by name, slug or a unique prefix of a word of it', () => {
    for (const ref of ['octopus:analyst:L3', 'octopus:security-analyst:L3', 'octopus:Security Analyst:L3', 'Octopus Deploy:anal:3']) {
      expect(resolveLevel(ref, levels).key, ref).toBe('octopus|Security Analyst|L3');
    }
    expect(resolveLevel('octopus:management:L5', levels).key).toBe('octopus|Management|L5');
    expect(resolveLevel('octopus:L5', levels).key).toBe('octopus|Management|L5');
  });
  it('reads back every label it prints', () => {
    for (const p of levels) expect(resolveLevel(p.label, levels).key, p.label).toBe(p.key);
  });
  it('says which references would work when a name is ambiguous', () => {
    const e = fails('octopus:L4');
    expect(e.message).toBe('"octopus:L4" matches 2 levels; name one');
    expect(e.candidates).toEqual(['octopus:security-analyst:L4', 'octopus:security-engineer:L4']);
    const t = fails('octopus:security:L2');
    expect(t.message).toMatch(/"security" matches several tracks of octopus \(Security Analyst, Security Engineer\); its tracks are management, security-analyst, security-engineer/);
    expect(fails('octopus:nope:L2').message).toMatch(/matches no track of octopus/);
  });
});
