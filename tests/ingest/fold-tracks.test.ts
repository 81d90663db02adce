import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parentTracks } from '../../src/ingest/fold-tracks.ts';

/** The rule as the docs state it: the first (shortest) other track whose every word the track has. */
const byDefinition = (tracks: string[], track: string) => {
  const words = new Set(track.toLowerCase().split(' '));
  return tracks.find((t) => t !== track && t.toLowerCase().split(' ').every((w) => words.has(w)));
};

describe('parentTracks', () => {
  it('folds a track into the shortest track whose words it contains, whatever their order or case', () => {
    const tracks = ['Security', 'Security Engineer', 'Cloud Security Engineer', 'Engineer Security Lead', 'Product Designer'];
    expect(Object.fromEntries(parentTracks(tracks))).toEqual({
      'Security Engineer': 'Security',
      'Cloud Security Engineer': 'Security',
      'Engineer Security Lead': 'Security',
    });
    expect(Object.fromEntries(parentTracks(['security engineer', 'Cloud Security Engineer']))).toEqual({ 'Cloud Security Engineer': 'security engineer' });
  });

  it('agrees with the rule on tracks of few words', () => {
    const word = fc.constantFrom('security', 'Security', 'engineer', 'cloud', 'lead', '', 'a');
    const track = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')).filter(Boolean);
    fc.assert(fc.property(fc.uniqueArray(track, { maxLength: 12 }), (list) => {
      const tracks = [...list].sort((a, b) => a.length - b.length);
      const parents = parentTracks(tracks);
      for (const t of tracks) expect(parents.get(t)).toBe(byDefinition(tracks, t));
    }), { seed: 14, numRuns: 500 });
  });
});
