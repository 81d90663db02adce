import type { Diagnostic, Flag, Kind } from '../types.ts';
import type { Block, BlockDocument, DetailsBlock, HeadingBlock, ListBlock, ParagraphBlock, TableBlock, TableCell, TextLine } from './blocks.ts';
import { continuesLine } from './continues-line.ts';
import { type DraftLevel, type DraftStatement, type ReadResult } from './draft.ts';
import { type IngestRules, isNote, isPlaceholder } from './ingest-rules.ts';
import { inheritedBase, resolveInherited } from './inheritance.ts';
import { codedLevelHeadings, type LevelHeadings, listedLevelHeadings, rankedLevelHeadings, titleRank } from './level-headings.ts';
import { findLevelLabel, type LevelLabel } from './level-label.ts';
import { LineCounts } from './line-counts.ts';
import { LineMarks } from './line-marks.ts';
import { isExternalReference, normaliseSpace, sectionName } from './normalise-text.ts';
import { parseAttribute } from './parse-attribute.ts';
import { mayHaveMojibake, repairMojibake } from './repair-mojibake.ts';
import { splitSentences } from './split-sentences.ts';

/** The shape names a reader reports for a page holding one level and for a file holding several. */
export interface BlockShapes {
  page: ReadResult['shape'];
  multi: ReadResult['shape'];
}

/** Paragraphs longer than this are not split to look for an inheritance sentence at their start. */
const MAX_INHERIT_SCAN = 4000;
/** A label line is short and does not end like a sentence. */
const MAX_LABEL_WORDS = 12;
/** A table cell read as a name (header cell, row label) is this short. */
const MAX_NAME_WORDS = 6;

interface Level extends DraftLevel {
  depth: number;
}

interface Pending {
  seq: number;
  lines: { text: string; line: number; toLine: number; links?: string[]; repaired: boolean }[];
  level: string;
  section: string;
  intro: boolean;
  example: boolean;
  repaired: boolean;
}

type Draft = DraftStatement & { seq: number; sub: number; bullet?: boolean };

const words = (s: string) => (s ? s.split(' ').length : 0);
const endsSentence = (s: string) => /[.!?;]$/.test(s);

/**
 * Lines of a cell or item, in order, flattened from its paragraphs and headings (read, never changed: a cell of one
 * paragraph, most of them, gives that paragraph's own lines). A loop, not flatMap: a 1 MB table asks for the lines
 * of a few hundred thousand cells, and flatMap is V8's slow path.
 */
function textLines(blocks: Block[]): readonly TextLine[] {
  if (blocks.length === 1 && blocks[0].type === 'paragraph') return blocks[0].lines;
  const out: TextLine[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') for (const l of b.lines) out.push(l);
    else if (b.type === 'heading') out.push({ text: b.text, line: b.line });
  }
  return out;
}

/** Two parts of a section path, either possibly empty, joined as the path shows them. */
const joinSection = (a: string, b: string) => (a && b ? `${a} › ${b}` : a || b);

const TITLE_SEPARATOR = /\s+[-|–—:·]\s+/;

/**
 * A level label and title from a page title that may carry a site or space name around it:
 * "IC6 Principal Engineer - Acme Career Framework" (document title: the part holding the label),
 * "Engineering : L3 Senior Engineer" (a space name before it: dropped).
 */
function labelFromTitle(text: string, documentTitle: boolean): LevelLabel | null {
  const parts = text.split(TITLE_SEPARATOR);
  const at = parts.findIndex((p) => findLevelLabel(p));
  if (at < 0) return null;
  if (documentTitle) {
    const found = findLevelLabel(parts[at])!;
    return { ...found, rest: found.rest || (parts[at + 1] ?? '') };
  }
  if (at === 0) return findLevelLabel(text);
  let cut = 0;
  for (let i = 0; i < at; i++) {
    const m = TITLE_SEPARATOR.exec(text.slice(cut))!;
    cut += m.index + m[0].length;
  }
  return findLevelLabel(text.slice(cut));
}

/**
 * Sections holding other sections (by level and path: `L3\u0000Craft` when `Craft › Threat` has statements), and
 * sections holding bullets. Statements come in runs of one level and section: each run is looked at once.
 */
function sectionsOf(statements: Draft[]) {
  const parentSections = new Set<string>();
  const bulletSections = new Set<string>();
  let last: Draft | null = null;
  let lastBullet: Draft | null = null;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    if (!last || s.section !== last.section || s.level !== last.level) {
      const parts = s.section.split(' › ');
      for (let k = 1; k < parts.length; k++) parentSections.add(`${s.level}\u0000${parts.slice(0, k).join(' › ')}`);
      last = s;
    }
    if (s.bullet && (!lastBullet || s.section !== lastBullet.section || s.level !== lastBullet.level)) {
      bulletSections.add(`${s.level}\u0000${s.section}`);
      lastBullet = s;
    }
  }
  return { parentSections, bulletSections };
}

/**
 * The drafts in document order as statements; statements sharing a source line are told apart by their position
 * on it (`part`). The drafts themselves are the statements: a copy of each was one more object per statement to collect.
 */
function inOrder(statements: Draft[]): DraftStatement[] {
  // Most readers make their drafts in order already: one pass to see, instead of a sort's comparisons.
  let sorted = true;
  for (let i = 1; i < statements.length && sorted; i++) {
    const a = statements[i - 1];
    const b = statements[i];
    sorted = a.seq < b.seq || (a.seq === b.seq && a.sub <= b.sub);
  }
  if (!sorted) statements.sort((a, b) => a.seq - b.seq || a.sub - b.sub);
  const perLine = new LineCounts();
  for (let i = 0; i < statements.length; i++) perLine.add(statements[i].line);
  const seen = new Map<number, number>();
  for (let i = 0; i < statements.length; i++) {
    const d = statements[i];
    if (perLine.get(d.line) > 1) {
      const n = (seen.get(d.line) ?? 0) + 1;
      seen.set(d.line, n);
      d.part = String(n);
    }
  }
  return statements;
}

/**
 * Turns a reader's blocks into levels, sections and statements with the ladder rules of
 * `data/ingest-rules.json` (generic labels, example labels, notes, placeholders, attributes),
 * and accounts for every line of the file. The same rules for every format that yields blocks.
 *
 * - Levels: headings holding level labels at one depth (several levels in one file), else the title:
 *   the first heading, a short line before the first heading, front matter, or the document title.
 * - Sections: headings below the level; bold label lines and `Responsibility: X` pairs are subsections.
 * - Statements: list items (expectations, or examples under an examples label or inside details);
 *   paragraphs are a summary in the intro or above subsections, else split into sentences;
 *   `Label: value` lines before the first section are attributes.
 * - Tables: a first row of short cells is a header; a first column of short cells is a label
 *   column (its cell names a subsection); without a label column, header cells name the sections
 *   of their columns. Cells are read like any other blocks.
 */
export function readBlocks(file: string, doc: BlockDocument, sourceLines: string[], rules: IngestRules, shapes: BlockShapes): ReadResult {
  const marks = new LineMarks(sourceLines);
  const diagnostics: Diagnostic[] = [];
  const skip = (from: number, to: number, reason: string) => marks.skip(from, to, reason);
  const structure = (from: number, to: number, reason: string) => marks.structure(from, to, reason);

  function finish(result: Omit<ReadResult, 'lines' | 'diagnostics'>): ReadResult {
    return { ...result, lines: marks.accounts(doc.uncoveredLines), diagnostics };
  }

  for (const p of doc.problems ?? []) diagnostics.push({ severity: p.severity, file, line: p.line, message: p.message });
  if (doc.frontMatter) structure(doc.frontMatter.fromLine, doc.frontMatter.toLine, 'front matter');
  if (doc.title) structure(doc.title.line, doc.title.line, 'document title');
  const front = doc.frontMatter?.fields;

  // Which headings carry levels? Codes at one depth, the front matter's `levels:` list, the page
  // title, and only when none of these: titles ranked by seniority words ("Senior Engineer").
  const headings = doc.blocks.filter((b): b is HeadingBlock => b.type === 'heading');
  const listed = doc.frontMatter?.lists.levels;
  let multi: LevelHeadings | null = codedLevelHeadings(headings) ?? (listed?.length ? listedLevelHeadings(headings, listed) : null);

  const levels: Level[] = [];
  const levelBlocks = new Map<Block, Level>();
  let trackHint = front?.track;
  let titleBlock: Block | null = null;
  /** The heading that titles a multi-level file (its content is not a shared section). */
  let titleHeading: HeadingBlock | null = null;
  if (!multi) {
    const page = pageLevel();
    if (page) {
      levels.push(page.level);
      titleBlock = page.titleBlock;
      if (titleBlock) levelBlocks.set(titleBlock, page.level);
    } else multi = rankedLevelHeadings(headings, rules);
    if (!page && !multi) return refuse();
  }
  const multiDepth = multi?.depth;
  if (multi) {
    for (const [h, x] of multi.levels) {
      const lv: Level = { label: x.label, number: x.number, title: x.title, line: h.line, depth: multi.depth };
      levels.push(lv);
      levelBlocks.set(h, lv);
    }
    // The document's title: the first heading above the levels, alone at its depth before them
    // (in document order: an export may hold every heading on one line).
    const before = headings.slice(0, headings.findIndex((h) => multi!.levels.has(h)));
    const top = before.find((h) => h.depth < multi!.depth);
    if (top && before.filter((h) => h.depth === top.depth).length === 1) titleHeading = top;
    if (!trackHint && titleHeading) trackHint = sectionName(titleHeading.text);
    if (!trackHint && multi.track) trackHint = multi.track;
  }

  /** A page holding one level: its title is the first heading, a short line before it, front matter, or the document title. */
  function pageLevel(): { level: Level; titleBlock: Block | null } | null {
    const first = headings[0];
    const firstIndex = first ? doc.blocks.indexOf(first) : doc.blocks.length;
    const fromHeading = first ? labelFromTitle(first.text, false) : null;
    // A short line holding a level label before any heading is the page title (exports without an <h1>).
    let fromLine: { block: ParagraphBlock; label: LevelLabel } | null = null;
    if (!fromHeading) {
      for (const b of doc.blocks.slice(0, firstIndex)) {
        if (b.type !== 'paragraph') continue;
        const label = b.lines.length === 1 && words(b.lines[0].text) <= MAX_LABEL_WORDS ? labelFromTitle(b.lines[0].text, false) : null;
        if (label) fromLine = { block: b, label };
        break;
      }
    }
    const frontText = front?.level ?? front?.title;
    const fromFront = !fromHeading && !fromLine && frontText
      ? findLevelLabel(frontText) ?? (front?.level ? { label: front.level, number: Number(front.level) || null, rest: '' } : null)
      : null;
    const fromTitle = !fromHeading && !fromLine && !fromFront && doc.title ? labelFromTitle(doc.title.text, true) : null;
    const found = fromHeading ?? fromLine?.label ?? fromFront ?? fromTitle;
    if (!found) return null;
    let title = found.rest;
    let line = 1;
    let depth = 0;
    let block: Block | null = null;
    if (fromHeading) {
      block = first;
      line = first.line;
      depth = first.depth;
    } else if (fromLine) {
      block = fromLine.block;
      line = fromLine.block.lines[0].line;
    } else {
      if (fromFront) title = front?.title ? normaliseSpace(front.title) : '';
      else if (fromTitle) {
        title = fromTitle.rest;
        line = doc.title!.line;
      }
      if (first && headings.filter((h) => h.depth <= first.depth).length === 1) {
        // A lone top heading (often a template tag such as {{ page.title }}) is the page title.
        block = first;
        depth = first.depth;
      }
    }
    return { level: { label: found.label, number: found.number, title: title || `Level ${found.label}`, line, depth }, titleBlock: block };
  }

  /** No level found: an error that says what would work, with examples; every line skipped with the reason. */
  function refuse(): ReadResult {
    const first = headings[0];
    const examples = 'a level title such as "# L3: Senior Engineer" or "# IC4 Security Engineer" (a heading, or the page title), or a "level: L3" field in front matter; '
      + 'for several levels in one file, one heading per level at one depth: codes ("## Level 1", "## Level 2") or titles ("### Junior Engineer", "### Senior Engineer"), '
      + 'in the order of a front-matter list when the titles have no seniority word ("levels: [Apprentice, Journeyman, Master]")';
    const ranked = headings.filter((h) => titleRank(sectionName(h.text), rules));
    const hint = ranked.length === 1 ? `; the only level title found was "${ranked[0].text}" (line ${ranked[0].line}), and a ladder file needs a level title or two or more level headings` : '';
    diagnostics.push({
      severity: 'error', file, line: first?.line ?? 1,
      message: first
        ? `no level in the title "${first.text}": expected ${examples}${hint}; file not loaded`
        : `no level title: expected ${examples}; file not loaded`,
    });
    for (const b of doc.blocks) if (b.type !== 'skipped') skip(b.fromLine, b.toLine, 'file not loaded: no level title');
    for (const b of doc.blocks) if (b.type === 'skipped') skip(b.fromLine, b.toLine, b.reason);
    return finish({ shape: 'unknown', levels: [], statements: [] });
  }

  const statements: Draft[] = [];
  const pending: Pending[] = [];
  let seq = 0;
  let level: Level | null = multiDepth === undefined ? levels[0] : null;
  let stack: { depth: number; name: string; repaired: boolean }[] = [];
  let subsection: string | null = null;
  /** A table cell's section, replacing the heading path while the cell is read. */
  let cellSection: string | null = null;
  let example = false;
  let inDetails = 0;
  let intro = true;
  let afterHeading: HeadingBlock | null = null;
  /** A section about the role rather than the level (job grade, hiring process): its content is skipped. */
  let context: { depth: number; reason: string } | null = null;
  /** The non-level heading whose content is being read (multi-level files), named in skip reasons. */
  let outside: string | null = null;
  let seenLevel = false;

  /**
   * The section path of the text being read, built again only when the headings, subsection or cell
   * around it changed (the stack only grows in place; a heading that pops replaces it): a file of
   * 100,000 statements under a few sections joins a few paths, not 100,000.
   */
  let pathCache: { stack: typeof stack; depth: number; subsection: string | null; cellSection: string | null; path: string } = { stack, depth: -1, subsection, cellSection, path: '' };
  const sectionPath = () => {
    const c = pathCache;
    if (c.stack === stack && c.depth === stack.length && c.subsection === subsection && c.cellSection === cellSection) return c.path;
    let path = cellSection ?? '';
    if (cellSection === null) for (const s of stack) path = path ? `${path} › ${s.name}` : s.name;
    if (subsection) path = path ? `${path} › ${subsection}` : subsection;
    pathCache = { stack, depth: stack.length, subsection, cellSection, path };
    return path;
  };
  const currentSection = () => (intro && cellSection === null ? '' : sectionPath());
  /** Whether a heading of the section path was repaired (a loop: a closure per statement was garbage to collect). */
  const sectionRepaired = () => {
    for (let i = 0; i < stack.length; i++) if (stack[i].repaired) return true;
    return false;
  };
  const inExample = () => example || inDetails > 0;

  function repair(text: string): { text: string; repaired: boolean } {
    const r = repairMojibake(text);
    return { text: r.repaired ? normaliseSpace(r.text) : text, repaired: r.repaired > 0 };
  }

  /** First sentence per level saying it includes another level: recorded as the level's relation. */
  const inheritance = new Map<string, { base: string; line: number }>();
  function inherits(text: string, line: number, levelLabel: string): boolean {
    const base = inheritedBase(text, rules);
    if (base && !inheritance.has(levelLabel)) inheritance.set(levelLabel, { base, line });
    return !!base;
  }

  function kindOf(text: string, fallback: Kind, line: number): Kind {
    if (isPlaceholder(text, rules)) return 'placeholder';
    if (inherits(text, line, level!.label)) return 'note';
    if (isNote(text, rules)) return 'note';
    return fallback;
  }

  function external(text: string, links?: string[]) {
    return isExternalReference(links?.length ? `${text} ${links.map((l) => `(${l})`).join(' ')}` : text);
  }

  /**
   * A draft statement from a line of text, added in order. Its options are arguments, not an object of them: a
   * 1 MB list makes a few hundred thousand statements, and an options object was one more allocation for each.
   */
  function push(line: number, toLine: number, raw: string, kind: Kind, links?: string[], bullet?: boolean, attribute?: DraftStatement['attribute']): Draft {
    // repair(), without its result object (one per statement), and without repairMojibake where it has nothing to repair.
    const r = mayHaveMojibake(raw) ? repairMojibake(raw) : null;
    const repaired = r !== null && r.repaired > 0;
    const text = repaired ? normaliseSpace(r.text) : raw;
    const k = kind === 'attribute' ? kind : kindOf(text, kind, line);
    const flags: Flag[] = [];
    if (repaired || sectionRepaired()) flags.push('mojibake-repaired');
    if (external(text, links)) flags.push('external-reference');
    if (k === 'placeholder') flags.push('placeholder');
    // Every draft has the same fields (one object shape); `out` below keeps the ones a statement has.
    const s: Draft = { line, level: level!.label, section: currentSection(), kind: k, text, flags, seq: seq++, sub: 0, attribute, bullet, part: undefined };
    statements.push(s);
    marks.statement(line, Math.max(line, toLine));
    return s;
  }

  /** End line of each text line: up to the line before the next one starts, the last to the block's end. */
  function lineEnds(lines: TextLine[], toLine: number): number[] {
    return lines.map((_, i) => lineEnd(lines, i, toLine));
  }

  /** End line of text line `i`: up to the line before the next one starts, the last to the block's end. */
  function lineEnd(lines: TextLine[], i: number, toLine: number): number {
    return i + 1 < lines.length ? Math.max(lines[i].line, lines[i + 1].line - 1) : Math.max(lines[i].line, toLine);
  }

  function pair(l: TextLine): { key: string; value: string } | null {
    if (!l.strong || !l.text.startsWith(l.strong)) return null;
    const key = l.strong.replace(/\s*:$/, '');
    const rest = l.text.slice(l.strong.length);
    const value = l.strong.endsWith(':') ? rest.trim() : /^\s*:/.test(rest) ? rest.replace(/^\s*:\s*/, '') : '';
    return key && value ? { key: normaliseSpace(key), value } : null;
  }

  function isLabel(l: TextLine): boolean {
    if (!l.strong) return false;
    const t = l.text.replace(/\s*:$/, '');
    return (l.strong === l.text || l.strong.replace(/\s*:$/, '') === t) && words(t) <= MAX_LABEL_WORDS && !endsSentence(t);
  }

  function label(text: string, from: number, to: number) {
    const key = text.replace(/\s*:$/, '').toLowerCase();
    if (rules.genericLabels.has(key)) structure(from, to, 'label');
    else if (rules.exampleLabels.has(key)) {
      example = true;
      structure(from, to, 'examples label');
    } else {
      subsection = sectionName(text);
      example = false;
      intro = false;
      structure(from, to, 'subsection label');
    }
  }

  function heading(b: HeadingBlock) {
    const lv = levelBlocks.get(b);
    if (lv) {
      level = lv;
      seenLevel = true;
      context = null;
      outside = null;
      stack = [];
      subsection = null;
      example = false;
      intro = true;
      structure(b.fromLine, b.toLine, multiDepth === undefined ? 'title' : 'level heading');
      return;
    }
    if (multiDepth !== undefined && (b.depth <= multiDepth || !level)) {
      // Not a level: it ends the level above, and what it holds (requirements, specialties, the
      // hiring process…) belongs to no level. Kept out of every level, each line skipped with why.
      level = null;
      context = null;
      const beforeLevels = !seenLevel;
      outside = b === titleHeading ? null : sectionName(repair(b.text).text);
      structure(b.fromLine, b.toLine, beforeLevels ? 'heading before the first level' : 'heading outside the levels');
      return;
    }
    if (!level) {
      structure(b.fromLine, b.toLine, 'heading before the first level');
      return;
    }
    if (context && b.depth > context.depth) {
      skip(b.fromLine, b.toLine, context.reason);
      return;
    }
    context = null;
    const { text, repaired } = repair(b.text);
    const name = sectionName(text);
    const lower = name.toLowerCase();
    if (rules.contextSections.some((c) => lower.startsWith(c) && (lower.length === c.length || lower[c.length] === ' ' || lower[c.length] === ':'))) {
      // About the role or the process (job grade, benefits, hiring), not an expectation of the level.
      context = { depth: b.depth, reason: `about the role, not an expectation: "${name}"` };
      skip(b.fromLine, b.toLine, context.reason);
      return;
    }
    if (rules.exampleLabels.has(lower)) {
      example = true;
      structure(b.fromLine, b.toLine, 'examples heading');
      return;
    }
    stack = stack.filter((s) => s.depth < b.depth);
    stack.push({ depth: b.depth, name, repaired });
    subsection = null;
    example = false;
    intro = false;
    structure(b.fromLine, b.toLine, 'section heading');
    afterHeading = b;
  }

  /** A label line, or a `Responsibility: X` pair naming a subsection: read as such; false for other lines. */
  function labelLine(l: TextLine, end: number): boolean {
    if (isLabel(l)) {
      label(l.text, l.line, end);
      return true;
    }
    const kv = pair(l);
    if (!kv || !rules.subsectionKeys.has(kv.key.toLowerCase())) return false;
    subsection = sectionName(kv.value);
    example = false;
    intro = false;
    structure(l.line, end, 'subsection label');
    return true;
  }

  function paragraph(b: ParagraphBlock, previous: Block | null) {
    const lines = b.lines;
    let current: Pending | null = null;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      const end = lineEnd(lines, i, b.toLine);
      if (i === 0 && afterHeading && previous === afterHeading && b.lines.length === 1 && l.line <= afterHeading.toLine + 1
        && words(l.text) <= MAX_LABEL_WORDS && !/[.!?:;]$/.test(l.text)) {
        structure(l.line, end, 'section subtitle');
        continue;
      }
      if (isLabel(l)) {
        current = null;
        label(l.text, l.line, end);
        continue;
      }
      const kv = pair(l);
      if (kv) {
        current = null;
        if (rules.subsectionKeys.has(kv.key.toLowerCase())) {
          subsection = sectionName(kv.value);
          example = false;
          intro = false;
          structure(l.line, end, 'subsection label');
        } else if (intro && cellSection === null) {
          const value = repair(kv.value).text;
          push(l.line, end, `${kv.key}: ${value}`, 'attribute', undefined, undefined, parseAttribute(kv.key, value, rules));
        } else push(l.line, end, `${kv.key}: ${kv.value}`, inExample() ? 'example' : 'expectation', l.links);
        continue;
      }
      const r = repair(l.text);
      if (!current) {
        current = { seq: seq++, lines: [], level: level!.label, section: currentSection(), intro: intro && cellSection === null, example: inExample(), repaired: sectionRepaired() };
        pending.push(current);
      }
      current.lines.push({ text: r.text, line: l.line, toLine: end, links: l.links, repaired: r.repaired });
      marks.statement(l.line, end);
    }
  }

  function list(b: ListBlock) {
    for (const item of b.items) {
      let prev: Block | null = null;
      for (const inner of item.blocks) {
        if (inner.type === 'paragraph') bullet(inner);
        else block(inner, prev);
        prev = inner;
      }
    }
  }

  /** A list item's paragraph: one statement, with later lines continuing it or standing alone. */
  function bullet(p: ParagraphBlock) {
    // One line (most list items): its statement, without the pieces kept for continuation lines.
    if (p.lines.length === 1) return void bulletHead(p.lines[0], Math.max(p.lines[0].line, p.toLine));
    const ends = lineEnds(p.lines, p.toLine);
    let last = bulletHead(p.lines[0], ends[0]);
    /** Pieces of the current statement, joined once at the end (a long run of lines stays linear). */
    let pieces: string[] = last ? [last.text] : [];
    const close = () => {
      if (last && pieces.length > 1) last.text = normaliseSpace(pieces.join(' '));
      pieces = [];
    };
    for (let i = 1; i < p.lines.length; i++) {
      const l = p.lines[i];
      if (labelLine(l, ends[i])) {
        // A bold label right under a bullet (a lazy continuation line in CommonMark) is a label.
        close();
        last = null;
        continue;
      }
      const text = repair(l.text).text;
      if (last && continuesLine(pieces[pieces.length - 1] ?? last.text, text, l.indent)) {
        pieces.push(text);
        marks.statement(l.line, ends[i]);
      } else {
        close();
        last = push(l.line, ends[i], l.text, inExample() ? 'example' : 'expectation', l.links);
        pieces = [last.text];
        if (last.kind === 'expectation' || last.kind === 'example') last.flags.push('unbulleted');
      }
    }
    close();
  }

  /** A list item's first line: an attribute in the page's intro (null), else the bullet's statement. */
  function bulletHead(head: TextLine, end: number): Draft | null {
    const kv = pair(head);
    if (kv && intro && cellSection === null && !inDetails) {
      const value = repair(kv.value).text;
      push(head.line, end, `${kv.key}: ${value}`, 'attribute', undefined, undefined, parseAttribute(kv.key, value, rules));
      return null;
    }
    return push(head.line, end, head.text, inExample() ? 'example' : 'expectation', head.links, true);
  }

  function details(b: DetailsBlock) {
    structure(b.summaryLine, b.summaryLine, 'details summary');
    inDetails++;
    blocks(b.blocks);
    inDetails--;
  }

  function cellText(c: TableCell): readonly TextLine[] {
    return textLines(c.blocks);
  }

  function isNameCell(c: TableCell, maxLines: number): boolean {
    if (c.blocks.some((b) => b.type !== 'paragraph' && b.type !== 'heading')) return false;
    const lines = cellText(c);
    if (lines.length > maxLines) return false;
    if (!lines.length) return true;
    return words(lines[0].text) <= MAX_NAME_WORDS && !endsSentence(lines[0].text);
  }

  function table(t: TableBlock) {
    const rows = t.rows;
    let width = rows.length ? 0 : -Infinity;
    for (const r of rows) if (r.cells.length > width) width = r.cells.length;
    const hasContent = (c: TableCell) => c.blocks.length > 0;
    const header = t.headerRow || (rows.length >= 2 && width >= 2 && rows[0].cells.every((c) => isNameCell(c, 3))
      && rows.slice(1).some((r) => r.cells.some((c) => !isNameCell(c, 3))));
    const body = header ? rows.slice(1) : rows;
    const labelColumn = width >= 2 && body.length > 0 && body.every((r) => r.cells.length >= 2 && isNameCell(r.cells[0], 1) && hasContent(r.cells[0]))
      && body.some((r) => r.cells.slice(1).some(hasContent));
    const names = header ? rows[0].cells.map((c) => sectionName(repair(cellText(c)[0]?.text ?? '').text)) : [];
    if (header) structure(rows[0].fromLine, rows[0].toLine, 'table header');
    const base = intro ? '' : sectionPath();
    const saved = { stack, subsection, example, intro, cellSection, afterHeading };
    // Column names kept as sections (not generic labels), looked up once per column rather than once per cell.
    const columns = names.map((n) => (n && !rules.genericLabels.has(n.toLowerCase()) ? n : ''));
    for (const row of body) {
      let rowLabel = '';
      for (let k = 0; k < row.cells.length; k++) {
        const cell = row.cells[k];
        if (k === 0 && labelColumn) {
          rowLabel = sectionName(repair(cellText(cell)[0].text).text);
          structure(cell.fromLine, cell.toLine, 'row label');
          continue;
        }
        let section = base;
        const column = columns[k] ?? '';
        if (labelColumn) section = joinSection(joinSection(base, rowLabel), width > 2 ? column : '');
        else if (column) section = joinSection(base, column);
        cellSection = section;
        subsection = null;
        intro = false;
        blocks(cell.blocks);
        stack = saved.stack;
        subsection = saved.subsection;
        example = saved.example;
        intro = saved.intro;
        cellSection = saved.cellSection;
        afterHeading = saved.afterHeading;
      }
    }
  }

  function block(b: Block, previous: Block | null) {
    if (b.type === 'skipped') {
      skip(b.fromLine, b.toLine, b.reason);
      return;
    }
    if (b.type === 'structure') {
      structure(b.fromLine, b.toLine, b.reason);
      return;
    }
    if (b.type === 'heading') {
      heading(b);
      return;
    }
    if (b === titleBlock) {
      structure(b.fromLine, b.toLine, 'title');
      return;
    }
    if (!level) {
      skip(b.fromLine, b.toLine, multiDepth === undefined ? 'outside the level page' : outside ? `under "${outside}", not a level` : 'text outside any level section');
      return;
    }
    if (context) {
      skip(b.fromLine, b.toLine, context.reason);
      return;
    }
    switch (b.type) {
      case 'paragraph':
        paragraph(b, previous);
        break;
      case 'list':
        list(b);
        break;
      case 'table':
        table(b);
        break;
      case 'quote':
        blocks(b.blocks);
        break;
      case 'details':
        details(b);
        break;
      case 'rule':
        structure(b.fromLine, b.toLine, 'horizontal rule');
        break;
    }
  }

  function blocks(list: Block[]) {
    let previous: Block | null = null;
    for (const b of list) {
      block(b, previous);
      if (b.type !== 'skipped' && b.type !== 'structure') previous = b;
    }
  }

  blocks(doc.blocks);

  // Paragraphs are read last: whether one is a summary depends on sections found after it.
  // (Each pass over the statements is a function of its own: V8 compiles a small function for a hot loop quickly,
  // where a loop in readBlocks itself waited for the whole of readBlocks to be compiled.)
  const { parentSections, bulletSections } = sectionsOf(statements);
  // A key per paragraph only where some section has subsections or bullets to look it up in.
  const keyed = parentSections.size > 0 || bulletSections.size > 0;
  for (let i = 0; i < pending.length; i++) readPending(pending[i]);

  function readPending(p: Pending) {
    const key = keyed ? `${p.level}\u0000${p.section}` : '';
    const one = p.lines.length === 1 ? p.lines[0] : null;
    const text = normaliseSpace(one ? one.text : p.lines.map((l) => l.text).join(' '));
    const links = one ? one.links : p.lines.flatMap((l) => l.links ?? []);
    const flags: Flag[] = [];
    if (p.repaired || p.lines.some((l) => l.repaired)) flags.push('mojibake-repaired');
    if (external(text, links)) flags.push('external-reference');
    const line = p.lines[0].line;
    const draft = (kind: Kind, text: string, flags: Flag[], sub = 0): Draft => ({ line, level: p.level, section: p.section, kind, text, flags, seq: p.seq, sub, attribute: undefined, bullet: undefined, part: undefined });
    // A paragraph opening with "The Senior role extends the Intermediate role." records the relation;
    // it is a note when that sentence is all it says.
    const whole = inherits(text, line, p.level);
    // The sentences, split once; a paragraph of one sentence was looked at whole just above.
    let sentences: string[] | null = null;
    if (!whole && text.length <= MAX_INHERIT_SCAN) {
      sentences = splitSentences(text);
      const first = sentences[0] ?? '';
      if (first !== text) inherits(first, line, p.level);
    }
    const kind = isPlaceholder(text, rules) ? 'placeholder' : whole || isNote(text, rules) ? 'note' : null;
    if (kind) statements.push(draft(kind, text, kind === 'placeholder' ? [...flags, 'placeholder'] : flags));
    else if (p.intro || (keyed && parentSections.has(key))) statements.push(draft('summary', text, flags));
    else if (p.example) statements.push(draft('example', text, flags));
    else if (keyed && bulletSections.has(key)) statements.push(draft('expectation', text, [...flags, 'unbulleted']));
    else {
      const all = sentences ?? splitSentences(text);
      // Each statement its own flags (later steps add to them): the list made above serves the first.
      for (let k = 0; k < all.length; k++) statements.push(draft(isNote(all[k], rules) ? 'note' : 'expectation', all[k], k === 0 ? flags : [...flags], k));
    }
  }

  const out = inOrder(statements);
  const withStatements = new Set(out.map((s) => s.level));
  for (const l of levels) if (!withStatements.has(l.label)) {
    diagnostics.push({ severity: 'warning', file, line: l.line, message: `level ${l.label} has no statements` });
  }
  for (const l of levels) {
    const rel = inheritance.get(l.label);
    if (rel) l.inherits = { ...resolveInherited(rel.base, l, levels, rules), line: rel.line };
  }
  return finish({
    shape: multiDepth === undefined ? shapes.page : shapes.multi,
    levels: levels.map(({ depth: _, ...l }) => l),
    statements: out,
    trackHint,
    company: front?.company,
  });
}
