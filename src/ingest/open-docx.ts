/** A Word document opened into HTML whose lines are its paragraphs (structured-cloneable, like a workbook). */
export interface OpenedDocx {
  format: 'docx';
  /**
   * The document as HTML, one paragraph a line: line 1 holds only markup before the first paragraph,
   * line N + 1 is paragraph N (¶N, counting every paragraph of the body in order, empty ones and those
   * in tables too). The HTML reader gives each statement its line, hence its paragraph.
   */
  html: string;
  /** What the converter could not carry over (other than styles it does not know), in its words. */
  warnings: string[];
}

/** The paragraph a line of {@link OpenedDocx.html} holds: `¶12`, or undefined for the first line. */
export function paragraphOfLine(line: number): string | undefined {
  return line >= 2 ? `¶${line - 1}` : undefined;
}

/**
 * Word styles to HTML. Headings move one level down so a "Title" paragraph can sit above them;
 * everything else keeps mammoth's defaults (lists, tables, bold, footnotes).
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => {
    const to = `h${Math.min(n + 1, 6)}:fresh`;
    return [`p.Heading${n} => ${to}`, `p[style-name='Heading ${n}'] => ${to}`, `p[style-name='heading ${n}'] => ${to}`];
  }),
];

/** Tags that open a paragraph of the document in mammoth's HTML. */
const PARAGRAPH_START = /<(?:p|h[1-6]|li)(?=[\s>/])/g;

/**
 * Converts a DOCX to HTML with mammoth, loaded on first use (a separate chunk in the browser). Images
 * are dropped (never embedded as data), the document's own style map and external files are ignored.
 * Throws on a file mammoth cannot read; the caller turns that into a diagnostic.
 */
export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const imported = await import('mammoth');
  const mammoth = (imported as unknown as { default?: typeof imported }).default ?? imported;
  const copy = bytes.slice();
  // Node's build of mammoth reads `buffer`, the browser's `arrayBuffer`: give both the same bytes.
  const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const result = await mammoth.convertToHtml(input, {
    styleMap: STYLE_MAP,
    includeEmbeddedStyleMap: false,
    ignoreEmptyParagraphs: false,
    externalFileAccess: false,
    convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
  });
  const warnings = result.messages.filter((m) => !/^Unrecognised (paragraph|run|table) style/.test(m.message)).map((m) => m.message);
  return { format: 'docx', html: oneParagraphPerLine(result.value), warnings };
}

/** Puts each paragraph of mammoth's HTML on a line of its own (a list item holding a paragraph is one). */
export function oneParagraphPerLine(html: string): string {
  const flat = html.replace(/[\r\n]+/g, ' ');
  const pieces: string[] = [];
  let last = 0;
  for (const m of flat.matchAll(PARAGRAPH_START)) {
    if (m[0] === '<li') {
      const end = flat.indexOf('>', m.index);
      if (end >= 0 && flat.startsWith('<p', end + 1)) continue;
    }
    pieces.push(flat.slice(last, m.index));
    last = m.index;
  }
  pieces.push(flat.slice(last));
  return pieces.join('\n');
}
