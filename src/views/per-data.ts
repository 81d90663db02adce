/**
 * Work a view needs on every draw that depends only on the loaded data (group-bys, sorts, lookup tables), done once
 * per data object: a view draws again on every change of the selection, the data it reads stays the same object
 * until new ladders are loaded (the atlas and its tables are never mutated), and a WeakMap lets it go with them.
 */
export function perData<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const done = new WeakMap<K, V>();
  return (key) => {
    if (done.has(key)) return done.get(key) as V;
    const value = compute(key);
    done.set(key, value);
    return value;
  };
}
