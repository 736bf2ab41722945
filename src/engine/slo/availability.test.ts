import { describe, expect, it } from 'vitest';
import {
  allowedDowntimeSeconds,
  availabilityRow,
  availabilityTable,
  formatDuration,
  PERIOD_SECONDS,
  STANDARD_NINES,
} from './availability.js';

describe('availability table, exact seconds', () => {
  // Each figure = period seconds × (100 − percent) / 100, worked by hand:
  // year 31,536,000 s; month 30 d = 2,592,000 s; week 604,800 s; day 86,400 s.
  const cases: [number, number, number, number, number, string][] = [
    // 99 %: 1 % of each period.
    [99, 315_360, 25_920, 6_048, 864, '3 d 15 h 36 m'],
    // 99.5 %: 0.5 %.
    [99.5, 157_680, 12_960, 3_024, 432, '1 d 19 h 48 m'],
    // 99.9 %: 0.1 % → 31,536 s = 8 h (28,800) + 45 m (2,700) + 36 s.
    [99.9, 31_536, 2_592, 604.8, 86.4, '8 h 45 m 36 s'],
    // 99.95 %: 0.05 % → 15,768 s = 4 h 22 m 48 s.
    [99.95, 15_768, 1_296, 302.4, 43.2, '4 h 22 m 48 s'],
    // 99.99 %: 0.01 % → 3,153.6 s = 52 m 33.6 s.
    [99.99, 3_153.6, 259.2, 60.48, 8.64, '52 m 33.6 s'],
    // 99.999 %: 0.001 % → 315.36 s = 5 m 15.36 s.
    [99.999, 315.36, 25.92, 6.048, 0.864, '5 m 15.36 s'],
  ];
  it.each(cases)('%s %% → year %s s, month %s s, week %s s, day %s s', (percent, year, month, week, day, text) => {
    const row = availabilityRow(percent);
    expect(row.downtimeSeconds.year).toBe(year);
    expect(row.downtimeSeconds.month).toBe(month);
    expect(row.downtimeSeconds.week).toBe(week);
    expect(row.downtimeSeconds.day).toBe(day);
    expect(formatDuration(row.downtimeSeconds.year)).toBe(text);
  });

  it('formats the other periods of 99.9 %', () => {
    const row = availabilityRow(99.9);
    expect(formatDuration(row.downtimeSeconds.month)).toBe('43 m 12 s');
    expect(formatDuration(row.downtimeSeconds.week)).toBe('10 m 4.8 s');
    expect(formatDuration(row.downtimeSeconds.day)).toBe('1 m 26.4 s');
    // 365/12 d month: 2,628,000 s × 0.001 = 2,628 s = 43 m 48 s.
    expect(row.downtimeSeconds.averageMonth).toBe(2_628);
    expect(formatDuration(row.downtimeSeconds.averageMonth)).toBe('43 m 48 s');
  });

  it('is exact where the float subtraction is not', () => {
    expect((100 - 99.9) / 100).not.toBe(0.001); // why the decimal route is needed
    expect(allowedDowntimeSeconds(99.9, PERIOD_SECONDS.year)).toBe(31_536);
    expect(allowedDowntimeSeconds(100, PERIOD_SECONDS.year)).toBe(0);
    expect(allowedDowntimeSeconds(0, PERIOD_SECONDS.day)).toBe(86_400);
  });

  it('rejects a percentage outside [0, 100]', () => {
    expect(() => allowedDowntimeSeconds(100.1, 1)).toThrow(RangeError);
    expect(() => allowedDowntimeSeconds(-1, 1)).toThrow(RangeError);
  });

  it('lists the standard nines in order', () => {
    expect(availabilityTable().map((r) => r.percent)).toEqual([...STANDARD_NINES]);
  });
});

describe('against the SRE book availability table (Appendix A, printed to 3 significant digits)', () => {
  const d = 86_400;
  const h = 3_600;
  const m = 60;
  // percent: year, quarter, month, week, day, hour — as printed in the book (with its units).
  const book: [number, number, number, number, number, number, number][] = [
    [99, 3.65 * d, 21.6 * h, 7.2 * h, 1.68 * h, 14.4 * m, 36],
    [99.5, 1.83 * d, 10.8 * h, 3.6 * h, 50.4 * m, 7.2 * m, 18],
    [99.9, 8.76 * h, 2.16 * h, 43.2 * m, 10.1 * m, 1.44 * m, 3.6],
    [99.95, 4.38 * h, 1.08 * h, 21.6 * m, 5.04 * m, 43.2, 1.8],
    [99.99, 52.6 * m, 12.96 * m, 4.32 * m, 60.5, 8.64, 0.36],
    [99.999, 5.26 * m, 1.3 * m, 25.9, 6.05, 0.87, 0.04],
  ];
  it.each(book)('%s %% matches the printed figures within their rounding', (percent, ...printed) => {
    const row = availabilityRow(percent).downtimeSeconds;
    const ours = [row.year, row.quarter, row.month, row.week, row.day, row.hour];
    for (const [k, value] of ours.entries()) {
      const shown = printed[k] as number;
      // Printed with 3 significant digits (0.864 s shows as 0.87, 0.036 s as 0.04): allow 1 %,
      // and half a unit of the last printed digit for the 0.04 s entry.
      expect(Math.abs(value - shown)).toBeLessThanOrEqual(Math.max(0.01 * shown, 0.005));
    }
  });
});

describe('formatDuration', () => {
  it('leaves out zero units and keeps milliseconds', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(60)).toBe('1 m');
    expect(formatDuration(86_400 + 1)).toBe('1 d 1 s');
    expect(formatDuration(0.864)).toBe('0.864 s');
  });
});
