/** YAML front matter at the top of a page: the few fields a ladder uses, read without a YAML library. */
export interface FrontMatter {
  /** 1-based lines of the opening and closing `---`. */
  fromLine: number;
  toLine: number;
  /** Scalar fields, lower-case keys, quotes removed: `title`, `level`, `track`, `company`. */
  fields: Record<string, string>;
  /** List fields (`levels: [A, B]`, or `levels:` followed by `- A` lines), lower-case keys. */
  lists: Record<string, string[]>;
}

const END = /^(?:---|\.\.\.)[ \t]*$/;
const KEY = /^([A-Za-z_][\w-]*(?: [\w-]+)*)[ \t]*:(?:[ \t]+(.*))?$/;
const ITEM = /^[ \t]+-[ \t]+(.*)$|^-[ \t]+(.*)$/;

const unquote = (s: string) => s.trim().replace(/^(["'])(.*)\1$/, '$2').trim();

/** Items of a flow list `[a, "b, c", d]` (quoted items may hold commas). */
function flowList(text: string): string[] {
  const inner = text.trim().slice(1, -1);
  const out: string[] = [];
  let cur = '';
  let quote = '';
  for (const ch of inner) {
    if (quote) {
      if (ch === quote) quote = '';
      else cur += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out.filter(Boolean);
}

/**
 * Reads front matter when the first line is `---` and a later line closes it (`---` or `...`);
 * otherwise there is none. Lines that are neither `key: value` nor a list item are ignored
 * (they are still accounted for as front matter).
 */
export function readFrontMatter(lines: string[]): FrontMatter | null {
  if ((lines[0] ?? '').trim() !== '---') return null;
  const fields: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  let listKey: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (END.test(line)) return { fromLine: 1, toLine: i + 1, fields, lists };
    const item = listKey ? ITEM.exec(line) : null;
    if (item && listKey) {
      lists[listKey].push(unquote(item[1] ?? item[2]));
      continue;
    }
    const kv = KEY.exec(line);
    if (!kv) continue;
    const key = kv[1].trim().toLowerCase();
    const value = (kv[2] ?? '').trim();
    listKey = null;
    if (value === '') {
      listKey = key;
      lists[key] = [];
    } else if (value.startsWith('[') && value.endsWith(']')) lists[key] = flowList(value).map(unquote);
    else fields[key] = unquote(value);
  }
  return null;
}
