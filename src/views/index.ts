/**
 * The dashboard's views, each `(data, {width, selection, onSelect}) => Element`, loaded on demand so a
 * page only downloads the code of the view on screen.
 */
import type { AtlasData, LadderData, View } from './atlas-data.ts';
import { overview } from './overview.ts';

export type { AtlasData, LadderData, View, ViewOptions, ViewSelection, TaxonomyInfo } from './atlas-data.ts';
export { rowsOf } from './exportable.ts';
export { drawPendingCharts, hasPendingChart } from './deferred-chart.ts';

/** A view that draws from the ingested ladders alone, or one that needs classification and analyses. */
export type ViewEntry =
  | { id: string; label: string; needs: 'ladders'; load: () => Promise<View<LadderData>> }
  | { id: string; label: string; needs: 'analyses'; load: () => Promise<View<AtlasData>> };

export const VIEWS: readonly ViewEntry[] = [
  // The overview is the landing view: bundled with the entry so its charts need no second round trip.
  { id: 'overview', label: 'Overview', needs: 'ladders', load: async () => overview },
  { id: 'alignment', needs: 'analyses', label: 'Level alignment', load: () => import('./level-alignment.ts').then((m) => m.levelAlignment) },
  { id: 'map', needs: 'analyses', label: 'Map a hire', load: () => import('./map-hire.ts').then((m) => m.mapHire) },
  { id: 'divergence', needs: 'analyses', label: 'Divergence', load: () => import('./divergence.ts').then((m) => m.divergence) },
  { id: 'coverage', needs: 'analyses', label: 'Coverage', load: () => import('./coverage.ts').then((m) => m.coverage) },
  { id: 'gaps', needs: 'analyses', label: 'Rubric gaps', load: () => import('./rubric-gaps.ts').then((m) => m.rubricGaps) },
  { id: 'explorer', needs: 'analyses', label: 'Statement explorer', load: () => import('./explorer.ts').then((m) => m.explorer) },
];
