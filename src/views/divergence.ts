import * as Plot from '@observablehq/plot';
import { divergence as rankDivergence } from '../analyses/index.ts';
import type { DivergenceRow } from '../analyses/types.ts';
import type { View } from './atlas-data.ts';
import { h } from './dom.ts';
import { OKABE_ITO, SEQUENTIAL } from './palette.ts';
import { panel } from './panel.ts';
import { onMarkClick } from './plot-select.ts';
import { SCALE_X, scaleAxis, scaleChartWidth } from './scale-axis.ts';
import { competencyLabeller, scaleNames } from './statement-list.ts';

/** Divergence: competencies ranked by how much the ladders disagree, and one competency in detail. */
export const divergence: View = (data, { width, selection, onSelect }) => {
  const label = competencyLabeller(data);
  const names = scaleNames(data);
  const companyName = new Map(data.set.levels.map((l) => [l.company, l.companyName]));
  const nameOf = (id: string) => companyName.get(id) ?? id;
  const allCompanies = [...companyName.keys()].sort();
  const chosenCompanies = (selection.compare ?? '').split(',').filter((c) => companyName.has(c));
  const compared = chosenCompanies.length >= 2 ? chosenCompanies : allCompanies;
  const rows =
    compared.length === allCompanies.length
      ? data.analysis.divergence
      : rankDivergence(
          data.statements.filter((s) => compared.includes(s.company)),
          data.analysis.levels.filter((p) => compared.includes(p.company)),
          { competencies: data.analysis.competencies, capNotes: data.analysis.capNotes },
        );
  const toggle = (id: string) => {
    const next = compared.includes(id) ? compared.filter((c) => c !== id) : [...compared, id].sort();
    if (next.length >= 2) onSelect({ compare: next.length === allCompanies.length ? undefined : next.join(',') });
  };
  const companyToggles = h(
    'div',
    { class: 'level-chips', role: 'group', 'aria-label': 'Companies compared' },
    h('span', { class: 'muted' }, 'Compare: '),
    ...allCompanies.map((id) =>
      h('button', { type: 'button', 'aria-pressed': String(compared.includes(id)), disabled: compared.includes(id) && compared.length <= 2, title: compared.includes(id) ? `Leave ${nameOf(id)} out` : `Add ${nameOf(id)}`, on: { click: () => toggle(id) } }, nameOf(id)),
    ),
  );
  const chosen: DivergenceRow | undefined = rows.find((r) => r.competency === selection.competency) ?? rows[0];
  const order = rows.map((r) => label(r.competency));
  const parts = rows.flatMap((r) => [
    { competency: r.competency, label: label(r.competency), part: 'onset spread', value: r.parts.onsetSpread / 3, divergence: r.divergence },
    { competency: r.competency, label: label(r.competency), part: 'strength gap', value: r.parts.strengthGap / 3, divergence: r.divergence },
    { competency: r.competency, label: label(r.competency), part: 'absence', value: r.parts.absence / 3, divergence: r.divergence },
  ]);

  const ranking = onMarkClick<{ competency: string }>(
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
    const companies = [...new Set(chosen.onset.map((o) => o.company))].filter((c) => compared.includes(c)).sort();
    const onsetChart = Plot.plot({
      ariaLabel: 'Strength of the chosen competency per company and band, with the onset of each ladder',
      width: scaleChartWidth(width),
      height: 90 + companies.length * 36,
      marginLeft: 190,
      marginTop: 44,
      x: SCALE_X,
      y: { domain: companies, label: null, tickFormat: nameOf },
      color: { scheme: SEQUENTIAL, domain: [0, Math.max(0.01, ...chosen.strength.map((s) => s.strength))], legend: true, label: 'strength (share of the level)' },
      marks: [
        ...scaleAxis(names, scaleChartWidth(width), 'band on the common scale →'),
        Plot.barX(chosen.strength, { x1: (d: { band: number }) => d.band - 0.5, x2: (d: { band: number }) => d.band + 0.5, y: 'company', fill: 'strength', inset: 2, tip: true, channels: { band: 'band', level: 'level' } }),
        Plot.dot(chosen.onset.filter((o) => o.position !== null), { x: 'position', y: 'company', r: 7, stroke: 'currentColor', strokeWidth: 2.5, fill: 'none', tip: true, title: (o: DivergenceRow['onset'][number]) => `${nameOf(o.company)}: first mentioned at ${o.level} (${o.position?.toFixed(1)})` }),
        Plot.text(chosen.onset.filter((o) => o.position === null), { x: 1, y: 'company', text: () => 'never mentioned', textAnchor: 'start' }),
      ],
    });
    detailRows = chosen.sideBySide.flatMap((b) => b.statements.map((s) => ({ competency: chosen.competency, band: b.band, company: b.company, level: b.level, id: s.id, text: s.text })));
    const bands = [...new Set(chosen.sideBySide.map((b) => b.band))].sort((a, b) => a - b);
    const sideBySide = bands.map((band) =>
      h(
        'div',
        null,
        h('h3', null, `Band ${band} · ${names.get(band) ?? ''}`),
        h(
          'div',
          { class: 'side-by-side' },
          ...companies.map((c) => {
            const cell = chosen.sideBySide.filter((b) => b.band === band && b.company === c);
            return h(
              'div',
              null,
              h('strong', null, `${nameOf(c)}${cell.length ? ' ' + cell.map((b) => b.level).join(', ') : ''}`),
              cell.some((b) => b.statements.length)
                ? h('ul', { class: 'statement-list' }, ...cell.flatMap((b) => b.statements.map((s) => h('li', null, s.text))))
                : h('p', { class: 'muted' }, cell.length ? 'No statement on this competency.' : 'No level in this band.'),
            );
          }),
        ),
      ),
    );
    detail = [
      h(
        'p',
        null,
        `Divergence ${chosen.divergence.toFixed(2)}: onset spread ${chosen.parts.onsetSpread.toFixed(2)}, strength gap ${chosen.parts.strengthGap.toFixed(2)}, absence ${chosen.parts.absence.toFixed(2)}.`,
        chosen.neverMentioned.length ? ` Never mentioned by ${chosen.neverMentioned.map(nameOf).join(', ')}.` : '',
      ),
      onsetChart,
      ...sideBySide,
    ];
  }

  return h(
    'div',
    { class: 'view view-divergence' },
    panel(
      {
        title: compared.length === allCompanies.length ? 'Where the ladders disagree' : `Where ${compared.map(nameOf).join(' and ')} disagree`,
        howTo: 'Competencies ranked by divergence (0 = the ladders agree, 1 = they disagree completely). The bar is the sum of three equal parts: onset spread (how far apart on the scale the ladders first ask for it), strength gap (how differently much of a level it takes at the same band) and absence (ladders that never mention it). Click a bar or button to see the competency in detail; toggle companies to compare just two of them.',
        name: 'divergence',
        chart: true,
        rows: () => rows.map((r) => ({ competency: r.competency, label: label(r.competency), divergence: r.divergence, ...r.parts, neverMentioned: r.neverMentioned.join('; ') })),
      },
      companyToggles,
      ranking,
      chips,
    ),
    panel(
      {
        title: chosen ? `${label(chosen.competency)} across the ladders` : 'A competency across the ladders',
        howTo: 'Cells show how much of each company’s level at that band of the common scale is about this competency (darker = more); the ring marks where each ladder first mentions it. Below, the statements at aligned bands side by side.',
        name: 'divergence-detail',
        chart: !!chosen,
        rows: () => detailRows,
      },
      ...detail,
    ),
  );
};
