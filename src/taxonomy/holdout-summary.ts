import { reliabilityTable } from './calibration.ts';
import { evaluate } from './evaluate.ts';
import { type Fold, type HoldoutPrediction, isAccepted } from './holdout.ts';
import { compareText } from '../text/index.ts';

/** Held-out figures as data (what `ladders eval` prints and the methodology notebook shows). */
export type HoldoutSummary = ReturnType<typeof holdoutSummary>;

/**
 * Held-out figures of a run of {@link holdOut}: pooled agreement before (cue lexicon and priors) and after
 * (the model), per fold, per competency, the reliability of the calibrated confidence, the secondaries'
 * precision and the most frequent misses. Pooled: each statement once, in the fold of the first of its
 * ladders that is held out.
 */
export function holdoutSummary(predictions: HoldoutPrediction[], folds: Fold[], ids: string[]) {
  const home = new Map<string, string>();
  for (const p of predictions) if (!home.has(p.example.id)) home.set(p.example.id, p.fold);
  const pooled = predictions.filter((p) => home.get(p.example.id) === p.fold);
  const score = (list: HoldoutPrediction[], which: 'before' | 'after') => list.filter((p) => isAccepted(p[which], p.example)).length;
  const perFold = folds.map((f) => {
    const list = predictions.filter((p) => p.fold === f.name);
    return { fold: f.name, n: list.length, found: list.filter((p) => p.found).length, before: score(list, 'before'), after: score(list, 'after') };
  });
  const items = (which: 'before' | 'after') => pooled.map((p) => ({ acceptable: p.example.acceptable, predicted: p[which].competency }));
  const confusions = new Map<string, number>();
  for (const p of pooled) {
    if (isAccepted(p.after, p.example)) continue;
    const key = `${p.example.acceptable[0]} ← ${p.after.competency ?? 'nothing'}`;
    confusions.set(key, (confusions.get(key) ?? 0) + 1);
  }
  const withSecondary = pooled.filter((p) => p.after.secondary?.length);
  const secondaries = withSecondary.flatMap((p) => p.after.secondary!.map((id) => p.example.acceptable.includes(id)));
  return {
    n: pooled.length,
    found: pooled.filter((p) => p.found).length,
    before: evaluate(items('before'), ids),
    after: evaluate(items('after'), ids),
    perFold,
    allFolds: { n: predictions.length, before: score(predictions, 'before'), after: score(predictions, 'after') },
    reliability: reliabilityTable(pooled.map((p) => ({ confidence: p.confidence, correct: isAccepted(p.after, p.example) }))),
    reliabilityBefore: reliabilityTable(pooled.map((p) => ({ confidence: p.before.confidence, correct: isAccepted(p.before, p.example) }))),
    confusions: [...confusions].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, 12).map(([pair, n]) => ({ pair, n })),
    secondary: { statements: withSecondary.length, given: secondaries.length, acceptable: secondaries.filter(Boolean).length },
  };
}

