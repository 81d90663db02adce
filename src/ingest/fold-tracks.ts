/**
 * Title-derived tracks of one company fold into the shortest track whose words they contain ("Cloud Security
 * Engineer" joins "Security Engineer"). `tracks`: the company's tracks, shortest first. Returns, for each track that
 * has one, the first track of `tracks` (other than itself) whose every word is one of its words.
 *
 * Each track's words are split once, and a track is only tried against the tracks filed under one of its words,
 * each track filed under its rarest word (a parent has all its words, so it is filed under one of the track's): a
 * company of many pages, each with a track of its own ("Engineer 1", "Engineer 2", …), would otherwise compare every
 * track with every other.
 */
export function parentTracks(tracks: string[]): Map<string, string> {
  const words = tracks.map((t) => t.toLowerCase().split(' '));
  const tracksWith = new Map<string, number>();
  for (const ws of words) for (const w of new Set(ws)) tracksWith.set(w, (tracksWith.get(w) ?? 0) + 1);
  // Tracks by their rarest word, each list in the order of `tracks`.
  const filed = new Map<string, number[]>();
  for (let i = 0; i < tracks.length; i++) {
    let rarest = words[i][0];
    for (const w of words[i]) if (tracksWith.get(w)! < tracksWith.get(rarest)!) rarest = w;
    const list = filed.get(rarest);
    if (list) list.push(i);
    else filed.set(rarest, [i]);
  }
  const parents = new Map<string, string>();
  for (let i = 0; i < tracks.length; i++) {
    const own = new Set(words[i]);
    let best = -1;
    for (const w of own) {
      for (const j of filed.get(w) ?? []) {
        if (best >= 0 && j >= best) break;
        if (tracks[j] !== tracks[i] && words[j].every((x) => own.has(x))) {
          best = j;
          break;
        }
      }
    }
    if (best >= 0) parents.set(tracks[i], tracks[best]);
  }
  return parents;
}
