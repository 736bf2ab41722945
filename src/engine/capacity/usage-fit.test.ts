import { describe, expect, it } from 'vitest';
import { fitPerMonth, fitUsage, fitValue } from './usage-fit.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2027, 0, 1);
const history = (values: number[]) => ({
  timestamps: Float64Array.from(values, (_, i) => T0 + i * DAY),
  values: Float64Array.from(values),
});

describe('least-squares fits of usage', () => {
  it('fits (0,1), (1,3), (2,2) by hand: slope 0.5, intercept 1.5, R² 0.25, RMSE √0.5', () => {
    const r = fitUsage(history([1, 3, 2]), 'linear');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.slope).toBeCloseTo(0.5, 12);
    expect(r.value.intercept).toBeCloseTo(1.5, 12);
    expect(r.value.r2).toBeCloseTo(0.25, 12);
    expect(r.value.rmse).toBeCloseTo(Math.sqrt(0.5), 12);
  });

  it('recovers exact exponential growth: 1 % a day, R² 1', () => {
    const r = fitUsage(history(Array.from({ length: 60 }, (_, i) => 200 * Math.exp(0.01 * i))), 'exponential');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.slope).toBeCloseTo(0.01, 12);
    expect(r.value.intercept).toBeCloseTo(200, 9);
    expect(r.value.r2).toBeCloseTo(1, 12);
    expect(fitValue(r.value, T0 + 100 * DAY)).toBeCloseTo(200 * Math.exp(1), 6);
    expect(fitPerMonth(r.value)).toBeCloseTo((Math.exp(0.304375) - 1) * 100, 9);
  });

  it('an exponential fit of linear data fits worse than the linear fit', () => {
    const h = history(Array.from({ length: 90 }, (_, i) => 1000 + 10 * i));
    const lin = fitUsage(h, 'linear');
    const exp = fitUsage(h, 'exponential');
    if (!lin.ok || !exp.ok) throw new Error('fit failed');
    expect(lin.value.r2).toBeCloseTo(1, 12);
    expect(exp.value.r2).toBeLessThan(lin.value.r2);
    expect(exp.value.rmse).toBeGreaterThan(1);
  });

  it('refuses too little history and non-positive usage for the exponential fit', () => {
    expect(fitUsage(history([1, 2]), 'linear')).toMatchObject({ ok: false, error: { kind: 'too-few-samples' } });
    expect(fitUsage(history([1, 0, 2]), 'exponential')).toMatchObject({ ok: false, error: { kind: 'non-positive' } });
    expect(fitUsage(history([1, 0, 2]), 'linear').ok).toBe(true);
  });
});
