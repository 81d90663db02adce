import { analyse, parseScaleCues } from '../analyses/index.ts';
import { classifyAll, parsePriors } from '../taxonomy/index.ts';
import type { Statement } from '../types.ts';
import type { AtlasData, LadderData } from '../views/atlas-data.ts';
import { bundledDataFile, hasDataFile } from './bundled-data-files.ts';
import { overridesFor, taxonomyInUse } from './upload/taxonomy-choice.ts';
import type { StoredTaxonomy } from './upload/stored-taxonomy.ts';

/**
 * The rest of the CLI's pipeline on the ingested ladders: classify the statements on the bundled
 * taxonomy (with section priors and overrides) and run the analyses. Loaded after the first paint.
 * A taxonomy file the user uploaded replaces the bundled one.
 */
export function analyseLadders({ set }: LadderData, uploadedTaxonomy?: StoredTaxonomy): AtlasData {
  const { taxonomy, uploaded } = taxonomyInUse(uploadedTaxonomy, bundledDataFile('taxonomy.json'));
  const priors = hasDataFile('section-priors.json') ? parsePriors(bundledDataFile('section-priors.json'), taxonomy) : undefined;
  const overrides = hasDataFile('overrides.csv') ? overridesFor(bundledDataFile('overrides.csv'), taxonomy, uploaded) : undefined;
  const scaleCues = parseScaleCues(bundledDataFile('scale-cues.json'));
  const classify = (rows: Statement[]) => classifyAll(rows, { taxonomy, priors, overrides });
  const statements = classify(set.statements);
  const analysis = analyse({ ...set, statements }, { scaleCues, taxonomy });
  return { set, statements, taxonomy, analysis, scaleCues, classify };
}
