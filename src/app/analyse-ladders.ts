import { analyse, parseScaleCues } from '../analyses/index.ts';
import { classifyAll, parseOverrides, parsePriors, parseTaxonomy } from '../taxonomy/index.ts';
import type { Statement } from '../types.ts';
import type { AtlasData, LadderData } from '../views/atlas-data.ts';
import { bundledDataFile, hasDataFile } from './bundled-data-files.ts';

/**
 * The rest of the CLI's pipeline on the ingested ladders: classify the statements on the bundled
 * taxonomy (with section priors and overrides) and run the analyses. Loaded after the first paint.
 */
export function analyseLadders({ set }: LadderData): AtlasData {
  const taxonomy = parseTaxonomy(bundledDataFile('taxonomy.json'));
  const priors = hasDataFile('section-priors.json') ? parsePriors(bundledDataFile('section-priors.json'), taxonomy) : undefined;
  const overrides = hasDataFile('overrides.csv') ? parseOverrides(bundledDataFile('overrides.csv'), taxonomy) : undefined;
  const scaleCues = parseScaleCues(bundledDataFile('scale-cues.json'));
  const classify = (rows: Statement[]) => classifyAll(rows, { taxonomy, priors, overrides });
  const statements = classify(set.statements);
  const analysis = analyse({ ...set, statements }, { scaleCues, taxonomy });
  return { set, statements, taxonomy, analysis, scaleCues, classify };
}
