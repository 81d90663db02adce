import * as Plot from '@observablehq/plot';
import { diffLevels } from '../analyses/index.ts';
import type { GapFinding, LevelDiff, LevelPlacement } from '../analyses/types.ts';
import type { View } from './atlas-data.ts';
import { h } from './dom.ts';
import { levelChips } from './level-chips.ts';
import { SEVERITY_COLORS } from './palette.ts';
import { panel } from './panel.ts';
import { compareLevels } from '../levels/index.ts';
import { isSelectedLevel } from './level-rows.ts';
import { competencyLabeller, statementIndex, statementList } from './statement-list.ts';
import { levelKey } from '../levels/index.ts';

const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
const typeName = (t: string) => t.replace(/-/g, ' ');

/** Rubric gaps: one company's lint findings by severity with their statements, and the level-to-level diff. */
export const rubricGaps: View = (data, { width, selection, onSelect }) => {
  const label = competencyLabeller(data);
  const placements = data.analysis.levels;
  const names = new Map(placements.map((p) => [p.company, p.companyName]));
  const companyIds = [...names.keys()].sort();
  const company = selection.company && names.has(selection.company) ? selection.company : companyIds[0];
  const findings = data.analysis.gaps.filter(
    (g) =>
      g.company === company &&
      (!selection.track || g.track === selection.track) &&
      (!selection.level || g.level === null || g.level === selection.level) &&
      (!selection.competency || g.competency === null || g.competency === selection.competency),
  );
  const scope = [selection.level ? `level ${selection.level}` : '', selection.competency ? label(selection.competency) : ''].filter(Boolean).join(' and ');
  const companyChips = h(
    'div',
    { class: 'level-chips', role: 'group', 'aria-label': 'Choose a company' },
    h('span', { class: 'muted' }, 'Company: '),
    ...companyIds.map((id) => h('button', { type: 'button', 'aria-pressed': String(id === company), on: { click: () => onSelect({ company: id }) } }, names.get(id) ?? id)),
  );
  // A company with several tracks: findings of one track or all, and the diff within the chosen track.
  const own = placements.filter((p) => p.company === company);
  const tracks = [...new Set(own.map((p) => p.track))].sort();
  const multiTrack = tracks.length > 1;
  const trackChips = multiTrack
    ? h(
        'div',
        { class: 'level-chips', role: 'group', 'aria-label': 'Choose a track' },
        h('span', { class: 'muted' }, 'Track: '),
        h('button', { type: 'button', 'aria-pressed': String(!selection.track), on: { click: () => onSelect({ company, track: undefined }) } }, 'all tracks'),
        ...tracks.map((t) => h('button', { type: 'button', 'aria-pressed': String(t === selection.track), on: { click: () => onSelect({ company, track: t }) } }, t)),
      )
    : null;

  const counts = findings.map((g) => ({ type: typeName(g.type), severity: g.severity }));
  const perType = new Map<string, number>();
  for (const c of counts) perType.set(c.type, (perType.get(c.type) ?? 0) + 1);
  const most = Math.max(1, ...perType.values());
  const chart = findings.length
    ? Plot.plot({
        ariaLabel: 'Findings by type and severity',
        width,
        height: 50 + new Set(counts.map((c) => c.type)).size * 26,
        marginLeft: 190,
        x: { label: 'findings', grid: true, ticks: most <= 12 ? Array.from({ length: most + 1 }, (_, i) => i) : 10, tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
        y: { label: null },
        color: { domain: [...SEVERITIES], range: SEVERITIES.map((s) => SEVERITY_COLORS[s]), legend: true },
        marks: [Plot.barX(counts, Plot.groupY({ x: 'count' }, { y: 'type', fill: 'severity', tip: true, order: [...SEVERITIES], sort: { y: '-x' } })), Plot.ruleX([0])],
      })
    : null;

  const byStatement = statementIndex(data);
  const levelByKey = new Map(placements.map((p) => [p.key, p]));
  const peerName = (p: NonNullable<GapFinding['peers']>[number]) => {
    const s = byStatement.get(p.statementId);
    return (s && levelByKey.get(levelKey(s))?.name) ?? `${names.get(p.company) ?? p.company} ${p.level}`;
  };
  const finding = (g: GapFinding) =>
    h(
      'li',
      { class: 'finding' },
      h('strong', { class: `severity-${g.severity}` }, `${g.severity}`),
      ` · ${typeName(g.type)}`,
      multiTrack && !selection.track ? ` · ${g.track}` : '',
      g.level ? ` · level ${g.level}` : '',
      g.competency ? ` · ${label(g.competency)}` : '',
      h('br'),
      g.suggestion,
      g.detail ? h('span', { class: 'muted' }, ` ${g.detail}`) : '',
      g.statementIds.length ? statementList(data, g.statementIds, 4) : null,
      g.peers?.length
        ? h('div', { class: 'peers' }, h('span', { class: 'muted' }, 'How other ladders word it:'), h('ul', { class: 'statement-list' }, ...g.peers.slice(0, 3).map((p) => h('li', null, `${peerName(p)}: “${p.text}”`))))
        : null,
    );
  const groups = SEVERITIES.map((s) => findings.filter((g) => g.severity === s))
    .map((list, i) => (list.length ? h('div', null, h('h3', null, `${SEVERITIES[i]} (${list.length})`), h('ul', { class: 'findings' }, ...list.map(finding))) : null))
    .filter(Boolean);

  const track = selection.track && tracks.includes(selection.track) ? selection.track : own.find((p) => isSelectedLevel(p, selection))?.track ?? tracks[0];
  const ladder = own.filter((p) => p.track === track).sort(compareLevels);
  const from = ladder.find((p) => isSelectedLevel(p, selection)) ?? ladder[0];
  const next = from ? ladder.find((p) => p.levelOrder > from.levelOrder) : undefined;
  // Compare with: the next level of the track (default), or a level of another track of the company.
  const others = from ? own.filter((p) => p.track !== from.track).sort(compareLevels) : [];
  const chosenTo = selection.to ? placements.find((p) => p.key === selection.to && p.company === company && p.key !== from?.key) : undefined;
  const to = chosenTo ?? next;
  // Within one track the level alone ("L3"); across tracks the full name ("Octopus Deploy Security Engineer L4").
  const short = (p: LevelPlacement | undefined) => (p ? (p.track !== from?.track ? p.name : p.variant ? `${p.level} (${p.variant})` : p.level) : '');
  const [fromName, toName] = [from ? (to && to.track !== from.track ? from.name : short(from)) : '', short(to)];
  let diff: LevelDiff | null = null;
  if (from && to) diff = diffLevels(from.key, to.key, data.statements, placements, { capNotes: data.analysis.capNotes, levels: data.set.levels });
  const toChips =
    from && (next || others.length)
      ? h(
          'div',
          { class: 'level-chips', role: 'group', 'aria-label': 'Compare with' },
          h('span', { class: 'muted' }, 'Compare with: '),
          ...(next ? [h('button', { type: 'button', 'aria-pressed': String(to?.key === next.key), on: { click: () => onSelect({ to: undefined }) } }, `the next level (${short(next)})`)] : []),
          ...others.map((p) => h('button', { type: 'button', 'aria-pressed': String(to?.key === p.key), title: `Compare ${from.name} with ${p.name}`, on: { click: () => onSelect({ to: p.key }) } }, p.name)),
        )
      : null;
  const diffRows = diff
    ? diff.entries.map((e) => ({
        from: diff!.from.label,
        to: diff!.to.label,
        competency: e.competency,
        change: e.change,
        fromCount: e.from.count,
        fromOf: e.from.of,
        fromShare: e.from.share,
        toCount: e.to.count,
        toOf: e.to.of,
        toShare: e.to.share,
        fromStatements: e.from.statements.map((s) => s.text).join(' | '),
        toStatements: e.to.statements.map((s) => s.text).join(' | '),
      }))
    : [];
  const diffBody = diff
    ? h(
        'table',
        { class: 'plain' },
        h('thead', null, h('tr', null, ...['competency', 'change', `${fromName} share`, `${toName} share`, 'wording that shows it'].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          null,
          ...diff.entries
            .filter((e) => e.change !== 'kept')
            .map((e) =>
              h(
                'tr',
                null,
                h('td', null, label(e.competency)),
                h('td', null, h('strong', null, e.change)),
                h('td', { title: `${e.from.count} of ${e.from.of} statements` }, `${Math.round(e.from.share * 100)}% (${e.from.count}/${e.from.of})`),
                h('td', { title: `${e.to.count} of ${e.to.of} statements` }, `${Math.round(e.to.share * 100)}% (${e.to.count}/${e.to.of})`),
                (() => {
                  const older = e.change === 'dropped' || e.change === 'weakened' || e.change === 'carried-over';
                  const quotes = (older ? e.from : e.to).statements.slice(0, 2).map((s) => `“${s.text}”`).join(' ');
                  return h('td', null, quotes ? `${older ? fromName : toName}: ${quotes}` : '—');
                })(),
              ),
            ),
        ),
      )
    : h('p', { class: 'muted' }, ladder.length < 2 && !others.length ? `${names.get(company) ?? company} has only one level here: there is nothing to compare it with.` : 'Choose a level that has a next level, or a level of another track to compare with.');

  return h(
    'div',
    { class: 'view view-gaps' },
    panel(
      {
        title: `Rubric gaps: ${names.get(company) ?? company}${multiTrack && selection.track && tracks.includes(selection.track) ? ` ${selection.track}` : ''}`,
        howTo: 'Problems and omissions found in one company’s ladder, most severe first: placeholders and empty or truncated text, competencies the ladder never mentions (nothing in its text touches them), mentions only in passing (with the statements that do) or drops at a higher level, missing levels, near-duplicate statements. Each finding names its statements and, for missing competencies, how other ladders word it at the aligned level.',
        name: 'rubric-gaps',
        chart: !!chart,
        rows: () => findings.map((g) => ({ company: g.company, track: g.track, level: g.level ?? '', severity: g.severity, type: g.type, competency: g.competency ?? '', suggestion: g.suggestion, detail: g.detail ?? '', statementIds: g.statementIds.join(' ') })),
      },
      companyChips,
      trackChips,
      scope ? h('p', { class: 'muted' }, `Showing findings about ${scope} (and those about the whole ladder); clear the selection to see all.`) : null,
      chart,
      ...(groups.length ? groups : [h('p', null, 'No findings for this selection.')]),
    ),
    panel(
      {
        title: diff ? `What changes from ${fromName} to ${toName}` : 'Level diff',
        howTo: 'A competency’s share of a level is the share of the level’s classified statements about it (its primary competency, or a secondary one scoring at least 0.25), shown with the counts. Added: 0% before, more after. Dropped: more before, 0% after (carried over instead when a cap note or an “extends” says it carries on). Strengthened or weakened: both levels have it and the share moves by at least 5 points and at least a quarter. Competencies kept at about the same share are left out. Compare with the next level of the track or, for a company with several tracks, a level of another track.',
        name: 'level-diff',
        rows: () => diffRows,
      },
      levelChips(ladder, { selection, onSelect }, 'Diff from level', placements),
      toChips,
      diffBody,
    ),
  );
};
