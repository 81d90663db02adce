import { analyse, parseScaleCues } from '../analyses/index.ts';
import { ingestFiles } from '../ingest/index.ts';
import { classifyAll, parseOverrides, parsePriors, parseTaxonomy } from '../taxonomy/index.ts';
import type { Statement } from '../types.ts';
import type { AtlasData } from '../views/index.ts';
import { bundledDataFile, bundledLadderFiles, hasDataFile } from './bundled-files.ts';

/**
 * Runs the same pipeline as the CLI on the bundled data folder: ingest the ladder files, classify the
 * statements on the taxonomy, run the analyses.
 */
export function loadAtlas(): AtlasData {
  const set = ingestFiles(bundledLadderFiles());
  const taxonomy = parseTaxonomy(bundledDataFile('taxonomy.json'));
  const priors = hasDataFile('section-priors.json') ? parsePriors(bundledDataFile('section-priors.json'), taxonomy) : undefined;
  const overrides = hasDataFile('overrides.csv') ? parseOverrides(bundledDataFile('overrides.csv'), taxonomy) : undefined;
  const scaleCues = parseScaleCues(bundledDataFile('scale-cues.json'));
  const classify = (rows: Statement[]) => classifyAll(rows, { taxonomy, priors, overrides });
  const statements = classify(set.statements);
  const analysis = analyse({ ...set, statements }, { scaleCues, taxonomy });
  return { set: { ...set, statements }, statements, taxonomy, analysis, scaleCues, classify };
}
