/** One labelled item: the competencies an annotator accepts (first = preferred) and the prediction. */
export interface EvaluationItem {
  acceptable: string[];
  predicted: string | null;
}

export interface CompetencyAgreement {
  id: string;
  /** Items predicted as this competency. */
  predicted: number;
  /** Items whose preferred (first) label is this competency. */
  preferred: number;
  /** Of items predicted as this competency, the share where it is acceptable. */
  precision: number | null;
  /** Of items whose preferred label is this competency, the share predicted as exactly it. */
  recall: number | null;
  /** Of items whose preferred label is this competency, the share whose prediction is acceptable. */
  accepted: number | null;
}

export interface Evaluation {
  n: number;
  /** Items whose prediction is one of the acceptable labels. */
  agreed: number;
  /** agreed / n. */
  top1: number;
  /** Items predicted as exactly the preferred label. */
  exact: number;
  perCompetency: CompetencyAgreement[];
}

/** Top-1 agreement and per-competency precision/recall of predictions against acceptable labels. */
export function evaluate(items: EvaluationItem[], competencyIds: string[]): Evaluation {
  const ratio = (a: number, b: number) => (b ? a / b : null);
  const agreed = items.filter((i) => i.predicted !== null && i.acceptable.includes(i.predicted)).length;
  const exact = items.filter((i) => i.predicted !== null && i.predicted === i.acceptable[0]).length;
  const perCompetency = competencyIds.map((id) => {
    const predicted = items.filter((i) => i.predicted === id);
    const preferred = items.filter((i) => i.acceptable[0] === id);
    return {
      id,
      predicted: predicted.length,
      preferred: preferred.length,
      precision: ratio(predicted.filter((i) => i.acceptable.includes(id)).length, predicted.length),
      recall: ratio(preferred.filter((i) => i.predicted === id).length, preferred.length),
      accepted: ratio(preferred.filter((i) => i.predicted !== null && i.acceptable.includes(i.predicted)).length, preferred.length),
    };
  });
  return { n: items.length, agreed, top1: ratio(agreed, items.length) ?? 0, exact, perCompetency };
}
