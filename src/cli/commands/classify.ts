import { CLASSIFIED_KINDS } from '../../taxonomy/index.ts';
import type { Classification, ClassifiedStatement } from '../../types.ts';
import { classifiedInBatches } from '../classified-batches.ts';
import { type Command, parseArgs, UsageError } from '../command.ts';
import { writeJsonRows } from '../json-rows.ts';
import { DATA_OPTIONS, loadAtlas } from '../load-atlas.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Human-readable lines explaining one classification. */
export function explain(c: Classification): string[] {
  const lines = [`primary: ${c.competency ?? '(none: no cue or prior matched)'}  confidence ${c.confidence.toFixed(2)}`];
  if (c.why.override) lines.push(`override: ${c.why.override.competency}${c.why.override.comment ? ` — ${c.why.override.comment}` : ''}`);
  lines.push(`scores: ${c.competencies.map((s) => `${s.id} ${pct(s.score)}`).join(', ') || '—'}`);
  lines.push(`cues: ${c.why.cues.map((h) => `"${h.cue}" → ${h.competency} (+${h.weight})`).join(', ') || '—'}`);
  if (c.why.prior) lines.push(`section prior (${c.why.prior.section}): ${c.why.prior.competencies.map((s) => `${s.id} ${pct(s.score)}`).join(', ')}`);
  if (c.secondary?.length) lines.push(`secondary: ${c.secondary.join(', ')}`);
  if (c.why.features) lines.push(`model: ${c.why.features.map((f) => `${f.feature} → ${f.competency} (+${f.weight})`).join(', ') || '—'}`);
  return lines;
}

function classification(s: ClassifiedStatement): Classification | null {
  return s.competencies && s.why && s.confidence !== undefined ? { competency: s.competency ?? null, competencies: s.competencies, confidence: s.confidence, why: s.why } : null;
}

export const command: Command = {
  name: 'classify',
  summary: 'place statements (or --text) on the competency taxonomy and show why',
  usage: 'ladders classify [--text "…" [--section NAME]] [--json] [--data DIR] [--taxonomy FILE] [--priors FILE] [--overrides FILE] [--model FILE|none]',
  async run(args, io) {
    const parsed = parseArgs(args, ['json'], ['text', 'section', ...DATA_OPTIONS, 'company', 'track']);
    const { flags } = parsed;
    if (flags.section !== undefined && flags.text === undefined) throw new UsageError('--section goes with --text');
    if (flags.text !== undefined) {
      if (flags.text === true || !flags.text.trim()) throw new UsageError('--text needs some text');
      if (parsed.positional.length) throw new UsageError('give either --text or ladder files, not both');
      const section = typeof flags.section === 'string' ? flags.section : undefined;
      const text = await loadAtlas(parsed, { looseFiles: false, ladders: false });
      for (const w of text.warnings) io.err(`warning: ${w}`);
      const c = text.classifyText(flags.text, section);
      io.out(flags.json ? `${JSON.stringify({ text: flags.text, ...(section ? { section } : {}), ...c }, null, 2)}\n` : explain(c).join('\n'));
      return 0;
    }
    const input = await loadAtlas(parsed, { looseFiles: true });
    const { set } = input;
    for (const w of input.warnings) io.err(`warning: ${w}`);
    // Classified a batch at a time as they are written: the table is never whole, in memory or as one string (a
    // string of it passed V8's limit at 1000× the seeds: "Invalid string length").
    const rows = classifiedInBatches(input);
    if (flags.json) writeJsonRows(io, rows);
    else {
      for (const s of rows) {
        if (!CLASSIFIED_KINDS.includes(s.kind) && !s.competency) continue;
        const c = classification(s);
        if (!c) continue;
        io.out(`${s.id}\t${s.company} ${s.level}\t${s.section || '—'}\t${s.text}`);
        io.out(explain(c).map((l) => `    ${l}`).join('\n'));
      }
    }
    return set.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
};
