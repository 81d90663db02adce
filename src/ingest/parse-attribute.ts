import type { AttributeValue } from '../types.ts';
import type { IngestRules } from './ingest-rules.ts';

const MAX_NUMBERED_VALUE = 200;

function camel(label: string): string {
  const words = label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ');
  return words.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join('');
}

/** Parses a `Label: value` header fact; numbers become a range with a unit when the value has one. */
export function parseAttribute(label: string, value: string, rules: IngestRules): AttributeValue {
  const key = label.toLowerCase().trim();
  const alias = rules.attributeAliases.find(([, a]) => key === a) ?? rules.attributeAliases.find(([, a]) => key.includes(a));
  const v = value.replace(/\.$/, '').trim();
  const out: AttributeValue = { name: alias ? alias[0] : camel(label), label, value: v };
  // A value with numbers worth reading is short; longer values are kept as text, unscanned.
  const short = v.length <= MAX_NUMBERED_VALUE;
  const range = short ? /(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)/.exec(v) : null;
  const single = short ? /(\d+(?:\.\d+)?)\s*\+?/.exec(v) : null;
  // The unit is recorded as written (the word after the numbers, lower case: "months", "quarters", "years", "cycles"),
  // or `people` for a head count ("Team (5-15)", "5-15 engineers"); the analyses convert with one table
  // (data/scale-cues.json durations.units; a cycle by attributes.planningHorizon.cycleMonths).
  const match = range ?? single;
  if (match) {
    const min = Number(range ? range[1] : single![1]);
    const max = Number(range ? range[2] : single![1]);
    const word = /^\s*\+?\s*(\p{L}+)/u.exec(v.slice(match.index + match[0].length))?.[1]?.toLowerCase();
    const headCount = (w: string) => /^(people|engineers|peers|team|persons?|teammates)$/.test(w);
    const unit = word ? (headCount(word) ? 'people' : word) : /\b(people|engineers|peers|team|persons?)\b|\(\s*\d/i.test(v) ? 'people' : undefined;
    if (unit) Object.assign(out, { min, max, unit });
  }
  return out;
}
