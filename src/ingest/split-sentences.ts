const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|cf|approx|incl|esp|dept|Mr|Mrs|Ms|Dr|Inc|Ltd|Co|No|St|U\.S|a\.k\.a)\.$/i;

/**
 * Splits a cell or paragraph into sentences: at runs of two or more spaces (how exported grids join
 * sentences), and after . ! ? followed by a space and a capital, digit or opening quote — but not after
 * common abbreviations. Returns the pieces with their text untouched apart from trimming.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/ {2,}|\t+/)) {
    let start = 0;
    const re = /[.!?]["”’)]?\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(chunk))) {
      const end = m.index + m[0].trimEnd().length;
      const piece = chunk.slice(start, end);
      // Only the end of the piece can hold the abbreviation: testing the tail keeps a run of them linear.
      if (ABBREVIATIONS.test(piece.length > 16 ? piece.slice(-16) : piece)) continue;
      out.push(piece.trim());
      start = m.index + m[0].length;
    }
    out.push(chunk.slice(start).trim());
  }
  return out.filter((s) => s.length > 0);
}
