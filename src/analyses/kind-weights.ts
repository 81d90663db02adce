/** How much one statement of each kind counts: the one table every analysis reads. */
import type { Kind } from '../types.ts';

/**
 * `placement`: weight of a statement's scale evidence when a level is placed on the 1–7 scale. A summary is the
 * level's own one-line account of its reach, so it counts more than one expectation.
 * `profile`: weight of a statement's competencies in its level's profile (coverage, similarity, divergence,
 * mapping, diffs). There a summary is one sentence among the expectations; giving it the placement weight
 * too loses one of 60 held-out mapping judgements (tests/fixtures/generalisation*).
 * Attributes carry no competency; notes and placeholders say nothing about the level.
 */
export const KIND_WEIGHTS: Readonly<Record<Kind, { readonly placement: number; readonly profile: number }>> = Object.freeze({
  expectation: { placement: 1, profile: 1 },
  summary: { placement: 1.5, profile: 1 },
  example: { placement: 0.5, profile: 0.5 },
  attribute: { placement: 1, profile: 0 },
  note: { placement: 0, profile: 0 },
  placeholder: { placement: 0, profile: 0 },
});
