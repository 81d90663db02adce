import type { ViewOptions } from './atlas-data.ts';
import { h } from './dom.ts';
import { isSelectedLevel, levelName, selectLevel } from './level-rows.ts';

type Level = { company: string; companyName: string; track: string; level: string; levelTitle: string; variant?: string };

/** Keyboard-reachable level buttons (charts are not focusable): choosing one selects that level. */
export function levelChips(levels: readonly Level[], { selection, onSelect }: Pick<ViewOptions, 'selection' | 'onSelect'>, label = 'Choose a level'): HTMLElement {
  const multiTrack = (l: Level) => new Set(levels.filter((m) => m.company === l.company).map((m) => m.track)).size > 1;
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
          title: `${levelName(l, multiTrack(l))} · ${l.levelTitle}`,
          on: { click: () => onSelect(selectLevel(l, levels)) },
        },
        levelName(l, multiTrack(l)),
      ),
    ),
  );
}
