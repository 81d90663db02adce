import { describe, expect, it } from 'vitest';
import { formatSelection, parseSelection, publicSelection, sameSelection, selectionUrl, updateSelection } from '../../src/app/selection.ts';

const VIEWS = ['overview', 'alignment', 'explorer'];

describe('selection in the URL', () => {
  it('round-trips every field through the query string', () => {
    const selection = { view: 'alignment', company: 'octopus', level: 'L3', competency: 'threat', q: 'on call & more', text: 'Leads\nteams', compare: 'dropbox,teleport' };
    expect(parseSelection(formatSelection(selection), 'overview', VIEWS)).toEqual(selection);
  });
  it('falls back to the default view for unknown or missing views and ignores unknown keys', () => {
    expect(parseSelection('?view=nope&company=teleport&evil=1', 'overview', VIEWS)).toEqual({ view: 'overview', company: 'teleport' });
    expect(parseSelection('', 'overview', VIEWS)).toEqual({ view: 'overview' });
  });
  it('writes keys in a stable order and leaves empty fields out', () => {
    expect(formatSelection({ view: 'explorer', level: '3', company: 'teleport', q: '' })).toBe('?view=explorer&company=teleport&level=3');
  });
});

describe('updateSelection', () => {
  it('clears the level when another company is chosen without one', () => {
    expect(updateSelection({ view: 'overview', company: 'octopus', level: 'L3' }, { company: 'teleport' })).toEqual({ view: 'overview', company: 'teleport' });
  });
  it('keeps company and level chosen together', () => {
    expect(updateSelection({ view: 'overview' }, { company: 'teleport', level: '4' })).toEqual({ view: 'overview', company: 'teleport', level: '4' });
  });
  it('replaces the track and variant of the previous level when another level is chosen', () => {
    const before = { view: 'overview', company: 'octopus', track: 'Security Analyst', level: 'L3', variant: 'Senior Cloud Security Engineer' };
    expect(updateSelection(before, { company: 'octopus', level: 'L2' })).toEqual({ view: 'overview', company: 'octopus', level: 'L2' });
    expect(updateSelection(before, { competency: 'risk' })).toEqual({ ...before, competency: 'risk' });
    expect(updateSelection(before, { level: undefined })).toEqual({ view: 'overview', company: 'octopus' });
  });
  it('removes fields patched to undefined', () => {
    const next = updateSelection({ view: 'overview', company: 'octopus', competency: 'risk' }, { competency: undefined });
    expect(next).toEqual({ view: 'overview', company: 'octopus' });
    expect(sameSelection(next, { view: 'overview', company: 'octopus' })).toBe(true);
  });
});

describe('what a URL may carry', () => {
  const uploaded = new Set(['confidentialco']);
  it('never pasted text', () => {
    expect(selectionUrl({ view: 'map', text: 'CONFIDENTIALJD leads the secret project' })).toBe('?view=map');
  });
  it('never the company, track, level or variant of a ladder uploaded in this browser; a bundled one as before', () => {
    expect(selectionUrl({ view: 'coverage', company: 'confidentialco', track: 'Red Team', level: 'L3', competency: 'risk' }, uploaded)).toBe('?view=coverage&competency=risk');
    expect(selectionUrl({ view: 'coverage', company: 'octopus', level: 'L3' }, uploaded)).toBe('?view=coverage&company=octopus&level=L3');
  });
  it('keeps the bundled companies of a comparison, leaves the uploaded ones out', () => {
    expect(selectionUrl({ view: 'divergence', compare: 'dropbox,confidentialco,teleport' }, uploaded)).toBe('?view=divergence&compare=dropbox%2Cteleport');
    expect(publicSelection({ view: 'divergence', compare: 'confidentialco' }, uploaded)).toEqual({ view: 'divergence' });
  });
  it('treats ladder keys (company|track) in a comparison, and the diff target level, by their company', () => {
    expect(publicSelection({ view: 'divergence', compare: 'octopus|Security Analyst,confidentialco|Red Team' }, uploaded)).toEqual({ view: 'divergence', compare: 'octopus|Security Analyst' });
    expect(publicSelection({ view: 'gaps', company: 'octopus', to: 'confidentialco|Red Team|L3' }, uploaded)).toEqual({ view: 'gaps', company: 'octopus' });
    expect(publicSelection({ view: 'gaps', company: 'octopus', to: 'octopus|Management|L5' }, uploaded)).toEqual({ view: 'gaps', company: 'octopus', to: 'octopus|Management|L5' });
  });
});
