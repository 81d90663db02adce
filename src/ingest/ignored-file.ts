/**
 * Whether a file beside the ladders is not a ladder: its base name, in any case and with any
 * extension, is one of `ignored` (`LICENSE`, `NOTICE.txt`) or starts with one and a dash or
 * underscore (`LICENSE-octopus`, `README_fr.md`).
 */
export function isIgnoredFile(name: string, ignored: ReadonlySet<string>): boolean {
  const base = (name.split('/').pop() ?? name).replace(/\.[^.]*$/, '').toLowerCase();
  if (ignored.has(base)) return true;
  const m = /^([a-z]+)[-_]/.exec(base);
  return !!m && ignored.has(m[1]);
}
