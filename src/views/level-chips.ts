import type { ViewOptions } from './atlas-data.ts';
import { h, setIfChanged } from './dom.ts';
import { isSelectedLevel, levelName, selectLevel } from './level-rows.ts';
import { multiTrackCompanies } from '../levels/index.ts';

type Level = { company: string; companyName: string; track: string; level: string; levelTitle: string; variant?: string };

/**
 * Keyboard-reachable level buttons (charts are not focusable): choosing one selects that level. `all`: every level
 * loaded (default `levels`), so that a level of a company with several tracks is named and selected with its track.
 */
export function levelChips(levels: readonly Level[], { selection, onSelect }: Pick<ViewOptions, 'selection' | 'onSelect'>, label = 'Choose a level', all: readonly Level[] = levels): HTMLElement {
  const multi = multiTrackCompanies(all);
  const multiTrack = (l: Level) => multi.has(l.company);
  // The title adds the level's title only where it says more than the level's name ("IC4 · Senior Security Engineer", not "3 · 3").
  const title = (l: Level) => {
    const name = levelName(l, multiTrack(l));
    return l.levelTitle && !name.toLowerCase().includes(l.levelTitle.toLowerCase()) ? `${name} · ${l.levelTitle}` : name;
  };
  return h(
    'div',
    { class: 'level-chips', role: 'group', 'aria-label': label },
    h('span', { class: 'muted' }, `${label}: `),
    ...levels.map((l) =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(isSelectedLevel(l, selection)),
          title: title(l),
          on: { click: () => onSelect(selectLevel(l, all)) },
        },
        levelName(l, multiTrack(l)),
      ),
    ),
  );
}

/** Shows another selection in chips that {@link levelChips} drew for the same `levels`: the chosen level's is pressed. */
export function pressLevelChips(chips: Element, levels: readonly Level[], selection: ViewOptions['selection']): void {
  const buttons = chips.querySelectorAll(':scope > button');
  levels.forEach((l, i) => setIfChanged(buttons[i], 'aria-pressed', String(isSelectedLevel(l, selection))));
}
