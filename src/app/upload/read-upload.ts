import { ingestLadders } from '../../atlas/ingest-ladders.ts';
import { META_FILE, type InputFile, type OpenedFile } from '../../ingest/index.ts';
import { BUNDLED_INGEST_DATA, bundledIngestRules } from '../bundled-ingest-data.ts';
import { checkRows, countLines } from './limits.ts';
import { ladderInputFiles, makeStoredLadder } from './stored-ladder.ts';
import { summariseLadder } from './summarise.ts';
import type { IngestReply, IngestRequest } from './worker-protocol.ts';

/** Placeholder folder while the user has not named the company yet. */
const UNNAMED = 'your-ladder';

/** The first lines of a file: enough to find a company named in a header row or front matter. */
function head(bytes: Uint8Array, lines = 200): string {
  const text = new TextDecoder().decode(bytes.subarray(0, 65536));
  return text.split(/\r\n|\n|\r/).slice(0, lines).join('\n');
}

/** Starts like a ZIP archive (XLSX, ODS, DOCX). */
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5);
/** Starts like an old binary Office file (XLS, DOC), which the office readers name and refuse. */
const isLegacyOffice = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Lines of an opened office file as ingestion numbers them: sheet rows, or a document's paragraphs. */
function openedLines(opened: OpenedFile): number {
  return opened.parts.reduce((n, p) => Math.max(n, p.lines.at(-1)?.line ?? 0), 0);
}

/**
 * Reads an upload as the worker does: counts lines first (refusing an over-limit upload before
 * parsing; a workbook's rows and a document's paragraphs once it is opened), opens workbooks and Word
 * documents with their libraries (loaded only now), detects the company a file names, then ingests the
 * files as they will join the comparison (the core's first stage, with the bundled ingest rules) and
 * posts progress and a summary. Pure apart from `post`;
 * runs in a worker or anywhere else.
 */
export async function readUpload(request: IngestRequest, post: (reply: IngestReply) => void): Promise<void> {
  const { files } = request;
  const total = files.length + 1;
  const textLines = files.map((f) => ({ name: f.name, lines: countLines(f.bytes) }));
  const early = checkRows(textLines);
  if (early) return post({ type: 'refused', message: early });
  const office: (OpenedFile | undefined)[] = [];
  for (const [i, f] of files.entries()) {
    if (!isZip(f.bytes) && !isLegacyOffice(f.bytes)) {
      office.push(undefined);
      continue;
    }
    post({ type: 'progress', done: i, total, step: `Opening ${f.name}` });
    // The office readers and their libraries load only now, in their own chunks.
    const { openOfficeFiles } = await import('../../ingest/open-office-files.ts');
    office.push((await openOfficeFiles([{ path: f.name, content: f.bytes }], bundledIngestRules()))[0].opened);
  }
  const refusal = checkRows(files.map((f, i) => ({ name: f.name, lines: office[i] ? openedLines(office[i]) : textLines[i].lines })));
  if (refusal) return post({ type: 'refused', message: refusal });

  let detectedName: string | undefined;
  if (!request.name.trim() && !request.layer) {
    files.forEach((f, i) => {
      post({ type: 'progress', done: i, total, step: `Reading ${f.name}` });
      if (detectedName || f.name.toLowerCase().endsWith('.json')) return;
      const file: InputFile = office[i] ? { path: f.name, content: f.bytes, opened: office[i] } : { path: f.name, content: head(f.bytes) };
      const alone = ingestLadders([file], { data: BUNDLED_INGEST_DATA });
      const company = alone.files[0]?.company;
      if (company && company !== 'unknown') detectedName = alone.levels[0]?.companyName ?? company;
    });
  }
  post({ type: 'progress', done: total - 1, total, step: 'Putting the levels together' });
  const name = request.name.trim() || detectedName || '';
  const ladder = makeStoredLadder({
    name: name || UNNAMED, track: request.track, levels: request.levels, fileTracks: request.fileTracks, layerOver: request.layer?.company,
    files: files.map((f) => ({ name: f.name, content: f.bytes })),
  });
  if (!ladder.company) ladder.company = UNNAMED;
  // Each stored file's opened form, by its (made safe) name.
  const openedByName = new Map(ladder.files.map((f, i) => [f.name, office[i]]));
  const inputs = ladderInputFiles(ladder).map((f) => {
    const opened = openedByName.get(f.path.split('/').pop() ?? '');
    return opened ? { ...f, opened } : f;
  });
  if (request.layer?.meta !== undefined) inputs.push({ path: `ladders/${ladder.company}/${META_FILE}`, content: request.layer.meta });
  const set = ingestLadders(inputs, { data: BUNDLED_INGEST_DATA });
  const summary = summariseLadder(set, ladder.company);
  if (!name) summary.companyName = '';
  const levelsSort = !set.diagnostics.some((d) => d.file.startsWith(`ladders/${ladder.company}/`) && /do not sort by number/.test(d.message));
  post({ type: 'progress', done: total, total, step: 'Done' });
  post({ type: 'result', summary, ...(detectedName ? { detectedName } : {}), ...(summary.tracks[0] ? { detectedTrack: summary.tracks[0] } : {}), levelsSort });
}
