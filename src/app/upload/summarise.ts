import { FLAGS, KINDS, type Flag, type Kind, type LadderSet } from '../../types.ts';
import { compareText } from '../../text/index.ts';

/** One problem found while reading, placed at its file and line. */
export interface UploadDiagnostic {
  severity: 'error' | 'warning';
  /** File name as uploaded. */
  file: string;
  line?: number;
  /** The cell or paragraph, in a workbook or Word document (`Skills!C4`, `¶12`). */
  at?: string;
  message: string;
}

/** A statement as the preview shows it: enough to check that the shape was read right. */
export interface SampleStatement {
  kind: string;
  section: string;
  text: string;
  file: string;
  line: number;
  at?: string;
}

export interface LevelSummary {
  track: string;
  level: string;
  levelTitle: string;
  levelOrder: number;
  variant?: string;
  statements: number;
  files: string[];
  /** The level's first statements in reading order. */
  samples: SampleStatement[];
}

/** Statements shown per level in the preview. */
export const SAMPLES_PER_LEVEL = 3;

/** What was read from an upload, shown before it joins the comparison. */
export interface LadderSummary {
  company: string;
  companyName: string;
  tracks: string[];
  levels: LevelSummary[];
  /** Sections in reading order with their statement counts. */
  sections: { section: string; statements: number }[];
  byKind: Record<Kind, number>;
  flags: Partial<Record<Flag, number>>;
  /** Per file: shape, levels, statements and the track(s) its levels were put on. */
  files: { file: string; shape: string; levels: string[]; statements: number; tracks: string[] }[];
  diagnostics: UploadDiagnostic[];
  statements: number;
}

const nameOf = (path: string) => path.split('/').pop() ?? path;

/** Ingestion's advice names the metadata file; in the panel the same fix is the level order field. */
function uploadWording(message: string): string {
  return message.replace(/give "levels" in \S*ladder\.json to fix/, 'set the level order (lowest first) to fix');
}

/** Summarises the part of a statement table that belongs to one company (an upload's virtual folder). */
export function summariseLadder(set: LadderSet, company: string): LadderSummary {
  const folder = `ladders/${company}/`;
  const statements = set.statements.filter((s) => s.company === company);
  const levels = set.levels.filter((l) => l.company === company);
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const flags: Partial<Record<Flag, number>> = {};
  const sections = new Map<string, number>();
  for (const s of statements) {
    byKind[s.kind]++;
    for (const f of s.flags) flags[f] = (flags[f] ?? 0) + 1;
    const section = s.section || '(no section)';
    sections.set(section, (sections.get(section) ?? 0) + 1);
  }
  const orderedFlags: Partial<Record<Flag, number>> = {};
  for (const f of FLAGS) if (flags[f]) orderedFlags[f] = flags[f];
  return {
    company,
    companyName: levels[0]?.companyName ?? company,
    tracks: [...new Set(levels.map((l) => l.track))],
    levels: levels.map((l) => {
      const mine = statements.filter((s) => s.track === l.track && s.level === l.level && s.variant === l.variant && l.files.includes(s.source.file));
      return {
        track: l.track, level: l.level, levelTitle: l.levelTitle, levelOrder: l.levelOrder,
        ...(l.variant ? { variant: l.variant } : {}),
        statements: mine.length,
        files: l.files.map(nameOf),
        samples: mine.slice(0, SAMPLES_PER_LEVEL).map((s) => ({ kind: s.kind, section: s.section, text: s.text, file: nameOf(s.source.file), line: s.source.line, ...(s.source.at ? { at: s.source.at } : {}) })),
      };
    }),
    sections: [...sections].map(([section, n]) => ({ section, statements: n })),
    byKind,
    flags: orderedFlags,
    files: set.files.filter((f) => f.file.startsWith(folder)).map((f) => ({
      file: nameOf(f.file), shape: f.shape, levels: f.levels, statements: f.statements,
      tracks: [...new Set(levels.filter((l) => l.files.includes(f.file)).map((l) => l.track))],
    })),
    diagnostics: set.diagnostics
      .filter((d) => d.file.startsWith(folder) || !d.file.includes('/'))
      .map((d) => ({ severity: d.severity, file: nameOf(d.file), ...(d.line ? { line: d.line } : {}), ...(d.at ? { at: d.at } : {}), message: uploadWording(d.message) }))
      .sort((a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0)),
    statements: statements.length,
  };
}

/** A diagnostic as one line of text: `file, line 14: warning: 7 cells, header has 6` (`file, Skills!C4: …` in a workbook). */
export function formatDiagnostic(d: UploadDiagnostic): string {
  return `${d.file}${d.at ? `, ${d.at}` : d.line ? `, line ${d.line}` : ''}: ${d.severity}: ${d.message}`;
}
