import type * as v from 'valibot';

/** One step into a data file: an object key, or an array index with the item (whose `id` or `label` names it). */
export interface PathStep {
  key: string | number;
  value?: unknown;
}

/** A problem at a place in a data file. `bare`: do not name the item the path ends at (the problem is about its name). */
export interface Problem {
  path: PathStep[];
  message: string;
  bare?: boolean;
}

/** Problems from a schema library's issues. */
export function problemsOf(issues: readonly v.BaseIssue<unknown>[] | undefined): Problem[] {
  return (issues ?? []).map((issue) => ({
    path: (issue.path ?? []).map((p) => ({ key: p.key as string | number, value: p.value })),
    message: issue.message,
  }));
}

function nameOf(item: unknown): 'id' | 'label' | null {
  if (typeof item !== 'object' || item === null) return null;
  const o = item as Record<string, unknown>;
  return typeof o.id === 'string' ? 'id' : typeof o.label === 'string' ? 'label' : null;
}

/**
 * A problem as one line: the item it is in (`competencies[3] ("threat")`, `titles.cues[0] ("senior")`), the field
 * inside it in quotes (`"group"`, `"cues" › "on call"`), then the message:
 * `competencies[3] ("threat"): "group" "crft" is not one of the groups (scope, craft)`.
 */
export function formatProblem({ path, message, bare }: Problem): string {
  let head = '';
  let keys: string[] = [];
  path.forEach((step, i) => {
    if (typeof step.key !== 'number') return void keys.push(step.key);
    const name = nameOf(step.value);
    const named = name && !(bare && i === path.length - 1) && path[i + 1]?.key !== name;
    head += `${keys.length ? `${head ? '.' : ''}${keys.join('.')}` : ''}[${step.key}]${named ? ` (${JSON.stringify((step.value as Record<string, unknown>)[name])})` : ''}`;
    keys = [];
  });
  const field = keys.map((k) => JSON.stringify(k)).join(' › ');
  const rest = field ? `${field} ${message}` : message;
  return head ? `${head}: ${rest}` : rest;
}
