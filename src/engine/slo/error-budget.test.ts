import { describe, expect, it } from 'vitest';
import {
  calendarPeriodEnd,
  calendarPeriodStart,
  computeErrorBudget,
  type ErrorBudgetInput,
  type ErrorBudgetReport,
  pointAt,
} from './error-budget.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const counts = (times: number[], good: number[], total: number[]) =>
  ({
    kind: 'counts',
    timesMs: Float64Array.from(times),
    good: Float64Array.from(good),
    total: Float64Array.from(total),
  }) as const;

function run(input: ErrorBudgetInput): ErrorBudgetReport {
  const result = computeErrorBudget(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('Occurrences over a rolling window (events)', () => {
  // Objective 99 %, rolling 1 h. Samples at 0, 1 and 2 min of 1000 events each, 10, 15 and 0 bad.
  const input: ErrorBudgetInput = {
    series: counts([0, MIN, 2 * MIN, 61 * MIN], [990, 985, 1000, 1000], [1000, 1000, 1000, 1000]),
    objective: 0.99,
    method: { kind: 'Occurrences' },
    window: { kind: 'rolling', durationMs: HOUR },
  };
  const report = run(input);

  it('at 2 min: SLI 2975/3000, budget 1 % × 3000 = 30, consumed 25, remaining 5', () => {
    const p = pointAt(report.series, 2);
    expect(report.unit).toBe('events');
    expect(p.attainedSli).toBeCloseTo(2975 / 3000, 12);
    expect(p.budgetTotal).toBeCloseTo(30, 9);
    expect(p.consumed).toBe(25);
    expect(p.remaining).toBeCloseTo(5, 9);
    // burn = (25 / 3000) / 0.01 = 0.8333…; time left = (5 / 30) × 60 min / 0.8333 = 12 min.
    expect(p.burnRate).toBeCloseTo(25 / 30, 9);
    expect(p.timeToExhaustionMs).toBeCloseTo(12 * MIN, 3);
    expect(p.exhausted).toBe(false);
  });

  it('at 1 min the budget is overspent: 2000 events → 20 allowed, 25 bad → remaining −5', () => {
    const p = pointAt(report.series, 1);
    expect(p.remaining).toBeCloseTo(-5, 9);
    expect(p.exhausted).toBe(true);
    expect(p.timeToExhaustionMs).toBe(0);
  });

  it('at 61 min the window (1 min, 61 min] has dropped the first two samples', () => {
    const end = report.end;
    expect(report.series.windowStartMs[3]).toBe(MIN);
    // Left: samples at 2 and 61 min, 2000 events, none bad → SLI 1, budget 20, burn 0, no exhaustion.
    expect(end?.attainedSli).toBe(1);
    expect(end?.budgetTotal).toBeCloseTo(20, 9);
    expect(end?.consumed).toBe(0);
    expect(end?.burnRate).toBe(0);
    expect(end?.timeToExhaustionMs).toBeNull();
  });

  it('a burn-rate look-back narrower than the window measures only recent errors', () => {
    // Look-back 90 s at 2 min: (30 s, 120 s] holds the samples at 1 and 2 min: 15 bad of 2000.
    const narrow = run({ ...input, burnLookbackMs: 90_000 });
    expect(pointAt(narrow.series, 2).burnRate).toBeCloseTo(15 / 2000 / 0.01, 9);
  });
});

describe('Timeslices from counts over a calendar day (minutes)', () => {
  const day = Date.UTC(2026, 2, 1); // 2026-03-01 00:00 UTC
  // Slices of 1 min, a slice is good at ≥ 95 %; objective 90 % of slices.
  // min 0: 50/50 + 40/50 = 90/100 < 95 % → bad; min 1: 100/100 → good; min 2: no data; min 3: 96/100 → good.
  const report = run({
    series: counts([day, day + 30_000, day + MIN, day + 3 * MIN + 10_000], [50, 40, 100, 96], [50, 50, 100, 100]),
    objective: 0.9,
    method: { kind: 'Timeslices', sliceMs: MIN, sliceThreshold: 0.95 },
    window: { kind: 'calendar', unit: 'day', offsetMinutes: 0 },
  });

  it('buckets into three slices with data, one bad', () => {
    expect(report.unit).toBe('minutes');
    expect([...report.series.timesMs]).toEqual([day, day + MIN, day + 3 * MIN]);
    const end = report.end;
    // SLI 2/3; budget 10 % × 1440 min = 144 min; consumed 1 slice × 1 min; remaining 143 min.
    expect(end?.attainedSli).toBeCloseTo(2 / 3, 12);
    expect(end?.budgetTotal).toBeCloseTo(144, 9);
    expect(end?.consumed).toBe(1);
    expect(end?.remaining).toBeCloseTo(143, 9);
    // burn = (1/3) / 0.1 = 3.333…; time left = 143/144 × 1440 min / 3.333 = 429 min.
    expect(end?.burnRate).toBeCloseTo(10 / 3, 9);
    expect(end?.timeToExhaustionMs).toBeCloseTo(429 * MIN, 1);
  });
});

describe('Timeslices from per-slice verdicts over a rolling window', () => {
  it('3 good, 1 bad 5-min slices at 75 % over 20 min: budget 25 % × 20 = 5 min, all spent', () => {
    const report = run({
      series: { kind: 'slices', timesMs: Float64Array.from([0, 5, 10, 15], (m) => m * MIN), good: Uint8Array.of(1, 0, 1, 1) },
      objective: 0.75,
      method: { kind: 'Timeslices', sliceMs: 5 * MIN, sliceThreshold: 1 },
      window: { kind: 'rolling', durationMs: 20 * MIN },
    });
    expect(report.end).toEqual({
      timeMs: 15 * MIN,
      attainedSli: 0.75,
      budgetTotal: 5,
      consumed: 5,
      remaining: 0,
      exhausted: true,
      burnRate: 1, // (1/4) / 0.25
      timeToExhaustionMs: 0,
    });
  });
});

describe('calendar windows', () => {
  it('compute period starts and ends in UTC and at a zone offset', () => {
    const t = Date.UTC(2026, 10, 26, 17, 30); // Thursday 2026-11-26 17:30 UTC
    expect(calendarPeriodStart(t, 'day', 0)).toBe(Date.UTC(2026, 10, 26));
    expect(calendarPeriodStart(t, 'week', 0)).toBe(Date.UTC(2026, 10, 23)); // Monday
    expect(calendarPeriodStart(t, 'month', 0)).toBe(Date.UTC(2026, 10, 1));
    expect(calendarPeriodStart(t, 'quarter', 0)).toBe(Date.UTC(2026, 9, 1));
    expect(calendarPeriodStart(t, 'year', 0)).toBe(Date.UTC(2026, 0, 1));
    // 22:30 UTC on 31 March is 00:30 on 1 April at UTC+02:00: April started at 22:00 UTC.
    const late = Date.UTC(2026, 2, 31, 22, 30);
    expect(calendarPeriodStart(late, 'month', 0)).toBe(Date.UTC(2026, 2, 1));
    expect(calendarPeriodStart(late, 'month', 120)).toBe(Date.UTC(2026, 2, 31, 22));
    // UTC−05:00: 02:00 UTC on 1 Jan is still 31 Dec locally.
    expect(calendarPeriodStart(Date.UTC(2027, 0, 1, 2), 'year', -300)).toBe(Date.UTC(2026, 0, 1, 5));
    // February 2026 has 28 days.
    const feb = Date.UTC(2026, 1, 10);
    expect(calendarPeriodEnd(feb, 'month', 0) - calendarPeriodStart(feb, 'month', 0)).toBe(28 * DAY);
  });

  it('reset the series at each period start', () => {
    const report = run({
      series: counts([Date.UTC(2026, 2, 31, 12), Date.UTC(2026, 3, 1)], [90, 100], [100, 100]),
      objective: 0.999,
      method: { kind: 'Occurrences' },
      window: { kind: 'calendar', unit: 'month', offsetMinutes: 0 },
    });
    expect([...report.series.consumed]).toEqual([10, 0]);
    expect(report.series.windowStartMs[1]).toBe(Date.UTC(2026, 3, 1));
  });

  it('give a time budget over the whole calendar period: April 30 d × 0.1 % = 43.2 min', () => {
    const report = run({
      series: { kind: 'slices', timesMs: Float64Array.of(Date.UTC(2026, 3, 2)), good: Uint8Array.of(0) },
      objective: 0.999,
      method: { kind: 'Timeslices', sliceMs: MIN, sliceThreshold: 1 },
      window: { kind: 'calendar', unit: 'month', offsetMinutes: 0 },
    });
    expect(report.end?.budgetTotal).toBeCloseTo(43.2, 9);
    expect(report.end?.consumed).toBe(1);
    expect(report.end?.remaining).toBeCloseTo(42.2, 9);
  });
});

describe('bad input', () => {
  const base: ErrorBudgetInput = {
    series: counts([0, MIN], [1, 1], [1, 1]),
    objective: 0.99,
    method: { kind: 'Occurrences' },
    window: { kind: 'rolling', durationMs: HOUR },
  };
  const code = (input: ErrorBudgetInput) => {
    const r = computeErrorBudget(input);
    return r.ok ? 'ok' : r.error.code;
  };
  it('gets a problem with a code, message and hint', () => {
    expect(code(base)).toBe('ok');
    expect(code({ ...base, objective: 1 })).toBe('slo.objective');
    expect(code({ ...base, objective: 99.9 })).toBe('slo.objective');
    expect(code({ ...base, series: counts([MIN, 0], [1, 1], [1, 1]) })).toBe('slo.series');
    expect(code({ ...base, series: counts([0, MIN], [2, 1], [1, 1]) })).toBe('slo.series');
    expect(code({ ...base, series: counts([0, MIN], [1, 1], [1]) })).toBe('slo.series');
    expect(code({ ...base, window: { kind: 'rolling', durationMs: 0 } })).toBe('slo.window');
    expect(code({ ...base, series: { kind: 'slices', timesMs: Float64Array.of(0), good: Uint8Array.of(1) } })).toBe('slo.method');
    const r = computeErrorBudget({ ...base, objective: 99.9 });
    expect(r.ok ? '' : r.error.hint).toMatch(/0\.999/);
  });

  it('an empty series has no end point', () => {
    expect(run({ ...base, series: counts([], [], []) }).end).toBeNull();
  });
});

describe('OpenSLO budgeting-method README (examples/budgeting-method/README.md)', () => {
  it('Timeslices: 2 weeks = 20160 one-minute slices at 95 % → 1008 min = 16 h 48 m of budget, spent by 1008 bad slices', () => {
    // 14 d × 1440 min = 20160 slices; 5 % × 20160 = 1008 min. The last 1008 slices are bad.
    const n = 20_160;
    const good = new Uint8Array(n).fill(1).fill(0, n - 1008);
    const report = run({
      series: { kind: 'slices', timesMs: Float64Array.from({ length: n }, (_, i) => i * MIN), good },
      objective: 0.95,
      method: { kind: 'Timeslices', sliceMs: MIN, sliceThreshold: 0.9 },
      window: { kind: 'rolling', durationMs: 14 * DAY },
    });
    expect(report.end?.budgetTotal).toBe(1008);
    expect(report.end?.consumed).toBe(1008);
    expect(report.end?.remaining).toBe(0);
    expect(report.end?.exhausted).toBe(true);
    // One slice earlier, one bad minute is left.
    expect(pointAt(report.series, n - 2).remaining).toBe(1);
  });
});

describe('RatioTimeslices: each slice counts by its success ratio, averaged over the window', () => {
  // Objective 95 %, rolling 1 h, 1-min slices. Slices (with data):
  // min 0: 100/100 → r 1; min 1: 45/50 + 40/50 = 85/100 → r 0.85; min 2: 1/4 → r 0.25;
  // min 3: no events (no data); min 4: 999/1000 → r 0.999.
  const input: ErrorBudgetInput = {
    series: counts([0, MIN, MIN + 30_000, 2 * MIN, 3 * MIN, 4 * MIN], [100, 45, 40, 1, 0, 999], [100, 50, 50, 4, 0, 1000]),
    objective: 0.95,
    method: { kind: 'RatioTimeslices', sliceMs: MIN },
    window: { kind: 'rolling', durationMs: HOUR },
  };
  const report = run(input);

  it('SLI = mean of 1, 0.85, 0.25, 0.999 = 0.77475; consumed Σ(1 − r) = 0.901 min of 5 % × 60 = 3 min', () => {
    expect(report.unit).toBe('minutes');
    expect([...report.series.timesMs]).toEqual([0, MIN, 2 * MIN, 4 * MIN]);
    const end = report.end;
    expect(end?.attainedSli).toBeCloseTo(0.77475, 12);
    expect(end?.budgetTotal).toBeCloseTo(3, 12);
    expect(end?.consumed).toBeCloseTo(0.901, 12);
    expect(end?.remaining).toBeCloseTo(2.099, 12);
    expect(end?.exhausted).toBe(false);
    // burn = (0.901 / 4 slices) / 0.05 = 4.505; time left = (2.099 / 3) × 60 min / 4.505 ≈ 9.3185 min.
    expect(end?.burnRate).toBeCloseTo(4.505, 12);
    expect(end?.timeToExhaustionMs).toBeCloseTo((((2.099 / 3) * 60) / 4.505) * MIN, 3);
  });

  it('weights the 4-request slice like the 1000-request one, unlike Occurrences (1185/1204) and Timeslices (2 bad min)', () => {
    const occurrences = run({ ...input, method: { kind: 'Occurrences' } }).end;
    expect(occurrences?.attainedSli).toBeCloseTo(1185 / 1204, 12);
    const timeslices = run({ ...input, method: { kind: 'Timeslices', sliceMs: MIN, sliceThreshold: 0.95 } }).end;
    expect(timeslices?.consumed).toBe(2);
    expect(timeslices?.attainedSli).toBe(0.5);
  });

  it('the series steps slice by slice: after min 2, Σ(1 − r) = 0.9 min and the SLI is 2.1/3', () => {
    const p = pointAt(report.series, 2);
    expect(p.consumed).toBeCloseTo(0.9, 12);
    expect(p.attainedSli).toBeCloseTo(2.1 / 3, 12);
  });

  it('refuses slice verdicts: a verdict has no success ratio', () => {
    const r = computeErrorBudget({
      ...input,
      series: { kind: 'slices', timesMs: Float64Array.of(0), good: Uint8Array.of(1) },
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('slo.method');
    expect(r.ok ? '' : r.error.message).toMatch(/RatioTimeslices needs event counts/);
  });

  it('refuses a slice length that is not positive', () => {
    const r = computeErrorBudget({ ...input, method: { kind: 'RatioTimeslices', sliceMs: 0 } });
    expect(r.ok ? 'ok' : r.error.code).toBe('slo.method');
  });
});

describe('OpenSLO budgeting-method README: RatioTimeslices under a DDoS', () => {
  // 2 weeks rolling = 20160 one-minute slices, objective 95 % → 1008 min of budget. Normal minutes
  // succeed at 99 % and cost 0.01 slice each; attacked minutes succeed at 1 % and cost 0.99.
  // x attacked minutes spend 0.01 × (20160 − x) + 0.99 x = 201.6 + 0.98 x ≥ 1008 ⇔ x ≥ 822.86:
  // 823 minutes = 13 h 43 min ("about 13 hours and 45 minutes" in the README).
  const n = 20_160;
  const attacked = (x: number) =>
    run({
      series: counts(
        Array.from({ length: n }, (_, i) => i * MIN),
        Array.from({ length: n }, (_, i) => (i >= n - x ? 1 : 99)),
        new Array<number>(n).fill(100),
      ),
      objective: 0.95,
      method: { kind: 'RatioTimeslices', sliceMs: MIN },
      window: { kind: 'rolling', durationMs: 14 * DAY },
    }).end;

  it('822 attacked minutes leave 0.84 min; 823 overspend by 0.14 min', () => {
    const before = attacked(822);
    expect(before?.budgetTotal).toBeCloseTo(1008, 9);
    expect(before?.consumed).toBeCloseTo(201.6 + 0.98 * 822, 6);
    expect(before?.remaining).toBeCloseTo(0.84, 6);
    expect(before?.exhausted).toBe(false);
    const after = attacked(823);
    expect(after?.remaining).toBeCloseTo(-0.14, 6);
    expect(after?.exhausted).toBe(true);
  });
});
