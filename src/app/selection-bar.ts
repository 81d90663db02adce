import type { LadderData, TaxonomyInfo } from '../views/index.ts';
import { inSelection, levelRows, selectLevel } from '../views/level-rows.ts';
import type { Selection } from './selection.ts';

function labelled(id: string, text: string, control: HTMLSelectElement): HTMLLabelElement {
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = text + ' ';
  control.id = id;
  label.append(control);
  return label;
}

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

/**
 * The linked selection as selects (company, track when the company has several, level, competency) and a
 * clear button, shown above every view. Choosing a level also chooses its company. Competencies arrive with the taxonomy
 * (`setTaxonomy`), after the first view is on screen.
 */
export function selectionBar(data: LadderData, onChange: (patch: Partial<Selection>) => void) {
  const element = document.createElement('div');
  element.className = 'selection-bar';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', 'Linked selection');

  const names = new Map<string, string>();
  for (const l of data.set.levels) if (!names.has(l.company)) names.set(l.company, l.companyName);
  const companyIds = [...names.keys()].sort();

  const company = document.createElement('select');
  company.append(option('', 'all companies'), ...companyIds.map((id) => option(id, names.get(id) ?? id)));

  // A company with several tracks: pick one (or all); hidden for a company with one track.
  const tracksOf = new Map<string, string[]>();
  for (const l of data.set.levels) {
    const list = tracksOf.get(l.company) ?? [];
    if (!list.includes(l.track)) list.push(l.track);
    tracksOf.set(l.company, list);
  }
  const track = document.createElement('select');

  // One option per level page: tracks and variants of a level are separate choices.
  const choices = levelRows(data.set.levels, data.set.statements);
  const level = document.createElement('select');
  level.append(option('', 'all levels'));
  for (const id of companyIds) {
    const own = choices.filter((l) => l.company === id);
    const tracks = [...new Set(own.map((l) => l.track))];
    for (const track of tracks) {
      const group = document.createElement('optgroup');
      group.label = tracks.length > 1 ? `${names.get(id) ?? id} · ${track}` : names.get(id) ?? id;
      for (const l of own.filter((m) => m.track === track)) {
        // The level's title only where it says more than its label ("IC4 · Senior Security Engineer", but "1", not "1 · 1").
        const titled = l.levelTitle && l.levelTitle.toLowerCase() !== l.level.toLowerCase() ? `${l.level} · ${l.levelTitle}` : l.level;
        const o = option(String(choices.indexOf(l)), `${titled}${l.variant && l.variant !== l.levelTitle ? ` (${l.variant})` : ''}`);
        o.dataset.level = l.level;
        group.append(o);
      }
      level.append(group);
    }
  }

  const competency = document.createElement('select');
  competency.append(option('', 'all competencies'));
  let pendingCompetency = '';

  const clear = document.createElement('button');
  clear.type = 'button';
  clear.textContent = 'Clear selection';

  company.addEventListener('change', () => onChange({ company: company.value || undefined, level: undefined }));
  track.addEventListener('change', () => onChange({ company: company.value || undefined, track: track.value || undefined, level: undefined }));
  level.addEventListener('change', () => {
    const chosen = choices[Number(level.value)];
    onChange(level.value && chosen ? selectLevel(chosen, choices) : { level: undefined });
  });
  competency.addEventListener('change', () => onChange({ competency: competency.value || undefined }));
  clear.addEventListener('click', () => onChange({ company: undefined, level: undefined, competency: undefined, q: undefined }));

  element.append(
    labelled('sel-company', 'Company', company),
    labelled('sel-track', 'Track', track),
    labelled('sel-level', 'Level', level),
    labelled('sel-competency', 'Competency', competency),
    clear,
  );
  track.parentElement?.setAttribute('hidden', '');

  return {
    element,
    setTaxonomy(taxonomy: TaxonomyInfo) {
      if (competency.options.length > 1) return;
      for (const g of taxonomy.groups) {
        const group = document.createElement('optgroup');
        group.label = g.label;
        group.append(...taxonomy.competencies.filter((c) => c.group === g.id).map((c) => option(c.id, c.label)));
        competency.append(group);
      }
      competency.value = pendingCompetency;
    },
    update(selection: Selection) {
      company.value = selection.company ?? '';
      const tracks = [...(tracksOf.get(selection.company ?? '') ?? [])].sort();
      track.replaceChildren(option('', 'all tracks'), ...tracks.map((t) => option(t, t)));
      track.value = selection.track && tracks.includes(selection.track) ? selection.track : '';
      (track.parentElement as HTMLElement | null)?.toggleAttribute('hidden', tracks.length < 2);
      const chosen = selection.company && selection.level ? choices.findIndex((l) => inSelection(l, selection)) : -1;
      level.value = chosen >= 0 ? String(chosen) : '';
      pendingCompetency = selection.competency ?? '';
      competency.value = pendingCompetency;
      clear.disabled = !selection.company && !selection.level && !selection.competency && !selection.q;
    },
  };
}
