import type { ClassifiedStatement } from '../types.ts';
import type { AtlasData } from './atlas-data.ts';
import { h } from './dom.ts';
import { sourceLabel } from '../format/source-label.ts';

const indexes = new WeakMap<AtlasData, Map<string, ClassifiedStatement>>();

/** Statements by id (built once per data set). */
export function statementIndex(data: AtlasData): Map<string, ClassifiedStatement> {
  let index = indexes.get(data);
  if (!index) indexes.set(data, (index = new Map(data.statements.map((s) => [s.id, s]))));
  return index;
}

/** Competency id → label, falling back to the id. */
export function competencyLabeller(data: AtlasData): (id: string | null | undefined) => string {
  const labels = new Map(data.taxonomy.competencies.map((c) => [c.id, c.label]));
  return (id) => (id ? labels.get(id) ?? id : '—');
}

/** A link (query string) to one statement in the explorer; the shell opens such links in place. */
export function explorerLink(s: { id: string; company: string }): string {
  return `?${new URLSearchParams({ view: 'explorer', company: s.company, q: s.id })}`;
}

/** A link (query string) to several statements in the explorer: its search matches any of the ids. */
export function explorerQuery(ids: readonly string[]): string {
  return `?${new URLSearchParams({ view: 'explorer', q: ids.join(' | ') })}`;
}

/** A list of statements as text with their source (file:line), at most `limit` shown. */
export function statementList(data: AtlasData, ids: readonly string[], limit = 8): HTMLElement {
  const index = statementIndex(data);
  const found = ids.map((id) => index.get(id)).filter((s): s is ClassifiedStatement => !!s);
  if (!found.length) return h('p', { class: 'muted' }, 'No statements.');
  const list = h(
    'ul',
    { class: 'statement-list' },
    ...found.slice(0, limit).map((s) =>
      h(
        'li',
        null,
        s.text,
        ' ',
        h('a', { class: 'src', href: explorerLink(s), title: 'Open this statement in the statement explorer' }, sourceLabel(s.source, { short: true })),
      ),
    ),
  );
  return found.length > limit ? h('div', null, list, h('p', { class: 'muted' }, `and ${found.length - limit} more (see the statement explorer).`)) : list;
}

/** Names of the common scale's steps (from data/scale-cues.json), e.g. `3 · Owning projects in a team`. */
export function scaleNames(data: AtlasData): Map<number, string> {
  return new Map(data.scaleCues.scale.map((s) => [s.value, s.name]));
}
