/**
 * The parse tree every document reader produces (HTML, Markdown; DOCX through HTML):
 * plain-text blocks with source lines, no markup. One interpreter (`read-blocks.ts`) turns it into
 * levels, sections and statements, so the ladder rules live in one place whatever the file format.
 *
 * Lines are 1-based physical lines of the file (`splitLines`). Every block knows the first and last
 * line it occupies, so the interpreter can account for every line of the file.
 */

/** A stretch of source lines: the first and the last line a block (or a skipped element) occupies. */
export interface LineSpan {
  fromLine: number;
  toLine: number;
}

/**
 * One line of text as the source format draws it: a physical line in Markdown, a `<br>`- or
 * block-separated line in HTML. Text is plain (entities decoded, inline markup gone, white space
 * collapsed); emoji stay as characters.
 */
export interface TextLine {
  text: string;
  /** Source line where the text starts. */
  line: number;
  /** Bold text the line starts with, when it does (`**Label**`, `<b>Label</b>: value`): labels and pairs. */
  strong?: string;
  /** Leading indentation in columns, where the format has it (Markdown continuation lines). */
  indent?: number;
  /** Targets of the links in the line, when the text only shows their words (HTML). */
  links?: string[];
}

export interface HeadingBlock extends LineSpan {
  type: 'heading';
  depth: number;
  text: string;
  line: number;
}

/** Consecutive lines of running text. */
export interface ParagraphBlock extends LineSpan {
  type: 'paragraph';
  lines: TextLine[];
}

export interface ListItem extends LineSpan {
  line: number;
  /** The item's content: usually one paragraph, then nested lists or other blocks. */
  blocks: Block[];
}

export interface ListBlock extends LineSpan {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
}

export interface TableCell extends LineSpan {
  line: number;
  /** A header cell by markup (`<th>`, a Markdown table's first row). */
  header: boolean;
  blocks: Block[];
}

export interface TableRow extends LineSpan {
  line: number;
  cells: TableCell[];
}

export interface TableBlock extends LineSpan {
  type: 'table';
  /** The first row is a header by markup (`<thead>`, `<th>` cells, a Markdown separator row). */
  headerRow: boolean;
  rows: TableRow[];
}

export interface QuoteBlock extends LineSpan {
  type: 'quote';
  blocks: Block[];
}

/** A collapsible container (`<details>`): its content illustrates, so it is read as examples. */
export interface DetailsBlock extends LineSpan {
  type: 'details';
  summary: string;
  summaryLine: number;
  blocks: Block[];
}

export interface RuleBlock extends LineSpan {
  type: 'rule';
}

/** Source the reader deliberately did not read (script, navigation, code, comment…), with why. */
export interface SkippedBlock extends LineSpan {
  type: 'skipped';
  reason: string;
}

/** Source that is form, not content, and has no block of its own (a Markdown `<details>` tag line): structure. */
export interface StructureBlock extends LineSpan {
  type: 'structure';
  reason: string;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | QuoteBlock | DetailsBlock | RuleBlock | SkippedBlock | StructureBlock;

/** A problem a reader found in the markup itself (an unclosed code fence), reported with the file's name. */
export interface MarkupProblem {
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

/** A reader's whole output for one file. */
export interface BlockDocument {
  blocks: Block[];
  /** The document's own title outside its body (HTML `<title>`), a fallback for the level title. */
  title?: { text: string; line: number };
  /**
   * Front matter: scalar fields (`title:`, `level:`, `track:`, `company:`) and lists (`levels:`),
   * lower-case keys, and where it was.
   */
  frontMatter?: { fields: Record<string, string>; lists: Record<string, string[]> } & LineSpan;
  /** Problems in the markup, each becoming a diagnostic that names the file. */
  problems?: MarkupProblem[];
  /**
   * How to account for a non-blank line no block covers: HTML lines that hold only tags
   * (`</div>`, `<link …>`) are structure of this name. Absent: such lines are "not understood".
   */
  uncoveredLines?: string;
}
