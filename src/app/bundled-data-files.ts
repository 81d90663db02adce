import { dataFiles } from 'virtual:atlas-data/files';
import { dataBundle, type DataBundle } from '../atlas/index.ts';
import { BUNDLED_INGEST_DATA } from './bundled-ingest-data.ts';

let bundle: DataBundle | undefined;

/** Every data file of the bundled data folder (taxonomy, priors, overrides, scale cues, ingest rules), for atlas(). */
export function bundledData(): DataBundle {
  // The ingest rules as the page read the ladders with (one object: parsed once).
  return (bundle ??= { ...dataBundle(dataFiles, 'data/'), ...BUNDLED_INGEST_DATA });
}
