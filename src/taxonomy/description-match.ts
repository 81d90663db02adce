import { tokenise } from '../text/index.ts';
import type { Taxonomy } from './types.ts';

/** Common words that say nothing about a competency. */
const STOP = new Set(tokenise(
  'a an the and or but of to in on for with from by as at into over about within across their them they this that these those ' +
  'is are was were be been being have has had do does did can could will would should may might must not no ' +
  'i we you he she it my our your his her its who what when where which how why all any each other some such more most ' +
  'own one ones new work works working well also than then there here so up out very just only',
));

interface DescriptionIndex {
  /** stem → competency ids whose definition or description use it. */
  where: Map<string, string[]>;
  idf: Map<string, number>;
}

const cache = new WeakMap<Taxonomy, DescriptionIndex>();

function index(taxonomy: Taxonomy): DescriptionIndex {
  let built = cache.get(taxonomy);
  if (built) return built;
  const where = new Map<string, string[]>();
  for (const c of taxonomy.competencies) {
    const stems = new Set(tokenise(`${c.label} ${c.definition} ${c.description}`).filter((s) => s.length > 2 && !STOP.has(s)));
    for (const s of stems) where.set(s, [...(where.get(s) ?? []), c.id]);
  }
  const n = taxonomy.competencies.length;
  const idf = new Map([...where].map(([s, ids]) => [s, Math.log((n + 1) / ids.length)]));
  built = { where, idf };
  cache.set(taxonomy, built);
  return built;
}

/**
 * Fallback evidence for text no cue phrase speaks to: words it shares with each competency's
 * definition and description, weighted by how specific the word is (inverse document frequency
 * over competencies) and scaled so one specific shared word is worth about half a weak cue.
 * `stems`: the text's stems when the caller has them ({@link tokenise} of the text).
 */
export function descriptionMatches(text: string, taxonomy: Taxonomy, stems: readonly string[] = tokenise(text)): { competency: string; stem: string; weight: number }[] {
  const { where, idf } = index(taxonomy);
  const maxIdf = Math.log(taxonomy.competencies.length + 1);
  const out: { competency: string; stem: string; weight: number }[] = [];
  for (const s of new Set(stems)) {
    for (const id of where.get(s) ?? []) {
      const weight = Math.round((0.5 * idf.get(s)!) / maxIdf * 1000) / 1000;
      if (weight > 0) out.push({ competency: id, stem: s, weight });
    }
  }
  return out;
}
