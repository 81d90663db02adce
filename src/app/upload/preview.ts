import { escapeControls } from '../../text/index.ts';
import { KINDS } from '../../types.ts';
import { h } from '../../views/dom.ts';
import { formatDiagnostic, type LadderSummary, type UploadDiagnostic } from './summarise.ts';

/** Problems listed before a "show all" button, so a badly broken big file does not flood the page. */
const FIRST_PROBLEMS = 200;

/**
 * A file name (or a problem naming one) as shown: control characters written out, so a name holding a newline
 * cannot pass for another line, nor a right-to-left override (U+202E) reverse the rest of its line.
 */
export const shownName = (name: string) => escapeControls(name, { oneLine: true });

function problemItem(d: UploadDiagnostic): HTMLLIElement {
  return h('li', { class: d.severity, 'data-file': d.file, 'data-line': d.line ?? '' }, shownName(formatDiagnostic(d)));
}

function problemList(diagnostics: UploadDiagnostic[]): HTMLElement {
  const list = h('ul', { class: 'upload-diagnostics' }, diagnostics.slice(0, FIRST_PROBLEMS).map(problemItem));
  const rest = diagnostics.length - FIRST_PROBLEMS;
  if (rest <= 0) return list;
  const more = h('button', { type: 'button', class: 'upload-more' }, `Show the other ${rest.toLocaleString('en-US')} problems`);
  more.addEventListener('click', () => {
    list.append(...diagnostics.slice(FIRST_PROBLEMS).map(problemItem));
    more.remove();
  });
  return h('div', null, list, more);
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * What was read from an upload, before it joins: levels, sections, statement counts by kind, flags, and
 * every problem at its file and line. All text goes in as text nodes.
 */
export function renderPreview(summary: LadderSummary, options: { levelsSort: boolean }): HTMLElement {
  const errors = summary.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = summary.diagnostics.length - errors;
  const headline = h(
    'p',
    { class: 'upload-headline' },
    `Read ${plural(summary.statements, 'statement')} in ${plural(summary.levels.length, 'level')} from ${plural(summary.files.length, 'file')}`,
    summary.tracks.length ? ` (track${summary.tracks.length > 1 ? 's' : ''}: ${summary.tracks.join(', ')})` : '',
    summary.diagnostics.length ? `; ${plural(errors, 'error')} and ${plural(warnings, 'warning')} below.` : '; no problems found.',
  );

  const levels = h(
    'table',
    { class: 'upload-levels data-table' },
    h('caption', null, 'Levels read'),
    h('thead', null, h('tr', null, ...['Order', 'Track', 'Level', 'Title', 'Statements', 'File'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, summary.levels.map((l) => h('tr', null,
      h('td', null, l.levelOrder), h('td', null, l.track), h('td', null, l.level), h('td', null, l.levelTitle + (l.variant ? ' (variant)' : '')),
      h('td', null, l.statements), h('td', null, shownName(l.files.join(', ')))))),
  );

  const kinds = h('ul', { class: 'upload-kinds' }, KINDS.filter((k) => summary.byKind[k]).map((k) => h('li', null, `${k}: ${summary.byKind[k]}`)));
  const flagEntries = Object.entries(summary.flags);
  const flags = flagEntries.length ? h('ul', { class: 'upload-flags' }, flagEntries.map(([f, n]) => h('li', null, `${f}: ${n}`))) : h('p', { class: 'muted' }, 'No flags.');
  const sections = h('details', { class: 'upload-sections' },
    h('summary', null, `${plural(summary.sections.length, 'section')}`),
    h('ul', null, summary.sections.map((s) => h('li', null, `${s.section} — ${s.statements}`))));
  const files = h('ul', { class: 'upload-files' }, summary.files.map((f) => h('li', null, `${shownName(f.file)}: ${f.shape}, ${plural(f.statements, 'statement')}${f.levels.length ? `, levels ${f.levels.join(', ')}` : ''}`)));
  const problems = summary.diagnostics.length ? problemList(summary.diagnostics) : null;
  const samples = h('details', { class: 'upload-samples' },
    h('summary', null, 'First statements of each level'),
    h('ul', null, summary.levels.map((l) => h('li', null,
      h('strong', null, `${l.level} · ${l.levelTitle}`),
      h('ul', null, l.samples.map((s) => h('li', null,
        h('span', { class: 'muted' }, `${shownName(s.file)}:${s.at ?? s.line} · ${s.kind}${s.section ? ` · ${s.section}` : ''} — `), s.text)))))));

  return h(
    'div',
    { class: 'upload-summary' },
    headline,
    options.levelsSort ? null : h('p', { class: 'upload-note' }, 'The level labels do not sort by number: check the level order above (lowest first) and correct it if needed.'),
    problems ? h('h3', null, 'Problems, by file and line') : null,
    problems,
    h('div', { class: 'upload-scroll' }, levels),
    samples,
    h('div', { class: 'upload-counts' },
      h('div', null, h('h3', null, 'Statements by kind'), kinds),
      h('div', null, h('h3', null, 'Flags'), flags),
      h('div', null, h('h3', null, 'Files'), files)),
    sections,
  );
}
