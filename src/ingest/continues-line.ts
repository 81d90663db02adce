/** A line that stops on a comma or a function word was wrapped mid-sentence: the next line continues it. */
const ENDS_MID_SENTENCE = /([,;:(\-–—&/]|\b(and|or|but|nor|the|a|an|to|of|in|on|at|by|for|with|from|into|onto|across|within|without|over|under|between|through|as|than|that|which|who|whose|where|when|while|our|their|its|my|your|his|her|is|are|was|were|be|been|can|will|should|must|may|not|both|either|each|every|all|any|some|more|most|such))$/i;

/**
 * Whether a line under a bullet continues the bullet's sentence (indented, starts in lower case or
 * with a comma, or the bullet stopped mid-sentence) rather than starting a statement of its own.
 */
export function continuesLine(previous: string, next: string, indent = 0): boolean {
  return indent >= 2 || /^[\p{Ll}(,;]/u.test(next) || ENDS_MID_SENTENCE.test(previous);
}
