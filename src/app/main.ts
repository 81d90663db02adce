import './styles.css';
import { VIEWS } from '../views/index.ts';
import type { LadderData } from '../views/index.ts';
import { readLadders } from './read-ladders.ts';
import { currentSelection } from './selection-state.ts';
import { mountShell } from './shell.ts';
import { mountUploadPanel, readUploads } from './upload/index.ts';

const root = document.getElementById('app');
if (root) {
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
  let ladders: LadderData | undefined;
  const analyse = (set: LadderData) => () => import('./analyse-ladders.ts').then((m) => m.analyseLadders(set, uploads.taxonomy)).catch(fail);
  // A deep link to a view other than the overview starts fetching its code and the classifier now.
  const first = currentSelection(VIEWS[0].id, VIEWS.map((v) => v.id)).view;
  if (first !== VIEWS[0].id) void VIEWS.find((v) => v.id === first)?.load();
  try {
    performance.mark('atlas:data-start');
    ladders = readLadders(uploads.files);
    performance.mark('atlas:data-ready');
  } catch (error) {
    fail(error);
  }
  if (ladders) {
    mountShell(root, ladders, analyse(ladders), { uploaded: new Set(uploads.ladders.map((l) => l.company)) });
    mountUploadPanel(root, uploads, ladders);
  }
}
