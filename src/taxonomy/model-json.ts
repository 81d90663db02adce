import { TaxonomyError } from './taxonomy-error.ts';

/** JSON text or an already-parsed value (the model and its training settings); a syntax error names the source. */
export function readModelJson(input: unknown, source: string): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new TaxonomyError(source, [`not valid JSON (${(error as Error).message})`]);
  }
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
