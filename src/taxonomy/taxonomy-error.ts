/** Thrown when a taxonomy, priors or overrides file is malformed; the message names every problem found. */
export class TaxonomyError extends Error {
  readonly problems: string[];

  constructor(source: string, problems: string[]) {
    super(`${source}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'TaxonomyError';
    this.problems = problems;
  }
}

/** Parse JSON text or pass an already-parsed value through, naming the source on a syntax error. */
export function readJson(input: unknown, source: string): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new TaxonomyError(source, [`not valid JSON (${(error as Error).message})`]);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
