import template from '../../../data/templates/long-format-template.csv?raw';
import { downloadBlob } from '../download.ts';
import { h } from '../../views/dom.ts';

/** The long-format template (a few example rows in our own words), as bundled text. */
export const LONG_FORMAT_TEMPLATE: string = template;

/** A button that saves the long-format CSV template. */
export function templateButton(): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'upload-template' }, 'Download the long-format template (CSV)');
  button.addEventListener('click', () => downloadBlob(new Blob([LONG_FORMAT_TEMPLATE], { type: 'text/csv;charset=utf-8' }), 'long-format-template.csv'));
  return button;
}
