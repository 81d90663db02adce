import fs from 'node:fs';
import path from 'node:path';
import { type Override, type SectionPriors, type Taxonomy, parseOverrides, parsePriors, parseTaxonomy } from '../taxonomy/index.ts';
import { BUNDLED_DATA } from './load-data-dir.ts';

/** The three classification inputs, read from disk. */
export interface TaxonomyFiles {
  taxonomy: Taxonomy;
  priors: SectionPriors;
  overrides: Override[];
  /** Non-fatal problems to show the user (e.g. prior weights for ids the taxonomy lacks). */
  warnings: string[];
}

export interface TaxonomyPaths {
  /** Data folder; its taxonomy.json / section-priors.json / overrides.csv are used when present. */
  data?: string;
  taxonomy?: string;
  priors?: string;
  overrides?: string;
}

/** `flags` of a parsed command line → paths (`--data`, `--taxonomy`, `--priors`, `--overrides`). */
export function taxonomyPathsFromFlags(flags: Record<string, string | true>): TaxonomyPaths {
  const pick = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  return { data: pick('data'), taxonomy: pick('taxonomy'), priors: pick('priors'), overrides: pick('overrides') };
}

/**
 * Read taxonomy, section priors and overrides. Explicit paths win; otherwise the data folder's
 * files, otherwise the bundled ones. Errors name the file and the problem.
 */
export function loadTaxonomyFiles(paths: TaxonomyPaths = {}): TaxonomyFiles {
  const find = (explicit: string | undefined, name: string): string | null => {
    if (explicit) {
      if (!fs.existsSync(explicit)) throw new Error(`${explicit}: file not found`);
      return explicit;
    }
    for (const dir of [paths.data, BUNDLED_DATA]) if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
    return null;
  };
  const taxonomyPath = find(paths.taxonomy, 'taxonomy.json');
  if (!taxonomyPath) throw new Error('no taxonomy.json found (give one with --taxonomy FILE)');
  const taxonomy = parseTaxonomy(fs.readFileSync(taxonomyPath, 'utf8'), { source: taxonomyPath });
  const priorsPath = find(paths.priors, 'section-priors.json');
  const priors = priorsPath
    ? parsePriors(fs.readFileSync(priorsPath, 'utf8'), taxonomy, { source: priorsPath })
    : { strength: 0, rules: [], warnings: [] };
  const overridesPath = find(paths.overrides, 'overrides.csv');
  const overrides = overridesPath ? parseOverrides(fs.readFileSync(overridesPath, 'utf8'), taxonomy, { source: overridesPath }) : [];
  const warnings = priors.warnings.length && priorsPath ? [`${priorsPath}: ${priors.warnings.length} prior weight(s) name competencies not in ${taxonomyPath}; ignored`] : [];
  return { taxonomy, priors, overrides, warnings };
}
