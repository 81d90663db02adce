import { atlas, atlasTables, ingestLadders, type AtlasTables } from '../../atlas/index.ts';
import type { LadderSet } from '../../types.ts';
import { bundledData } from '../bundled-data-files.ts';
import { BUNDLED_INGEST_DATA, bundledIngestRules } from '../bundled-ingest-data.ts';
import { bundledLadderFiles } from '../bundled-ladders.ts';
import { ladderInputFiles } from './stored-ladder.ts';
import { withUploadedTaxonomy } from './taxonomy-choice.ts';
import type { AtlasUploads } from './upload-types.ts';

/**
 * What the analysis worker posts: the ladders as read (enough for the overview), then the classifications, then the
 * analyses — three messages, so the page takes each in a task of its own rather than one long one.
 */
export type AnalysisReply =
  | { type: 'set'; set: LadderSet }
  | { type: 'classes'; classes: AtlasTables['classes'] }
  | { type: 'analysis'; analysis: AtlasTables['analysis']; warnings: string[] }
  | { type: 'failed'; message: string };

/**
 * The bundled ladders with the user's stored ones, read, classified and analysed as one atlas (on the uploaded
 * taxonomy when there is one): what the page shows when something was uploaded. Runs in the analysis worker, so a
 * large or slow upload never holds the page. Workbooks and Word documents are opened here, with their libraries
 * loaded only when one is stored.
 */
export async function analyseUploads(uploads: AtlasUploads, post: (reply: AnalysisReply) => void): Promise<void> {
  const inputs = uploads.ladders.flatMap(ladderInputFiles);
  const files = inputs.some((f) => typeof f.content !== 'string') ? await (await import('../../ingest/open-office-files.ts')).openOfficeFiles(inputs, bundledIngestRules()) : inputs;
  // An uploaded page named like a bundled file of the same company (a layer over its ladder) replaces it.
  const replaced = new Set(files.map((f) => f.path));
  const set = ingestLadders([...bundledLadderFiles().filter((f) => !replaced.has(f.path)), ...files], { data: BUNDLED_INGEST_DATA });
  post({ type: 'set', set });
  const { classes, analysis, warnings } = atlasTables(atlas({ set }, withUploadedTaxonomy(bundledData(), uploads.taxonomy)));
  post({ type: 'classes', classes });
  post({ type: 'analysis', analysis, warnings });
}
