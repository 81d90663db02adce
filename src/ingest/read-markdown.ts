import type { AttributeValue, Diagnostic, Flag, Kind } from '../types.ts';
import { type DraftLevel, type DraftStatement, LineLedger, type ReadResult, splitLines } from './draft.ts';
import { type IngestRules, isNote, isPlaceholder } from './ingest-rules.ts';
import { findLevelLabel } from './level-label.ts';
import { cleanText, isExternalReference, normaliseSpace, sectionName } from './normalise-text.ts';
import { parseAttribute } from './parse-attribute.ts';
import { delimitedRows, isPipeRow, isPipeSeparator } from './delimited-rows.ts';
import { repairMojibake } from './repair-mojibake.ts';
import { splitSentences } from './split-sentences.ts';
import { continuesLine } from './continues-line.ts';

type Token =
  | { type: 'heading'; depth: number; text: string }
  | { type: 'bullet'; indent: number; text: string }
  | { type: 'label'; text: string }
  | { type: 'pair'; key: string; value: string }
  | { type: 'html'; tag: string; closing: boolean; inner: string }
  | { type: 'rule' }
  | { type: 'quote'; text: string }
  | { type: 'text'; indent: number; text: string }
  | { type: 'table'; separator: boolean }
  | { type: 'blank' }
  | { type: 'consumed' };

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^([ \t]*)(?:[-*+•]|\d{1,3}[.)])[ \t]+(.*)$/;
const LABEL = /^[ \t]*(?:\*\*|__)([^*_]+?)(?:\*\*|__)[ \t]*:?[ \t]*$/;
const PAIR = /^[ \t]*(?:\*\*|__)([^*_]+?)(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:)[ \t]*(.+)$/;
const HTML = /^[ \t]*<(\/?)([a-z][a-z0-9]*)\b[^>]*>(.*?)(?:<\/\2>)?[ \t]*$/i;
const STRUCTURAL_TAGS = new Set(['details', 'summary', 'div', 'section', 'br', 'hr', 'span', 'p', 'table', 'tbody', 'thead']);
const RULE = /^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/;
const TEMPLATE = /^[ \t]*(\{%.*%\}|\{\{.*\}\}|<%.*%>|\{#.*#\})[ \t]*$/;

function tokenise(line: string): Token {
  if (line.trim() === '') return { type: 'blank' };
  let m: RegExpExecArray | null;
  if ((m = HEADING.exec(line))) return { type: 'heading', depth: m[1].length, text: m[2] };
  if (isPipeRow(line)) return { type: 'table', separator: isPipeSeparator(line) };
  if (RULE.test(line)) return { type: 'rule' };
  if ((m = BULLET.exec(line))) return { type: 'bullet', indent: m[1].replace(/\t/g, '  ').length, text: m[2] };
  if ((m = LABEL.exec(line))) return { type: 'label', text: normaliseSpace(m[1]) };
  if ((m = PAIR.exec(line))) return { type: 'pair', key: normaliseSpace(m[1]), value: m[2] };
  if ((m = HTML.exec(line)) && STRUCTURAL_TAGS.has(m[2].toLowerCase())) {
    return { type: 'html', tag: m[2].toLowerCase(), closing: m[1] === '/', inner: m[3] };
  }
  if ((m = /^[ \t]*>[ \t]?(.*)$/.exec(line))) return { type: 'quote', text: m[1] };
  return { type: 'text', indent: /^[ \t]*/.exec(line)![0].replace(/\t/g, '  ').length, text: line };
}

interface FrontMatter {
  end: number;
  fields: Record<string, string>;
}

function readFrontMatter(lines: string[]): FrontMatter | null {
  if (lines[0]?.trim() !== '---') return null;
  const fields: Record<string, string> = {};
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)\s*$/.test(lines[i])) return { end: i, fields };
    const kv = /^([A-Za-z_][\w -]*):\s*(.*)$/.exec(lines[i]);
    if (kv) fields[kv[1].trim().toLowerCase()] = kv[2].trim().replace(/^["']|["']$/g, '');
  }
  return null;
}

interface Paragraph {
  lines: number[];
  raw: string;
  level: string;
  section: string;
  intro: boolean;
  example: boolean;
  repaired: boolean;
}

interface Level extends DraftLevel {
  headingDepth: number;
}

/**
 * Reads a Markdown ladder: one level page (title with a level label) or a file holding several levels
 * under level headings. Sections come from headings and bold labels; bullets, paragraphs, quotes and
 * `**Label**: value` lines become statements, everything else is structure or skipped with a reason.
 */
export function readMarkdown(file: string, text: string, rules: IngestRules): ReadResult {
  const raw = splitLines(text);
  const repairedLines = new Set<number>();
  const lines = raw.map((l, i) => {
    const r = repairMojibake(l);
    if (r.repaired) repairedLines.add(i + 1);
    return r.text;
  });
  const ledger = new LineLedger(lines);
  const diagnostics: Diagnostic[] = [];
  const tokens: Token[] = lines.map(tokenise);

  const front = readFrontMatter(lines);
  if (front) for (let i = 0; i <= front.end; i++) consume(i, 'front matter');
  let fence: string | null = null;
  let comment = false;
  for (let i = 0; i < lines.length; i++) {
    if (tokens[i].type === 'consumed') continue;
    const l = lines[i];
    if (fence) {
      consume(i, 'code block');
      if (l.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (comment) {
      consume(i, 'HTML comment');
      if (l.includes('-->')) comment = false;
      continue;
    }
    const f = /^[ \t]*(```|~~~)/.exec(l);
    if (f) {
      fence = f[1];
      consume(i, 'code block');
    } else if (/^[ \t]*<!--/.test(l)) {
      consume(i, 'HTML comment');
      comment = !l.includes('-->');
    } else if (TEMPLATE.test(l)) {
      consume(i, 'template tag');
    }
  }
  function consume(i: number, reason: string) {
    tokens[i] = { type: 'consumed' };
    if (reason === 'front matter') ledger.structure(i + 1, reason);
    else ledger.skip(i + 1, reason);
  }

  // Which headings carry levels?
  const headings = tokens.map((t, i) => ({ t, i })).filter((x): x is { t: Extract<Token, { type: 'heading' }>; i: number } => x.t.type === 'heading');
  const labelled = headings.map((h) => ({ ...h, label: findLevelLabel(cleanText(h.t.text)) })).filter((h) => h.label);
  const byDepth = new Map<number, Set<string>>();
  for (const h of labelled) byDepth.set(h.t.depth, (byDepth.get(h.t.depth) ?? new Set()).add(h.label!.label));
  const multiDepth = [...byDepth].filter(([, s]) => s.size >= 2).map(([d]) => d).sort((a, b) => a - b)[0];

  const levels: Level[] = [];
  let trackHint = front?.fields.track;
  const levelHeadingLines = new Set<number>();
  if (multiDepth !== undefined) {
    for (const h of labelled) {
      if (h.t.depth !== multiDepth) continue;
      levels.push({ label: h.label!.label, number: h.label!.number, title: h.label!.rest || `Level ${h.label!.label}`, line: h.i + 1, headingDepth: multiDepth });
      levelHeadingLines.add(h.i);
    }
    const above = headings.find((h) => h.t.depth < multiDepth && h.i < levels[0].line - 1);
    if (above && !trackHint) trackHint = sectionName(above.t.text);
  } else {
    const first = headings[0];
    const fromFront = front && (front.fields.level || front.fields.title) ? findLevelLabel(front.fields.level ?? front.fields.title) ?? (front.fields.level ? { label: front.fields.level, number: Number(front.fields.level) || null, rest: '' } : null) : null;
    const fromHeading = first ? findLevelLabel(cleanText(first.t.text)) : null;
    const found = fromHeading ?? fromFront;
    if (!found) {
      diagnostics.push({
        severity: 'error', file, line: first ? first.i + 1 : 1,
        message: first
          ? `no level in the title "${cleanText(first.t.text)}": expected a title such as "# L3: Senior Engineer" or "# IC4 Security Engineer", or a "level:" field in front matter; file not loaded`
          : 'no level title: expected a heading such as "# L3: Senior Engineer" (or several level headings); file not loaded',
      });
      ledger.accounts.forEach((a) => a.status !== 'blank' && a.status !== 'structure' && ledger.skip(a.line, 'file not loaded: no level title'));
      return { shape: 'unknown', levels: [], statements: [], lines: ledger.accounts, diagnostics };
    }
    const title = fromHeading ? fromHeading.rest : front?.fields.title ? cleanText(front.fields.title) : '';
    levels.push({ label: found.label, number: found.number, title: title || `Level ${found.label}`, line: fromHeading ? first!.i + 1 : 1, headingDepth: fromHeading ? first!.t.depth : 0 });
    if (fromHeading) levelHeadingLines.add(first!.i);
    else if (first && headings.filter((h) => h.t.depth <= first.t.depth).length === 1) {
      // Level from front matter; a lone top heading (often a template tag such as {{ page.title }}) is the page title.
      levelHeadingLines.add(first.i);
      levels[0].headingDepth = first.t.depth;
    }
  }

  const statements: DraftStatement[] = [];
  const paragraphs: Paragraph[] = [];
  let level: Level | null = multiDepth === undefined ? levels[0] : null;
  let stack: { depth: number; name: string; repaired: boolean }[] = [];
  let subsection: string | null = null;
  let example = false;
  let inDetails = false;
  let intro = true;
  let last: DraftStatement | null = null;
  let lastLine = -1;
  let para: Paragraph | null = null;
  let tableHeader: string[] | null = null;

  const sectionPath = () => [...stack.map((s) => s.name), ...(subsection ? [subsection] : [])].join(' › ');
  const sectionRepaired = () => stack.some((s) => s.repaired);

  function flagsFor(lineNo: number, rawText: string): Flag[] {
    const flags: Flag[] = [];
    if (repairedLines.has(lineNo) || sectionRepaired()) flags.push('mojibake-repaired');
    if (isExternalReference(rawText)) flags.push('external-reference');
    return flags;
  }

  function kindOf(t: string, fallback: Kind): Kind {
    if (isPlaceholder(t, rules)) return 'placeholder';
    if (isNote(t, rules)) return 'note';
    return fallback;
  }

  function push(lineNo: number, rawText: string, kind: Kind, extra: Partial<DraftStatement> = {}): DraftStatement {
    const t = cleanText(rawText);
    const k = kind === 'attribute' ? kind : kindOf(t, kind);
    const flags = flagsFor(lineNo, rawText);
    if (k === 'placeholder') flags.push('placeholder');
    const s: DraftStatement = { line: lineNo, level: level!.label, section: intro ? '' : sectionPath(), kind: k, text: t, flags, ...extra };
    if (k === 'placeholder' && extra.section === undefined) s.section = intro ? '' : sectionPath();
    statements.push(s);
    ledger.statement(lineNo);
    return s;
  }

  function closeParagraph() {
    if (para) paragraphs.push(para);
    para = null;
  }

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const lineNo = i + 1;
    if (tok.type === 'consumed') continue;
    if (tok.type !== 'table') tableHeader = null;
    if (tok.type === 'blank') {
      closeParagraph();
      last = null;
      continue;
    }
    if (tok.type === 'heading') {
      closeParagraph();
      last = null;
      if (levelHeadingLines.has(i)) {
        level = levels.find((l) => l.line === lineNo) ?? level;
        stack = [];
        subsection = null;
        example = false;
        intro = true;
        ledger.structure(lineNo, multiDepth === undefined ? 'title' : 'level heading');
        continue;
      }
      if (!level) {
        ledger.structure(lineNo, 'heading before the first level');
        continue;
      }
      if (multiDepth !== undefined && tok.depth < multiDepth) {
        level = null;
        ledger.structure(lineNo, 'heading outside the levels');
        continue;
      }
      const name = sectionName(tok.text);
      if (rules.exampleLabels.has(name.toLowerCase())) {
        example = true;
        ledger.structure(lineNo, 'examples heading');
        continue;
      }
      stack = stack.filter((s) => s.depth < tok.depth);
      stack.push({ depth: tok.depth, name, repaired: repairedLines.has(lineNo) });
      subsection = null;
      example = false;
      intro = false;
      ledger.structure(lineNo, 'section heading');
      lastLine = i;
      continue;
    }
    if (!level) {
      ledger.skip(lineNo, multiDepth === undefined ? 'outside the level page' : 'text outside any level section');
      continue;
    }
    switch (tok.type) {
      case 'table': {
        closeParagraph();
        last = null;
        if (tok.separator) {
          ledger.structure(lineNo, 'table separator');
          break;
        }
        const cells = delimitedRows(lines[i], '|', lineNo).rows[0]?.cells ?? [];
        if (!tableHeader) {
          tableHeader = cells;
          ledger.structure(lineNo, 'table header');
          break;
        }
        const label = cleanText(cells[0] ?? '');
        const path = intro ? '' : sectionPath();
        cells.slice(1).forEach((cell, k) => {
          splitSentences(cell).forEach((sentence, n) => {
            const column = cells.length > 2 && tableHeader?.[k + 1] ? ` › ${cleanText(tableHeader[k + 1])}` : '';
            const sec = [path, label].filter(Boolean).join(' › ') + column;
            push(lineNo, sentence, example || inDetails ? 'example' : 'expectation', { part: `${k + 1}.${n + 1}`, section: sec });
          });
        });
        if (cells.length === 1 && label) push(lineNo, cells[0], 'expectation');
        if (!cells.slice(1).some((c) => c.trim()) && cells.length > 1) ledger.structure(lineNo, 'table row without statements');
        break;
      }
      case 'rule':
        closeParagraph();
        ledger.structure(lineNo, 'horizontal rule');
        break;
      case 'html': {
        closeParagraph();
        if (tok.tag === 'details') inDetails = !tok.closing;
        if (tok.tag === 'summary' && rules.exampleLabels.has(cleanText(tok.inner).toLowerCase())) inDetails = true;
        if (tok.inner && !['summary'].includes(tok.tag) && cleanText(tok.inner)) {
          last = push(lineNo, tok.inner, example || inDetails ? 'example' : 'expectation');
        } else ledger.structure(lineNo, `<${tok.closing ? '/' : ''}${tok.tag}>`);
        break;
      }
      case 'label': {
        closeParagraph();
        last = null;
        const key = tok.text.replace(/:$/, '').toLowerCase();
        if (rules.genericLabels.has(key)) ledger.structure(lineNo, 'label');
        else if (rules.exampleLabels.has(key)) {
          example = true;
          ledger.structure(lineNo, 'examples label');
        } else {
          subsection = sectionName(tok.text);
          example = false;
          intro = false;
          ledger.structure(lineNo, 'subsection label');
        }
        break;
      }
      case 'pair': {
        closeParagraph();
        last = null;
        if (rules.subsectionKeys.has(tok.key.toLowerCase())) {
          subsection = sectionName(tok.value);
          example = false;
          intro = false;
          ledger.structure(lineNo, 'subsection label');
        } else if (intro) {
          push(lineNo, `${tok.key}: ${tok.value}`, 'attribute', { attribute: parseAttribute(tok.key, cleanText(tok.value), rules) });
        } else {
          last = push(lineNo, `${tok.key}: ${tok.value}`, example || inDetails ? 'example' : 'expectation');
        }
        break;
      }
      case 'bullet': {
        closeParagraph();
        const pair = PAIR.exec(tok.text);
        if (pair && intro && !inDetails) {
          push(lineNo, `${normaliseSpace(pair[1])}: ${pair[2]}`, 'attribute', { attribute: parseAttribute(normaliseSpace(pair[1]), cleanText(pair[2]), rules) });
          last = null;
        } else {
          last = push(lineNo, tok.text, example || inDetails ? 'example' : 'expectation');
          (last as DraftStatement & { bullet?: boolean }).bullet = true;
        }
        lastLine = i;
        break;
      }
      case 'quote':
      case 'text': {
        const body = tok.type === 'quote' ? tok.text : tok.text;
        const indent = tok.type === 'text' ? tok.indent : 0;
        const prevIsHeading = i > 0 && tokens[i - 1].type === 'heading' && lastLine === i - 1 && !intro;
        const clean = cleanText(body);
        if (prevIsHeading && tok.type === 'text' && clean.split(' ').length <= 12 && !/[.!?:;]$/.test(clean)) {
          ledger.structure(lineNo, 'section subtitle');
          break;
        }
        if (last && i > 0 && tokens[i - 1].type !== 'blank' && !para) {
          const prev = last.text;
          const continues = continuesLine(prev, clean, indent);
          if (continues) {
            last.text = cleanText(`${prev} ${body}`);
            ledger.statement(lineNo);
          } else {
            last = push(lineNo, body, example || inDetails ? 'example' : 'expectation');
            if (last.kind === 'expectation' || last.kind === 'example') last.flags.push('unbulleted');
          }
          break;
        }
        if (!para) {
          para = { lines: [], raw: '', level: level.label, section: intro ? '' : sectionPath(), intro, example: example || inDetails, repaired: sectionRepaired() };
        }
        para.lines.push(lineNo);
        para.raw += (para.raw ? ' ' : '') + body;
        if (repairedLines.has(lineNo)) para.repaired = true;
        ledger.statement(lineNo);
        break;
      }
    }
  }
  closeParagraph();

  const parentSections = new Set<string>();
  const bulletSections = new Set<string>();
  for (const s of statements) {
    const parts = s.section.split(' › ');
    for (let k = 1; k < parts.length; k++) parentSections.add(`${s.level}\u0000${parts.slice(0, k).join(' › ')}`);
    if ((s as DraftStatement & { bullet?: boolean }).bullet) bulletSections.add(`${s.level}\u0000${s.section}`);
    delete (s as DraftStatement & { bullet?: boolean }).bullet;
  }
  for (const p of paragraphs) {
    const key = `${p.level}\u0000${p.section}`;
    const text = cleanText(p.raw);
    const flags: Flag[] = [];
    if (p.repaired) flags.push('mojibake-repaired');
    if (isExternalReference(p.raw)) flags.push('external-reference');
    const base = { line: p.lines[0], level: p.level, section: p.section };
    const kind = isPlaceholder(text, rules) ? 'placeholder' : isNote(text, rules) ? 'note' : null;
    if (kind) statements.push({ ...base, kind, text, flags: kind === 'placeholder' ? [...flags, 'placeholder'] : flags });
    else if (p.intro || parentSections.has(key)) statements.push({ ...base, kind: 'summary', text, flags });
    else if (p.example) statements.push({ ...base, kind: 'example', text, flags });
    else if (bulletSections.has(key)) statements.push({ ...base, kind: 'expectation', text, flags: [...flags, 'unbulleted'] });
    else {
      const sentences = splitSentences(text);
      sentences.forEach((sentence, k) => {
        const sk = isNote(sentence, rules) ? 'note' : 'expectation';
        statements.push({ ...base, part: sentences.length > 1 ? String(k + 1) : undefined, kind: sk, text: sentence, flags: [...flags] });
      });
    }
  }
  statements.sort((a, b) => a.line - b.line || (a.part ?? '').localeCompare(b.part ?? '', undefined, { numeric: true }));
  for (const a of ledger.accounts) if (a.status === 'skipped' && a.reason === 'not read') a.reason = 'not understood';
  for (const l of levels) if (!statements.some((s) => s.level === l.label)) {
    diagnostics.push({ severity: 'warning', file, line: l.line, message: `level ${l.label} has no statements` });
  }
  return {
    shape: multiDepth === undefined ? 'markdown-level-page' : 'markdown-multi-level',
    levels: levels.map(({ headingDepth: _, ...l }) => l),
    statements,
    lines: ledger.accounts,
    diagnostics,
    trackHint,
    company: front?.fields.company,
  };
}
