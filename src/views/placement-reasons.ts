import { explainPlacement } from '../analyses/index.ts';
import type { LevelPlacement } from '../analyses/types.ts';
import { h } from './dom.ts';

/**
 * How a level (or pasted text) was placed: its raw reading, then what each part of the joint fit said and how
 * much it counted, strongest first. Text only — ladder words are never markup.
 */
export function placementReasons(p: Pick<LevelPlacement, 'evidence' | 'calibration' | 'rawPosition' | 'position'>, labelOf: (key: string) => string): Element {
  const reasons = explainPlacement(p, labelOf);
  if (!reasons.length) return h('p', { class: 'muted' }, 'No reading of its own and no neighbour: placed at the middle of the scale.');
  return h(
    'div',
    { class: 'placement-reasons' },
    h('p', null, p.rawPosition === null ? `Placed at ${p.position.toFixed(1)} by its ladder alone (no cue of its own), because:` : `Its own phrases read ${p.rawPosition.toFixed(1)}; placed at ${p.position.toFixed(1)}, because:`),
    h('ul', null, ...reasons.map((r) => h('li', null, h('strong', null, `${Math.round(r.share * 100)}%`), ` ${r.text}`))),
  );
}
