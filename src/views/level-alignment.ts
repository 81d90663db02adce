import * as Plot from '@observablehq/plot';
import type { LevelPlacement } from '../analyses/types.ts';
import type { View, ViewSelection } from './atlas-data.ts';
import { dataTable } from './data-table.ts';
import { h, setIfChanged } from './dom.ts';
import { levelChips, pressLevelChips } from './level-chips.ts';
import { OKABE_ITO, SIMILARITY, companyColor } from './palette.ts';
import { panel } from './panel.ts';
import { placementReasons } from './placement-reasons.ts';
import { onMarkClick } from './plot-select.ts';
import { SCALE_X, scaleAxis, scaleChartWidth } from './scale-axis.ts';
import { inSelection, isSelectedLevel, selectLevel, withTitle } from './level-rows.ts';
import { scaleNames, statementIndex } from './statement-list.ts';
import { sourceLabel } from '../format/source-label.ts';
import { perData } from './per-data.ts';
import { drawnLater, LEGEND_HEIGHT } from './deferred-chart.ts';
import type { AtlasData } from './atlas-data.ts';

/** Room for the level names left of the common-scale chart (the scale's step names wrap to what is left). */
const SCALE_MARGIN_LEFT = 260;

/** The level's display name, with its track when the company has several ("Octopus Deploy Security Analyst L2"). */
const display = (p: LevelPlacement) => p.name;

/**
 * The similarity heatmap's cells, one per pair of levels with the parts of its score: the same for every selection,
 * so built once per analysis (the selection only outlines the chosen level's row and column).
 */
const similarityCells = perData((analysis: AtlasData['analysis']) => {
  const sim = analysis.similarity;
  if (!sim) return [];
  const simLabel = new Map(analysis.levels.map((p) => [p.key, display(p)]));
  const parts = new Map(sim.long.flatMap((c) => [[`${c.a}\u0000${c.b}`, c], [`${c.b}\u0000${c.a}`, c]]));
  return sim.keys.flatMap((a, i) =>
    sim.keys.map((b, j) => {
      const c = parts.get(`${a}\u0000${b}`);
      return { a, b, aLabel: simLabel.get(a) ?? a, bLabel: simLabel.get(b) ?? b, similarity: sim.values[i][j], profile: c?.profile ?? 1, text: c?.text ?? 1, scale: c?.scale ?? 1 };
    }),
  );
});

/** A mark drawn for the selection of the moment: its group on screen (null when it draws nothing) and how to draw it again. */
interface SelectedMark {
  node: Element | null;
  draw: () => Element | null;
}

/**
 * A mark that draws the datums `selected` picks, for the selection of the moment: drawn from every datum (so that its
 * channels hold them all) with only the selected ones in its index, as if drawn from the selected data; nothing when
 * none is (as Plot leaves out a mark of no data). `into` receives it, to draw it again for another selection.
 */
function selectedOnly<T>(data: readonly T[], selected: (d: T) => boolean, into: (mark: SelectedMark) => void): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const draw = () => {
      const picked = index.filter((i) => selected(data[i]));
      return picked.length ? (next?.(picked, scales, values, dimensions, context) ?? null) : null;
    };
    const mark = { node: draw(), draw };
    into(mark);
    return mark.node;
  };
}

/** Draws a {@link SelectedMark} again in its place (after `after`, the mark before it). */
function redraw(mark: SelectedMark | undefined, after: Element | undefined): void {
  if (!mark) return;
  const node = mark.draw();
  if (mark.node && node) mark.node.replaceWith(node);
  else if (mark.node) mark.node.remove();
  else if (node) after?.after(node);
  mark.node = node;
}

/**
 * The alignment last drawn for an atlas: its width and how to show another selection in it (false when it cannot and
 * is drawn anew). A level change outlines another level, fades other companies and lists other evidence: the view on
 * screen restyles and redraws those marks and replaces its evidence panel, instead of drawing every chart again.
 */
const drawnViews = perData((_data: AtlasData) => ({ width: NaN, element: null as HTMLElement | null, show: (_selection: ViewSelection): boolean => false }));

/** Level alignment: every company's levels as ranges on the common 1–7 scale, their evidence, and level similarity. */
export const levelAlignment: View = (data, { width, selection, onSelect }) => {
  const kept = drawnViews(data);
  if (kept.element?.isConnected && kept.width === width && kept.show(selection)) return kept.element;
  const placements = data.analysis.levels;
  const names = scaleNames(data);
  const colors = companyColor(placements.map((p) => p.company), data.set.levels);
  // The selection shown: the marks that outline the chosen level read it when they are drawn (again).
  let shown = selection;
  const isSelected = (p: LevelPlacement) => isSelectedLevel(p, shown);
  const dimIn = (selection: ViewSelection) => (p: LevelPlacement) => (inSelection(p, { company: selection.company, track: selection.track }) ? 1 : 0.35);
  const dim = dimIn(selection);
  const labels = placements.map(display);
  let fills: { group: Element; index: number[] } | undefined;
  let ticks: { group: Element; index: number[] } | undefined;
  let outline: SelectedMark | undefined;

  const ranges = onMarkClick<LevelPlacement>(
    Plot.plot({
      ariaLabel: 'Company levels as ranges on the common 1–7 scale',
      width: scaleChartWidth(width),
      height: 60 + placements.length * 30,
      marginLeft: SCALE_MARGIN_LEFT,
      marginTop: 44,
      x: SCALE_X,
      y: { domain: labels, label: null },
      color: { ...colors, legend: true, tickFormat: (id: string) => placements.find((p) => p.company === id)?.companyName ?? id },
      marks: [
        ...scaleAxis(names, scaleChartWidth(width), { marginLeft: SCALE_MARGIN_LEFT }),
        Plot.barX(placements, {
          x1: 'low',
          x2: 'high',
          y: display,
          fill: 'company',
          fillOpacity: (p: LevelPlacement) => 0.45 * dim(p),
          inset: 3,
          render: (index, scales, values, dimensions, context, next) => {
            const group = next?.(index, scales, values, dimensions, context) ?? null;
            if (group) fills = { group, index };
            return group;
          },
        }),
        Plot.barX(placements, { x1: 'low', x2: 'high', y: display, stroke: 'currentColor', strokeWidth: 2, inset: 1, render: selectedOnly(placements, isSelected, (m) => (outline = m)) }),
        // Where the level's own wording alone would put it (hollow dot), joined to where the joint fit placed it.
        Plot.link(placements.filter((p) => p.rawPosition !== null), { x1: 'rawPosition', x2: 'position', y1: display, y2: display, stroke: 'currentColor', strokeOpacity: 0.35 }),
        Plot.dot(placements.filter((p) => p.rawPosition !== null), { x: 'rawPosition', y: display, r: 3, stroke: 'currentColor', strokeOpacity: 0.6, fill: 'none' }),
        Plot.tickX(placements, {
          x: 'position',
          y: display,
          stroke: 'company',
          strokeWidth: 3,
          strokeOpacity: dim,
          render: (index, scales, values, dimensions, context, next) => {
            const group = next?.(index, scales, values, dimensions, context) ?? null;
            if (group) ticks = { group, index };
            return group;
          },
          tip: true,
          channels: { title: 'levelTitle', range: (p: LevelPlacement) => `${p.low.toFixed(1)}–${p.high.toFixed(1)}`, 'own wording': (p: LevelPlacement) => p.rawPosition?.toFixed(1) ?? '—', basis: 'basis', evidence: (p: LevelPlacement) => p.evidence.length },
        }),
      ],
    }),
    (p) => onSelect(selectLevel(p, placements)),
  );

  const chips = levelChips(placements, { selection, onSelect });
  // The chosen level's evidence (a new panel for another level).
  const evidencePanel = () => {
    const chosen = placements.find(isSelected);
    const index = statementIndex(data);
    const evidenceRows = chosen
      ? chosen.evidence.map((e) => ({
          level: chosen.name,
          value: e.value,
          weight: Number(e.weight.toFixed(2)),
          cue: e.cue,
          match: e.match,
          kind: e.kind,
          text: index.get(e.statementId)?.text ?? '',
          source: (() => {
            const s = index.get(e.statementId);
            return s ? sourceLabel(s.source) : '';
          })(),
        }))
      : [];
    const evidence = chosen
      ? h(
          'div',
          null,
          h(
            'p',
            null,
            `${withTitle(chosen)}: placed at ${chosen.position.toFixed(1)} (${names.get(Math.round(chosen.position)) ?? ''}), range ${chosen.low.toFixed(1)}–${chosen.high.toFixed(1)}, `,
            chosen.basis === 'evidence' ? `from ${chosen.evidence.length} cues in its statements and its place in its ladder.` : chosen.basis === 'interpolated' ? 'placed by its neighbours (no cues of its own).' : 'without evidence.',
          ),
          placementReasons(chosen, (k) => (placements.find((p) => p.key === k) ? display(placements.find((p) => p.key === k)!) : k)),
          evidenceRows.length
            ? dataTable(evidenceRows, {
                caption: `Evidence for ${display(chosen)}`,
                page: 12,
                columns: [
                  { key: 'value', label: 'scale', numeric: true },
                  { key: 'cue', label: 'cue' },
                  { key: 'match', label: 'words matched' },
                  { key: 'text', label: 'statement', width: '45%' },
                  { key: 'source', label: 'source', format: (v) => String(v).split('/').pop() ?? '' },
                ],
              })
            : h('p', { class: 'muted' }, 'No scale cue matched a statement of this level.'),
        )
      : h('p', { class: 'muted' }, 'Choose a level (click its range above or a button below) to see the statements that placed it.');
    return panel(
      {
        title: chosen ? `Evidence for ${display(chosen)}` : 'Evidence for a level',
        howTo: 'Why the level sits where it does: what its wording, title and stated facts said, and its neighbours in the ladder, each with its share of the weight. Below, the cue phrases and attributes found in its statements, each with the step of the scale it speaks for.',
        name: 'level-evidence',
        rows: () => evidenceRows,
      },
      evidence,
    );
  };
  let evidence = evidencePanel();

  const sim = data.analysis.similarity;
  const simRows = similarityCells(data.analysis);
  const selectedLabel = () => {
    const chosen = placements.find(isSelected);
    return chosen ? display(chosen) : undefined;
  };
  let simOutline: SelectedMark | undefined;
  let simText: Element | undefined;
  const cell = Math.max(18, Math.min(72, Math.floor((width - 260) / Math.max(1, placements.length))));
  const heatmapHeight = 230 + cell * placements.length;
  const drawHeatmap = () =>
    onMarkClick<(typeof simRows)[number]>(
      Plot.plot({
        ariaLabel: 'Similarity between every pair of levels',
        width: 260 + cell * placements.length,
        height: heatmapHeight,
        marginLeft: 250,
        marginBottom: 220,
        x: { domain: labels, label: null, tickRotate: -45 },
        y: { domain: labels, label: null },
        color: { scheme: SIMILARITY, domain: [0, 1], legend: true, label: 'similarity' },
        marks: [
          Plot.cell(simRows, { x: 'aLabel', y: 'bLabel', fill: 'similarity', inset: 0.5, tip: true, channels: { profile: 'profile', text: 'text', scale: 'scale' } }),
          Plot.text(simRows, {
            x: 'aLabel',
            y: 'bLabel',
            text: (d: { similarity: number }) => (d.similarity >= 1 ? '1' : d.similarity.toFixed(2).slice(1)),
            fill: (d: { similarity: number }) => (d.similarity > 0.6 ? 'black' : 'white'),
            fontSize: Math.min(11, cell / 3),
            render: (index, scales, values, dimensions, context, next) => {
              const group = next?.(index, scales, values, dimensions, context) ?? null;
              simText = group ?? undefined;
              return group;
            },
          }),
          // The chosen level's row and column outlined (drawn again in place for another level).
          Plot.cell(simRows, {
            x: 'aLabel',
            y: 'bLabel',
            stroke: OKABE_ITO[5],
            strokeWidth: 1.5,
            inset: 1,
            render: selectedOnly(
              simRows,
              (d) => {
                const label = selectedLabel();
                return label !== undefined && (d.aLabel === label || d.bLabel === label);
              },
              (m) => (simOutline = m),
            ),
          }),
        ],
      }),
      (d) => {
        const p = placements.find((q) => q.key === d.b);
        if (p) onSelect(selectLevel(p, placements));
      },
    );
  // Below the levels chart and the evidence: drawn once they are on screen (its cells are most of the view's elements).
  const heatmap = sim
    ? drawnLater(drawHeatmap, heatmapHeight + LEGEND_HEIGHT)
    : h('p', { class: 'muted' }, 'Similarity was not computed for this data.');

  const view = h(
    'div',
    { class: 'view view-alignment' },
    panel(
      {
        title: 'Levels on the common scale',
        howTo: 'Each row is a company level; the tick marks its place on the common 1–7 responsibility scale and the box its range (wider when the level says little). The hollow dot is where its own wording alone would put it: every ladder is fitted at once, so a ladder that writes grandly is not lifted above the others, its levels sit about a step apart, and titles (Senior, Staff…), stated facts (team size, planning horizon) and statements shared with another ladder all count. Boxes that overlap are comparable levels. A ladder keeps its native order. Click a box, or use the buttons, to see why a level sits where it does.',
        name: 'level-placements',
        chart: true,
        rows: () => placements.map(({ evidence, statementIds, calibration, ...p }) => ({ ...p, ladderOffset: calibration?.offset ?? null, ladderSlope: calibration?.slope ?? null, ladderStep: calibration?.step ?? null, evidenceCount: evidence.length, statements: statementIds.length })),
      },
      ranges,
      chips,
    ),
    evidence,
    panel(
      {
        title: 'Level similarity',
        howTo: 'Each cell compares two levels: 1 means the same competency profile, similar wording and the same place on the scale; 0 means nothing in common. Bright cells off the diagonal are cross-company equivalents. Click a cell to select the row’s level.',
        name: 'level-similarity',
        chart: !!sim,
        rows: () => simRows.map(({ a, b, aLabel, bLabel, similarity, profile, text, scale }) => ({ a, b, aLabel, bLabel, similarity, profile, text, scale })),
      },
      heatmap,
    ),
  );
  kept.width = width;
  kept.element = view;
  kept.show = (next) => {
    if (!fills || !ticks) return false;
    shown = next;
    const dimNext = dimIn(next);
    // Opacities between 0 and 1 are drawn as they are (Plot's opacity scale is not used): the same attributes it writes.
    const { group, index } = fills;
    index.forEach((i, k) => setIfChanged(group.children[k], 'fill-opacity', String(0.45 * dimNext(placements[i]))));
    ticks.index.forEach((i, k) => setIfChanged(ticks!.group.children[k], 'stroke-opacity', String(dimNext(placements[i]))));
    redraw(outline, group);
    pressLevelChips(chips, placements, next);
    const nextEvidence = evidencePanel();
    evidence.replaceWith(nextEvidence);
    evidence = nextEvidence;
    // The heatmap, once drawn (until then it reads the selection when it is).
    redraw(simOutline, simText);
    return true;
  };
  return view;
};
