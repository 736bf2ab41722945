import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateBurnRateAlerts } from './burn-rate-alerts.js';
import { type SloUnits, sloUnits } from './error-budget.js';

const MIN = 60_000;
const START = Date.UTC(2026, 10, 1);
const HOURS = 84; // 3.5 days: enough for the 3 d ticket window
const PER_HOUR = 12; // one sample every 5 min

/** 5-minute samples of 1000 events; the bad count follows an hourly profile (per mille). */
function units(profile: readonly number[]): SloUnits {
  const n = HOURS * PER_HOUR;
  const total = new Float64Array(n).fill(1000);
  const result = sloUnits(
    {
      kind: 'counts',
      timesMs: Float64Array.from({ length: n }, (_, i) => START + i * 5 * MIN),
      good: Float64Array.from({ length: n }, (_, i) => 1000 - (profile[Math.floor(i / PER_HOUR)] ?? 0)),
      total,
    },
    { kind: 'Occurrences' },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const profiles = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: HOURS, maxLength: HOURS });
const rank = { page: 2, ticket: 1 } as const;

describe('burn-rate alerts are monotone in the error rate', () => {
  it('raising errors anywhere never silences a firing rule nor lowers a measured burn rate', () => {
    fc.assert(
      fc.property(profiles, profiles, fc.integer({ min: 0, max: 3 * 24 * 12 }), (base, extra, back) => {
        const worse = base.map((b, h) => Math.min(1000, b + (extra[h] ?? 0)));
        const at = START + (HOURS * PER_HOUR - 1 - back) * 5 * MIN;
        const a = evaluateBurnRateAlerts(units(base), 0.999, at);
        const b = evaluateBurnRateAlerts(units(worse), 0.999, at);
        for (const [k, m] of a.measurements.entries()) {
          const w = b.measurements[k];
          expect(w?.longBurnRate ?? 0).toBeGreaterThanOrEqual((m.longBurnRate ?? 0) - 1e-9);
          expect(w?.shortBurnRate ?? 0).toBeGreaterThanOrEqual((m.shortBurnRate ?? 0) - 1e-9);
          if (m.fires) expect(w?.fires).toBe(true);
        }
        expect(b.severity === null ? 0 : rank[b.severity]).toBeGreaterThanOrEqual(a.severity === null ? 0 : rank[a.severity]);
      }),
      { numRuns: 60 },
    );
  });

  it('a constant error ratio fires exactly the rules whose factor it exceeds (every ratio 0..30 per mille)', () => {
    // Exhaustive rather than sampled: the boundary ratios 1 and 6 per mille must not fire (strict >).
    for (let perMille = 0; perMille <= 30; perMille++) {
      // ratio perMille / 1000 at objective 99.9 % → burn = perMille (the same in every window).
      const e = evaluateBurnRateAlerts(units(new Array(HOURS).fill(perMille)), 0.999, START + (HOURS * PER_HOUR - 1) * 5 * MIN);
      for (const m of e.measurements) {
        expect(m.longBurnRate).toBeCloseTo(perMille, 9);
        expect(m.fires).toBe(perMille > m.rule.burnRate);
      }
    }
  });
});
