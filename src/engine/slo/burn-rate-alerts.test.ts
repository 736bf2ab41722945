import { describe, expect, it } from 'vitest';
import { burnFactor, evaluateBurnRateAlerts, GOOGLE_SRE_POLICY } from './burn-rate-alerts.js';
import { computeErrorBudget, type SloUnits, sloUnits } from './error-budget.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 10, 1);

/** One sample a minute for `minutes`, 1000 events each, `badAt(i)` of them bad. */
function perMinute(minutes: number, badAt: (i: number) => number): SloUnits {
  const total = new Float64Array(minutes).fill(1000);
  const result = sloUnits(
    {
      kind: 'counts',
      timesMs: Float64Array.from({ length: minutes }, (_, i) => START + i * MIN),
      good: Float64Array.from(total, (t, i) => t - badAt(i)),
      total,
    },
    { kind: 'Occurrences' },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const THREE_DAYS = 3 * 24 * 60;
const at = START + (THREE_DAYS - 1) * MIN; // the last sample

describe('multi-window, multi-burn-rate alerts (objective 99.9 %)', () => {
  it('pages on the 1 h / 5 m pair when the last hour ran at 2 % errors', () => {
    // Last 60 min: 20 bad of 1000 → ratio 0.02, burn 0.02 / 0.001 = 20 in both 1 h and 5 m (> 14.4).
    // 6 h: 60 × 20 / 360,000 = 0.00333 → burn 3.33 (< 6); 3 d: 1200 / 4,320,000 → burn 0.278 (< 1).
    const units = perMinute(THREE_DAYS, (i) => (i >= THREE_DAYS - 60 ? 20 : 0));
    const e = evaluateBurnRateAlerts(units, 0.999, at);
    expect(e.severity).toBe('page');
    expect(e.fired.map((r) => r.name)).toEqual(['page-fast']);
    const [fast, slow, ticket] = e.measurements;
    expect(fast?.longBurnRate).toBeCloseTo(20, 9);
    expect(fast?.shortBurnRate).toBeCloseTo(20, 9);
    expect(slow?.longBurnRate).toBeCloseTo(10 / 3, 9);
    expect(ticket?.longBurnRate).toBeCloseTo(1200 / 4_320_000 / 0.001, 9);
  });

  it('stops paging once the short window is clean again', () => {
    // Errors stopped 10 min ago: 1 h burn = 50 × 20 / 60,000 / 0.001 = 16.7 (> 14.4) but 5 m burn = 0.
    const units = perMinute(THREE_DAYS, (i) => (i >= THREE_DAYS - 60 && i < THREE_DAYS - 10 ? 20 : 0));
    const e = evaluateBurnRateAlerts(units, 0.999, at);
    expect(e.measurements[0]?.longBurnRate).toBeCloseTo(50 / 3, 9);
    expect(e.measurements[0]?.shortBurnRate).toBe(0);
    expect(e.severity).toBeNull();
    expect(e.fired).toEqual([]);
  });

  it('opens a ticket on the 3 d / 6 h pair at a steady 1.2× burn', () => {
    // 1.2 bad of 1000 every minute: ratio 0.0012, burn 1.2 in every window: > 1, < 6 and < 14.4.
    const e = evaluateBurnRateAlerts(
      perMinute(THREE_DAYS, () => 1.2),
      0.999,
      at,
    );
    expect(e.severity).toBe('ticket');
    expect(e.fired.map((r) => r.name)).toEqual(['ticket']);
    for (const m of e.measurements) expect(m.longBurnRate).toBeCloseTo(1.2, 9);
  });

  it('pages on the 6 h / 30 m pair at 7× and reports both page rules at 15×', () => {
    const seven = evaluateBurnRateAlerts(
      perMinute(THREE_DAYS, (i) => (i >= THREE_DAYS - 360 ? 7 : 0)),
      0.999,
      at,
    );
    expect(seven.fired.map((r) => r.name)).toEqual(['page-slow']);
    const fifteen = evaluateBurnRateAlerts(
      perMinute(THREE_DAYS, () => 15),
      0.999,
      at,
    );
    expect(fifteen.fired.map((r) => r.name)).toEqual(['page-fast', 'page-slow', 'ticket']);
    expect(fifteen.severity).toBe('page');
  });

  it('does not fire without data, and takes custom windows', () => {
    const none = evaluateBurnRateAlerts(
      perMinute(10, () => 1000),
      0.999,
      START + 10 * DAY,
    );
    expect(none.measurements.every((m) => m.longBurnRate === null)).toBe(true);
    expect(none.severity).toBeNull();
    const custom = evaluateBurnRateAlerts(
      perMinute(10, () => 1000),
      0.999,
      START + 9 * MIN,
      [{ name: 'fast', severity: 'page', burnRate: 100, longWindowMs: 10 * MIN, shortWindowMs: MIN }],
    );
    expect(custom.fired.map((r) => r.name)).toEqual(['fast']);
    expect(custom.measurements[0]?.longBurnRate).toBeCloseTo(1000, 6);
  });
});

describe('SRE Workbook figures', () => {
  it('burn factors: 2 % of 30 d in 1 h = 14.4, 5 % in 6 h = 6, 10 % in 3 d = 1', () => {
    // 0.02 × 720 h / 1 h = 14.4; 0.05 × 720 / 6 = 6; 0.10 × 720 / 72 = 1.
    expect(burnFactor(2, HOUR, 30 * DAY)).toBeCloseTo(14.4, 12);
    expect(burnFactor(5, 6 * HOUR, 30 * DAY)).toBeCloseTo(6, 12);
    expect(burnFactor(10, 3 * DAY, 30 * DAY)).toBeCloseTo(1, 12);
    expect(GOOGLE_SRE_POLICY.map((r) => [r.severity, r.burnRate, r.longWindowMs, r.shortWindowMs])).toEqual([
      ['page', 14.4, HOUR, 5 * MIN],
      ['page', 6, 6 * HOUR, 30 * MIN],
      ['ticket', 1, 3 * DAY, 6 * HOUR],
    ]);
  });

  it('a 30-day budget spent at each policy burn for its long window loses 2 %, 5 % and 10 %', () => {
    // 30 d of per-minute samples, 1000 events each: 43,200,000 events, budget 0.1 % = 43,200 events.
    // 14.4× for 60 min = 14.4 bad × 60 = 864 = 2 %; 6× for 360 min = 2160 = 5 %; 1× for 4320 min = 4320 = 10 %.
    const minutes = 30 * 24 * 60;
    for (const [burn, span, share] of [
      [14.4, 60, 0.02],
      [6, 360, 0.05],
      [1, 4320, 0.1],
    ] as const) {
      const result = computeErrorBudget({
        series: {
          kind: 'counts',
          timesMs: Float64Array.from({ length: minutes }, (_, i) => START + i * MIN),
          good: Float64Array.from({ length: minutes }, (_, i) => (i >= minutes - span ? 1000 - burn : 1000)),
          total: new Float64Array(minutes).fill(1000),
        },
        objective: 0.999,
        method: { kind: 'Occurrences' },
        window: { kind: 'rolling', durationMs: 30 * DAY },
      });
      if (!result.ok) throw new Error(result.error.message);
      const end = result.value.end;
      expect(end?.budgetTotal).toBeCloseTo(43_200, 6);
      expect((end?.consumed ?? 0) / (end?.budgetTotal ?? 1)).toBeCloseTo(share, 9);
    }
  });

  it('burn 1000 exhausts a 30-day 99.9 % time budget (43.2 min) in 43.2 min: after one bad minute, 42.2 min are left', () => {
    const result = computeErrorBudget({
      series: { kind: 'slices', timesMs: Float64Array.of(START), good: Uint8Array.of(0) },
      objective: 0.999,
      method: { kind: 'Timeslices', sliceMs: MIN, sliceThreshold: 1 },
      window: { kind: 'rolling', durationMs: 30 * DAY },
    });
    if (!result.ok) throw new Error(result.error.message);
    // burn = (1/1) / 0.001 = 1000; left = (42.2 / 43.2) × 43,200 min / 1000 = 42.2 min.
    expect(result.value.end?.burnRate).toBe(1000);
    expect(result.value.end?.budgetTotal).toBeCloseTo(43.2, 9);
    expect(result.value.end?.timeToExhaustionMs).toBeCloseTo(42.2 * MIN, 3);
  });
});
