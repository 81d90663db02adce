/** Plain-words account of a placement: what each part of the joint fit said, strongest first. */
import { compareText } from '../text/index.ts';
import type { PlacementPart } from './calibrate-levels.ts';
import type { LevelPlacement } from './types.ts';

export interface PlacementReason {
  part: PlacementPart['source'];
  /** Position this part argues for, and how much it counts. */
  says: number;
  weight: number;
  /** Share of the level's total weight (0..1). */
  share: number;
  text: string;
}

const f1 = (x: number) => x.toFixed(1);
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

/**
 * One reason per part of the fit, strongest first. `labelOf` turns a level key into a short label
 * (`dropbox:IC3`); titles and phrases come from the placement's evidence.
 */
export function explainPlacement(p: Pick<LevelPlacement, 'evidence' | 'calibration' | 'rawPosition'>, labelOf: (key: string) => string = (k) => k): PlacementReason[] {
  const c = p.calibration;
  if (!c) return [];
  const total = c.parts.reduce((t, x) => t + x.weight, 0) || 1;
  const phrases = p.evidence.filter((e) => !e.fact && e.dimension !== 'title');
  const facts = p.evidence.filter((e) => e.fact && e.dimension !== 'title');
  const title = p.evidence.find((e) => e.dimension === 'title');
  const quote = (xs: typeof p.evidence, n: number) => xs.slice(0, n).map((e) => `"${e.match}" ${f1(e.value)}`).join(', ') + (xs.length > n ? ` and ${xs.length - n} more` : '');
  return c.parts
    .map((part): PlacementReason => {
      let text: string;
      switch (part.source) {
        case 'text':
          text = `its wording reads ${f1(c.readings.text ?? part.says)} (${quote(phrases, 3)}); its ladder writes ${signed(c.offset)} against the fit and spreads ${c.slope.toFixed(2)} per step, so it says ${f1(part.says)}`;
          break;
        case 'facts':
          text = `its stated facts say ${f1(part.says)} (${quote(facts, 3)})`;
          break;
        case 'title':
          text = `its title says ${f1(part.says)}${title ? ` ("${title.match}")` : ''}`;
          break;
        case 'below':
          text = `${labelOf(part.other!)} below it, one ladder step (${c.step.toFixed(2)}) lower, puts it at ${f1(part.says)}`;
          break;
        case 'above':
          text = `${labelOf(part.other!)} above it, one ladder step (${c.step.toFixed(2)}) higher, puts it at ${f1(part.says)}`;
          break;
        case 'variant':
          text = `${labelOf(part.other!)}, another page of the same level, is at ${f1(part.says)}`;
          break;
        case 'shared':
          text = `it shares statements with ${labelOf(part.other!)}, at ${f1(part.says)}`;
          break;
        case 'bound':
          text = `the scale ends at ${f1(part.says)}`;
          break;
      }
      return { part: part.source, says: part.says, weight: part.weight, share: Math.round((part.weight / total) * 100) / 100, text };
    })
    .sort((a, b) => b.weight - a.weight || compareText(a.part, b.part));
}
