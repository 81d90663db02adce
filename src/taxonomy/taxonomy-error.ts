import { DataError } from '../schema/index.ts';

/** Thrown when a taxonomy, priors or overrides file is malformed; the message names every problem found. */
export class TaxonomyError extends DataError {
  constructor(source: string, problems: string[]) {
    super(source, problems);
    this.name = 'TaxonomyError';
  }
}
