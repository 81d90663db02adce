/** Thrown when a data file is malformed; the message names the file and every problem found. */
export class DataError extends Error {
  readonly source: string;
  readonly problems: string[];

  constructor(source: string, problems: string[]) {
    super(`${source}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'DataError';
    this.source = source;
    this.problems = problems;
  }
}
