import { VIEWS } from '../../views/index.ts';
import { h } from '../../views/dom.ts';
import { META_FILE } from '../../ingest/index.ts';
import { bundledLadderFiles } from '../bundled-ladders.ts';
import { updateSelection, type Selection } from '../selection.ts';
import { currentSelection, writeSelection } from '../selection-state.ts';
import { checkFileSizes, checkStatements, describeLimits } from './limits.ts';
import { runIngest, type IngestJob } from './run-ingest.ts';
import { removeLadder, saveLadder } from './storage.ts';
import { companySlug, makeStoredLadder, safeFileNames } from './stored-ladder.ts';
import type { LadderSummary } from './summarise.ts';
import { renderPreview, shownName } from './preview.ts';
import { taxonomyControls } from './taxonomy-upload.ts';
import { templateButton } from './template.ts';
import type { AtlasUploads } from './upload-types.ts';
import type { IngestReply } from './worker-protocol.ts';
import './upload.css';

export interface UploadPanelOptions {
  uploads: AtlasUploads;
  /** The bundled companies: a new upload may not take one's name, but may add pages to one (a layer over its ladder). */
  bundled: { company: string; name: string }[];
  /** Set when the stored uploads could not be read into the comparison. */
  loadError?: string;
}

/**
 * Reloads the page so every view is built again from bundled + stored ladders, with the selection changed by
 * `patch`. The selection goes through the history entry: the reload's request carries its public part only, never
 * pasted text or an uploaded ladder's name (`uploaded`: the companies of this browser's uploads after the change).
 */
function reloadWith(patch: Partial<Selection>, uploaded: ReadonlySet<string>): void {
  const views = VIEWS.map((v) => v.id);
  writeSelection(updateSelection(currentSelection(views[0], views), patch), uploaded, { replace: true });
  location.reload();
}

function readBytes(file: File): Promise<Uint8Array> {
  return file.arrayBuffer().then((b) => new Uint8Array(b));
}

/**
 * "Add your ladder": the list of the user's stored ladders (each removable with one click), and a form
 * to add one — drop or pick files, read them in a worker, preview what was read with every problem at
 * its file and line, then add it to the comparison. Nothing leaves the browser.
 */
export function uploadPanel(options: UploadPanelOptions): HTMLElement {
  const { uploads } = options;
  const formId = 'upload-form';

  const toggle = h('button', { type: 'button', class: 'upload-toggle', 'aria-expanded': 'false', 'aria-controls': formId }, 'Add your ladder');
  const yours = h('ul', { class: 'upload-list', 'aria-label': 'Your ladders' });
  for (const ladder of uploads.ladders) {
    const remove = h('button', { type: 'button', class: 'upload-remove', 'aria-label': `Remove ${ladder.name}` }, 'Remove');
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      await removeLadder(ladder.company);
      const views = VIEWS.map((v) => v.id);
      const selected = currentSelection(views[0], views).company === ladder.company;
      reloadWith(selected ? { company: undefined, level: undefined } : {}, new Set(uploads.ladders.filter((l) => l !== ladder).map((l) => l.company)));
    });
    const count = `${ladder.files.length} file${ladder.files.length === 1 ? '' : 's'}`;
    yours.append(h('li', { 'data-company': ladder.company, ...(ladder.layer ? { 'data-layer': 'true' } : {}) }, h('span', { class: 'upload-name' }, shownName(ladder.name)), ladder.layer ? ` (your pages: ${count}) ` : ` (${count}) `, remove));
  }

  const problems = options.loadError ? [options.loadError] : [];
  const bar = h(
    'div',
    { class: 'upload-bar' },
    h('span', { class: 'upload-label' }, uploads.ladders.length ? 'Your ladders, kept in this browser only:' : 'Compare your own ladder — it stays in this browser.'),
    uploads.ladders.length ? yours : null,
    toggle,
    taxonomyControls(uploads),
  );

  const form = buildForm(options);
  form.id = formId;
  form.hidden = true;
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) form.querySelector<HTMLInputElement>('input[type=file]')?.focus();
  });

  return h(
    'section',
    { class: 'uploads', 'aria-label': 'Your ladders' },
    bar,
    problems.length ? h('ul', { class: 'upload-problems', role: 'alert' }, problems.map((p) => h('li', null, p))) : null,
    form,
  );
}

function buildForm(options: UploadPanelOptions): HTMLElement {
  let files: { name: string; bytes: Uint8Array }[] = [];
  let job: IngestJob | null = null;
  /** Settles when the latest read has been shown (a click on "Add" waits for it). */
  let reading: Promise<void> = Promise.resolve();
  let result: Extract<IngestReply, { type: 'result' }> | null = null;

  const input = h('input', {
    type: 'file', id: 'upload-files', multiple: true,
    accept: '.md,.markdown,.txt,.csv,.tsv,.json,.html,.htm,.xlsx,.ods,.docx,text/markdown,text/csv,text/tab-separated-values,text/plain,text/html,'
      + 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  const drop = h(
    'div',
    { class: 'drop-zone' },
    h('p', null, 'Drop your ladder files here — Markdown, HTML or Word (.docx) level pages (one per level, or all levels in one file), a level × skill grid (CSV, TSV, or an Excel or OpenDocument workbook: .xlsx, .ods — levels down the side or across the top), or the long format — or '),
    h('label', { for: 'upload-files', class: 'file-label' }, 'choose files'),
    input,
  );
  const limits = h('p', { class: 'muted upload-limits' }, describeLimits());
  const privacy = h('p', { class: 'upload-privacy' }, 'Your files are read inside this page, kept in this browser\u2019s storage (IndexedDB) and never sent anywhere. Remove them at any time.');
  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Reading files' });
  const step = h('span', { class: 'upload-step' });
  const status = h('div', { class: 'upload-status', role: 'status', hidden: true }, progress, ' ', step);
  const alert = h('div', { class: 'upload-alert', role: 'alert' });
  /** Files left out for their size while the others were read. */
  const leftOutNote = h('p', { class: 'upload-left-out', role: 'status' });

  const target = h('select', { id: 'upload-target' },
    h('option', { value: '' }, 'A new company'),
    options.bundled.map((b) => h('option', { value: b.company }, `${b.name} (add pages to the bundled ladder)`)));
  const layerOf = () => options.bundled.find((b) => b.company === target.value);
  const layerNote = h('p', { class: 'upload-layer-note', hidden: true });
  const nameInput = h('input', { type: 'text', id: 'upload-company', required: true, autocomplete: 'organization', placeholder: 'e.g. Acme' });
  const trackInput = h('input', { type: 'text', id: 'upload-track', placeholder: 'as read from the files' });
  const levelsInput = h('input', { type: 'text', id: 'upload-levels', placeholder: 'lowest first, comma-separated' });
  const fields = h(
    'div',
    { class: 'upload-fields filters' },
    h('label', { for: 'upload-target' }, 'Company', target),
    h('label', { for: 'upload-company' }, 'Company name (required)', nameInput),
    h('label', { for: 'upload-track' }, 'Track (change to correct it)', trackInput),
    h('label', { for: 'upload-levels' }, 'Level order, lowest first', levelsInput),
  );
  const trackLabel = fields.querySelector<HTMLLabelElement>('label[for="upload-track"]')!;
  const levelsLabel = fields.querySelector<HTMLLabelElement>('label[for="upload-levels"]')!;
  const nameLabel = fields.querySelector<HTMLLabelElement>('label[for="upload-company"]')!;
  /** The layer asked for: the bundled company and its ladder.json (track, level order), read with the pages. */
  const layerRequest = () => {
    const layer = layerOf();
    if (!layer) return undefined;
    const meta = bundledLadderFiles().find((f) => f.path === `ladders/${layer.company}/${META_FILE}`);
    return { company: layer.company, ...(meta ? { meta: typeof meta.content === 'string' ? meta.content : new TextDecoder().decode(meta.content) } : {}) };
  };
  /** Chosen files named like a bundled file of the company: they will replace it. */
  const replacing = (company: string) => {
    const bundledNames = new Set(bundledLadderFiles().filter((f) => f.path.startsWith(`ladders/${company}/`)).map((f) => f.path.split('/').pop()));
    return safeFileNames(files.map((f) => f.name)).filter((n) => bundledNames.has(n));
  };
  const showLayer = () => {
    const layer = layerOf();
    nameLabel.hidden = !!layer;
    layerNote.hidden = !layer;
    if (!layer) return;
    const replaced = replacing(layer.company);
    layerNote.textContent = `Your pages join the bundled ${layer.name} ladder, in this browser only`
      + (replaced.length ? `; they replace the bundled ${replaced.join(', ')}.` : '. Set a track to put them on a track of their own.');
  };
  /** Corrected tracks by (safe) file name, when an upload holds several tracks. */
  let fileTracks: Record<string, string> = {};
  const fileTracksBox = h('fieldset', { class: 'upload-file-tracks', hidden: true });
  const originalNames = () => {
    const safe = safeFileNames(files.map((f) => f.name));
    return new Map(safe.map((name, i) => [name, files[i].name]));
  };
  const requestedFileTracks = (): Record<string, string> | undefined => {
    if (!Object.keys(fileTracks).length) return undefined;
    const original = originalNames();
    return Object.fromEntries(Object.entries(fileTracks).map(([name, track]) => [original.get(name) ?? name, track]));
  };
  const showFileTracks = (summary: LadderSummary) => {
    const perFile = summary.files.filter((f) => f.tracks.length);
    const several = summary.tracks.length > 1 || Object.keys(fileTracks).length > 0;
    trackLabel.hidden = several;
    fileTracksBox.hidden = !several;
    if (!several) return;
    fileTracksBox.replaceChildren(
      h('legend', null, 'Several tracks were read — each is its own ladder. Correct a file\u2019s track here:'),
      ...perFile.map((f, i) => {
        const input = h('input', { type: 'text', id: `upload-track-${i}`, 'data-file': f.file });
        input.value = fileTracks[f.file] ?? f.tracks.join(', ');
        input.addEventListener('change', () => {
          fileTracks[f.file] = input.value;
          read();
        });
        return h('label', { for: `upload-track-${i}` }, `Track of ${shownName(f.file)}`, input);
      }),
    );
  };
  const preview = h('div', { class: 'upload-preview' });
  const add = h('button', { type: 'button', class: 'upload-add', disabled: true }, 'Add to comparison');
  const cancel = h('button', { type: 'button' }, 'Clear');
  const details = h('div', { class: 'upload-details', hidden: true }, fields, layerNote, fileTracksBox, preview, h('div', { class: 'upload-actions' }, add, ' ', cancel));

  const say = (message: string) => {
    alert.replaceChildren(...(message ? [h('p', null, message)] : []));
  };

  const read = () => {
    job?.cancel();
    say('');
    if (!files.length) return;
    status.hidden = false;
    progress.value = 0;
    step.textContent = 'Starting…';
    const levels = levelsInput.dataset.edited ? levelsInput.value.split(',').map((l) => l.trim()).filter(Boolean) : undefined;
    const layer = layerRequest();
    const current = runIngest(
      {
        files, name: layerOf()?.name ?? nameInput.value, track: trackInput.dataset.edited && !trackLabel.hidden ? trackInput.value : undefined,
        levels: layer ? undefined : levels, fileTracks: requestedFileTracks(), ...(layer ? { layer } : {}),
      },
      (p) => {
        progress.max = p.total;
        progress.value = p.done;
        step.textContent = `${p.step} (${p.done}/${p.total})`;
      },
    );
    job = current;
    reading = current.done.then((reply) => {
      if (job !== current) return;
      job = null;
      status.hidden = true;
      if (reply.type === 'failed') {
        if (reply.message !== 'cancelled') say(`The files could not be read: ${reply.message}`);
        return;
      }
      result = null;
      add.disabled = true;
      if (reply.type === 'refused') {
        details.hidden = true;
        say(reply.message);
        return;
      }
      result = reply;
      if (!nameInput.value && reply.detectedName) (nameInput.value = reply.detectedName, (nameInput.dataset.detected = 'true'));
      if (!trackInput.dataset.edited) trackInput.value = reply.summary.tracks.join(', ');
      if (!levelsInput.dataset.edited) levelsInput.value = [...new Set(reply.summary.levels.map((l) => l.level))].join(', ');
      details.hidden = false;
      showFileTracks(reply.summary);
      // Level order is asked only when the labels do not sort by number (or the user already set it).
      levelsLabel.hidden = !!layerOf() || (reply.levelsSort && !levelsInput.dataset.edited);
      showLayer();
      preview.replaceChildren(renderPreview(reply.summary, { levelsSort: reply.levelsSort }));
      refreshAdd();
    });
  };

  const refreshAdd = () => {
    if (!result) return void (add.disabled = true);
    const problem = addProblem();
    add.disabled = problem !== null;
    add.title = problem ?? '';
    const layer = layerOf();
    const earlier = layer ? options.uploads.ladders.find((l) => l.layer && l.company === layer.company) : options.uploads.ladders.find((l) => !l.layer && l.company === companySlug(nameInput.value));
    add.textContent = layer ? (earlier ? `Replace your earlier pages for ${layer.name}` : `Add to ${layer.name}`) : earlier ? `Replace your earlier ${earlier.name} upload` : 'Add to comparison';
    say(problem && nameInput.value.trim() ? problem : '');
  };

  const addProblem = (): string | null => {
    if (!result) return 'Nothing read yet.';
    const layer = layerOf();
    const name = layer ? layer.name : nameInput.value.trim();
    if (!name) return 'Name the company to add the ladder.';
    const slug = companySlug(name);
    if (!slug) return 'The company name needs at least one letter or digit.';
    if (!layer && options.bundled.some((b) => b.company === slug)) return `"${name}" is the name of a bundled company; to add your pages to its ladder, choose it under Company, or choose another name for your ladder.`;
    if (result.summary.statements === 0) return 'No statements were read from these files; see the problems listed above, fix the files and upload them again.';
    return checkStatements(result.summary.statements);
  };

  const choose = async (list: FileList | File[]) => {
    // Sizes are checked before any file is read: one over the limit is left out by name, the others are read.
    const { read: fit, leftOut, refused } = checkFileSizes([...list]);
    job?.cancel();
    result = null;
    add.disabled = true;
    details.hidden = true;
    files = [];
    leftOutNote.textContent = '';
    if (refused.length || !fit.length) {
      say(shownName(`Not read: ${[...leftOut, ...refused].join(' ')}`));
      return;
    }
    if (leftOut.length) leftOutNote.textContent = shownName(`Not read: ${leftOut.join(' ')} The other files were read.`);
    files = await Promise.all(fit.map(async (f) => ({ name: f.name, bytes: await readBytes(f) })));
    for (const i of [trackInput, levelsInput]) delete i.dataset.edited;
    fileTracks = {};
    if (nameInput.dataset.detected) (nameInput.value = '', delete nameInput.dataset.detected);
    read();
  };

  input.addEventListener('change', () => {
    if (input.files?.length) void choose(input.files);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    if (e.dataTransfer?.files.length) void choose(e.dataTransfer.files);
  });
  nameInput.addEventListener('input', () => {
    delete nameInput.dataset.detected;
    refreshAdd();
  });
  target.addEventListener('change', () => {
    showLayer();
    read();
  });
  for (const i of [trackInput, levelsInput]) {
    i.addEventListener('change', () => {
      i.dataset.edited = 'true';
      read();
    });
  }
  cancel.addEventListener('click', () => {
    job?.cancel();
    files = [];
    result = null;
    input.value = '';
    nameInput.value = '';
    for (const i of [trackInput, levelsInput]) (i.value = '', delete i.dataset.edited);
    target.value = '';
    showLayer();
    fileTracks = {};
    details.hidden = true;
    leftOutNote.textContent = '';
    say('');
  });
  add.addEventListener('click', async () => {
    await reading;
    if (addProblem() !== null || !result) return refreshAdd();
    add.disabled = true;
    const layer = layerOf();
    const ladder = makeStoredLadder({
      name: layer?.name ?? nameInput.value,
      ...(layer ? { layerOver: layer.company } : {}),
      track: trackInput.dataset.edited && !trackLabel.hidden ? trackInput.value : undefined,
      fileTracks: requestedFileTracks(),
      levels: levelsInput.dataset.edited && !layer ? levelsInput.value.split(',') : undefined,
      files: files.map((f) => ({ name: f.name, content: f.bytes })),
    });
    try {
      await saveLadder(ladder);
    } catch (error) {
      add.disabled = false;
      return say(`Could not keep the ladder in this browser's storage: ${error instanceof Error ? error.message : String(error)}`);
    }
    reloadWith({ company: ladder.company, level: undefined }, new Set([...options.uploads.ladders.map((l) => l.company), ladder.company]));
  });

  return h(
    'div',
    { class: 'upload-form' },
    h('h2', { class: 'upload-heading' }, 'Add your ladder'),
    privacy,
    drop,
    h('p', { class: 'upload-help' }, limits, ' ', templateButton()),
    status,
    alert,
    leftOutNote,
    details,
  );
}
