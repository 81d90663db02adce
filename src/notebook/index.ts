/** Helpers for the notebooks' shells: reading what a reader picks in the page, and writing data into Markdown safely. */
export { pickedLadder, companyFolder, type PickedFile, type PickedLadder } from './picked-files.ts';
export { mdText } from './markdown-text.ts';
