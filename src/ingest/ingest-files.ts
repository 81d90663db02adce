import { compareLevelLabels, compareLevels } from '../levels/index.ts';
import { slug as slugOf } from '../text/index.ts';
import type { Diagnostic, FileReport, Kind, LadderSet, LevelInfo, SkippedFile, Statement } from '../types.ts';
import { type CompanyMeta, META_FILE, parseCompanyMeta } from './company-meta.ts';
import { decodeText, overLimit } from './decode-text.ts';
import { detectShape } from './detect-shape.ts';
import { isIgnoredFile } from './ignored-file.ts';
import { type DraftLevel, type ReadResult, splitLines } from './draft.ts';
import { linkInheritance } from './link-inheritance.ts';
import { StatementsByLevel } from './statements-by-level.ts';
import { parentTracks } from './fold-tracks.ts';
import { defaultRules, type IngestRules } from './ingest-rules.ts';
import { normaliseSpace } from './normalise-text.ts';
import { readGrid } from './read-grid.ts';
import { readLongCsv } from './read-long-csv.ts';
import { readBlocks } from './read-blocks.ts';
import { readHtml } from './read-html.ts';
import { readMarkdown } from './read-markdown.ts';
import { StatementIds } from './statement-ids.ts';
import type { FilePart, OpenedFile } from './opened-file.ts';

export interface InputFile {
  /** Path relative to the data folder: `ladders/<company>/<file>`. */
  path: string;
  content: string | Uint8Array;
  /** A workbook or Word document opened and read beforehand (`openOfficeFiles`): taken from here, not from `content`. */
  opened?: OpenedFile;
  /** Bytes on disk, when the shell knows them before reading: a file over the size limit comes with its size and no content. */
  size?: number;
  /** Why the shell could not read the file (`permission denied`): reported as an error naming it; the rest still loads. */
  unreadable?: string;
  /** Why the shell left the entry out on purpose (`a symbolic link, not followed`): listed in the set's `skipped`. */
  skipped?: string;
}

export interface IngestOptions {
  rules?: IngestRules;
  /** Company for files that are not under `ladders/<company>/` (a single uploaded or CLI file). */
  company?: string;
  /** Track for such files, when the user names it. */
  track?: string;
}

const slug = (s: string) => slugOf(s) || 'company';
/** `security-analyst` → `Security Analyst`; a word starts after any non-letter (`ärende` → `Ärende`, not `äRende`). */
const titleCase = (s: string) => s.replace(/[-_]+/g, ' ').replace(/(?<![\p{L}\p{M}\p{N}])\p{L}/gu, (c) => c.toUpperCase());

function companyOf(path: string, options: IngestOptions): string | null {
  const m = /(?:^|\/)ladders\/([^/]+)\/(?:[^/]+\/)*[^/]+$/.exec(path);
  if (m) return m[1];
  return options.company ? slug(options.company) : null;
}

/** A track named by the folder a file sits in below its company: `ladders/<company>/<Track-Name>/<file>`. */
function folderTrack(path: string): string {
  const m = /(?:^|\/)ladders\/[^/]+\/((?:[^/]+\/)+)[^/]+$/.exec(path);
  if (!m) return '';
  const folders = m[1].split('/').filter(Boolean);
  return normaliseSpace(titleCase(folders[folders.length - 1]));
}

function read(path: string, text: string, rules: IngestRules): ReadResult {
  const lines = splitLines(text);
  const shape = detectShape(text, lines);
  if (shape === 'markdown') return readBlocks(path, readMarkdown(text, lines), lines, rules, { page: 'markdown-level-page', multi: 'markdown-multi-level' });
  if (shape === 'html') return readBlocks(path, readHtml(text), lines, rules, { page: 'html-level-page', multi: 'html-multi-level' });
  if (shape === 'grid') return readGrid(path, text, rules, lines);
  if (shape === 'long-csv') return readLongCsv(path, text, rules, lines);
  const accounts = lines.map((l, i) => ({ line: i + 1, status: l.trim() ? ('skipped' as const) : ('blank' as const), ...(l.trim() ? { reason: shape === 'empty' ? 'empty file' : 'shape not recognised' } : {}) }));
  const message = shape === 'empty'
    ? 'file is empty'
    : 'shape not recognised: expected a Markdown level page (a "# L3: Title" heading, or "L3: Title" over "===", with sections and bullets; or one heading per level, "## Level 1" or "### Senior Engineer"), an HTML level page, a level × skill grid (tab- or comma-separated, levels in the first column or the header), or the long CSV format (columns level, statement, …); file not loaded';
  return { shape: 'unknown', levels: [], statements: [], lines: accounts, diagnostics: [{ severity: 'error', file: path, line: 1, message }] };
}

/** Starts like a ZIP archive (XLSX, ODS, DOCX) or an old binary Office file (XLS, DOC). */
function isOfficeLike(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5)) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);
}

/** Why a file the shell could not read, or knew to be over the size limit, is not loaded; null for a file to read. */
function notRead(f: InputFile, rules: IngestRules): Diagnostic | null {
  if (f.unreadable) return { severity: 'error', file: f.path, message: `could not be read: ${f.unreadable}; not loaded` };
  if (f.size !== undefined && f.size > rules.maxFileBytes) return overLimit(f.path, f.size, rules.maxFileBytes);
  return null;
}


/** Seniority words and phrases of the rules, as lists of lower-case words, longest first. */
const seniorityPhrases = new WeakMap<IngestRules, string[][]>();

/** Words of a role title without seniority words: the track a page belongs to. One pass over the words. */
function trackFromTitle(title: string, rules: IngestRules): string {
  let phrases = seniorityPhrases.get(rules);
  if (!phrases) {
    phrases = rules.seniorityWords.map((w) => w.toLowerCase().split(/\s+/).filter(Boolean)).filter((p) => p.length).sort((a, b) => b.length - a.length);
    seniorityPhrases.set(rules, phrases);
  }
  const words = title.trim().split(/\s+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    const hit = phrases.find((p) => p.every((w, k) => lower[i + k] === w));
    if (hit) i += hit.length;
    else kept.push(words[i++]);
  }
  return kept.length ? titleCase(kept.join(' ')) : '';
}

/** Labels for a message: the first dozen, then how many more. */
const listed = (labels: string[]) => (labels.length > 12 ? `${labels.slice(0, 12).join(', ')}, … ${labels.length - 12} more` : labels.join(', '));

/** The list under `key`, made empty when absent. */
function listOf<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Loaded {
  path: string;
  company: string;
  result: FilePart;
  track: string;
  /** The track was guessed from the page title (and may fold into a shorter track of the company). */
  fromTitle: boolean;
}

/** A file's path below its company folder (`Security-Analyst/L1.md`), the key of ladder.json `files`. */
function relativeName(path: string): string {
  const m = /(?:^|\/)ladders\/[^/]+\/(.+)$/.exec(path);
  return m ? m[1] : (path.split('/').pop() ?? path);
}

/*
 * The loops below run once per statement (a few hundred thousand in a 1 MB file), each in a small function of its
 * own: V8 optimises a small function quickly, while a loop inside ingestFiles itself waited for the whole of it to
 * be compiled on the stack (and compiled again after each later loop's first run), interpreted meanwhile.
 */

/** A file part's level, before the levels of its ladder are ordered (`firstSeen`: in the order the files were read). */
type LevelEntry = LevelInfo & { number: number | null; firstSeen: number; draftInherits?: DraftLevel['inherits'] };

/** Level entries in the order added, found by company, track and file (one map a part), then by label. */
interface LevelEntries {
  list: LevelEntry[];
  byPart: Map<string, Map<string, LevelEntry>>;
}

/**
 * A file part's level entries, one per label (a grid of many rows can name one level on each), added to `entries`
 * under company, track, label and file unless there already; returns the next `firstSeen`. The part's key is built
 * once, not once a level.
 */
function addLevelEntries(l: Loaded, companyName: string, companyColor: string | undefined, entries: LevelEntries, seen: number): number {
  const partKey = `${l.company}\u0000${l.track}\u0000${l.path}`;
  let byLabel = entries.byPart.get(partKey);
  if (!byLabel) entries.byPart.set(partKey, (byLabel = new Map()));
  const levels = l.result.levels;
  for (let i = 0; i < levels.length; i++) {
    const lv = levels[i];
    if (byLabel.has(lv.label)) continue;
    // Every entry has the same fields (absent ones undefined): one object shape, no spread.
    const entry: LevelEntry = {
      company: l.company, companyName, companyColor: companyColor || undefined, track: l.track, level: lv.label, levelTitle: lv.title, levelOrder: 0, files: [l.path], number: lv.number,
      firstSeen: seen++, draftInherits: lv.inherits || undefined,
    };
    byLabel.set(lv.label, entry);
    entries.list.push(entry);
  }
  return seen;
}

/**
 * The levels of one ladder (company and track) in their order: a level entry for each file part (two parts at one
 * level are variants, told apart by their titles), its place written on its statements, and the levels that say
 * they include another queued for `linkInheritance`.
 */
function placeLevels(group: LevelEntry[], order: Map<string, number>, byFileLevel: StatementsByLevel, levels: LevelInfo[], pendingInherits: Parameters<typeof linkInheritance>[0]) {
  const perLevel = new Map<string, LevelEntry[]>();
  for (const e of group) pushTo(perLevel, e.level, e);
  // The ladder's entries as linkInheritance reads them, made once and shared by every level that includes another.
  let ladder: Parameters<typeof linkInheritance>[0][number]['ladder'] | undefined;
  for (const [label, es] of perLevel) {
    const variants = es.length > 1;
    for (const e of es) {
      const info = levelInfo(e, label, order.get(label)!, variants);
      levels.push(info);
      if (e.draftInherits) pendingInherits.push({ info, draft: e.draftInherits, ladder: (ladder ??= group.map((x) => ({ level: x.level, levelTitle: x.levelTitle, levelOrder: order.get(x.level)! }))) });
      placeStatements(byFileLevel.get(e.files[0], e.company, e.track, label), order.get(label)!, e.levelTitle, variants);
    }
  }
}

/**
 * A level entry's place in its ladder, its fields in the order written out, the optional ones present only when
 * set: a literal for each case (an object spread in the middle of a literal is V8's slow path, once a level).
 */
function levelInfo(e: LevelEntry, level: string, levelOrder: number, variants: boolean): LevelInfo {
  const { company, companyName, companyColor, track, levelTitle, files } = e;
  if (companyColor) {
    return variants
      ? { company, companyName, companyColor, track, level, levelTitle, levelOrder, files, variant: levelTitle }
      : { company, companyName, companyColor, track, level, levelTitle, levelOrder, files };
  }
  return variants ? { company, companyName, track, level, levelTitle, levelOrder, files, variant: levelTitle } : { company, companyName, track, level, levelTitle, levelOrder, files };
}

/** A file part's statements with company, track and ids attached, added to `out`. */
function addStatements(l: Loaded, idOf: (line: number, part?: string) => string, out: Statement[]) {
  // The last level of each label (a grid of many rows names one on each row): a map set level by level, no pair arrays.
  const levelsByLabel = new Map<string, DraftLevel>();
  for (let i = 0; i < l.result.levels.length; i++) levelsByLabel.set(l.result.levels[i].label, l.result.levels[i]);
  const drafts = l.result.statements;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const lv = levelsByLabel.get(d.level);
    const id = idOf(d.line, d.part);
    out.push({
      id, company: l.company, track: l.track, level: d.level, levelTitle: lv?.title ?? d.level, levelOrder: 0,
      section: d.section, kind: d.kind, text: d.text, flags: d.flags, source: d.at ? { file: l.path, line: d.line, at: d.at } : { file: l.path, line: d.line },
      // Every statement has the same fields, absent ones undefined (not written to JSON): one object shape keeps
      // every later loop over the table on V8's fast path.
      attribute: d.attribute || undefined, variant: undefined,
    });
  }
}

/**
 * Statements by file, and by file, company, track and level (`StatementsByLevel`): one list per file and level, so each
 * level entry touches only its own statements. A file's statements come in runs of one level: a list is looked up
 * once a run, not once a statement, and a run is added at once (a slice where its list is new: one array of the
 * run's size, where pushing a statement at a time grew and copied it again and again).
 */
function groupStatements(statements: Statement[]) {
  const byFile = new Map<string, Statement[]>();
  const byFileLevel = new StatementsByLevel();
  const n = statements.length;
  for (let from = 0, to = 0; from < n; from = to) {
    const file = statements[from].source.file;
    for (to = from + 1; to < n && statements[to].source.file === file; ) to++;
    addRun(byFile, file, statements, from, to);
  }
  for (let from = 0, to = 0; from < n; from = to) {
    const s = statements[from];
    for (to = from + 1; to < n; to++) {
      const t = statements[to];
      if (t.source.file !== s.source.file || t.company !== s.company || t.track !== s.track || t.level !== s.level) break;
    }
    addRun(byFileLevel.ladder(s.source.file, s.company, s.track), s.level, statements, from, to);
  }
  return { byFile, byFileLevel };
}

/** `statements[from..to)` added to the list of `key` in `map`: the list itself where there is none yet. */
function addRun<K>(map: Map<K, Statement[]>, key: K, statements: Statement[], from: number, to: number) {
  const list = map.get(key);
  if (!list) map.set(key, statements.slice(from, to));
  else for (let i = from; i < to; i++) list.push(statements[i]);
}

/** A level entry's place in its ladder, written on its statements. */
function placeStatements(statements: Statement[] | undefined, levelOrder: number, levelTitle: string, variant: boolean) {
  if (!statements) return;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    s.levelOrder = levelOrder;
    s.levelTitle = levelTitle;
    if (variant) s.variant = levelTitle;
  }
}

/** A file's statements counted by kind and by flag. */
function countKinds(statements: Statement[]) {
  const byKind: Partial<Record<Kind, number>> = {};
  const flags: FileReport['flags'] = {};
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
    for (let k = 0; k < s.flags.length; k++) flags[s.flags[k]] = (flags[s.flags[k]] ?? 0) + 1;
  }
  return { byKind, flags };
}

/**
 * Turns ladder files into one statement table: detects each file's shape from its content, reads it,
 * attaches company, track, level order and stable ids, and accounts for every line.
 * Never throws on bad input: problems become diagnostics naming file and line, and other files still load.
 */
export function ingestFiles(files: InputFile[], options: IngestOptions = {}): LadderSet {
  const rules = options.rules ?? defaultRules;
  const diagnostics: Diagnostic[] = [];
  const metas = new Map<string, CompanyMeta>();
  const ordered = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of ordered) {
    if (f.path.split('/').pop() !== META_FILE) continue;
    const company = companyOf(f.path, options);
    if (f.skipped) continue;
    const unread = notRead(f, rules);
    if (unread) {
      diagnostics.push(unread);
      continue;
    }
    const text = typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content);
    const parsed = parseCompanyMeta(f.path, text);
    diagnostics.push(...parsed.diagnostics);
    if (company) metas.set(company, parsed.meta);
  }

  const loaded: Loaded[] = [];
  const reports: FileReport[] = [];
  const skipped: SkippedFile[] = [];
  for (const f of ordered) {
    const name = f.path.split('/').pop() ?? f.path;
    const skip = f.skipped ?? (name.startsWith('.') ? 'hidden file (its name starts with a dot)' : isIgnoredFile(name, rules.ignoredFiles) ? 'not a ladder (a name in the ingest rules\' ignoredFiles)' : undefined);
    if (skip) skipped.push({ file: f.path, reason: skip });
    if (skip || name === META_FILE) continue;
    let company = companyOf(f.path, options);
    let parts: FilePart[];
    const unread = notRead(f, rules);
    if (unread) {
      diagnostics.push(unread);
      parts = [{ shape: 'unknown', levels: [], statements: [], lines: [{ line: 1, status: 'skipped', reason: unread.message }], diagnostics: [] }];
    } else if (f.opened) parts = f.opened.parts.map((p) => ({ ...p, diagnostics: p.diagnostics.map((d) => ({ ...d, file: f.path })) }));
    else if (typeof f.content !== 'string' && isOfficeLike(f.content) && f.content.byteLength <= rules.maxFileBytes) {
      const message = 'a ZIP archive or binary Office file (a workbook, a Word document?): such files are read once opened (openOfficeFiles or ingestFilesAsync, as the CLI and the app do)';
      parts = [{ shape: 'unknown', levels: [], statements: [], lines: [{ line: 1, status: 'skipped', reason: message }], diagnostics: [{ severity: 'error', file: f.path, line: 1, message: `${message}; not loaded` }] }];
    } else {
      const decoded = decodeText(f.path, f.content, rules.maxFileBytes);
      diagnostics.push(...decoded.diagnostics);
      if (decoded.text === null) {
        parts = [{ shape: 'unknown', levels: [], statements: [], lines: [{ line: 1, status: 'skipped', reason: decoded.diagnostics[0]?.message ?? 'not loaded' }], diagnostics: [] }];
      } else {
        try {
          parts = [read(f.path, decoded.text, rules)];
        } catch (e) {
          parts = [{
            shape: 'unknown', levels: [], statements: [],
            lines: splitLines(decoded.text).map((_, i) => ({ line: i + 1, status: 'skipped' as const, reason: 'reader failed' })),
            diagnostics: [{ severity: 'error', file: f.path, message: `reader failed: ${(e as Error).message}; file not loaded` }],
          }];
        }
      }
    }
    let noCompany = false;
    for (let result of parts) {
      if (!company && result.company) company = slug(result.company);
      diagnostics.push(...result.diagnostics);
      if (!company || noCompany) {
        if (!noCompany) diagnostics.push({ severity: 'error', file: f.path, message: 'no company: put the file under ladders/<company>/ or name the company (--company NAME); file not loaded' });
        noCompany = true;
        result = { ...result, statements: [], levels: [] };
        company = 'unknown';
      }
      const meta = metas.get(company) ?? {};
      const titleTrack = result.levels.length === 1 ? trackFromTitle(result.levels[0].title, rules) : '';
      const named = options.track ?? meta.files?.[relativeName(f.path)]?.track ?? meta.files?.[name]?.track ?? result.sheetTrack ?? (folderTrack(f.path) || meta.track) ?? result.trackHint;
      loaded.push({ path: f.path, company, result, track: named ?? titleTrack, fromTitle: named === undefined });
    }
  }

  // Title-derived tracks of one company fold into the shortest track whose words they contain
  // ("Cloud Security Engineer" joins "Security Engineer"); the page title remains as the level title.
  // Tracks named by the user, a folder, ladder.json or the file itself stay as they are.
  const byCompany = new Map<string, Loaded[]>();
  for (const l of loaded) pushTo(byCompany, l.company, l);
  for (const group of byCompany.values()) {
    // One spelling per track, whatever the case of each page's title ("DevOps" kept, "SECURITY" folded).
    const spelling = new Map<string, string>();
    for (const l of group) if (l.track && !spelling.has(l.track.toLowerCase())) spelling.set(l.track.toLowerCase(), l.track);
    for (const l of group) if (l.track) l.track = spelling.get(l.track.toLowerCase())!;
    const tracks = [...new Set(group.map((l) => l.track).filter(Boolean))].sort((a, b) => a.length - b.length);
    const parents = parentTracks(tracks);
    for (const l of group) {
      if (!l.track || !l.fromTitle) continue;
      const parent = parents.get(l.track);
      if (parent) l.track = parent;
    }
    for (const l of group) if (!l.track) l.track = tracks[0] ?? 'Ladder';
  }

  const statements: Statement[] = [];
  const levelEntries: LevelEntries = { list: [], byPart: new Map() };
  const prefixes = loaded.map((l) => `${l.company}.${slug((l.path.split('/').pop() ?? l.path).replace(/\.[^.]+$/, ''))}`);
  const ids = new StatementIds(prefixes);
  let seen = 0;
  for (const [at, l] of loaded.entries()) {
    const meta = metas.get(l.company) ?? {};
    seen = addLevelEntries(l, meta.name ?? titleCase(l.company), meta.color, levelEntries, seen);
    addStatements(l, ids.of(prefixes[at]), statements);
  }

  const { byFile, byFileLevel } = groupStatements(statements);

  const pendingInherits: Parameters<typeof linkInheritance>[0] = [];
  // Merge per-file level entries into ladder levels; two pages at one level of one track are variants.
  // Every step is a map look-up or a sort: 50,000 levels merge in well under a second.
  const levels: LevelInfo[] = [];
  const entries = levelEntries.list;
  const ladders = new Map<string, typeof entries>();
  // Entries of one ladder mostly follow each other: the key is built when the ladder changes, not once an entry.
  let ladderList: typeof entries = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const prev = i > 0 ? entries[i - 1] : undefined;
    if (!prev || prev.company !== e.company || prev.track !== e.track) ladderList = listOf(ladders, `${e.company}\u0000${e.track}`);
    ladderList.push(e);
  }
  for (const group of ladders.values()) {
    const meta = metas.get(group[0].company) ?? {};
    const labels = [...new Set(group.map((e) => e.level))];
    const firstSeen = new Map<string, number>();
    labels.forEach((lab, i) => firstSeen.set(lab, i));
    const numbers = new Map<string, number | null>();
    for (let i = 0; i < group.length; i++) numbers.set(group[i].level, group[i].number);
    let order: Map<string, number>;
    if (meta.levels?.length) {
      const listed = new Map<string, number>();
      meta.levels.forEach((lab, i) => listed.has(lab) || listed.set(lab, i + 1));
      order = new Map(labels.map((lab, i) => [lab, listed.get(lab) ?? meta.levels!.length + 1 + i]));
      for (const lab of labels) if (!listed.has(lab)) {
        diagnostics.push({ severity: 'warning', file: `ladders/${group[0].company}/${META_FILE}`, message: `level "${lab}" is not in "levels"; placed after the listed ones` });
      }
    } else if (labels.every((lab) => numbers.get(lab) !== null && numbers.get(lab) !== undefined) && new Set(labels.map((lab) => numbers.get(lab))).size === labels.length) {
      order = new Map(labels.map((lab) => [lab, numbers.get(lab)!]));
    } else {
      const sorted = [...labels].sort((a, b) => compareLevelLabels(a, b) || firstSeen.get(a)! - firstSeen.get(b)!);
      order = new Map(sorted.map((lab, i) => [lab, i + 1]));
      if (labels.some((lab) => numbers.get(lab) == null) && labels.length > 1) {
        diagnostics.push({ severity: 'warning', file: group[0].files[0], message: `level labels of ${group[0].companyName} ${group[0].track} do not sort by number (${listed(labels)}); placed lowest first as ${listed(sorted)} (numbered labels by their number, the others in the order their files were read) — give "levels" in ladders/${group[0].company}/${META_FILE} to fix` });
      }
    }
    placeLevels(group, order, byFileLevel, levels, pendingInherits);
  }
  linkInheritance(pendingInherits, byFileLevel, diagnostics);
  levels.sort(compareLevels);

  // One report per file, whatever the number of parts read from it (the sheets of a workbook).
  const partsOf = new Map<string, Loaded[]>();
  for (const l of loaded) pushTo(partsOf, l.path, l);
  for (const [file, parts] of partsOf) {
    const mine = byFile.get(file) ?? [];
    const { byKind, flags } = countKinds(mine);
    const shape = (parts.find((p) => p.result.levels.length) ?? parts[0]).result.shape;
    const lines = parts.length === 1 ? parts[0].result.lines : parts.flatMap((p) => p.result.lines).sort((a, b) => a.line - b.line);
    reports.push({ file, company: parts[0].company, shape, levels: [...new Set(parts.flatMap((p) => p.result.levels.map((x) => x.label)))], lines, statements: mine.length, byKind, flags });
  }
  return { statements, levels, files: reports, diagnostics, skipped };
}
