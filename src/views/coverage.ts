import * as Plot from '@observablehq/plot';
import type { CoverageCell } from '../analyses/types.ts';
import type { View } from './atlas-data.ts';
import { h, setIfChanged } from './dom.ts';
import { companyColor, OKABE_ITO, SEQUENTIAL } from './palette.ts';
import { panel } from './panel.ts';
import { onMarkClick } from './plot-select.ts';
import { inSelection, selectLevel } from './level-rows.ts';
import { competencyLabeller, explorerQuery } from './statement-list.ts';
import { ladderName, multiTrackCompanies } from '../analyses/index.ts';
import type { AtlasData } from './atlas-data.ts';
import { perData } from './per-data.ts';
import { reusedChart } from './reused-chart.ts';

/**
 * The heatmap's cells with their column and row names, and the subsets its marks draw (dashed empty boxes, "~",
 * "(n)", filled cells): the same for every selection, so worked out once per atlas.
 */
const heatmapCells = perData((data: AtlasData) => {
  const { cells } = data.analysis.coverage;
  const label = competencyLabeller(data);
  const column = new Map(data.analysis.levels.map((p) => [p.key, p.name]));
  const rows = cells.map((c) => ({ ...c, column: column.get(c.levelKey) ?? c.levelKey, label: label(c.competency) }));
  return {
    rows,
    empty: rows.filter((c) => c.count === 0),
    passing: rows.filter((c) => c.count === 0 && c.mentions === 0 && c.passingIds.length > 0),
    mentioned: rows.filter((c) => c.count === 0 && c.mentions > 0),
    counted: rows.filter((c) => c.count > 0),
    columns: data.analysis.levels.map((p) => column.get(p.key) ?? p.key),
    competencies: data.analysis.competencies.map((c) => label(c)),
    maxCount: Math.max(1, ...cells.map((c) => c.count)),
  };
});

/** A counted cell's opacity: full inside the selection, faded outside it. */
const cellOpacity = (inside: boolean) => (inside ? 1 : 0.45);

/** The heatmap's counted cells as drawn: their group and the datum (index into the counted cells) of each rect. */
interface DrawnCells {
  group: Element;
  index: number[];
}
const countedCells = new WeakMap<Element, DrawnCells>();

/** Levels by key (once per atlas). */
const levelsByKey = perData((data: AtlasData) => new Map(data.analysis.levels.map((p) => [p.key, p])));

/** The coverage view last drawn for an atlas, what it shows (width, competency) and how to fade its cells for a selection. */
const drawnViews = perData((_data: AtlasData) => ({ key: '', element: null as HTMLElement | null, fade: (_inSel: (c: CoverageCell) => boolean) => {} }));

/** Coverage: competency × (company, level) counts, empty cells visibly empty, and each ladder's coverage share. */
export const coverage: View = (data, { width, selection, onSelect }) => {
  const placements = data.analysis.levels;
  const byKey = levelsByKey(data);
  const inSel = (c: CoverageCell) => inSelection(byKey.get(c.levelKey) ?? c, selection);
  // The level chosen only fades the heatmap's cells outside it: for the same width and competency, the view on screen
  // stays and its cells are faded for the new selection.
  const shownFor = `${width}\u0000${selection.competency ?? ''}`;
  const kept = drawnViews(data);
  if (kept.element?.isConnected && kept.key === shownFor) {
    kept.fade(inSel);
    return kept.element;
  }
  const { cells, companies } = data.analysis.coverage;
  const label = competencyLabeller(data);
  const { rows, empty, passing, mentioned, counted, columns, competencies, maxCount } = heatmapCells(data);
  type Row = (typeof rows)[number];
  // Columns share the panel's width (wide enough for the count; a few levels get wide cells rather than blank space).
  const cellW = Math.max(22, Math.min(160, Math.floor((width - 210) / Math.max(1, columns.length))));

  const drawHeatmap = () => {
    let drawn: DrawnCells | undefined;
    const chart = onMarkClick<Row>(
      Plot.plot({
        ariaLabel: 'Coverage heatmap: statements per competency and company level',
        width: 210 + cellW * columns.length,
        height: 240 + competencies.length * 24,
        marginLeft: 200,
        marginBottom: 200,
        x: { domain: columns, label: null, tickRotate: -40 },
        y: { domain: competencies, label: null },
        color: { scheme: SEQUENTIAL, domain: [0, maxCount], legend: true, label: 'statements (primary competency)' },
        marks: [
          Plot.cell(empty, { x: 'column', y: 'label', fill: 'none', stroke: 'currentColor', strokeOpacity: 0.35, strokeDasharray: '2 3', inset: 2 }),
          // Not about it, but named in passing (a secondary reading, or its cue words in a statement about something else).
          Plot.text(passing, { x: 'column', y: 'label', text: () => '~', fontSize: 13, fillOpacity: 0.8 }),
          Plot.text(mentioned, { x: 'column', y: 'label', text: (c: Row) => `(${c.mentions})`, fontSize: 10, fillOpacity: 0.8 }),
          Plot.cell(counted, {
            x: 'column',
            y: 'label',
            fill: 'count',
            fillOpacity: (c: Row) => cellOpacity(inSel(c)),
            inset: 1,
            // Keeps the cells' group and the datum of each of its rects, to fade them for another selection.
            render: (index, scales, values, dimensions, context, next) => {
              const group = next?.(index, scales, values, dimensions, context) ?? null;
              if (group) drawn = { group, index };
              return group;
            },
          }),
          Plot.text(counted, { x: 'column', y: 'label', text: 'count', fill: (c: Row) => (c.count > maxCount * 0.55 ? 'white' : 'black'), fontSize: 11 }),
          // Every cell's tip (and the datum a click selects): the tip follows the pointer over the whole chart, so this mark
          // needs its channels, not a transparent rect per cell in the page (nothing to see, only to lay out and paint).
          Plot.cell(rows, {
            x: 'column',
            y: 'label',
            fill: 'transparent',
            render: () => null,
            tip: true,
            channels: { statements: 'count', mentions: 'mentions', 'in passing': (c: Row) => c.passingIds.length, inherited: 'inherited', share: (c: Row) => `${Math.round(c.share * 100)}%` },
          }),
          Plot.cell(rows.filter((c) => c.competency === selection.competency), { x: 'column', y: 'label', stroke: OKABE_ITO[5], strokeWidth: 1.5, fill: 'none' }),
        ],
      }),
      (c) => {
        const p = byKey.get(c.levelKey);
        onSelect({ ...(p ? selectLevel(p, placements) : { company: c.company, level: c.level }), competency: c.competency });
      },
    );
    if (drawn) countedCells.set(chart, drawn);
    return chart;
  };
  // The heatmap shows the competency chosen; the level only fades the cells outside it. A level change reuses the
  // heatmap drawn for this width and competency and sets its cells' opacity for the new selection.
  const heatmap = reusedChart(data, 'coverage-heatmap', shownFor, drawHeatmap);
  const fadeCells = (inSel: (c: CoverageCell) => boolean) => {
    const drawn = countedCells.get(heatmap);
    if (drawn) drawn.index.forEach((i, k) => setIfChanged(drawn.group.children[k], 'fill-opacity', String(cellOpacity(inSel(counted[i])))));
  };
  fadeCells(inSel);

  const multi = multiTrackCompanies(placements);
  const companyName = new Map(placements.map((p) => [p.company, p.companyName]));
  const shares = companies.map((c) => ({ ...c, name: ladderName({ ...c, companyName: companyName.get(c.company) }, multi.has(c.company)) }));
  // The same for every selection: drawn once per width (below the heatmap: the first time, once the heatmap is on screen).
  const shareHeight = 50 + shares.length * 30;
  const shareChart = reusedChart(
    data,
    'coverage-share',
    String(width),
    () =>
      Plot.plot({
        ariaLabel: 'Share of the taxonomy each company covers',
        width,
        height: shareHeight,
        marginLeft: 200,
        marginRight: 50,
        x: { domain: [0, 1], label: 'share of the taxonomy covered →', grid: true, tickFormat: '.0%' },
        y: { domain: shares.map((s) => s.name), label: null },
        color: companyColor(shares.map((s) => s.company), data.set.levels),
        marks: [
          Plot.barX(shares, { x: 'share', y: 'name', fill: 'company', tip: true, channels: { 'never mentioned': (s: (typeof shares)[number]) => s.missing.map(label).join(', ') || 'none', 'only in passing': (s: (typeof shares)[number]) => s.inPassing.map((m) => label(m.competency)).join(', ') || 'none' } }),
          Plot.text(shares, { x: 'share', y: 'name', text: (s: (typeof shares)[number]) => `${s.covered.length}/${data.analysis.competencies.length}`, dx: 4, textAnchor: 'start' }),
          Plot.ruleX([0]),
        ],
      }),
    { later: shareHeight },
  );
  const missing = h(
    'ul',
    { class: 'coverage-missing' },
    ...shares.map((s) =>
      h(
        'li',
        null,
        h('strong', null, s.name),
        !s.missing.length && !s.inPassing.length ? ': some statement is about every competency' : '',
        s.missing.length ? `: never mentions ${s.missing.map(label).join(', ')}` : '',
        s.carriedOver.length ? ` (carried over by a cap note: ${s.carriedOver.map(label).join(', ')})` : '',
        s.inPassing.length ? h('span', null, `${s.missing.length ? ';' : ':'} mentions only in passing `, ...s.inPassing.flatMap((m, i) => [i ? ', ' : '', h('a', { href: explorerQuery(m.statementIds), title: `Open the ${m.statementIds.length} statement${m.statementIds.length > 1 ? 's' : ''} in the statement explorer` }, `${label(m.competency)} (${m.statementIds.length})`)])) : '',
      ),
    ),
  );

  kept.key = shownFor;
  kept.fade = fadeCells;
  return (kept.element = h(
    'div',
    { class: 'view view-coverage' },
    panel(
      {
        title: 'Coverage heatmap',
        howTo: 'Rows are the 16 competencies, columns each company level. The number is how many statements have that competency as their primary one; darker = more. (n) in an empty box: n statements touch it as a secondary competency; ~: it is only named in passing (its cue words in a statement about something else); a dashed empty box alone: the level never mentions it. Hover for mentions (statements that touch it as a secondary competency too) and inherited statements (from a level this one says it extends). Click a cell to select the level and competency.',
        name: 'coverage',
        chart: true,
        rows: () => cells.map(({ statementIds, passingIds, ...c }) => ({ ...c, statements: statementIds.length, inPassing: passingIds.join(' ') })),
      },
      heatmap,
    ),
    panel(
      {
        title: 'Coverage share per company',
        howTo: 'How much of the taxonomy each ladder covers at any of its levels (some statement is about the competency), which competencies it mentions only in passing (follow the link to the statements) and which it never mentions at all.',
        name: 'coverage-share',
        chart: true,
        rows: () => companies.map((c) => ({ company: c.company, track: c.track, share: c.share, covered: c.covered.join('; '), neverMentioned: c.missing.join('; '), onlyInPassing: c.inPassing.map((m) => `${m.competency} (${m.statementIds.join(' ')})`).join('; '), carriedOver: c.carriedOver.join('; ') })),
      },
      shareChart,
      missing,
    ),
  ));
};
