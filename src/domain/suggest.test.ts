import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance, suggestion } from './suggest.js';

describe('did-you-mean suggestions', () => {
  it('measures edits', () => {
    expect(editDistance('netwrk', 'network')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is a distance: symmetric, zero only on equal strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it('suggests only close names', () => {
    expect(closest('estimte', ['estimate', 'effort', 'state'])).toBe('estimate');
    expect(closest('dependson', ['dependsOn'])).toBe('dependsOn');
    expect(closest('storage', ['network', 'identity'])).toBeUndefined();
  });

  it('falls back to listing what exists', () => {
    expect(suggestion('storage', ['network', 'sre'], 'teams')).toBe('known teams: network, sre');
    expect(suggestion('x', [], 'teams')).toBe('no teams are defined yet');
  });
});
