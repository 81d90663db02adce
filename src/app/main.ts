import './styles.css';
import { FIRST_VIEW_CLASS, NO_FIRST_VIEW_CLASS } from './first-view-guard.ts';

/**
 * The page's entry: as small as can be, so the browser paints the first view drawn at build time (index.html) before
 * the app's code runs. The app (Plot, the views, the shell: start.ts) starts after that first paint and replaces the
 * drawn view with the live one. Its modules are fetched meanwhile: index.html preloads them at low priority (the build
 * writes the links, see vite.config.ts), so the browser fetches and compiles them off the page's thread while it lays
 * out and paints the drawn view, and the import below finds them ready (fetched after the paint, they held the live
 * view back by a round trip to the server and their compilation). When the drawn view is not shown (the dev server, a
 * link with a selection, uploaded ladders: first-view-guard.ts), the app starts at once.
 */
const root = document.getElementById('app');
const drawn = root?.querySelector(`:scope > .${FIRST_VIEW_CLASS}`) && !document.documentElement.classList.contains(NO_FIRST_VIEW_CLASS);
// A frame, then a task: the frame's paint (with the drawn view) happens before the app's code starts.
const painted = drawn ? new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))) : Promise.resolve();

/**
 * The first number format a page makes loads the browser's locale data (ICU): 20 to 60 ms in a fresh page here, which
 * Plot pays on the page's thread as its module runs (it makes its default tick format at load). That data is the
 * renderer's, shared by its threads: a worker that makes a number format first takes the load off the page's thread
 * (a format made afterwards takes under 1 ms). Nothing waits for the worker: if Plot runs first, it loads the data as before.
 */
function warmLocaleData(): void {
  try {
    const url = URL.createObjectURL(new Blob(["new Intl.NumberFormat('en-US');postMessage(0);close();"], { type: 'text/javascript' }));
    const worker = new Worker(url);
    worker.onmessage = worker.onerror = () => URL.revokeObjectURL(url);
  } catch {
    // No worker (or none from a blob): Plot loads the data itself.
  }
}
warmLocaleData();
if (root) void painted.then(() => import('./start.ts')).then((app) => app.start(root));
