import { describe, expect, it } from 'vitest';
import { atlas, dataBundle, type DataBundle } from '../../src/atlas/index.ts';
import { readDataBundle, readLadderFiles } from '../../src/cli/load-data-dir.ts';
import { levelKey } from '../../src/levels/index.ts';

const files = readLadderFiles('data');
const data = readDataBundle({ dir: 'data' });
const broken = (name: string) => ({ name, content: '{ not json' });

describe('atlas(files, {data})', () => {
  it('reads, classifies and analyses the ladders with the data it is given', () => {
    const a = atlas(files, { data });
    expect(a.set.statements.length).toBeGreaterThanOrEqual(235);
    expect(a.statements.filter((s) => s.competency).length).toBeGreaterThan(a.set.statements.length / 2);
    expect(a.analysis.levels.map((l) => l.key)).toEqual(a.set.levels.map((l) => levelKey(l)));
    expect(a.analysis.competencies).toEqual(a.taxonomy.competencies.map((c) => c.id));
    expect(a.warnings).toEqual([]);
  });

  it('computes a stage only when it is read: statements without the scale cues, the ladders without the taxonomy', () => {
    const noAnalyses = atlas(files, { data: { ...data, scaleCues: broken('cues.json') } });
    expect(noAnalyses.statements.length).toBeGreaterThan(200);
    expect(() => noAnalyses.analysis.levels).toThrow(/^cues\.json: not valid JSON/);
    const noClassifier = atlas(files, { data: { ...data, taxonomy: broken('tax.json') } });
    expect(noClassifier.set.levels.length).toBeGreaterThanOrEqual(10);
    expect(() => noClassifier.statements).toThrow(/^tax\.json: not valid JSON/);
    expect(() => atlas(files, { data: {} }).statements).toThrow('no taxonomy.json given');
  });

  it('places levels without classifying, exactly as from the classified statements', () => {
    const classifiedFirst = atlas(files, { data });
    expect(classifiedFirst.statements.length).toBeGreaterThan(200);
    // A model that cannot be read fails classification only: placing levels never reads it.
    const unclassified = atlas(files, { data: { ...data, classifierModel: broken('model.json') } });
    expect(unclassified.analysis.levels).toStrictEqual(classifiedFirst.analysis.levels);
    expect(() => unclassified.statements).toThrow(/^model\.json: not valid JSON/);
  });

  it("classifies and analyses the same without the reasons (reasons: false) and the words kept (keepWords: 'cues'): only why is left out", () => {
    const full = atlas(files, { data });
    const bare = atlas(files, { data, reasons: false, keepWords: 'cues' });
    expect(full.model).toBeDefined();
    expect(full.statements.filter((s) => s.why?.features).length).toBeGreaterThan(190);
    expect(bare.statements.filter((s) => s.why !== undefined)).toEqual([]);
    expect(bare.statements.map(({ why: _, ...rest }) => rest)).toStrictEqual(full.statements.map(({ why: _, ...rest }) => rest));
    const { levels, coverage, gaps, divergence, capNotes, similar } = full.analysis;
    expect(bare.analysis.levels).toStrictEqual(levels);
    expect(bare.analysis.coverage).toStrictEqual(coverage);
    expect(bare.analysis.gaps).toStrictEqual(gaps);
    expect(bare.analysis.divergence).toStrictEqual(divergence);
    expect(bare.analysis.capNotes).toStrictEqual(capNotes);
    expect(bare.analysis.similar).toStrictEqual(similar);
    // other rows are classified with their reasons unless asked otherwise
    expect(bare.classify(full.set.statements.slice(0, 40)).filter((s) => s.why).length).toBeGreaterThan(10);
  });

  it('keeps what it computed, and takes ladders already read', () => {
    const a = atlas(files, { data });
    expect(a.statements).toBe(a.statements);
    expect(a.analysis.gaps).toBe(a.analysis.gaps);
    const again = atlas({ set: a.set }, { data });
    expect(again.set).toBe(a.set);
    expect(JSON.stringify(again.analysis)).toBe(JSON.stringify(a.analysis));
  });

  it('reads the ladders with the bundle’s ingest rules', () => {
    const ladder = [{ path: 'ladders/acme/l1.md', content: '# L1: Engineer\n\n## Craft\n- Zork.\n- Fixes findings.\n' }];
    const rules = JSON.parse(String(data.ingestRules!.content));
    const own: DataBundle = { ...data, ingestRules: { name: 'mine.json', content: { ...rules, placeholderPatterns: [...rules.placeholderPatterns, '^zork\\.$'] } } };
    expect(atlas(ladder, { data }).set.statements.map((s) => s.kind)).toEqual(['expectation', 'expectation']);
    expect(atlas(ladder, { data: own }).set.statements.map((s) => s.kind)).toEqual(['placeholder', 'expectation']);
  });

  it('fails on overrides the taxonomy cannot honour, or leaves them out with a warning when asked', () => {
    const other = { name: 'tiny.json', content: { groups: [{ id: 'g', label: 'G' }], competencies: [{ id: 'work', label: 'Work', group: 'g', definition: 'Works.', description: 'Does the work.', cues: { fix: 1 } }] } };
    const overrides = { name: 'overrides.csv', content: 'id,competency,comment\nacme.x.1,threat,\n' };
    const bundle = { ...data, taxonomy: other, overrides, sectionPriors: undefined };
    expect(() => atlas(files, { data: bundle }).statements).toThrow(/overrides\.csv: row 2 \(acme\.x\.1\): "threat" is not a competency/);
    const loose = atlas(files, { data: bundle, looseOverrides: true });
    expect(loose.statements.every((s) => !s.competency || s.competency === 'work')).toBe(true);
    expect(loose.warnings).toEqual([
      `${data.classifierModel!.name}: trained on other competencies than tiny.json's; left out (the cue lexicon and priors decide)`,
      'overrides.csv: left out, written for another taxonomy (row 2 (acme.x.1): "threat" is not a competency in the taxonomy)',
    ]);
  });

  it('classifies with the trained model when the data has one for its taxonomy, and with the cue lexicon alone without it', () => {
    const a = atlas(files, { data });
    expect(a.model?.classes).toEqual(a.taxonomy.competencies.map((c) => c.id));
    const c = a.classifyText('I participate in calibration sessions by providing meaningful feedback to ensure fair and consistent decisions');
    expect(c.why.features?.length).toBeGreaterThan(0);
    const { classifierModel, ...withoutModel } = data;
    const lexicon = atlas(files, { data: withoutModel });
    expect(lexicon.model).toBeUndefined();
    expect(lexicon.classifyText('Interviews candidates').why.features).toBeUndefined();
    expect(lexicon.warnings).toEqual([]);
  });

  it('names a malformed model file and its field', () => {
    const broken = { ...data, classifierModel: { name: 'model.json', content: { ...JSON.parse(String(data.classifierModel!.content)), lexicon: 'strong' } } };
    expect(() => atlas(files, { data: broken }).statements).toThrow(/model\.json: "lexicon" must be a number/);
  });

  it('builds a bundle from a data folder’s files by name', () => {
    expect(dataBundle({ 'taxonomy.json': '{}', 'scale-cues.json': '{}', 'notes.json': '{}' }, 'data/')).toEqual({
      taxonomy: { name: 'data/taxonomy.json', content: '{}' },
      scaleCues: { name: 'data/scale-cues.json', content: '{}' },
    });
  });
});
