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
if (root) void painted.then(() => import('./start.ts')).then((app) => app.start(root));
