/** The data an atlas is built from, besides the ladders: each file passed in as text or as a parsed value. */

/** One data file: its name (for messages) and its text, or its already-parsed content. */
export interface DataFile {
  name: string;
  content: unknown;
}

/**
 * The data files of a data folder. The core never reads them itself: a shell gathers them (the CLI from
 * `--data DIR`, the app from the bundled data) and hands them over, so every shell reads the same files.
 */
export interface DataBundle {
  /** `ingest-rules.json`: placeholders, notes, labels, aliases. Without it, the rules bundled with ingestion. */
  ingestRules?: DataFile;
  /** `taxonomy.json`: needed to classify. */
  taxonomy?: DataFile;
  /** `section-priors.json`: section-name crosswalk (optional). */
  sectionPriors?: DataFile;
  /** `overrides.csv`: a reviewer's decisions per statement id (optional). */
  overrides?: DataFile;
  /** `scale-cues.json`: needed to place levels and run the analyses. */
  scaleCues?: DataFile;
  /** `classifier-model.json`: the trained classifier (optional; without it, or for another taxonomy, the cue lexicon and priors decide). */
  classifierModel?: DataFile;
}

/** File name of each member of a bundle in a data folder. */
export const DATA_FILE_NAMES: Readonly<Record<keyof DataBundle, string>> = {
  ingestRules: 'ingest-rules.json',
  taxonomy: 'taxonomy.json',
  sectionPriors: 'section-priors.json',
  overrides: 'overrides.csv',
  scaleCues: 'scale-cues.json',
  classifierModel: 'classifier-model.json',
};

/** A bundle from a data folder's top-level files by name (texts); `folder` prefixes the names used in messages. */
export function dataBundle(files: Readonly<Record<string, string | undefined>>, folder = ''): DataBundle {
  const bundle: DataBundle = {};
  for (const [member, file] of Object.entries(DATA_FILE_NAMES) as [keyof DataBundle, string][]) {
    const content = files[file];
    if (content !== undefined) bundle[member] = { name: `${folder}${file}`, content };
  }
  return bundle;
}
