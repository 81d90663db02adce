/** The data folder bundled at build time by the `atlas-data` plugin in vite.config.ts. */
type BundledLadderFile = { path: string; content: string } | { path: string; base64: string };

declare module 'virtual:atlas-data/ladders' {
  /**
   * Every file under `<data>/ladders/`, path relative to the data folder, in the CLI's order; text when
   * the file is valid UTF-8, otherwise its bytes as base64.
   */
  export const ladderFiles: BundledLadderFile[];
}

declare module 'virtual:atlas-data/ingest-rules' {
  /** The data folder's ingest-rules.json (text); undefined when it is the project's own (ingestion's default) or absent. */
  export const ingestRules: string | undefined;
}

declare module 'virtual:atlas-data/files' {
  /** The other top-level JSON/CSV files of the data folder by name (taxonomy.json, section-priors.json, overrides.csv, …). */
  export const dataFiles: Record<string, string | undefined>;
}

declare module 'virtual:atlas-data' {
  export { ladderFiles } from 'virtual:atlas-data/ladders';
  export { ingestRules } from 'virtual:atlas-data/ingest-rules';
  export { dataFiles } from 'virtual:atlas-data/files';
}

declare module 'virtual:atlas-data/ladder-set' {
  /** The bundled ladders as read at build time (ingestion with the data folder's rules): the first view's data. */
  export const ladderSet: import('../types.ts').LadderSet;
}

declare module 'virtual:atlas-data/tables' {
  /** Per statement of the ladder set, its classification, computed at build time (see src/atlas/atlas-tables.ts). */
  export const classes: import('../atlas/atlas-tables.ts').StatementClass[];
  /** Every analysis of the bundled ladders, computed at build time. */
  export const analysis: import('../atlas/atlas-tables.ts').AnalysisTables;
  export const warnings: string[];
}
