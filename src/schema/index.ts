/**
 * Data files checked against schemas (valibot): every problem named by file and field path
 * (`taxonomy.json: competencies[3] ("threat"): "group" "crft" is not one of the groups (…)`).
 */
export { DataError } from './data-error.ts';
export { formatProblem, problemsOf, type PathStep, type Problem } from './problem.ts';
export { jsonValue, readData, validate, type ReadDataOptions } from './read-data.ts';
export * from './fields.ts';
