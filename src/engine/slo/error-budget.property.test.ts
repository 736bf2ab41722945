import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeErrorBudget, type ErrorBudgetInput, type ErrorBudgetReport } from './error-budget.js';

const MIN = 60_000;

/** Samples one to five minutes apart, each with total ≤ 1000 events and good ≤ total. */
const samples = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.nat(1000), fc.nat(1000)), { minLength: 1, maxLength: 200 })
  .map((rows) => {
    let t = Date.UTC(2026, 0, 1);
    const timesMs = new Float64Array(rows.length);
    const good = new Float64Array(rows.length);
    const total = new Float64Array(rows.length);
    rows.forEach(([gap, a, b], i) => {
      t += gap * MIN;
      timesMs[i] = t;
      good[i] = Math.min(a, b);
      total[i] = Math.max(a, b);
    });
    return { kind: 'counts', timesMs, good, total } as const;
  });

const objectives = fc.integer({ min: 1, max: 9999 }).map((k) => k / 10_000);
const windows = fc.oneof(
  fc.integer({ min: 1, max: 600 }).map((m) => ({ kind: 'rolling', durationMs: m * MIN }) as const),
  fc
    .tuple(fc.constantFrom('day', 'week', 'month') as fc.Arbitrary<'day' | 'week' | 'month'>, fc.integer({ min: -720, max: 840 }))
    .map(([unit, offsetMinutes]) => ({ kind: 'calendar', unit, offsetMinutes }) as const),
);
const methods = fc.oneof(
  fc.constant({ kind: 'Occurrences' } as const),
  fc
    .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 100 }))
    .map(([m, p]) => ({ kind: 'Timeslices', sliceMs: m * MIN, sliceThreshold: p / 100 }) as const),
  fc.integer({ min: 1, max: 10 }).map((m) => ({ kind: 'RatioTimeslices', sliceMs: m * MIN }) as const),
);

function run(input: ErrorBudgetInput): ErrorBudgetReport {
  const result = computeErrorBudget(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('error budget invariants', () => {
  it('consumed + remaining = total at every point; remaining < 0 exactly when overspent; SLI in [0, 1]', () => {
    fc.assert(
      fc.property(samples, objectives, windows, methods, (series, objective, window, method) => {
        const s = run({ series, objective, window, method }).series;
        for (let i = 0; i < s.timesMs.length; i++) {
          const total = s.budgetTotal[i] as number;
          const consumed = s.consumed[i] as number;
          const remaining = s.remaining[i] as number;
          expect(consumed + remaining).toBeCloseTo(total, 6);
          expect(consumed).toBeGreaterThanOrEqual(0);
          expect(remaining < 0).toBe(consumed > total);
          const sli = s.attainedSli[i] as number;
          if (!Number.isNaN(sli)) {
            expect(sli).toBeGreaterThanOrEqual(0);
            expect(sli).toBeLessThanOrEqual(1);
          }
          expect(s.windowStartMs[i]).toBeLessThanOrEqual(s.timesMs[i] as number);
        }
      }),
    );
  });

  it('Occurrences on a rolling window equals a naive recount of the samples in (t − window, t]', () => {
    fc.assert(
      fc.property(samples, objectives, fc.integer({ min: 1, max: 600 }), (series, objective, minutes) => {
        const durationMs = minutes * MIN;
        const s = run({ series, objective, method: { kind: 'Occurrences' }, window: { kind: 'rolling', durationMs } }).series;
        for (let i = 0; i < s.timesMs.length; i++) {
          const t = series.timesMs[i] as number;
          let good = 0;
          let all = 0;
          for (let j = 0; j <= i; j++) {
            if ((series.timesMs[j] as number) > t - durationMs) {
              good += series.good[j] as number;
              all += series.total[j] as number;
            }
          }
          expect(s.consumed[i]).toBe(all - good);
          expect(s.budgetTotal[i]).toBeCloseTo((1 - objective) * all, 6);
          if (all > 0) expect(s.attainedSli[i]).toBeCloseTo(good / all, 12);
          else expect(s.attainedSli[i]).toBeNaN();
        }
      }),
    );
  });

  it('a constant error rate equal to 1 − objective burns at exactly 1 and leaves the budget at 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 300 }), (k, n) => {
        // Every minute 1000 events, k good: error ratio (1000 − k)/1000 = 1 − k/1000.
        const objective = k / 1000;
        const report = run({
          series: {
            kind: 'counts',
            timesMs: Float64Array.from({ length: n }, (_, i) => i * MIN),
            good: new Float64Array(n).fill(k),
            total: new Float64Array(n).fill(1000),
          },
          objective,
          method: { kind: 'Occurrences' },
          window: { kind: 'rolling', durationMs: 60 * MIN },
        });
        for (const burn of report.series.burnRate) expect(burn).toBeCloseTo(1, 9);
        expect(report.end?.remaining).toBeCloseTo(0, 6);
      }),
    );
  });

  it('more bad events never lower the burn rate or raise the remaining budget', () => {
    fc.assert(
      fc.property(samples, objectives, windows, fc.nat(199), (series, objective, window, at) => {
        const i = at % series.timesMs.length;
        const worse = { ...series, good: Float64Array.from(series.good, (g, j) => (j === i ? 0 : g)) };
        const a = run({ series, objective, window, method: { kind: 'Occurrences' } }).series;
        const b = run({ series: worse, objective, window, method: { kind: 'Occurrences' } }).series;
        for (let j = 0; j < a.timesMs.length; j++) {
          if (!Number.isNaN(a.burnRate[j] as number)) {
            expect(b.burnRate[j] as number).toBeGreaterThanOrEqual((a.burnRate[j] as number) - 1e-12);
          }
          expect(b.remaining[j] as number).toBeLessThanOrEqual((a.remaining[j] as number) + 1e-9);
        }
      }),
    );
  });
});

describe('RatioTimeslices invariants', () => {
  const sliceMinutes = fc.integer({ min: 1, max: 10 });
  const wholeWindow = { kind: 'rolling', durationMs: 10_000 * MIN } as const; // longer than any generated series

  it('all-good data consumes nothing and attains 1 at every point', () => {
    fc.assert(
      fc.property(samples, objectives, windows, sliceMinutes, (series, objective, window, m) => {
        const allGood = { ...series, good: Float64Array.from(series.total) };
        const s = run({ series: allGood, objective, window, method: { kind: 'RatioTimeslices', sliceMs: m * MIN } }).series;
        for (let i = 0; i < s.timesMs.length; i++) {
          expect(s.consumed[i]).toBe(0);
          expect(s.attainedSli[i]).toBe(1);
          expect(s.burnRate[i]).toBe(0);
        }
      }),
    );
  });

  it('the SLI lies between the worst and best slice ratio; consumption between none and Timeslices at a 100 % slice target', () => {
    fc.assert(
      fc.property(samples, objectives, sliceMinutes, (series, objective, m) => {
        const sliceMs = m * MIN;
        const ratio = run({ series, objective, window: wholeWindow, method: { kind: 'RatioTimeslices', sliceMs } }).end;
        const strict = run({ series, objective, window: wholeWindow, method: { kind: 'Timeslices', sliceMs, sliceThreshold: 1 } }).end;
        // Naive per-slice ratios of the slices with events.
        const sums = new Map<number, { good: number; total: number }>();
        series.timesMs.forEach((t, i) => {
          const start = Math.floor(t / sliceMs) * sliceMs;
          const s = sums.get(start) ?? { good: 0, total: 0 };
          s.good += series.good[i] as number;
          s.total += series.total[i] as number;
          sums.set(start, s);
        });
        const ratios = [...sums.values()].filter((s) => s.total > 0).map((s) => s.good / s.total);
        if (ratios.length === 0) {
          expect(ratio?.attainedSli ?? null).toBeNull();
          return;
        }
        const sli = ratio?.attainedSli as number;
        expect(sli).toBeGreaterThanOrEqual(Math.min(...ratios) - 1e-12);
        expect(sli).toBeLessThanOrEqual(Math.max(...ratios) + 1e-12);
        expect(sli).toBeCloseTo(ratios.reduce((a, b) => a + b, 0) / ratios.length, 9);
        expect(ratio?.consumed as number).toBeGreaterThanOrEqual(0);
        expect(ratio?.consumed as number).toBeLessThanOrEqual((strict?.consumed as number) + 1e-9);
        expect(ratio?.budgetTotal).toBe(strict?.budgetTotal);
      }),
    );
  });

  it('with equal traffic in every slice the SLI equals the Occurrences SLI', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100), { minLength: 1, maxLength: 200 }), objectives, (goods, objective) => {
        const series = {
          kind: 'counts',
          timesMs: Float64Array.from(goods, (_, i) => i * MIN),
          good: Float64Array.from(goods),
          total: new Float64Array(goods.length).fill(100),
        } as const;
        const ratio = run({ series, objective, window: wholeWindow, method: { kind: 'RatioTimeslices', sliceMs: MIN } }).end;
        const events = run({ series, objective, window: wholeWindow, method: { kind: 'Occurrences' } }).end;
        expect(ratio?.attainedSli).toBeCloseTo(events?.attainedSli as number, 12);
      }),
    );
  });
});
