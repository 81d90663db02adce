import * as Plot from '@observablehq/plot';
import { bandOf, divergence as rankDivergence, ladderKey, ladderName, multiTrackCompanies } from '../analyses/index.ts';
import type { DivergenceRow } from '../analyses/types.ts';
import type { AtlasData, View } from './atlas-data.ts';
import { perData } from './per-data.ts';
import { h } from './dom.ts';
import { OKABE_ITO, SEQUENTIAL } from './palette.ts';
import { panel } from './panel.ts';
import { onMarkClick } from './plot-select.ts';
import { SCALE_X, scaleAxis, scaleChartWidth } from './scale-axis.ts';
import { competencyLabeller, scaleNames, statementList } from './statement-list.ts';
import { LEGEND_HEIGHT } from './deferred-chart.ts';
import { reusedChart } from './reused-chart.ts';

/** Room for the level names left of the common-scale chart (the scale's step names wrap to what is left). */
const SCALE_MARGIN_LEFT = 230;

/** The divergence view last drawn for an atlas, and what it shows (width, ladders compared, competency asked for). */
const drawnViews = perData((_data: AtlasData) => ({ key: '', element: null as HTMLElement | null }));

/** Divergence: competencies ranked by how much the ladders disagree, and one competency in detail. */
export const divergence: View = (data, { width, selection, onSelect }) => {
  const label = competencyLabeller(data);
  const names = scaleNames(data);
  const placements = data.analysis.levels;
  const multi = multiTrackCompanies(placements);
  // One row per ladder (company, or company and track when the company has several), by display name.
  const ladderNames = new Map<string, string>();
  for (const p of placements) if (!ladderNames.has(ladderKey(p))) ladderNames.set(ladderKey(p), ladderName(p, multi.has(p.company)));
  const nameOfLadder = (x: { company: string; track: string }) => ladderNames.get(ladderKey(x)) ?? x.company;
  const allLadders = [...ladderNames.keys()].sort();
  // `compare` holds company ids (all their tracks) or ladder keys (`company|track`).
  const picked = (selection.compare ?? '').split(',').flatMap((c) => (ladderNames.has(c) ? [c] : allLadders.filter((k) => k.startsWith(`${c}|`))));
  const chosenLadders = [...new Set(picked)].sort();
  const compared = chosenLadders.length >= 2 ? chosenLadders : allLadders;
  const inCompared = (x: { company: string; track: string }) => compared.includes(ladderKey(x));
  // Nothing here shows the level chosen: for the same width, ladders and competency the view on screen stays as it is.
  const shownFor = `${width}\u0000${compared.join(',')}\u0000${selection.competency ?? ''}`;
  const kept = drawnViews(data);
  if (kept.element?.isConnected && kept.key === shownFor) return kept.element;
  const rows =
    compared.length === allLadders.length
      ? data.analysis.divergence
      : rankDivergence(
          data.statements.filter(inCompared),
          placements.filter(inCompared),
          { competencies: data.analysis.competencies, capNotes: data.analysis.capNotes, taxonomy: data.taxonomy },
        );
  const toggle = (key: string) => {
    const next = compared.includes(key) ? compared.filter((c) => c !== key) : [...compared, key].sort();
    if (next.length >= 2) onSelect({ compare: next.length === allLadders.length ? undefined : next.join(',') });
  };
  const companyToggles = h(
    'div',
    { class: 'level-chips', role: 'group', 'aria-label': 'Ladders compared' },
    h('span', { class: 'muted' }, 'Compare: '),
    ...allLadders.map((key) => {
      const name = ladderNames.get(key) ?? key;
      return h('button', { type: 'button', 'aria-pressed': String(compared.includes(key)), disabled: compared.includes(key) && compared.length <= 2, title: compared.includes(key) ? `Leave ${name} out` : `Add ${name}`, on: { click: () => toggle(key) } }, name);
    }),
  );
  const chosen: DivergenceRow | undefined = rows.find((r) => r.competency === selection.competency) ?? rows[0];
  const order = rows.map((r) => label(r.competency));
  const parts = rows.flatMap((r) => [
    { competency: r.competency, label: label(r.competency), part: 'onset spread', value: r.parts.onsetSpread / 3, divergence: r.divergence },
    { competency: r.competency, label: label(r.competency), part: 'strength gap', value: r.parts.strengthGap / 3, divergence: r.divergence },
    { competency: r.competency, label: label(r.competency), part: 'absence', value: r.parts.absence / 3, divergence: r.divergence },
  ]);

  // The charts show the ladders compared and the competency chosen, not the level: a change of level moves the same
  // elements into the view again.
  const drawnFor = `${width}\u0000${compared.join(',')}\u0000${chosen?.competency ?? ''}`;
  const ranking = reusedChart(data, 'divergence-ranking', drawnFor, () =>
    onMarkClick<{ competency: string }>(
      Plot.plot({
        ariaLabel: 'Competencies ranked by divergence between the ladders',
        width,
        height: 50 + rows.length * 22,
        marginLeft: 200,
        x: { domain: [0, 1], label: 'divergence →', grid: true },
        y: { domain: order, label: null },
        color: { domain: ['onset spread', 'strength gap', 'absence'], range: [OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[3]], legend: true },
        marks: [
          Plot.barX(parts, { x: 'value', y: 'label', fill: 'part', fillOpacity: (d: { competency: string }) => (d.competency === chosen?.competency ? 1 : 0.6), tip: true, channels: { divergence: 'divergence' } }),
          Plot.text(rows, { x: 'divergence', y: (r: DivergenceRow) => label(r.competency), text: (r: DivergenceRow) => r.divergence.toFixed(2), dx: 4, textAnchor: 'start' }),
          Plot.ruleX([0]),
        ],
      }),
      (d) => onSelect({ competency: d.competency }),
    ),
  );
  const chips = h(
    'div',
    { class: 'level-chips', role: 'group', 'aria-label': 'Choose a competency' },
    h('span', { class: 'muted' }, 'Choose a competency: '),
    ...rows.map((r) => h('button', { type: 'button', 'aria-pressed': String(r.competency === chosen?.competency), on: { click: () => onSelect({ competency: r.competency }) } }, label(r.competency))),
  );

  let detail: Node[] = [h('p', { class: 'muted' }, 'No competencies to compare.')];
  let detailRows: Record<string, unknown>[] = [];
  if (chosen) {
    const ladderRows = [...new Set(chosen.onset.filter(inCompared).map((o) => ladderKey(o)))].sort();
    const yName = (x: { company: string; track: string }) => nameOfLadder(x);
    const yDomain = ladderRows.map((k) => ladderNames.get(k) ?? k);
    const said = chosen.strength.filter((x) => inCompared(x) && x.statementIds.length > 0);
    const unsaid = chosen.strength.filter((x) => inCompared(x) && x.statementIds.length === 0);
    const silentOf = (o: { company: string; track: string }) => chosen.silent.find((x) => x.company === o.company && x.track === o.track);
    const onsetHeight = 90 + ladderRows.length * 36;
    // Below the ranking: the first time, drawn once the ranking is on screen.
    const onsetChart = reusedChart(
      data,
      'divergence-onset',
      drawnFor,
      () =>
        Plot.plot({
          ariaLabel: 'Strength of the chosen competency per ladder and band, with the onset of each ladder',
          width: scaleChartWidth(width),
          height: onsetHeight,
          marginLeft: SCALE_MARGIN_LEFT,
          marginTop: 44,
          x: SCALE_X,
          y: { domain: yDomain, label: null },
          color: { scheme: SEQUENTIAL, domain: [0, Math.max(0.01, ...said.map((s) => s.strength))], legend: true, label: 'strength (share of the level)' },
          marks: [
            ...scaleAxis(names, scaleChartWidth(width), { label: 'band on the common scale →', marginLeft: SCALE_MARGIN_LEFT }),
            // A level with no statement about the competency is an empty dashed box, never a faint fill.
            Plot.barX(unsaid, { x1: (d: { band: number }) => d.band - 0.5, x2: (d: { band: number }) => d.band + 0.5, y: yName, fill: 'none', stroke: 'currentColor', strokeOpacity: 0.35, strokeDasharray: '2 3', inset: 3 }),
            Plot.barX(said, { x1: (d: { band: number }) => d.band - 0.5, x2: (d: { band: number }) => d.band + 0.5, y: yName, fill: 'strength', inset: 2, tip: true, channels: { band: 'band', level: 'level' } }),
            Plot.dot(chosen.onset.filter((o) => o.position !== null && inCompared(o)), { x: 'position', y: yName, r: 7, stroke: 'currentColor', strokeWidth: 2.5, fill: 'none', tip: true, title: (o: DivergenceRow['onset'][number]) => `${yName(o)}: first mentioned at ${o.level} (${o.position?.toFixed(1)})` }),
            Plot.text(chosen.onset.filter((o) => o.position === null && inCompared(o)), { x: 1, y: yName, text: (o: DivergenceRow['onset'][number]) => (silentOf(o)?.inPassing.length ? 'only in passing' : silentOf(o) ? 'never mentioned' : 'carried over (cap note)'), textAnchor: 'start' }),
          ],
        }),
      { later: onsetHeight + LEGEND_HEIGHT },
    );
    detailRows = chosen.sideBySide.filter(inCompared).flatMap((b) => b.statements.map((s) => ({ competency: chosen.competency, band: b.band, company: b.company, track: b.track, level: b.level, id: s.id, text: s.text })));
    const levelsInBand = (band: number, key: string) => placements.filter((p) => ladderKey(p) === key && bandOf(p.position) === band);
    const bands = [...new Set(chosen.sideBySide.filter(inCompared).map((b) => b.band))].sort((a, b) => a - b);
    const sideBySide = bands.map((band) => {
      const present = ladderRows.filter((k) => levelsInBand(band, k).length);
      const absent = ladderRows.filter((k) => !present.includes(k));
      return h(
        'div',
        null,
        h('h3', null, `Band ${band} · ${names.get(band) ?? ''}`),
        h(
          'div',
          { class: 'side-by-side' },
          ...present.map((k) => {
            const cell = chosen.sideBySide.filter((b) => b.band === band && ladderKey(b) === k);
            const levels = levelsInBand(band, k).map((p) => (p.variant ? `${p.level} (${p.variant})` : p.level));
            return h(
              'div',
              null,
              h('strong', null, `${ladderNames.get(k) ?? k} ${levels.join(', ')}`),
              cell.some((b) => b.statements.length)
                ? h('ul', { class: 'statement-list' }, ...cell.flatMap((b) => b.statements.map((s) => h('li', null, s.text))))
                : h('p', { class: 'muted' }, 'No statement on this competency.'),
            );
          }),
        ),
        absent.length ? h('p', { class: 'muted' }, `No level in this band: ${absent.map((k) => ladderNames.get(k) ?? k).join(', ')}.`) : null,
      );
    });
    const silent = chosen.silent.filter(inCompared);
    const passing = silent.filter((x) => x.inPassing.length);
    const never = silent.filter((x) => !x.inPassing.length);
    detail = [
      h(
        'p',
        { class: 'divergence-summary' },
        `Divergence ${chosen.divergence.toFixed(2)}: onset spread ${chosen.parts.onsetSpread.toFixed(2)}, strength gap ${chosen.parts.strengthGap.toFixed(2)}, absence ${chosen.parts.absence.toFixed(2)}.`,
        never.length ? ` Never mentioned by ${never.map(yName).join(', ')}.` : '',
        passing.length ? ` Mentioned only in passing by ${passing.map((x) => `${yName(x)} (${x.inPassing.length} statement${x.inPassing.length > 1 ? 's' : ''})`).join(', ')}:` : '',
      ),
      passing.length ? statementList(data, passing.flatMap((x) => x.inPassing), 6) : null,
      onsetChart,
      ...sideBySide,
    ].filter((x): x is NonNullable<typeof x> => !!x);
  }

  kept.key = shownFor;
  return (kept.element = h(
    'div',
    { class: 'view view-divergence' },
    panel(
      {
        title: compared.length === allLadders.length ? 'Where the ladders disagree' : `Where ${compared.map((k) => ladderNames.get(k) ?? k).join(' and ')} disagree`,
        howTo: 'Competencies ranked by divergence (0 = the ladders agree, 1 = they disagree completely). The bar is the sum of three equal parts: onset spread (how far apart on the scale the ladders first ask for it), strength gap (how differently much of a level it takes at the same band) and absence (ladders where no statement is about it; the detail says which name it only in passing and which never mention it at all). Click a bar or button to see the competency in detail; toggle ladders (a company’s tracks are separate ladders) to compare just two of them.',
        name: 'divergence',
        chart: true,
        rows: () => rows.map((r) => ({ competency: r.competency, label: label(r.competency), divergence: r.divergence, ...r.parts, neverMentioned: r.silent.filter((x) => !x.inPassing.length).map(nameOfLadder).join('; '), onlyInPassing: r.silent.filter((x) => x.inPassing.length).map(nameOfLadder).join('; ') })),
      },
      companyToggles,
      ranking,
      chips,
    ),
    panel(
      {
        title: chosen ? `${label(chosen.competency)} across the ladders` : 'A competency across the ladders',
        howTo: 'Cells show how much of each ladder’s level at that band of the common scale is about this competency (darker = more; a dashed empty box: no statement of that level is about it); the ring marks where each ladder first mentions it. Below, the statements at aligned bands side by side.',
        name: 'divergence-detail',
        chart: !!chosen,
        rows: () => detailRows,
      },
      ...detail,
    ),
  ));
};
