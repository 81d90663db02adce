import type { Statement } from '../types.ts';

/**
 * Statements by file, company, track and level: a list per level under each file's ladder, so a level's list is found
 * from the ladder's map and the level's label, without a key joining all four built and hashed once a level (a
 * long-format file of 35,000 levels built three such keys a level).
 */
export class StatementsByLevel {
  private readonly ladders = new Map<string, Map<string, Statement[]>>();
  private lastFile: string | undefined;
  private lastCompany: string | undefined;
  private lastTrack: string | undefined;
  private last: Map<string, Statement[]> | undefined;

  /** The lists of one file's ladder, by level (made empty when absent). */
  ladder(file: string, company: string, track: string): Map<string, Statement[]> {
    if (this.last && file === this.lastFile && company === this.lastCompany && track === this.lastTrack) return this.last;
    const key = `${file}\u0000${company}\u0000${track}`;
    let lists = this.ladders.get(key);
    if (!lists) this.ladders.set(key, (lists = new Map()));
    this.lastFile = file;
    this.lastCompany = company;
    this.lastTrack = track;
    this.last = lists;
    return lists;
  }

  /** The statements of a file at a level of a ladder, if it has any. */
  get(file: string, company: string, track: string, level: string): Statement[] | undefined {
    return this.ladder(file, company, track).get(level);
  }
}
