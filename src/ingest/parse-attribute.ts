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
  const unit = /\bmonths?\b/i.test(v) ? 'months' : /\b(years?)\b/i.test(v) ? 'years' : /\b(people|engineers|peers|team|persons?)\b|\(\s*\d/i.test(v) ? 'people' : /\b(cycles?|quarters?)\b/i.test(v) ? 'cycles' : undefined;
  if (range || single) {
    const min = Number(range ? range[1] : single![1]);
    const max = Number(range ? range[2] : single![1]);
    if (unit === 'years') Object.assign(out, { min: min * 12, max: max * 12, unit: 'months' });
    else if (unit) Object.assign(out, { min, max, unit });
  }
  return out;
}
