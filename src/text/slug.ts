const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * An id made from a name: lower case, accents dropped, every run of other characters a hyphen
 * (`Crème Brûlée Ltd.` → `creme-brulee-ltd`). Empty when the name has no letter or digit.
 */
export function slug(name: string): string {
  return name.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_WORD, '-').replace(/^-|-$/g, '');
}
