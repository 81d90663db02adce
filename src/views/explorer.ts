import type { ClassifiedStatement } from '../types.ts';
import { FLAGS, KINDS } from '../types.ts';
import type { View } from './atlas-data.ts';
import { dataTable } from './data-table.ts';
import { h } from './dom.ts';
import { inSelection } from './level-rows.ts';
import { panel } from './panel.ts';
import { multiTrackCompanies } from '../levels/index.ts';
import { sourceLabel } from '../format/source-label.ts';

/** One explorer row: a statement flattened for reading and export. */
export interface ExplorerRow {
  id: string;
  /** The company's display name. */
  company: string;
  track: string;
  level: string;
  section: string;
  kind: string;
  competency: string;
  confidence: number | null;
  why: string;
  flags: string;
  source: string;
  text: string;
}

/** Flattens a classified statement into an explorer row (`companyName` turns a company id into its display name). */
export function explorerRow(s: ClassifiedStatement, competencyLabel: (id: string) => string = (id) => id, companyName: (id: string) => string = (id) => id): ExplorerRow {
  const cues = s.why?.cues?.map((c) => c.cue) ?? [];
  const features = (s.why?.features ?? []).filter((f) => f.competency === s.competency && f.feature !== 'cues' && f.feature !== 'prior').slice(0, 4);
  const why = [
    ...(s.why?.override ? [`override: ${s.why.override.comment}`] : []),
    ...(cues.length ? [`cues: ${[...new Set(cues)].join(', ')}`] : []),
    ...(s.why?.prior ? [`section prior: ${s.why.prior.section}`] : []),
    ...(features.length ? [`model: ${features.map((f) => `${f.feature} +${f.weight.toFixed(2)}`).join(', ')}`] : []),
    ...(s.secondary?.length && !s.why?.override ? [`also: ${s.secondary.map(competencyLabel).join(', ')}`] : []),
  ].join('; ');
  return {
    id: s.id,
    company: companyName(s.company),
    track: s.track,
    level: s.variant ? `${s.level} (${s.variant})` : s.level,
    section: s.section,
    kind: s.kind,
    competency: s.competency ? competencyLabel(s.competency) : '',
    confidence: s.confidence ?? null,
    why,
    flags: s.flags.join(', '),
    source: sourceLabel(s.source),
    text: s.text,
  };
}

/** Confidence filter choices: a minimum (`0.5`), or `review` for classified statements below {@link REVIEW_BELOW}. */
export const CONFIDENCE_FILTERS = [
  { value: '', label: 'any' },
  { value: 'review', label: 'low: review (< 0.6)' },
  { value: '0.5', label: '≥ 0.5' },
  { value: '0.7', label: '≥ 0.7' },
  { value: '0.9', label: '≥ 0.9' },
] as const;

/** Confidence under which a classified statement is offered for review (overrides in data/overrides.csv settle it). */
export const REVIEW_BELOW = 0.6;

/** Whether a row passes a confidence filter value (see {@link CONFIDENCE_FILTERS}); overridden statements are never "to review". */
export function passesConfidence(row: ExplorerRow, filter: string): boolean {
  if (!filter) return true;
  if (filter === 'review') return row.confidence !== null && row.confidence < REVIEW_BELOW && !row.why.startsWith('override:');
  return (row.confidence ?? 0) >= Number(filter);
}

/**
 * Whether a row's text fields (or its id) contain every word of the query (case-insensitive). ` | ` separates
 * alternatives ("a b | c": a and b, or c), as links to a list of statements use it.
 */
export function matchesQuery(row: ExplorerRow, query: string): boolean {
  const alternatives = query.toLowerCase().split(' | ').map((q) => q.split(/\s+/).filter((w) => w && w !== '|')).filter((ws) => ws.length);
  if (!alternatives.length) return true;
  const hay = `${row.text} ${row.section} ${row.competency} ${row.why} ${row.source} ${row.level} ${row.company} ${row.track} ${row.id}`.toLowerCase();
  return alternatives.some((words) => words.every((w) => hay.includes(w)));
}

/** Statement explorer: every statement, searchable and filterable, with its classification and source. */
export const explorer: View = (data, { width, selection, onSelect }) => {
  const label = new Map(data.taxonomy.competencies.map((c) => [c.id, c.label]));
  const names = new Map(data.set.levels.map((l) => [l.company, l.companyName]));
  const multi = multiTrackCompanies(data.set.levels);
  const all = data.statements
    .filter((s) => inSelection(s, selection) && (!selection.competency || s.competency === selection.competency))
    .map((s) => explorerRow(s, (id) => label.get(id) ?? id, (id) => names.get(id) ?? id));
  // The track column only when some company shown has several tracks.
  const showTrack = all.length > 0 && data.statements.some((s) => multi.has(s.company) && inSelection(s, selection));
  let query = selection.q ?? '';
  let kind = '';
  let flag = '';
  let section = '';
  let confidence = '';
  let shown: ExplorerRow[] = [];

  const searchInput = h('input', { type: 'search', id: 'explorer-search', value: query, placeholder: 'Search text, section, cues, file…', 'aria-describedby': 'explorer-search-help', autocomplete: 'off' });
  const kindSelect = h('select', { id: 'explorer-kind' }, h('option', { value: '' }, 'all kinds'), ...KINDS.map((k) => h('option', { value: k }, k)));
  const flagSelect = h('select', { id: 'explorer-flag' }, h('option', { value: '' }, 'any flags'), ...FLAGS.map((f) => h('option', { value: f }, f)));
  const sectionSelect = h('select', { id: 'explorer-section' }, h('option', { value: '' }, 'all sections'), ...[...new Set(all.map((r) => r.section))].filter(Boolean).sort().map((v) => h('option', { value: v }, v)));
  const confidenceSelect = h('select', { id: 'explorer-confidence' }, ...CONFIDENCE_FILTERS.map((c) => h('option', { value: c.value }, c.label)));
  const status = h('p', { class: 'muted', role: 'status' });
  const tableSlot = h('div', { class: 'table-slot' });

  const table = dataTable<ExplorerRow>([], {
    caption: 'Statements',
    columns: [
      { key: 'company', label: 'company' },
      ...(showTrack ? [{ key: 'track' as const, label: 'track' }] : []),
      { key: 'level', label: 'level' },
      { key: 'section', label: 'section', width: '9rem' },
      { key: 'kind', label: 'kind' },
      { key: 'competency', label: 'competency' },
      { key: 'confidence', label: 'conf.', numeric: true, format: (c) => (typeof c === 'number' ? c.toFixed(2) : '') },
      { key: 'text', label: 'statement', width: width > 900 ? '34%' : '16rem' },
      { key: 'why', label: 'why', width: '12rem' },
      { key: 'flags', label: 'flags' },
      { key: 'source', label: 'source', format: (v) => String(v).split('/').pop() ?? '' },
    ],
  });
  tableSlot.append(table);

  // Filtering updates the rows of one table: its sort order and page stay as the user set them.
  const draw = () => {
    shown = all.filter(
      (r) =>
        matchesQuery(r, query) &&
        (!kind || r.kind === kind) &&
        (!flag || r.flags.split(', ').includes(flag)) &&
        (!section || r.section === section) &&
        passesConfidence(r, confidence),
    );
    status.textContent = `${shown.length} of ${all.length} statements${selection.company || selection.level || selection.competency ? ' in the selection' : ''}`;
    table.setRows(shown);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  searchInput.addEventListener('input', () => {
    query = searchInput.value;
    draw();
    clearTimeout(timer);
    timer = setTimeout(() => onSelect({ q: query }, { replace: true, render: false }), 300);
  });
  kindSelect.addEventListener('change', () => ((kind = kindSelect.value), draw()));
  flagSelect.addEventListener('change', () => ((flag = flagSelect.value), draw()));
  sectionSelect.addEventListener('change', () => ((section = sectionSelect.value), draw()));
  confidenceSelect.addEventListener('change', () => ((confidence = confidenceSelect.value), draw()));
  draw();

  return h(
    'div',
    { class: 'view view-explorer' },
    panel(
      {
        title: 'Statement explorer',
        howTo: 'Every statement read from the ladders, one per row: where it sits (company, level, section), what kind of line it is, the competency the classifier chose with its confidence, why (the cue phrases and section prior it used), any data-quality flags, and the source file and line. Confidence is calibrated on ladders the classifier was not trained on: of statements at 0.8, about 8 in 10 are placed as a blind annotator would; “low: review” lists those below 0.6 for a person to check (data/overrides.csv has the final word). Search matches all words anywhere in a row; the company, level and competency selection above narrows the rows.',
        name: 'statements',
        rows: () => shown.map((r) => ({ ...r })),
      },
      h(
        'div',
        { class: 'filters' },
        h('label', { for: 'explorer-search' }, 'Search', searchInput),
        h('span', { id: 'explorer-search-help', class: 'visually-hidden' }, 'Matches every word anywhere in a row: text, section, competency, cues, file, level, company.'),
        h('label', { for: 'explorer-kind' }, 'Kind', kindSelect),
        h('label', { for: 'explorer-section' }, 'Section', sectionSelect),
        h('label', { for: 'explorer-flag' }, 'Flag', flagSelect),
        h('label', { for: 'explorer-confidence' }, 'Confidence', confidenceSelect),
      ),
      status,
      tableSlot,
    ),
  );
};
