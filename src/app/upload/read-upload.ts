import { ingestLadders } from '../../atlas/ingest-ladders.ts';
import { BUNDLED_INGEST_DATA } from '../bundled-ingest-data.ts';
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

/**
 * Reads an upload as the worker does: counts lines first (refusing an over-limit upload before
 * parsing), detects the company a file names, then ingests the files as they will join the comparison
 * (the core's first stage, with the bundled ingest rules) and posts progress and a summary. Pure apart from `post`;
 * runs in a worker or anywhere else.
 */
export function readUpload(request: IngestRequest, post: (reply: IngestReply) => void): void {
  const { files } = request;
  const total = files.length + 1;
  const refusal = checkRows(files.map((f) => ({ name: f.name, lines: countLines(f.bytes) })));
  if (refusal) return post({ type: 'refused', message: refusal });

  let detectedName: string | undefined;
  if (!request.name.trim()) {
    files.forEach((f, i) => {
      post({ type: 'progress', done: i, total, step: `Reading ${f.name}` });
      if (detectedName || f.name.toLowerCase().endsWith('.json')) return;
      const alone = ingestLadders([{ path: f.name, content: head(f.bytes) }], { data: BUNDLED_INGEST_DATA });
      const company = alone.files[0]?.company;
      if (company && company !== 'unknown') detectedName = alone.levels[0]?.companyName ?? company;
    });
  }
  post({ type: 'progress', done: total - 1, total, step: 'Putting the levels together' });
  const name = request.name.trim() || detectedName || '';
  const ladder = makeStoredLadder({ name: name || UNNAMED, track: request.track, levels: request.levels, fileTracks: request.fileTracks, files: files.map((f) => ({ name: f.name, content: f.bytes })) });
  if (!ladder.company) ladder.company = UNNAMED;
  const set = ingestLadders(ladderInputFiles(ladder), { data: BUNDLED_INGEST_DATA });
  const summary = summariseLadder(set, ladder.company);
  if (!name) summary.companyName = '';
  const levelsSort = !set.diagnostics.some((d) => d.file.startsWith(`ladders/${ladder.company}/`) && /do not sort by number/.test(d.message));
  post({ type: 'progress', done: total, total, step: 'Done' });
  post({ type: 'result', summary, ...(detectedName ? { detectedName } : {}), ...(summary.tracks[0] ? { detectedTrack: summary.tracks[0] } : {}), levelsSort });
}

