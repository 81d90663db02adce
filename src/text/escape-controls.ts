/**
 * Characters a terminal or a line of text acts on instead of showing: C0 controls (ESC starts colour, title and
 * OSC 52 clipboard sequences; CR overwrites a line), DEL, C1 controls (a lone CSI or OSC), the line and
 * paragraph separators, and the bidirectional embeddings, overrides and isolates (U+202E reverses the rest of a
 * line). Tab, newline and CR LF (CSV's line end) are kept, unless a value must stay on one line.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
/** CONTROLS without CR (CR is escaped only when no LF follows it). */
const ANY_BUT_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROLS_AND_NEWLINES = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Text with its control characters written out as escapes (`\u001b`, `\u202e`, `\n`), the way JSON writes them,
 * so text from a ladder file or a file name cannot drive a terminal, reorder a line or, with `oneLine`, start a
 * line of its own (a file name holding a newline cannot forge a diagnostic). JSON output stays valid JSON.
 */
export function escapeControls(text: string, { oneLine = false }: { oneLine?: boolean } = {}): string {
  // Most text holds none of them. A class alone is scanned several times faster than CONTROLS with its CR look-ahead
  // (0.4 s of writing 55 MB of JSON), so that one is run only on text holding a control character or a CR.
  if (!oneLine && !ANY_BUT_CR.test(text) && !text.includes('\r')) return text;
  const re = oneLine ? CONTROLS_AND_NEWLINES : CONTROLS;
  re.lastIndex = 0;
  return re.test(text) ? text.replace(re, escape) : text;
}
