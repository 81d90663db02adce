/**
 * The one collation for ids, labels and names in outputs: UTF-16 code-unit order. Unlike `localeCompare`
 * it does not depend on the machine's locale, so a table sorts the same in every shell.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The order of a table sorted by a person, the same on every machine: case-insensitive, runs of digits by their
 * value (`L2` before `L10`), ties by {@link compareText}. No locale takes part: `localeCompare` puts `ä` after `z`
 * under `LANG=sv_SE` and `ch` after `h` under `cs_CZ`.
 */
export function compareNatural(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(j);
    if (isDigit(cx) && isDigit(cy)) {
      let si = i;
      let sj = j;
      while (si < x.length - 1 && x.charCodeAt(si) === 48 && isDigit(x.charCodeAt(si + 1))) si++;
      while (sj < y.length - 1 && y.charCodeAt(sj) === 48 && isDigit(y.charCodeAt(sj + 1))) sj++;
      let ei = si;
      let ej = sj;
      while (ei < x.length && isDigit(x.charCodeAt(ei))) ei++;
      while (ej < y.length && isDigit(y.charCodeAt(ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = x.charCodeAt(si + k) - y.charCodeAt(sj + k);
        if (d) return d;
      }
      i = ei;
      j = ej;
    } else {
      if (cx !== cy) return cx - cy;
      i++;
      j++;
    }
  }
  return x.length - i - (y.length - j) || compareText(a, b);
}
