/** The Node shell's side of the core: gather the ladder files and data files a command line names, then call atlas(). */
import { atlas, type Atlas, type AtlasOptions, type DataBundle } from '../atlas/index.ts';
import { ladderRules } from '../atlas/ingest-ladders.ts';
import type { InputFile } from '../ingest/index.ts';
import { openOfficeFiles } from '../ingest/open-office-files.ts';
import { type ParsedArgs, UsageError } from './command.ts';
import { readDataBundle, readLadderFiles, readLooseFiles, BUNDLED_DATA } from './load-data-dir.ts';

/** Options naming data: every command that reads ladders accepts them. */
export const DATA_OPTIONS = ['data', 'taxonomy', 'priors', 'overrides', 'scale-cues', 'ingest-rules', 'model'] as const;

const text = (parsed: ParsedArgs, name: string) => (typeof parsed.flags[name] === 'string' ? (parsed.flags[name] as string) : undefined);

/** The data folder: `--data DIR`, else `ATLAS_DATA_DIR`, else none (the bundled data). */
export function dataDir(parsed: ParsedArgs): string | undefined {
  return text(parsed, 'data') ?? (process.env.ATLAS_DATA_DIR || undefined);
}

/**
 * For a command that prints no statement's reasons and reads no analysis of every statement's words (coverage, gaps,
 * diverge; map, whose support pairs split the words of the few levels they compare when asked).
 */
export const LEAN = { reasons: false, keepWords: 'cues' } as const;

/**
 * The atlas of a command line (`ladders: false`: no ladders, for classifying free text). Ladders: loose files with `--company NAME` (when `looseFiles`), else
 * `DIR/ladders/…` of the data folder, else the bundled ladders. Data files: `--taxonomy`, `--priors`, `--overrides`,
 * `--scale-cues`, `--ingest-rules`, `--model FILE` (see {@link dataBundle}). Workbooks and Word
 * documents among the ladder files are opened first (their libraries loaded only then). `onFiles` sees the ladder
 * files as read and the data, before anything is ingested. `reasons: false`, `keepWords: 'cues'`: a command that never
 * shows why a statement got its competency, or reads no analysis of the words, keeps less (see AtlasOptions).
 */
export async function loadAtlas(
  parsed: ParsedArgs,
  { looseFiles = false, ladders = true, onFiles, ...lean }: { looseFiles?: boolean; ladders?: boolean; onFiles?: (files: InputFile[], data: DataBundle) => void } & Pick<AtlasOptions, 'reasons' | 'keepWords'> = {},
): Promise<Atlas> {
  const dir = dataDir(parsed);
  const data = dataBundle(parsed);
  if (!ladders) return atlas([], { data, ...lean });
  // The files as read, shown to the caller before they are opened and ingested.
  const open = (files: InputFile[]) => (onFiles?.(files, data), openOfficeFiles(files, ladderRules(data)));
  const company = text(parsed, 'company');
  const track = text(parsed, 'track');
  const { maxFileBytes: maxBytes } = ladderRules(data);
  if (looseFiles && parsed.positional.length) {
    if (!company) throw new UsageError('name the company of loose files with --company NAME');
    return atlas(await open(readLooseFiles(parsed.positional, { maxBytes })), { data, company, track, ...lean });
  }
  return atlas(await open(readLadderFiles(dir ?? BUNDLED_DATA, { maxBytes })), { data, ...lean });
}

/**
 * The data files a command line names (`--taxonomy`, … `--ingest-rules`, `--model FILE`, or `--model none`: the cue
 * lexicon and priors alone), else the data folder's, else the bundled ones.
 */
export function dataBundle(parsed: ParsedArgs): DataBundle {
  const model = text(parsed, 'model');
  const data = readDataBundle({
    dir: dataDir(parsed),
    files: {
      taxonomy: text(parsed, 'taxonomy'),
      sectionPriors: text(parsed, 'priors'),
      overrides: text(parsed, 'overrides'),
      scaleCues: text(parsed, 'scale-cues'),
      ingestRules: text(parsed, 'ingest-rules'),
      classifierModel: model === 'none' ? undefined : model,
    },
  });
  if (model === 'none') delete data.classifierModel;
  return data;
}

/** Fixed-width number. */
export const n1 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1));
