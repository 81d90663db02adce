/**
 * The bundled ladders read, classified and analysed as the page used to at start-up — the same inputs (the files
 * the atlas-data plugin ships), the same calls — but at build time: the page gets the tables as data.
 */
import { atlas, atlasTables, ingestLadders, type AtlasTables } from '../../atlas/index.ts';
import { atlasData, ingestData, ladderInputs, type ShippedData } from '../bundled-inputs.ts';

export function bundledTables(shipped: ShippedData): AtlasTables {
  const set = ingestLadders(ladderInputs(shipped.ladderFiles), { data: ingestData(shipped.ingestRules) });
  return atlasTables(atlas({ set }, { data: atlasData(shipped) }));
}
