import { META_FILE, type InputFile } from '../../ingest/index.ts';
import { slug } from '../../text/index.ts';

/** One uploaded file as kept in the browser: its name and its bytes exactly as read (or text). */
export interface StoredFile {
  name: string;
  content: Uint8Array | string;
}

/** An uploaded ladder as kept in IndexedDB; the files are stored unparsed and read again on load. */
export interface StoredLadder {
  version: 1;
  /** Company id (a slug): the virtual folder `ladders/<company>/` and the storage key. */
  company: string;
  /** Display name the user gave. */
  name: string;
  /** Track the user set, overriding what the files say. */
  track?: string;
  /** Level labels lowest first, when the user set the order. */
  levels?: string[];
  /** Track per file name, where the user corrected one file's track (several tracks in one upload). */
  fileTracks?: Record<string, string>;
  /**
   * The files are pages added to the bundled company `company` (a layer over its ladder), not a company
   * of their own: they join its folder, under its own ladder.json, and one named like a bundled file
   * replaces it.
   */
  layer?: true;
  files: StoredFile[];
}

/** A company id from a display name, the way ingestion makes them from folder names. */
export function companySlug(name: string): string {
  return slug(name);
}

/** A file name safe as the last part of a virtual path: no folders, no leading dot, unique in its list. */
export function safeFileNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw) => {
    const base = (raw.split(/[\\/]/).pop() ?? '').replace(/^\.+/, '').trim() || 'ladder';
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    if (n === 1) return base;
    const dot = base.lastIndexOf('.');
    return dot > 0 ? `${base.slice(0, dot)}-${n}${base.slice(dot)}` : `${base}-${n}`;
  });
}

function textOf(content: Uint8Array | string): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

/**
 * The metadata file for an upload: the user's own `ladder.json` if they sent one, with the name, track
 * and level order they gave on top. A `ladder.json` that is not a JSON object is passed on unchanged so
 * ingestion reports it.
 */
export function metadataText(ladder: Pick<StoredLadder, 'name' | 'track' | 'levels' | 'fileTracks'>, own?: StoredFile): string {
  let meta: Record<string, unknown> = {};
  if (own) {
    try {
      const parsed: unknown = JSON.parse(textOf(own.content));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return textOf(own.content);
      meta = parsed as Record<string, unknown>;
    } catch {
      return textOf(own.content);
    }
  }
  meta = { ...meta, name: ladder.name };
  if (ladder.track) meta.track = ladder.track;
  if (ladder.levels?.length) meta.levels = ladder.levels;
  if (ladder.fileTracks && Object.keys(ladder.fileTracks).length) {
    const files = meta.files && typeof meta.files === 'object' && !Array.isArray(meta.files) ? { ...(meta.files as Record<string, object>) } : {};
    for (const [name, track] of Object.entries(ladder.fileTracks)) files[name] = { ...(files[name] ?? {}), track };
    meta.files = files;
  }
  return JSON.stringify(meta, null, 2);
}

/**
 * The ingestion inputs of an uploaded ladder: each file under the virtual path
 * `ladders/<company>/<file name>` (so provenance reads `file:line` like the bundled ladders), plus the
 * metadata file carrying the name, track and level order.
 */
export function ladderInputFiles(ladder: StoredLadder): InputFile[] {
  const folder = `ladders/${ladder.company}/`;
  if (ladder.layer) {
    // Tracks the user set become track folders, as a bundled company names its tracks.
    const trackFolder = (name: string) => {
      const track = (ladder.fileTracks?.[name] ?? ladder.track ?? '').replace(/[\\/]+/g, ' ').trim();
      return track ? `${track}/` : '';
    };
    return ladder.files.filter((f) => f.name !== META_FILE).map((f) => ({ path: folder + trackFolder(f.name) + f.name, content: f.content }));
  }
  const own = ladder.files.find((f) => f.name === META_FILE);
  const files: InputFile[] = ladder.files.filter((f) => f !== own).map((f) => ({ path: folder + f.name, content: f.content }));
  files.push({ path: folder + META_FILE, content: metadataText(ladder, own) });
  return files;
}

/** Builds a record from what the user chose; file names are made safe and unique. */
export function makeStoredLadder(input: { name: string; track?: string; levels?: string[]; fileTracks?: Record<string, string>; files: StoredFile[]; layerOver?: string }): StoredLadder {
  const name = input.name.trim();
  const names = safeFileNames(input.files.map((f) => f.name));
  const track = input.track?.trim();
  const levels = input.levels?.map((l) => l.trim()).filter(Boolean);
  const fileTracks: Record<string, string> = {};
  input.files.forEach((f, i) => {
    const t = input.fileTracks?.[f.name]?.trim();
    if (t) fileTracks[names[i]] = t;
  });
  return {
    version: 1,
    company: input.layerOver ?? companySlug(name),
    name,
    ...(input.layerOver ? { layer: true as const } : {}),
    ...(track ? { track } : {}),
    ...(levels?.length ? { levels } : {}),
    ...(Object.keys(fileTracks).length ? { fileTracks } : {}),
    files: input.files.map((f, i) => ({ name: names[i], content: f.content })),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Validates a record read back from storage (it may come from an older or newer version of the app, or
 * be damaged): returns the ladder, or null when it cannot be used.
 */
export function parseStoredLadder(value: unknown): StoredLadder | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.version !== 1 || !isString(v.company) || !v.company || companySlug(v.company) !== v.company || !isString(v.name) || !v.name.trim()) return null;
  if (v.track !== undefined && !isString(v.track)) return null;
  if (v.levels !== undefined && !(Array.isArray(v.levels) && v.levels.every(isString))) return null;
  if (v.layer !== undefined && v.layer !== true) return null;
  if (v.fileTracks !== undefined && !(v.fileTracks && typeof v.fileTracks === 'object' && !Array.isArray(v.fileTracks) && Object.values(v.fileTracks).every(isString))) return null;
  if (!Array.isArray(v.files) || v.files.length === 0) return null;
  const files: StoredFile[] = [];
  for (const f of v.files as unknown[]) {
    if (!f || typeof f !== 'object') return null;
    const { name, content } = f as Record<string, unknown>;
    if (!isString(name) || !name || name.includes('/') || name.startsWith('.')) return null;
    if (!isString(content) && !(content instanceof Uint8Array)) return null;
    files.push({ name, content });
  }
  return {
    version: 1,
    company: v.company,
    name: v.name,
    ...(v.layer ? { layer: true as const } : {}),
    ...(v.track ? { track: v.track } : {}),
    ...(v.levels && (v.levels as string[]).length ? { levels: v.levels as string[] } : {}),
    ...(v.fileTracks && Object.keys(v.fileTracks).length ? { fileTracks: { ...(v.fileTracks as Record<string, string>) } } : {}),
    files,
  };
}
