/** Place pasted free text (a job description, a candidate's level) on the scale and map it like a level. */
import type { ClassifiedStatement, Statement } from '../types.ts';
import { levelKey } from './level-keys.ts';
import { levelProfiles } from './level-profile.ts';
import { mapPlacement, type MapOptions } from './map-level.ts';
import { placeLevels } from './place-levels.ts';
import type { ScaleCues } from './scale-cues.ts';
import type { LevelPlacement, MapResult } from './types.ts';

export interface MapTextOptions extends MapOptions {
  scaleCues: ScaleCues;
  /** Classifier for the text's sentences (the atlas's `classify`); without it profiles are empty. */
  classify?: (rows: Statement[]) => ClassifiedStatement[];
  /** Company id used for the text (default `text`). */
  company?: string;
}

/**
 * Split free text into statement rows: one per line or bullet, long lines split at sentence ends. A first line that
 * reads like a title (a Markdown heading, or ≤ 8 words without a full stop) becomes the rows' level title.
 */
export function textToStatements(text: string, company = 'text'): Statement[] {
  const rows: Statement[] = [];
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim());
  const head = first >= 0 ? lines[first].trim() : '';
  const isTitle = /^#+\s/.test(head) || (head && !/^[-*•]/.test(head) && head.split(/\s+/).length <= 8 && !/[.!?:;]$/.test(head) && lines.slice(first + 1).some((l) => l.trim()));
  const levelTitle = isTitle ? head.replace(/^#+\s*/, '') : 'pasted text';
  lines.forEach((line, i) => {
    if (isTitle && i === first) return;
    const clean = line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').replace(/^#+\s*/, '').trim();
    if (!clean) return;
    clean
      .split(/(?<=[.!?])\s+(?=[A-Z“"])/)
      .map((t) => t.trim())
      .filter(Boolean)
      .forEach((t, j) =>
        rows.push({
          id: `${company}:${i + 1}:${j + 1}`,
          company,
          track: company,
          level: company,
          levelTitle,
          levelOrder: 1,
          section: '',
          kind: 'expectation',
          text: t,
          flags: [],
          source: { file: company, line: i + 1 },
        }),
      );
  });
  return rows;
}

/** Place the text on the scale and map it to every ladder. The text's own rows come back in `statements`. */
export function mapText(
  text: string,
  statements: readonly ClassifiedStatement[],
  placements: readonly LevelPlacement[],
  opts: MapTextOptions,
): MapResult & { statements: ClassifiedStatement[]; placement: LevelPlacement } {
  const rows = textToStatements(text, opts.company ?? 'text');
  const classified: ClassifiedStatement[] = opts.classify ? opts.classify(rows) : rows;
  // Placed in one fit with every loaded ladder, so that sentences it shares with a level pull it there; the
  // ladders' own placements stay as given (one pasted text does not move them).
  const key = classified[0] ? levelKey(classified[0]) : null;
  const placed = key ? placeLevels({ statements: [...statements, ...classified] }, { scaleCues: opts.scaleCues }).find((p) => p.key === key) : undefined;
  const placement = placed && { ...placed, label: 'pasted text', name: 'pasted text', companyName: 'pasted text' };
  const source: LevelPlacement =
    placement ??
    ({ key: 'text', label: 'pasted text', name: 'pasted text', company: 'text', companyName: 'pasted text', track: 'text', level: 'text', levelTitle: 'pasted text', levelOrder: 1, position: 4, low: 1, high: 7, rawPosition: null, evidenceWeight: 0, basis: 'none', evidence: [], statementIds: [] } satisfies LevelPlacement);
  const result = mapPlacement(source, classified, levelProfiles(classified).get(source.key), statements, placements, opts);
  return { ...result, statements: classified, placement: source };
}
