import './styles.css';
import { FIRST_VIEW_CLASS, NO_FIRST_VIEW_CLASS } from './first-view-guard.ts';

/**
 * The page's entry: as small as can be, so the browser paints the first view drawn at build time (index.html) before
 * the app's code is fetched or runs. The app (Plot, the views, the shell: start.ts) is fetched after that first paint
 * (its modules all at once: Vite's preload helper) and replaces the drawn view with the live one. index.html does not
 * preload them: fetching and compiling 130 KB of modules while the page is parsed held its first paint back (by about
 * 90 ms; at low priority, from the head or the end of the body, by 30 to 50 ms on a loaded machine). When the drawn
 * view is not shown (the dev server, a link with a selection, uploaded ladders: first-view-guard.ts), the app starts
 * at once.
 */
const root = document.getElementById('app');
const drawn = root?.querySelector(`:scope > .${FIRST_VIEW_CLASS}`) && !document.documentElement.classList.contains(NO_FIRST_VIEW_CLASS);
// A frame, then a task: the frame's paint (with the drawn view) happens before the app's code starts.
const painted = drawn ? new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))) : Promise.resolve();

/**
 * The first number format a page makes loads the browser's locale data (ICU): 20 to 60 ms in a fresh page here, which
 * Plot pays on the page's thread as its module runs (it makes its default tick format at load). That data is the
 * renderer's, shared by its threads: a worker that makes a number format first takes the load off the page's thread
 * (a format made afterwards takes under 1 ms). The app's modules are fetched after the drawn paint, which leaves the
 * worker time to finish first; nothing waits for it (if Plot runs first, it loads the data as before).
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
