import * as Plot from '@observablehq/plot';
import { ladderKey, ladderName, mapLevel, mapText, multiTrackCompanies } from '../analyses/index.ts';
import type { LevelPlacement, MapResult } from '../analyses/types.ts';
import type { AtlasData, View } from './atlas-data.ts';
import { h } from './dom.ts';
import { levelChips, pressLevelChips } from './level-chips.ts';
import { drawnLater } from './deferred-chart.ts';
import { companyColor } from './palette.ts';
import { panel } from './panel.ts';
import { placementReasons } from './placement-reasons.ts';
import { SCALE_X, scaleAxis, scaleChartWidth } from './scale-axis.ts';
import { isSelectedLevel, withTitle } from './level-rows.ts';
import { competencyLabeller, scaleNames, statementIndex } from './statement-list.ts';
import { perData } from './per-data.ts';

/** Room for the level names left of the common-scale chart (the scale's step names wrap to what is left). */
const SCALE_MARGIN_LEFT = 260;

/** How a relation reads in the table: the relation itself, in words (not "below (below every level)"). */
const RELATION_WORDS = { match: 'equivalent', below: 'below every level', above: 'above every level' } as const;

/** Each level's mapping, worked out once per atlas (the atlas never changes under a view; see per-data.ts). */
const mappings = perData((_data: AtlasData) => new Map<string, MapResult>());

function mappingOf(data: AtlasData, key: string): MapResult {
  const done = mappings(data);
  let mapped = done.get(key);
  if (!mapped) done.set(key, (mapped = mapLevel(key, data.statements, data.analysis.levels)));
  return mapped;
}

/**
 * While the map is on screen and the browser has nothing else to do, maps the levels not mapped yet, a few at a time:
 * the level chosen next is drawn without waiting for its mapping. Stops when the view leaves the page.
 */
function warmMappings(data: AtlasData, view: Element): void {
  if (typeof requestIdleCallback !== 'function') return;
  const keys = data.analysis.levels.map((p) => p.key);
  let next = 0;
  const step = (deadline: IdleDeadline) => {
    if (!view.isConnected) return;
    while (next < keys.length && deadline.timeRemaining() > 10) mappingOf(data, keys[next++]);
    if (next < keys.length) requestIdleCallback(step);
  };
  requestIdleCallback(step);
}

/**
 * The map last drawn for an atlas: its chooser panel (kept for the same width and pasted text), the chips and text box
 * in it, and the view with the panels of results shown last.
 */
const drawnViews = perData((_data: AtlasData) => ({
  chooserKey: '',
  chooser: null as HTMLElement | null,
  chips: null as HTMLElement | null,
  textArea: null as HTMLTextAreaElement | null,
  view: null as HTMLElement | null,
  results: [] as HTMLElement[],
}));

/** Map a hire: a company level or pasted text → the equivalent level at every other company, with evidence. */
export const mapHire: View = (data, { width, selection, onSelect }) => {
  const placements = data.analysis.levels;
  const competency = competencyLabeller(data);
  const names = scaleNames(data);
  const source = selection.text ? undefined : placements.find((p) => isSelectedLevel(p, selection));
  let result: (MapResult & { sourceName: string }) | undefined;
  let caution: string | null = null;
  if (selection.text) {
    const mapped = mapText(selection.text, data.statements, placements, { scaleCues: data.scaleCues, classify: data.classify });
    result = { ...mapped, sourceName: 'the pasted text' };
    if (mapped.placement.basis !== 'evidence') {
      caution = 'No phrase in the text says how far its work reaches or how much direction it needs, so its place on the scale is a guess spanning the whole scale: add sentences about scope (team, several teams, company) and autonomy.';
    } else if (mapped.placement.evidence.length < 3) {
      caution = `Only ${mapped.placement.evidence.length} phrase${mapped.placement.evidence.length === 1 ? '' : 's'} in the text speak${mapped.placement.evidence.length === 1 ? 's' : ''} to its level: read the mapping as rough.`;
    }
  } else if (source) {
    result = { ...mappingOf(data, source.key), sourceName: withTitle(source) };
  }

  // The chooser shows the level chosen (its chip pressed) and the text mapped: for the same width and text, the one on
  // screen is kept and shows the new level; the two panels of results are drawn anew.
  const kept = drawnViews(data);
  const chooserKey = `${width}\u0000${selection.text ?? ''}`;
  const chipSelection = selection.text ? {} : selection;
  if (kept.view?.isConnected && kept.chooserKey === chooserKey) {
    pressLevelChips(kept.chips!, placements, chipSelection);
    kept.textArea!.value = selection.text ?? '';
  } else {
    const textArea = h('textarea', { id: 'map-text', rows: 5, placeholder: 'Paste a job description or a list of expectations, one per line…' });
    textArea.value = selection.text ?? '';
    const chips = levelChips(placements, { selection: chipSelection, onSelect: (p) => onSelect({ ...p, text: undefined }) }, 'Map from a level');
    const chooser = h(
      'div',
      null,
      chips,
      h(
        'div',
        { class: 'filters' },
        h('label', { for: 'map-text' }, '…or map pasted text', textArea),
        h('button', { type: 'button', on: { click: () => onSelect({ text: textArea.value.trim() || undefined }) } }, 'Map this text'),
        selection.text ? h('button', { type: 'button', on: { click: () => onSelect({ text: undefined }) } }, 'Clear text') : null,
      ),
    );
    Object.assign(kept, {
      chooserKey,
      chips,
      textArea,
      view: null,
      chooser: panel({ title: 'Map a hire', howTo: 'Pick the level someone holds today (or paste the text of a job description or offer); the atlas places it on the common scale and finds the closest level in every other ladder: every other company, and the other tracks of its own company.' }, chooser),
    });
  }

  // Evidence quotes its statements: the atlas's (indexed once per atlas) or, for pasted text, the pasted lines.
  const pastedRows = result && 'statements' in result ? (result as { statements: { id: string; text: string }[] }).statements : [];
  const pasted = new Map(pastedRows.map((s) => [s.id, s.text]));
  const index = statementIndex(data);
  const textOf = (id: string) => pasted.get(id) ?? index.get(id)?.text;

  const multi = multiTrackCompanies(placements);
  const rows = result
    ? result.targets.map((t) => {
        const best = placements.find((p) => p.key === t.best.key);
        return {
          source: result!.sourceName,
          company: ladderName(t, multi.has(t.company)),
          track: t.track,
          level: t.best.level,
          levelTitle: best?.levelTitle ?? '',
          relation: t.relation,
          score: t.score,
          explanation: t.explanation,
        };
      })
    : [];

  let chart: Element | null = null;
  if (result) {
    const src = result.source;
    // Every other ladder: other companies, and the other tracks of the source's own company.
    const targets = new Set(result.targets.map((t) => ladderKey(t)));
    const shown = placements.filter((p) => targets.has(ladderKey(p)));
    const best = new Set(result.targets.map((t) => t.best.key));
    const label = (p: LevelPlacement) => p.name;
    chart = Plot.plot({
      ariaLabel: 'The source range and the levels of every other ladder on the common scale, equivalents outlined',
      width: scaleChartWidth(width),
      height: 100 + shown.length * 28,
      marginLeft: SCALE_MARGIN_LEFT,
      marginTop: 44,
      x: SCALE_X,
      y: { domain: shown.map(label), label: null },
      // The legend lists the companies drawn (the source's own company only when its other tracks are).
      color: { ...companyColor(shown.map((p) => p.company), data.set.levels), legend: true, tickFormat: (id: string) => placements.find((p) => p.company === id)?.companyName ?? id },
      marks: [
        ...scaleAxis(names, scaleChartWidth(width), { marginLeft: SCALE_MARGIN_LEFT }),
        Plot.rectX([src], { x1: 'low', x2: 'high', fill: 'currentColor', fillOpacity: 0.1 }),
        Plot.ruleX([src], { x: 'position', stroke: 'currentColor', strokeDasharray: '4 3', strokeWidth: 1.5 }),
        Plot.barX(shown, { x1: 'low', x2: 'high', y: label, fill: 'company', fillOpacity: (p: LevelPlacement) => (best.has(p.key) ? 0.85 : 0.25), inset: 3 }),
        Plot.barX(shown.filter((p) => best.has(p.key)), { x1: 'low', x2: 'high', y: label, stroke: 'currentColor', strokeWidth: 2, inset: 2 }),
        Plot.tickX(shown, { x: 'position', y: label, stroke: 'currentColor', tip: true, channels: { title: 'levelTitle', range: (p: LevelPlacement) => `${p.low.toFixed(1)}–${p.high.toFixed(1)}` } }),
      ],
    });
  }

  const table = result
    ? h(
        'table',
        { class: 'plain' },
        h('thead', null, h('tr', null, ...['ladder', 'equivalent level', 'relation', 'score', 'why'].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          null,
          ...rows.map((r) =>
            h('tr', null, h('td', null, r.company), h('td', null, h('strong', null, r.level), r.levelTitle && r.levelTitle !== r.level ? ` ${r.levelTitle}` : ''), h('td', { class: `relation relation-${r.relation}` }, RELATION_WORDS[r.relation]), h('td', null, r.score.toFixed(2)), h('td', null, r.explanation)),
          ),
        ),
      )
    : h('p', { class: 'muted' }, 'Choose a level above, or paste text, to see its equivalent at every other company.');

  const supportRows = result ? result.targets.flatMap((t) => t.support.map((p) => ({ company: t.companyName, track: t.track, level: t.best.level, competency: competency(p.competency), source: p.source.text, target: p.target.text, similarity: p.similarity }))) : [];
  // Below the fold (under the chart and the table): drawn once the rest of the view is on screen.
  const cardsPerRow = Math.max(1, Math.floor((width + 12) / 252));
  const supportHeight = result ? Math.ceil(result.targets.length / cardsPerRow) * (44 + 88 * Math.max(0, ...result.targets.map((t) => t.support.length))) : 0;
  const support = result
    ? drawnLater(() => h(
        'div',
        { class: 'side-by-side' },
        ...result!.targets.map((t) =>
          h(
            'div',
            null,
            h('h3', null, `${result!.sourceName} ↔ ${placements.find((p) => p.key === t.best.key)?.name ?? `${t.companyName} ${t.best.level}`}`),
            t.support.length
              ? h(
                  'ul',
                  { class: 'statement-list' },
                  ...t.support.map((p) => h('li', null, h('strong', null, competency(p.competency)), h('br'), h('span', null, `“${p.source.text}”`), h('br'), h('span', { class: 'muted' }, '↔ '), h('span', null, `“${p.target.text}”`))),
                )
              : h('p', { class: 'muted' }, 'No statements share a competency.'),
          ),
        ),
      ), supportHeight)
    : null;

  const results = [
    panel(
      {
        title: result ? `Equivalent levels for ${result.sourceName}` : 'Equivalent levels',
        howTo: 'The shaded band and dashed line are the source’s range and position on the common scale; each company’s levels are boxes, the outlined box is the equivalent: the level nearest the source. “match” means the source falls within that company’s levels; “below” or “above” means it sits more than half a step beyond every level that company has, and the nearest one is shown — not an equivalent. When two levels are about as near, the answer says “between”. The score (0–1) is the closeness on the scale (1 = same place, 0.6 = half a step apart).',
        name: 'map-a-hire',
        chart: !!chart,
        rows: () => rows,
      },
      caution ? h('p', { class: 'caution', role: 'note' }, caution) : null,
      result ? h('details', { class: 'source-reasons', open: selection.text ? true : undefined }, h('summary', null, `How ${result.sourceName} was placed`), placementReasons(result.source, (k) => placements.find((x) => x.key === k)?.name ?? k), result.source.evidence.length ? h('ul', { class: 'statement-list' }, ...result.source.evidence.slice(0, 8).map((e) => h('li', null, h('strong', null, `${e.value.toFixed(1)} ×${e.weight.toFixed(2)}`), ` “${e.match}”`, textOf(e.statementId) ? h('span', { class: 'muted' }, ` — ${textOf(e.statementId)}`) : null))) : null) : null,
      chart,
      table,
    ),
    panel(
      {
        title: 'Supporting statements side by side',
        howTo: 'For each company, pairs of statements on the same competency: the source’s wording first, the equivalent level’s below. They show what the two levels actually ask for.',
        name: 'map-support',
        rows: () => supportRows,
      },
      support ?? h('p', { class: 'muted' }, 'Nothing mapped yet.'),
    ),
  ];
  if (kept.view) {
    kept.results.forEach((old, i) => old.replaceWith(results[i]));
  } else {
    kept.view = h('div', { class: 'view view-map' }, kept.chooser, ...results);
    warmMappings(data, kept.view);
  }
  kept.results = results;
  return kept.view;
};
