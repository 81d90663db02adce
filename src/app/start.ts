import { ladderSet } from 'virtual:atlas-data/ladder-set';
import { VIEWS } from '../views/index.ts';
import type { AtlasData, LadderData } from '../views/index.ts';
import { currentSelection } from './selection-state.ts';
import { mountShell } from './shell.ts';
import { mountUploadPanel, readUploads } from './upload/index.ts';

/**
 * Reads the stored uploads, then mounts the dashboard on `root` (main.ts calls it). A function, not top-level code:
 * a module that awaits at top level would make every chunk it loads on demand that imports a module of its own chunk
 * wait for it to finish, which it never does (the chunks are grouped by what the first view needs; see vite.config.ts).
 */
export async function start(root: HTMLElement): Promise<void> {
  // Ladders the user uploaded in this browser (IndexedDB) join the bundled ones.
  const uploads = await readUploads();
  const fail = (error: unknown) => {
    const message = document.createElement('p');
    message.className = 'fatal';
    message.setAttribute('role', 'alert');
    message.textContent = `Ladder Atlas could not read the ladders: ${error instanceof Error ? error.message : String(error)}`;
    root.replaceChildren(message);
    if (uploads.ladders.length || uploads.taxonomy) mountUploadPanel(root, uploads, undefined, message.textContent);
    throw error;
  };
  // A deep link to a view other than the overview starts fetching its code and the analyses now.
  const first = currentSelection(VIEWS[0].id, VIEWS.map((v) => v.id)).view;
  if (first !== VIEWS[0].id) void VIEWS.find((v) => v.id === first)?.load();
  let ladders: LadderData | undefined;
  let analyse: () => Promise<AtlasData>;
  performance.mark('atlas:data-start');
  if (!uploads.ladders.length && !uploads.taxonomy) {
    // The bundled ladders were read, classified and analysed at build time: the page only draws them.
    ladders = { set: ladderSet };
    analyse = () => import('./bundled-atlas.ts').then((m) => m.bundledAtlas()).catch(fail);
  } else {
    // With uploads, a worker reads and analyses every ladder; the page draws the overview once they are read.
    const job = (await import('./upload/run-analysis.ts')).runAnalysis(uploads);
    try {
      ladders = { set: await job.set };
    } catch (error) {
      fail(error);
    }
    // A task of its own for each step (the tables arrive, the atlas is built from them, the view draws): the page
    // answers input in between.
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    analyse = () =>
      Promise.all([job.tables, import('./upload/uploads-atlas.ts')])
        .then(async ([tables, m]) => {
          await nextTask();
          const a = m.uploadsAtlas(tables, uploads.taxonomy);
          await nextTask();
          return a;
        })
        .catch(fail);
  }
  performance.mark('atlas:data-ready');
  if (ladders) {
    mountShell(root, ladders, analyse, { uploaded: new Set(uploads.ladders.map((l) => l.company)) });
    mountUploadPanel(root, uploads, ladders);
  }
}
