import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedMinutes, parseDurationShorthand } from './duration-shorthand.js';

const UNITS = ['s', 'm', 'h', 'd', 'w', 'M', 'Q', 'Y'] as const;

describe('parseDurationShorthand', () => {
  it('round-trips count and unit, case-sensitively', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(...UNITS), (count, unit) => {
        const parsed = parseDurationShorthand(`${count}${unit}`);
        expect(parsed).toEqual({ ok: true, value: { count, unit } });
      }),
    );
  });

  it('rejects anything that is not digits then one known unit', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const valid = /^[1-9][0-9]*[smhdwMQY]$/.test(text);
        expect(parseDurationShorthand(text).ok).toBe(valid);
      }),
    );
    for (const text of ['0d', '1 d', '1D', '1.5h', '-1h', 'd', '1']) expect(parseDurationShorthand(text).ok).toBe(false);
  });

  it('fixed units scale linearly in minutes; calendar units have no fixed length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('m', 'h', 'd', 'w' as const), (count, unit) => {
        const one = fixedMinutes({ count: 1, unit });
        expect(fixedMinutes({ count, unit })).toBe(count * (one ?? Number.NaN));
      }),
    );
    expect([fixedMinutes({ count: 1, unit: 'h' }), fixedMinutes({ count: 1, unit: 'd' }), fixedMinutes({ count: 1, unit: 'w' })]).toEqual([
      60, 1440, 10080,
    ]);
    expect(fixedMinutes({ count: 1, unit: 'M' })).toBeUndefined();
  });
});
