import { describe, expect, it } from 'vitest';
import { DAY, timeOf } from '../../components/charts/scales';
import { binsOf, cdfOf, endOfDay, probabilityBy } from './distribution';

/** An S-curve as the API gives it: the date by which p % of trials were done, p = 2.5 … 97.5. */
function curve(first: string, stepHours: (i: number) => number) {
  let t = timeOf(first);
  return Array.from({ length: 39 }, (_, i) => {
    t += stepHours(i) * 3_600_000;
    return { p: (i + 1) * 2.5, at: new Date(t).toISOString().slice(0, 23) };
  });
}
const MON_FRI = new Set([1, 2, 3, 4, 5]);

describe('forecast distribution from S-curve points', () => {
  const wide = curve('2027-09-20T09:00:00', (i) => 10 + (i % 7) * 6);
  const narrow = curve('2027-03-05T09:00:00', () => 2); // from a Friday, over a weekend

  it('is a CDF: 0 before the first point, 1 after the last, never decreasing, through the given percentiles', () => {
    const cdf = cdfOf(wide);
    expect(probabilityBy(cdf, timeOf('2027-01-01'))).toBe(0);
    expect(probabilityBy(cdf, timeOf('2028-12-31'))).toBe(1);
    let last = 0;
    for (let t = cdf.t[0] as number; t <= (cdf.t[cdf.t.length - 1] as number); t += 3_600_000) {
      const p = probabilityBy(cdf, t);
      expect(p).toBeGreaterThanOrEqual(last - 1e-12);
      last = p;
    }
    const p50 = wide[19] as { p: number; at: string };
    expect(probabilityBy(cdf, timeOf(p50.at))).toBeCloseTo(0.5, 9);
  });

  it('bins all the probability, by week over a long spread and by working day over a short one', () => {
    for (const [points, width] of [
      [wide, 'week'],
      [narrow, 'day'],
    ] as const) {
      const { bins, width: got } = binsOf(cdfOf(points), MON_FRI);
      expect(got).toBe(width);
      expect(bins.reduce((s, b) => s + b.mass, 0)).toBeCloseTo(1, 9);
      for (const b of bins) expect(b.mass).toBeGreaterThanOrEqual(-1e-12);
      if (width === 'day') for (const b of bins) expect(MON_FRI.has(new Date(b.start).getUTCDay())).toBe(true);
      if (width === 'week') for (const b of bins) expect(new Date(b.start).getUTCDay()).toBe(1);
    }
  });

  it('counts a milestone done any time on its target day as on time', () => {
    expect(endOfDay('2027-03-12') - timeOf('2027-03-12')).toBe(DAY - 1);
  });
});
