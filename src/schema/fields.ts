/** Field schemas the data files share, each with a message a reader can act on. */
import * as v from 'valibot';

/** `(got 42)`: the value a message complains about. */
export const got = (input: unknown) => `(got ${input === undefined ? 'nothing' : JSON.stringify(input)})`;

const says = (message: string) => (issue: v.BaseIssue<unknown>) => `${message} ${got(issue.input)}`;

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object (not an array) with these fields; a required field that is absent "is missing"; unknown fields are dropped. */
export function record<E extends v.ObjectEntries>(entries: E, message: string) {
  const missing = (issue: v.BaseIssue<unknown>) => (issue.expected?.startsWith('"') && issue.received === 'undefined' ? 'is missing' : message);
  return v.pipe(v.custom<object>(isPlainObject, message), v.object(entries, missing));
}

/** A map from any key to values of one schema (not an array). */
export function mapOf<K extends v.GenericSchema<string, string>, S extends v.GenericSchema>(key: K, value: S, message: string) {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, message), v.record(key, value, message));
}

export const nonEmptyString = (message = 'must be a non-empty string') =>
  v.pipe(v.string(says(message)), v.check((s) => s.trim() !== '', says(message)));

export const strings = (message = 'must be a list of strings') => v.array(v.string(says('must be a string')), says(message));

/** A number in [min, max]. */
export const numberIn = (min: number, max: number, message = `must be a number from ${min} to ${max}`) =>
  v.pipe(v.number(says(message)), v.finite(says(message)), v.minValue(min, says(message)), v.maxValue(max, says(message)));

export const nonNegative = (message = 'must be a number ≥ 0') => v.pipe(v.number(says(message)), v.finite(says(message)), v.minValue(0, says(message)));

export const positive = (message = 'must be a positive number') => v.pipe(v.number(says(message)), v.finite(says(message)), v.gtValue(0, says(message)));

/** A regular expression's source that compiles with these flags. */
export const pattern = (flags: (source: string) => string) =>
  v.pipe(
    v.string(says('must be a regular expression as a string')),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      try {
        new RegExp(dataset.value, flags(dataset.value));
      } catch (e) {
        addIssue({ message: `is not a valid regular expression (${(e as Error).message})` });
      }
    }),
  );

/** [number, number] pairs. */
export const pairs = (message: string) => v.array(v.strictTuple([v.number(says(message)), v.number(says(message))], says(message)), says(message));
