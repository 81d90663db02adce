/**
 * A one-flag hint in localStorage saying the user has stored something, so a visit without uploads
 * never waits for IndexedDB before the first view. Unreadable storage counts as "maybe".
 */
export const HINT_KEY = 'ladder-atlas-has-uploads';

/** Whether IndexedDB may hold uploads (true unless the hint says there are none). */
export function mayHaveUploads(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) !== null;
  } catch {
    return true;
  }
}

/** Records whether anything is stored. */
export function setUploadHint(stored: boolean): void {
  try {
    if (stored) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    /* storage unavailable: every visit checks IndexedDB */
  }
}
