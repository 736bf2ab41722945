import { describe, expect, it } from 'vitest';
import { createRandom } from '../rcpsp/random.js';
import { pertQuantile, sampleDurations, samplingPlan, triangularQuantile } from './duration-sampler.js';

/** An independent Beta CDF by Simpson's rule on 20,000 panels, then bisection: the reference for the tables. */
function betaQuantile(a: number, b: number, u: number): number {
  const f = (x: number) => x ** (a - 1) * (1 - x) ** (b - 1);
  const cdf = (x: number) => {
    const panels = 20_000;
    const h = x / panels;
    let s = f(0) + f(x);
    for (let i = 1; i < panels; i++) s += (i % 2 ? 4 : 2) * f(i * h);
    return (s * h) / 3;
  };
  const total = cdf(1);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) / total < u) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('duration sampling', () => {
  it.each([
    [0.2, 0.5],
    [0.5, 0.1],
    [0.37, 0.9],
    [0.83, 0.42],
  ])('tabulated PERT quantile (mode at %f, u = %f) is within 0.2 percent of the range', (r, u) => {
    expect(Math.abs(pertQuantile(r, u) - betaQuantile(1 + 4 * r, 1 + 4 * (1 - r), u))).toBeLessThan(0.002);
  });

  it('inverts the triangular CDF exactly', () => {
    for (const [r, u] of [
      [0.3, 0.1],
      [0.3, 0.8],
      [0, 0.5],
      [1, 0.5],
    ] as const) {
      const x = triangularQuantile(r, u);
      const cdf = x <= r ? (r === 0 ? 0 : (x * x) / r) : 1 - ((1 - x) * (1 - x)) / (1 - r);
      expect(cdf).toBeCloseTo(u, 12);
    }
  });

  it('has the PERT mean (o + 4m + p) / 6 and stays in range', () => {
    const plan = samplingPlan(Float64Array.of(2, 5), Float64Array.of(4, 5), Float64Array.of(12, 5), 'pert');
    const random = createRandom(7);
    const out = new Float64Array(2);
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    const fixed = new Set<number>();
    const draws = 40_000;
    for (let i = 0; i < draws; i++) {
      sampleDurations(plan, () => random.next(), out);
      const x = out[0] as number;
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
      fixed.add(out[1] as number);
    }
    expect(min).toBeGreaterThanOrEqual(2);
    expect(max).toBeLessThanOrEqual(12);
    expect([...fixed]).toEqual([5]);
    expect(sum / draws).toBeCloseTo((2 + 4 * 4 + 12) / 6, 1);
  });
});
