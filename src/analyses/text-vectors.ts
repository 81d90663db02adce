/** TF-IDF word vectors for groups of statements, and their cosine. */
import { contentTokens } from './text.ts';

export type SparseVector = { terms: Map<string, number>; norm: number };

/** One TF-IDF vector per document (document = list of texts). IDF is computed over the given documents. */
export function tfidfVectors(docs: Map<string, string[]>): Map<string, SparseVector> {
  const tfs = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const [key, texts] of docs) {
    const tf = new Map<string, number>();
    for (const t of texts) for (const w of contentTokens(t)) tf.set(w, (tf.get(w) ?? 0) + 1);
    tfs.set(key, tf);
    for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = docs.size;
  const out = new Map<string, SparseVector>();
  for (const [key, tf] of tfs) {
    const terms = new Map<string, number>();
    let sq = 0;
    for (const [w, c] of tf) {
      const v = (1 + Math.log(c)) * Math.log((1 + n) / (1 + (df.get(w) ?? 0)) + 1);
      terms.set(w, v);
      sq += v * v;
    }
    out.set(key, { terms, norm: Math.sqrt(sq) });
  }
  return out;
}

/** Cosine of two sparse vectors. */
export function cosine(a: SparseVector | undefined, b: SparseVector | undefined): number {
  if (!a || !b || !a.norm || !b.norm) return 0;
  const [small, big] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, v] of small.terms) dot += v * (big.terms.get(w) ?? 0);
  return dot / (a.norm * b.norm);
}

/** Jaccard overlap of the content tokens of two texts. */
export function tokenJaccard(a: string, b: string): number {
  const A = new Set(contentTokens(a));
  const B = new Set(contentTokens(b));
  if (!A.size || !B.size) return 0;
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  return inter / (A.size + B.size - inter);
}
