import './styles.css';
import { loadAtlas } from './load-atlas.ts';
import { mountShell } from './shell.ts';

const root = document.getElementById('app');
if (root) {
  try {
    mountShell(root, loadAtlas());
  } catch (error) {
    const message = document.createElement('p');
    message.className = 'fatal';
    message.setAttribute('role', 'alert');
    message.textContent = `Ladder Atlas could not read the ladders: ${error instanceof Error ? error.message : String(error)}`;
    root.replaceChildren(message);
    throw error;
  }
}
