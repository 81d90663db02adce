import './styles.css';
import { FIRST_VIEW_CLASS, NO_FIRST_VIEW_CLASS } from './first-view-guard.ts';

/**
 * The page's entry: as small as can be, so the browser paints the first view drawn at build time (index.html) before
 * the app's code is fetched or runs. The app (Plot, the views, the shell: start.ts) is fetched after that first paint
 * (its modules all at once: Vite's preload helper) and replaces the drawn view with the live one. index.html does not
 * preload them: fetching and compiling 130 KB of modules while the page is parsed held its first paint back by about
 * 90 ms, more than it gained the live view. When the drawn view is not shown (the dev server, a link with a
 * selection, uploaded ladders: first-view-guard.ts), the app starts at once.
 */
const root = document.getElementById('app');
const drawn = root?.querySelector(`:scope > .${FIRST_VIEW_CLASS}`) && !document.documentElement.classList.contains(NO_FIRST_VIEW_CLASS);
// A frame, then a task: the frame's paint (with the drawn view) happens before the app's code starts.
const painted = drawn ? new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))) : Promise.resolve();
if (root) void painted.then(() => import('./start.ts')).then((app) => app.start(root));
