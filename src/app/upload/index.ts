/**
 * "Add your ladder": ladder files (and optionally a taxonomy) uploaded by the user stay in this
 * browser and join the comparison like the bundled ladders. The app reads them with
 * {@link readUploads} before ingesting, and mounts the panel with {@link mountUploadPanel}. Everything
 * but this file loads on demand: a visit without uploads costs one localStorage read.
 */
import type { LadderData } from '../../views/atlas-data.ts';
import { mayHaveUploads, setUploadHint } from './upload-hint.ts';
import { NO_UPLOADS, type AtlasUploads } from './upload-types.ts';

export { NO_UPLOADS, type AtlasUploads } from './upload-types.ts';
export type { StoredTaxonomy } from './stored-taxonomy.ts';

/** The user's stored ladders and taxonomy (from IndexedDB), or none without waiting when nothing was stored. */
export async function readUploads(): Promise<AtlasUploads> {
  if (!mayHaveUploads()) return NO_UPLOADS;
  try {
    return await (await import('./uploads.ts')).readStoredUploads();
  } catch {
    return NO_UPLOADS;
  }
}

const idle = (run: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 500 }) : setTimeout(run, 50));

/**
 * Puts the panel after the page header (or at the top of `root`) once the page is idle. `loadError` is
 * set when the app could not be built with the uploads, so the user can remove them from there.
 */
export function mountUploadPanel(root: HTMLElement, uploads: AtlasUploads, ladders?: LadderData, loadError?: string): void {
  // A layer of pages over a bundled company keeps that company bundled; a company of the user's own is not.
  const uploaded = new Set(uploads.ladders.filter((l) => !l.layer).map((l) => l.company));
  const names = new Map((ladders?.set.levels ?? []).map((l) => [l.company, l.companyName]));
  const bundled = [...names].filter(([company]) => !uploaded.has(company)).map(([company, name]) => ({ company, name }));
  const mount = () =>
    void import('./panel.ts').then(({ uploadPanel }) => {
      root.querySelector(':scope > section.uploads')?.remove();
      const panel = uploadPanel({ uploads, bundled, ...(loadError ? { loadError } : {}) });
      const header = root.querySelector(':scope > header.top');
      if (header) header.after(panel);
      else root.prepend(panel);
    });
  if (loadError) mount();
  else idle(mount);
  // The hint skipped IndexedDB; if it was lost (site data partly cleared) while uploads remain, the
  // idle check finds them and reloads once so they join the comparison instead of hiding.
  if (uploads === NO_UPLOADS) idle(() => void recoverLostHint());
}

async function recoverLostHint(): Promise<void> {
  if (mayHaveUploads()) return;
  const found = await (await import('./uploads.ts')).readStoredUploads();
  if (!found.ladders.length && !found.taxonomy) return;
  setUploadHint(true);
  location.reload();
}
