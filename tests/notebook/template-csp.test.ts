import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The Content-Security-Policy of a page, as its `<meta http-equiv>` states it, by directive. */
function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  expect(meta, 'a Content-Security-Policy meta element').not.toBeNull();
  return new Map(meta![1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

/** A directive's sources without 'report-sample' (which only adds the first characters of blocked code to violation reports; it allows nothing). */
const sources = (policy: Map<string, string[]>, d: string) => policy.get(d)?.filter((v) => v !== "'report-sample'");

describe('the notebook pages carry a Content-Security-Policy (as the dashboard does)', () => {
  const template = readFileSync('notebooks/templates/notebook.html', 'utf8');
  const policy = policyOf(template);

  it('runs scripts from this site only: no inline script, no eval, no third-party origin', () => {
    expect(sources(policy, 'script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    for (const values of policy.values()) for (const v of values) expect(v).not.toMatch(/^(https?:|\*|'unsafe-eval')/);
  });
  it('forbids plugins, a changed base URL and form posts', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });
  it('is no looser than the dashboard\u2019s for scripts and connections', () => {
    const app = policyOf(readFileSync('index.html', 'utf8'));
    for (const d of ['script-src', 'connect-src', 'object-src']) expect(sources(policy, d), d).toEqual(sources(app, d));
  });
});
