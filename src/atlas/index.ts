/**
 * The core's entry point: `atlas(files, {data})` reads, classifies and analyses ladders, each stage on first use.
 * Every shell calls it — the CLI, the dashboard, its upload worker, the notebooks, the benchmark and the tests —
 * with the data files it gathered (the CLI from `--data DIR`, the app from the bundled data folder).
 */
export { atlas, type Atlas, type AtlasInput, type AtlasOptions } from './atlas.ts';
export { atlasFromTables, atlasTables, type AtlasTables, type AnalysisTables, type StatementClass } from './atlas-tables.ts';
export { ingestLadders, type LadderOptions } from './ingest-ladders.ts';
export { dataBundle, DATA_FILE_NAMES, type DataBundle, type DataFile } from './data-bundle.ts';
export { measureLabels, type LabelledResult } from './measure-labels.ts';
