/** The data folder bundled at build time by the `atlas-data` plugin in vite.config.ts. */
declare module 'virtual:atlas-data' {
  /**
   * Every file under `<data>/ladders/`, path relative to the data folder, in the CLI's order; text when
   * the file is valid UTF-8, otherwise its bytes as base64.
   */
  export const ladderFiles: ({ path: string; content: string } | { path: string; base64: string })[];
  /** Top-level JSON/CSV files of the data folder by name (taxonomy.json, section-priors.json, overrides.csv, …). */
  export const dataFiles: Record<string, string | undefined>;
}
