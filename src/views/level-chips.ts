import type { ViewOptions } from './atlas-data.ts';
import { h } from './dom.ts';

/** Keyboard-reachable level buttons (charts are not focusable): choosing one selects company and level. */
export function levelChips(
  levels: readonly { company: string; companyName: string; level: string; levelTitle: string }[],
  { selection, onSelect }: Pick<ViewOptions, 'selection' | 'onSelect'>,
  label = 'Choose a level',
): HTMLElement {
  return h(
    'div',
    { class: 'level-chips', role: 'group', 'aria-label': label },
    h('span', { class: 'muted' }, `${label}: `),
    ...levels.map((l) =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(selection.company === l.company && selection.level === l.level),
          title: `${l.companyName} ${l.level} · ${l.levelTitle}`,
          on: { click: () => onSelect({ company: l.company, level: l.level }) },
        },
        `${l.companyName} ${l.level}`,
      ),
    ),
  );
}
