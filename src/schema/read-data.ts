import * as v from 'valibot';
import { DataError } from './data-error.ts';
import { formatProblem, problemsOf, type Problem } from './problem.ts';

/** JSON text (a byte-order mark is allowed) or an already-parsed value. Throws a SyntaxError on bad text. */
export function jsonValue(input: unknown): unknown {
  return typeof input === 'string' ? JSON.parse(input.replace(/^\uFEFF/, '')) : input;
}

/**
 * Checks a parsed data file against its schema, plus `references` (checks across fields, run on the raw value
 * even where the schema found problems, so one run lists everything). Returns the output and every problem.
 */
export function validate<S extends v.GenericSchema>(schema: S, raw: unknown, references?: (raw: unknown) => Problem[]): { output: v.InferOutput<S> | undefined; problems: Problem[] } {
  const result = v.safeParse(schema, raw, { abortEarly: false });
  const problems = [...problemsOf(result.issues), ...(references?.(raw) ?? [])];
  return { output: result.success ? result.output : undefined, problems };
}

export interface ReadDataOptions {
  /** The file's name, for messages. */
  source: string;
  references?: (raw: unknown) => Problem[];
  /** Error class to throw (default DataError). */
  error?: new (source: string, problems: string[]) => DataError;
}

/** Reads a data file (JSON text or parsed value) through its schema; throws naming the file and every problem. */
export function readData<S extends v.GenericSchema>(schema: S, input: unknown, { source, references, error = DataError }: ReadDataOptions): v.InferOutput<S> {
  let raw: unknown;
  try {
    raw = jsonValue(input);
  } catch (e) {
    throw new error(source, [`not valid JSON (${(e as Error).message})`]);
  }
  const { output, problems } = validate(schema, raw, references);
  if (problems.length || output === undefined) throw new error(source, problems.map(formatProblem));
  return output;
}
