import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseOverrides, parsePriors, parseTaxonomy } from '../../src/taxonomy/index.ts';

/** Absolute path of a file in the project's data folder. */
export const dataPath = (name: string) => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
export const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export const taxonomyText = () => readFileSync(dataPath('taxonomy.json'), 'utf8');
export const taxonomy = parseTaxonomy(taxonomyText());
export const priors = parsePriors(readFileSync(dataPath('section-priors.json'), 'utf8'), taxonomy);
export const shippedOverrides = parseOverrides(readFileSync(dataPath('overrides.csv'), 'utf8'), taxonomy);
