import { h } from '../../views/dom.ts';
import { resetTaxonomyChoice, saveTaxonomyChoice } from './storage.ts';
import { checkTaxonomyText } from './taxonomy-choice.ts';
import type { AtlasUploads } from './upload-types.ts';

const MAX_TAXONOMY_BYTES = 2 * 1024 * 1024;

/**
 * "Use another taxonomy file": validates an uploaded taxonomy.json with the classifier's own parser,
 * lists every problem, keeps a valid one in this browser and reloads; a reset button returns to the
 * bundled taxonomy.
 */
export function taxonomyControls(uploads: AtlasUploads): HTMLElement {
  const input = h('input', { type: 'file', id: 'upload-taxonomy', accept: '.json,application/json', class: 'visually-hidden' });
  const label = h('label', { for: 'upload-taxonomy', class: 'file-label' }, 'Use another taxonomy file');
  const problems = h('div', { class: 'taxonomy-problems', role: 'alert' });
  const state = h('span', { class: 'taxonomy-state' }, uploads.taxonomy ? `Taxonomy: ${uploads.taxonomy.fileName} (yours)` : 'Taxonomy: bundled');
  const reset = uploads.taxonomy ? h('button', { type: 'button', class: 'taxonomy-reset' }, 'Use the bundled taxonomy') : null;
  reset?.addEventListener('click', async () => {
    reset.disabled = true;
    await resetTaxonomyChoice();
    location.reload();
  });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_TAXONOMY_BYTES) return void problems.replaceChildren(h('p', null, `${file.name} is over 2 MB; a taxonomy file is much smaller. Not used.`));
    const text = await file.text();
    const checked = checkTaxonomyText(file.name, text);
    if (!checked.taxonomy) {
      problems.replaceChildren(h('p', null, `${file.name} is not a usable taxonomy; the current one stays:`), h('ul', null, checked.problems.map((p) => h('li', null, p))));
      return;
    }
    await saveTaxonomyChoice({ version: 1, fileName: file.name, text });
    location.reload();
  });
  return h('div', { class: 'taxonomy-controls' }, state, ' ', label, input, reset ? ' ' : null, reset, problems);
}
