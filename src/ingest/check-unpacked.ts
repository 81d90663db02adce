import { entryData, type ZipEntry } from './zip-entries.ts';

/**
 * Unpacks every entry of an archive once, counting bytes and stopping past the limit, so that a
 * library never unpacks more than it was told (a "ZIP bomb" declares small sizes and inflates to
 * gigabytes). Uses the platform's streaming inflater (`DecompressionStream`, in Node and browsers).
 * Resolves to a problem, or null when every entry unpacks to its declared size within the limit.
 */
export async function checkUnpacked(bytes: Uint8Array, entries: readonly ZipEntry[], maxUnpacked: number): Promise<string | null> {
  let total = 0;
  for (const entry of entries) {
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) return `${entry.name} in the archive is damaged (its sizes disagree)`;
      total += entry.size;
    } else if (entry.method === 8) {
      const room = Math.min(entry.size, maxUnpacked - total);
      let size: number;
      try {
        size = await inflatedSize(entryData(bytes, entry), room);
      } catch {
        return `${entry.name} in the archive is damaged (it does not unpack)`;
      }
      if (size > room) return size > entry.size ? `${entry.name} in the archive unpacks to more than it declares (damaged, or built to exhaust memory)` : 'the archive unpacks to more than the limit';
      if (size !== entry.size) return `${entry.name} in the archive is damaged (it unpacks to ${size} bytes, not the ${entry.size} it declares)`;
      total += size;
    } else return `${entry.name} in the archive uses a compression method (${entry.method}) office files do not use`;
    if (total > maxUnpacked) return 'the archive unpacks to more than the limit';
  }
  return null;
}

/** A small deflated entry's text (at most `limit` bytes are read). */
export async function inflatedText(bytes: Uint8Array, entry: ZipEntry, limit: number): Promise<string> {
  const parts: Uint8Array[] = [];
  await inflatedSize(entryData(bytes, entry), limit, (chunk) => parts.push(chunk));
  return new TextDecoder().decode(new Uint8Array(parts.flatMap((p) => [...p]).slice(0, limit)));
}

/** Bytes a raw deflate stream unpacks to, reading no further than one chunk past `limit`. */
async function inflatedSize(data: Uint8Array, limit: number, onChunk?: (chunk: Uint8Array) => void): Promise<number> {
  const input = new Blob([data as Uint8Array<ArrayBuffer>]).stream();
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total;
    total += value.byteLength;
    onChunk?.(value);
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return total;
    }
  }
}
