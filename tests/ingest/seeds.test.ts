import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineAccounting, repairMojibake } from '../../src/ingest/index.ts';
import { SEED_FILES, file, seeds } from '../helpers.ts';

const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;

describe('the five seed files', () => {
  const set = seeds();

  it('stay byte for byte as received (SHA-256 of the user\'s files), beside the pages bundled with them', () => {
    const sha = (path: string) => createHash('sha256').update(fs.readFileSync(path)).digest('hex');
    expect(Object.fromEntries(SEED_FILES.map((f) => [f.split('/').pop(), sha(`data/${f}`)]))).toEqual({
      'dropbox-ic6-principal-security-engineer.md': '5474823753f591d27eab84b69af998b3d54fb40f2cc378fdd6ee23582c54465b',
      'octopus-l2-security-engineer.md': 'f9a1247201d4551119f819fe174b63756b58b02aaf593a902cf88b685e28a677',
      'octopus-l3-senior-cloud-security-engineer.md': 'b5c6bd5697981a46c95c3172652e84c7802fc65db662115b8a7c5cab2f5f5728',
      'octopus-l4-security-engineer-technical-lead.md': '5d3715daafe2c7ba899a8a734f8ac0bab0619dc4096862794b37e907f5f03787',
      'teleport-security-engineering-levels.tsv': 'ed387edc8ea92617a7f8498291151bd9d5c4c4edb410a3c29d9ab103fdd9987f',
    });
  });
  const by = (name: string) => set.statements.filter(file(name));

  it('load without diagnostics into Dropbox IC6, Octopus L2–L4 and Teleport 1–6', () => {
    expect(set.diagnostics).toEqual([]);
    expect(set.levels.map((l) => `${l.company}:${l.level}`)).toEqual([
      'dropbox:IC6', 'octopus:L2', 'octopus:L3', 'octopus:L4',
      'teleport:1', 'teleport:2', 'teleport:3', 'teleport:4', 'teleport:5', 'teleport:6',
    ]);
    expect(set.levels.find((l) => l.level === 'L4')?.levelTitle).toBe('Security Engineer Technical Lead');
    expect(set.levels.find((l) => l.level === 'IC6')?.levelTitle).toBe('Principal Security Engineer');
    expect(set.levels.find((l) => l.company === 'octopus')?.companyName).toBe('Octopus Deploy');
  });

  it('keep native level order', () => {
    const order = (c: string) => set.levels.filter((l) => l.company === c).map((l) => l.levelOrder);
    expect(order('octopus')).toEqual([2, 3, 4]);
    expect(order('teleport')).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('pin statement counts per file and kind', () => {
    const kinds = (name: string) => {
      const out: Record<string, number> = {};
      for (const s of by(name)) out[s.kind] = (out[s.kind] ?? 0) + 1;
      return out;
    };
    expect(kinds('dropbox-ic6-principal-security-engineer.md')).toEqual({ summary: 3, expectation: 63, note: 2 });
    expect(kinds('octopus-l2-security-engineer.md')).toEqual({ summary: 1, attribute: 4, expectation: 10, placeholder: 6, example: 4 });
    expect(kinds('octopus-l3-senior-cloud-security-engineer.md')).toEqual({ summary: 1, attribute: 4, expectation: 20, example: 18 });
    expect(kinds('octopus-l4-security-engineer-technical-lead.md')).toEqual({ summary: 1, attribute: 4, expectation: 22, example: 12, placeholder: 8 });
    expect(kinds('teleport-security-engineering-levels.tsv')).toEqual({ expectation: 46, placeholder: 6 });
    expect(set.statements).toHaveLength(235);
  });

  it('find the 14 placeholders ("TBD.", "?") and the 6 empty Teleport cells', () => {
    const placeholders = set.statements.filter((s) => s.flags.includes('placeholder'));
    expect(placeholders).toHaveLength(14);
    expect(new Set(placeholders.map((s) => s.text))).toEqual(new Set(['TBD.', '?']));
    const empty = set.statements.filter((s) => s.flags.includes('empty-cell'));
    expect(empty.map((s) => `${s.level}:${s.section}`)).toEqual([
      '2:Knowledge', '5:Knowledge', '5:Threat Fluency', '5:Scope', '6:Knowledge', '6:Threat Fluency',
    ]);
    expect(empty.every((s) => s.kind === 'placeholder' && s.text === '')).toBe(true);
  });

  it('flag the cut Teleport level 3 Knowledge cell at both ends without completing it', () => {
    const cut = set.statements.filter((s) => s.flags.includes('truncated'));
    expect(cut.map((s) => s.text)).toEqual([
      'edge within one field and broad familiarity across adjacent fields.',
      'Proficiently navigate Teleport policies, code-',
    ]);
    expect(cut.every((s) => s.level === '3' && s.section === 'Knowledge')).toBe(true);
  });

  it('split Teleport cells into one statement per sentence', () => {
    const knowledge1 = set.statements.filter((s) => s.company === 'teleport' && s.level === '1' && s.section === 'Knowledge');
    expect(knowledge1.map((s) => s.text.split(' ')[0])).toEqual(['Proficient', 'Knows', 'Comfortable', 'Rapidly', 'Learns']);
    expect(new Set(knowledge1.map((s) => s.source.line))).toEqual(new Set([4]));
  });

  it('keep the four Dropbox lines without "- " as separate, flagged statements', () => {
    const loose = set.statements.filter((s) => s.flags.includes('unbulleted'));
    expect(loose.map((s) => s.text.split(' ')[0])).toEqual(['Amongst', 'Working', 'Teams', 'The']);
    expect(loose.map((s) => s.source.line)).toEqual([30, 112, 138, 141]);
    expect(loose.every((s) => s.kind === 'expectation' && s.company === 'dropbox')).toBe(true);
  });

  it('read the two cap notes as notes, not behaviours', () => {
    const notes = set.statements.filter((s) => s.kind === 'note');
    expect(notes.map((s) => s.section)).toEqual(['Craft › Technology Fluency', 'Craft › Threat Fluency']);
    expect(notes[1].text).toMatch(/^The expectations for threat fluency do not go up beyond L5/);
  });

  it('keep section subtitles as structure and build section paths', () => {
    expect(set.statements.some((s) => s.text.startsWith('Area of ownership'))).toBe(false);
    const dropbox = by('dropbox-ic6-principal-security-engineer.md');
    expect(new Set(dropbox.map((s) => s.section))).toContain('Craft › Security Execution');
    expect(dropbox.filter((s) => s.kind === 'summary').map((s) => s.section)).toEqual(['', 'Craft', 'Craft']);
  });

  it('parse Octopus header facts into structured attributes', () => {
    const attrs = set.statements.filter((s) => s.kind === 'attribute');
    expect(attrs).toHaveLength(12);
    const radius = attrs.filter((s) => s.attribute?.name === 'impactRadius').map((s) => [s.level, s.attribute?.value, s.attribute?.min, s.attribute?.max]);
    expect(radius).toEqual([['L2', 'Self plus some team mates', undefined, undefined], ['L3', 'Peers (2-5)', 2, 5], ['L4', 'Team (5-15)', 5, 15]]);
    const horizon = attrs.find((s) => s.level === 'L4' && s.attribute?.name === 'planningHorizon');
    expect(horizon?.attribute).toMatchObject({ min: 6, max: 12, unit: 'months' });
    expect(attrs.filter((s) => s.attribute?.name === 'directionNeeded')).toHaveLength(3);
  });

  it('repair the mojibake section headers so no mangled text is left', () => {
    const sections = new Set(set.statements.filter((s) => s.company === 'octopus').map((s) => s.section));
    expect(sections).toEqual(new Set(['', 'Domain expertise', 'Teaching and Mentoring', 'Culture and Leadership', 'Customer Success', 'Business Success']));
    for (const s of set.statements) {
      expect(repairMojibake(s.text).repaired).toBe(0);
      expect(repairMojibake(s.section).repaired).toBe(0);
    }
    expect(count(set.statements, (s) => s.flags.includes('mojibake-repaired') && s.source.file.includes('-l2-'))).toBe(0);
    expect(count(set.statements, (s) => s.flags.includes('mojibake-repaired') && s.source.file.includes('-l3-'))).toBe(38);
  });

  it('flag the statement that only points to another document', () => {
    const refs = set.statements.filter((s) => s.flags.includes('external-reference'));
    expect(refs).toHaveLength(1);
    expect(refs[0].text).toMatch(/^I encompass all of the qualities listed in Leadership \(https:/);
  });

  it('keep curly quotes and normalise white space', () => {
    const best = set.statements.find((s) => s.text.startsWith('Amongst'));
    expect(best?.text).toContain('“one of the best”');
    expect(set.statements.some((s) => /\s{2,}|^\s|\s$|\t/.test(s.text))).toBe(false);
  });

  it('account for 100% of the lines of every file', () => {
    for (const f of set.files) {
      const a = lineAccounting(f);
      expect(a.accounted, f.file).toBe(1);
      expect(a.skipped, f.file).toBe(0);
      expect(a.statement + a.structure, f.file).toBe(a.nonBlank);
    }
  });

  it('give every statement a unique id and file:line provenance', () => {
    const ids = set.statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of set.statements) {
      expect(s.source.line).toBeGreaterThan(0);
      expect(s.source.file).toMatch(/^ladders\/(dropbox|octopus|teleport)\//);
    }
  });
});
