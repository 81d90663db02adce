/**
 * The relative links of a Markdown page and the anchors its headings get, as GitHub renders them: enough to check
 * that the README and docs/ point at files that exist and at headings that are there.
 */

/** The page without fenced code blocks (their lines kept blank, so line numbers still count) and without code spans. */
export function proseOf(markdown: string): string[] {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  return lines.map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
  });
}

export interface Link {
  line: number;
  target: string;
}

/** Every link and image target written `[text](target)` or `![alt](target "title")`, with its line. */
export function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  proseOf(markdown).forEach((line, i) => {
    for (const m of line.matchAll(/\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)/g)) links.push({ line: i + 1, target: m[1] });
  });
  return links;
}

/** A link to another site or scheme (`https:`, `mailto:`): not checked here. */
export const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** GitHub's anchor for a heading's text: lower case, punctuation dropped (not `-` or `_`), each space a hyphen. */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a page's headings (ATX `#` headings outside code), a repeated one numbered `-1`, `-2` as GitHub does. */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const raw = markdown.split('\n');
  proseOf(markdown).forEach((line, i) => {
    if (!/^ {0,3}#{1,6}\s/.test(line)) return;
    // The heading's own text (code spans included), without the markers and a closing run of #.
    const text = raw[i].replace(/^ {0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
    const base = slug(text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n ? `${base}-${n}` : base);
  });
  return anchors;
}
