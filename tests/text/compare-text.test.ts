import { describe, expect, it } from 'vitest';
import { compareNatural, compareText } from '../../src/text/index.ts';

describe('one collation, whatever the locale', () => {
  it('compareText orders by code unit: ä after z, ch before h, as under no locale', () => {
    expect(['z', 'ä', 'h', 'ch', 'Z'].sort(compareText)).toEqual(['Z', 'ch', 'h', 'z', 'ä']);
  });
  it('compareNatural (tables) ignores case, reads digit runs as numbers, and uses no locale', () => {
    expect(['L10', 'l2', 'L1', 'L02b', 'Lead', 'ärende', 'zeta', 'ch', 'h'].sort(compareNatural)).toEqual(['ch', 'h', 'L1', 'l2', 'L02b', 'L10', 'Lead', 'zeta', 'ärende']);
    expect(compareNatural('a', 'A')).not.toBe(0);
    expect(compareNatural('007', '7')).not.toBe(0);
    expect(compareNatural('x9', 'x10')).toBeLessThan(0);
  });
});
