import { describe, expect, it } from 'vitest';
import { exportFileName, toJSON } from '../../src/app/table-export.ts';

describe('toJSON', () => {
  it('round-trips rows through JSON', () => {
    const rows = [{ id: 'x', text: '<script>alert(1)</script>' }];
    expect(JSON.parse(toJSON(rows))).toEqual(rows);
  });
});

describe('exportFileName', () => {
  it('appends the selection in a fixed order, as slugs', () => {
    expect(exportFileName('coverage', { competency: 'risk', level: 'L3', company: 'octopus', variant: 'Senior Cloud Security Engineer' })).toBe('coverage-octopus-l3-senior-cloud-security-engineer-risk');
  });
  it('ignores search text and empty fields', () => {
    expect(exportFileName('statements', { q: 'incident', company: undefined })).toBe('statements');
  });
});
