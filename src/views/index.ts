/**
 * The dashboard's views, each `(data, {width, selection, onSelect}) => Element`, loaded on demand so a
 * page only downloads the code of the view on screen.
 */
import type { View } from './atlas-data.ts';

export type { AtlasData, View, ViewOptions, ViewSelection, TaxonomyInfo } from './atlas-data.ts';
export { rowsOf } from './exportable.ts';

export interface ViewEntry {
  id: string;
  label: string;
  load: () => Promise<View>;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'overview', label: 'Overview', load: () => import('./overview.ts').then((m) => m.overview) },
  { id: 'alignment', label: 'Level alignment', load: () => import('./level-alignment.ts').then((m) => m.levelAlignment) },
  { id: 'map', label: 'Map a hire', load: () => import('./map-hire.ts').then((m) => m.mapHire) },
  { id: 'divergence', label: 'Divergence', load: () => import('./divergence.ts').then((m) => m.divergence) },
  { id: 'coverage', label: 'Coverage', load: () => import('./coverage.ts').then((m) => m.coverage) },
  { id: 'gaps', label: 'Rubric gaps', load: () => import('./rubric-gaps.ts').then((m) => m.rubricGaps) },
  { id: 'explorer', label: 'Statement explorer', load: () => import('./explorer.ts').then((m) => m.explorer) },
];
