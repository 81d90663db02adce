/**
 * "Add your ladder": ladder files (and optionally a taxonomy) uploaded by the user stay in this
 * browser and join the comparison like the bundled ladders. The app reads them with
 * {@link readUploads} before ingesting, and mounts the panel with {@link mountUploadPanel}; the panel's
 * code loads after the first paint.
 */
import type { LadderData } from '../../views/atlas-data.ts';
import type { AtlasUploads } from './uploads.ts';

export { readUploads, NO_UPLOADS, type AtlasUploads } from './uploads.ts';
export type { StoredTaxonomy } from './stored-taxonomy.ts';

/**
 * Puts the panel after the page header (or at the top of `root`). `loadError` is set when the app
 * could not be built with the uploads, so the user can remove them from there.
 */
export function mountUploadPanel(root: HTMLElement, uploads: AtlasUploads, ladders?: LadderData, loadError?: string): void {
  const uploaded = new Set(uploads.ladders.map((l) => l.company));
  const bundledCompanies = [...new Set((ladders?.set.levels ?? []).map((l) => l.company))].filter((c) => !uploaded.has(c));
  void import('./panel.ts').then(({ uploadPanel }) => {
    root.querySelector(':scope > section.uploads')?.remove();
    const panel = uploadPanel({ uploads, bundledCompanies, ...(loadError ? { loadError } : {}) });
    const header = root.querySelector(':scope > header.top');
    if (header) header.after(panel);
    else root.prepend(panel);
  });
}
