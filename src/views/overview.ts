import * as Plot from '@observablehq/plot';
import { KINDS, FLAGS } from '../types.ts';
import type { LadderData, View, ViewSelection } from './atlas-data.ts';
import { h, setIfChanged } from './dom.ts';
import { levelRows, companies, levelKey, inSelection, isSelectedLevel, selectLevel } from './level-rows.ts';
import { OKABE_ITO } from './palette.ts';
import { panel } from './panel.ts';
import { perData } from './per-data.ts';
import { reusedChart } from './reused-chart.ts';
import { LEGEND_HEIGHT } from './deferred-chart.ts';
import type { LevelRow } from './level-rows.ts';
import type { Statement } from '../types.ts';

/** One level's statements of one kind, with a statement of theirs standing for the level in selection tests. */
interface KindCount {
  label: string;
  kind: Statement['kind'];
  n: number;
  level: Statement;
}

/**
 * What the overview draws that depends only on the ladders, worked out once per set: its levels (sorted), companies,
 * each level's statement count per kind (in the order statements first show each kind and level, which is the order
 * Plot's group transform makes its bars in: the same bars as grouping every statement) and the flag rows.
 */
const tables = perData((set: LadderData['set']) => {
  const levels = levelRows(set.levels, set.statements);
  const byKey = new Map(levels.map((l) => [l.key, l]));
  const counts = new Map<string, KindCount>();
  const perLevel = new Map<string, Record<string, number>>(levels.map((l) => [l.key, Object.fromEntries(KINDS.map((k) => [k, 0]))]));
  for (const s of set.statements) {
    const key = levelKey(s);
    const label = byKey.get(key)?.label ?? `${s.company} ${s.level}`;
    const id = `${label}\u0000${s.kind}`;
    const c = counts.get(id);
    if (c) c.n++;
    else counts.set(id, { label, kind: s.kind, n: 1, level: s });
    const own = perLevel.get(key);
    if (own && s.kind in own) own[s.kind]++;
  }
  const flagRows = set.files.flatMap((f) => FLAGS.filter((flag) => f.flags[flag]).map((flag) => ({ company: f.company, file: f.file, flag, count: f.flags[flag] ?? 0 })));
  const byCompany = new Map<string, LevelRow[]>();
  for (const l of levels) byCompany.set(l.company, [...(byCompany.get(l.company) ?? []), l]);
  return { levels, companies: companies(set.levels), byCompany, kindCounts: [...counts.values()], perLevel, flagRows };
});

/** A bar's opacity: full inside the selection, faded outside it. */
const barOpacity = (inside: boolean) => (inside ? 1 : 0.35);

/** The kind chart's bars as drawn: their group and the level (its label) of each rect. */
interface DrawnBars {
  group: Element;
  labels: string[];
}
const kindBars = new WeakMap<Element, DrawnBars>();

/**
 * The overview last drawn for a set: its width and how to show another selection in it. The selection only presses
 * a level's button and fades the bars outside it, so a change of selection sets those in the view on screen instead of
 * drawing it again (Blink then lays out and paints only what changed, not the whole view). A view no longer on screen
 * is drawn anew (a chart it was to draw later may never have been drawn).
 */
const drawnViews = perData((_set: LadderData['set']) => ({ width: NaN, element: null as Element | null, show: (_selection: ViewSelection) => {} }));

/** Overview: the companies, their levels, statement counts by kind and data-quality flags at a glance. */
export const overview: View<LadderData> = (data, { width, selection, onSelect }) => {
  // Ingested statements only: the overview needs no classification, so it draws before the classifier runs.
  const { set } = data;
  const kept = drawnViews(set);
  if (kept.element?.isConnected && kept.width === width) {
    kept.show(selection);
    return kept.element;
  }
  const { statements } = set;
  const { levels, companies: companyList, byCompany, kindCounts, perLevel, flagRows } = tables(set);
  const levelButtons: [HTMLButtonElement, LevelRow][] = [];

  const button = (b: HTMLButtonElement, l: LevelRow) => (levelButtons.push([b, l]), b);
  const levelTable = h(
    'div',
    { class: 'company-list' },
    ...companyList.map((c) =>
      h(
        'div',
        { class: 'company-card' },
        h('h3', null, c.name),
        h('p', { class: 'muted' }, [...new Set((byCompany.get(c.id) ?? []).map((l) => l.track))].join(', ')),
        h(
          'ul',
          { class: 'level-buttons' },
          ...(byCompany.get(c.id) ?? []).map((l) =>
              h(
                'li',
                null,
                button(
                  h(
                    'button',
                    {
                      type: 'button',
                      'aria-pressed': String(isSelectedLevel(l, selection)),
                      title: `${l.levelTitle}: ${l.statements} statements`,
                      on: { click: () => onSelect(selectLevel(l, levels)) },
                    },
                    h('strong', null, l.level),
                    l.levelTitle && l.levelTitle !== l.level ? ` ${l.levelTitle} ` : ' ',
                    h('span', { class: 'count' }, `${l.statements}`),
                  ),
                  l,
                ),
              ),
            ),
        ),
      ),
    ),
  );

  // A row per level and kind (not per statement): Plot sums the counts into the bars that counting statements made.
  const rowsFor = (selection: ViewSelection) => kindCounts.map((c) => ({ label: c.label, kind: c.kind, n: c.n, in: inSelection(c.level, selection) }));
  const kindRows = rowsFor(selection);
  const drawKindChart = () => {
    let drawn: DrawnBars | undefined;
    const chart = Plot.plot({
      ariaLabel: 'Statements per level, split by kind',
      width,
      marginLeft: width < 520 ? 120 : 170,
      height: 40 + levels.length * 26,
      x: { label: 'statements', grid: true },
      y: { label: null, domain: levels.map((l) => l.label) },
      color: { legend: true, domain: [...KINDS], range: OKABE_ITO.slice(0, KINDS.length) },
      opacity: { type: 'identity' },
      marks: [
        Plot.barX(
          kindRows,
          Plot.groupY(
            { x: 'sum', fillOpacity: 'first' },
            {
              x: 'n',
              y: 'label',
              fill: 'kind',
              fillOpacity: (d: { in: boolean }) => barOpacity(d.in),
              tip: true,
              order: [...KINDS],
              // Keeps the bars' group and each bar's level, to fade them for another selection.
              render: (index, scales, values, dimensions, context, next) => {
                const group = next?.(index, scales, values, dimensions, context) ?? null;
                const y = values.channels.y?.value;
                if (group && y) drawn = { group, labels: index.map((i) => String(y[i])) };
                return group;
              },
            } as Plot.BarXOptions,
          ),
        ),
        Plot.ruleX([0]),
      ],
    });
    if (drawn) kindBars.set(chart, drawn);
    return chart;
  };
  // The selection only fades the bars outside it: a level change reuses the chart drawn for this width and sets its
  // bars' opacity for the new selection.
  const kindChart = reusedChart(set, 'kinds', String(width), drawKindChart);
  const fadeBars = (kindRows: { label: string; in: boolean }[]) => {
    const drawn = kindBars.get(kindChart);
    if (!drawn) return;
    // A bar takes the first row of its level and kind, as Plot's `first` reducer did.
    const inside = new Map<string, boolean>();
    for (const r of kindRows) if (!inside.has(r.label)) inside.set(r.label, r.in);
    drawn.labels.forEach((label, k) => setIfChanged(drawn.group.children[k], 'fill-opacity', String(barOpacity(inside.get(label) ?? false))));
  };
  fadeBars(kindRows);

  // The same for every selection: drawn once per width and moved into each new drawing of the view. Below the fold:
  // the first time, drawn once the rest of the view is on screen.
  const flagHeight = 40 + FLAGS.length * 24;
  const flagChart = flagRows.length
    ? reusedChart(
        set,
        'flags',
        String(width),
        () =>
          Plot.plot({
            ariaLabel: 'Data-quality flags per flag and company',
            width,
            marginLeft: width < 520 ? 120 : 150,
            height: flagHeight,
            x: { label: 'statements flagged', grid: true },
            y: { label: null, domain: [...FLAGS] },
            color: { legend: true, domain: companyList.map((c) => c.id), range: OKABE_ITO, tickFormat: (id: string) => companyList.find((c) => c.id === id)?.name ?? id },
            marks: [Plot.barX(flagRows, Plot.groupY({ x: 'sum' }, { x: 'count', y: 'flag', fill: 'company', tip: true })), Plot.ruleX([0])],
          }),
        { later: flagHeight + LEGEND_HEIGHT },
      )
    : h('p', null, 'No statement carries a data-quality flag.');

  const diagnostics = set.diagnostics.length
    ? h(
        'ul',
        { class: 'diagnostics' },
        ...set.diagnostics.map((d) => h('li', { class: d.severity }, h('code', null, `${d.file}${d.line ? ':' + d.line : ''}`), ` ${d.severity}: ${d.message}`)),
      )
    : h('p', null, 'Ingestion reported no problems.');

  const view = h(
    'div',
    { class: 'view view-overview' },
    h(
      'p',
      { class: 'lede' },
      `${companyList.length} companies, ${levels.length} levels, ${statements.length} statements from ${set.files.length} files.`,
    ),
    panel(
      {
        title: 'Companies and levels',
        howTo: 'Each card is a company ladder; each button is one of its levels with its title and statement count. Choose a level to carry it to every other view.',
        name: 'levels',
        rows: () => levels.map(({ company, companyName, track, level, levelTitle, levelOrder, variant, statements: n }) => ({ company, companyName, track, level, levelTitle, levelOrder, variant: variant ?? '', statements: n })),
      },
      levelTable,
    ),
    panel(
      {
        title: 'Statements by kind',
        howTo: 'One bar per level, split by kind: expectations are the rubric’s bar, examples illustrate it, attributes are structured facts such as impact radius, placeholders are unfinished text. Faded bars are outside the selection.',
        name: 'statements-by-kind',
        chart: true,
        rows: () => levels.map((l) => ({ company: l.company, level: l.level, ...perLevel.get(l.key) })),
      },
      kindChart,
    ),
    panel(
      {
        title: 'Data-quality flags',
        howTo: 'Counts of statements that ingestion flagged: repaired mojibake, placeholders, empty grid cells, truncated text, unbulleted lines, references to other documents. Below: problems ingestion reported, with file and line.',
        name: 'flags',
        chart: flagRows.length > 0,
        rows: () => flagRows,
      },
      flagChart,
      diagnostics,
    ),
  );
  kept.width = width;
  kept.element = view;
  kept.show = (selection) => {
    for (const [b, l] of levelButtons) setIfChanged(b, 'aria-pressed', String(isSelectedLevel(l, selection)));
    fadeBars(rowsFor(selection));
  };
  return view;
};
