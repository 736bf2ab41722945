import { describe, expect, it } from 'vitest';
import { fixture, readValid } from '../../../test/support/programs.js';
import type { SloId } from '../../domain/program-slo.js';
import type { StoredSli } from '../../store/sli-store.js';
import { budgetMinutesOf, incidentMetricsReport } from './incident-metrics-report.js';

const model = readValid(fixture('reliability/identity-platform.yaml'));
const MIN = 60_000;

/** One sample a minute from 13:50 to 14:50 on 2026-11-10, 1000 requests each; `bad(minute)` of them failed. */
function perMinute(bad: (t: number) => number): StoredSli {
  const start = Date.parse('2026-11-10T13:50:00Z');
  const n = 61;
  const timestamps = new Float64Array(n);
  const good = new Float64Array(n);
  const total = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    timestamps[k] = start + k * MIN;
    total[k] = 1000;
    good[k] = 1000 - bad(start + k * MIN);
  }
  return {
    slo: 'identity-availability' as SloId,
    kind: 'ratio',
    source: 'csv',
    samples: n,
    fromMs: start,
    toMs: start + (n - 1) * MIN,
    actor: 'test',
    updatedAt: new Date(0),
    series: { kind: 'ratio', timestamps, good, total },
  };
}

describe('budget consumed per incident', () => {
  const now = new Date('2026-11-11T00:00:00Z');

  it('without SLI data: every impact minute counts as bad against the window budget in minutes', () => {
    // 99.9 % over 28 days allows 40.32 minutes; inc-101's impact ran 13:58 → mitigated 14:40 = 42 minutes.
    expect(budgetMinutesOf(model.slos[0] as (typeof model.slos)[number])).toBeCloseTo(40.32, 9);
    const [row] = incidentMetricsReport(model, { now }).budgetConsumed;
    expect(row).toEqual({
      incident: 'inc-101',
      slo: 'identity-availability',
      consumed: 42,
      unit: 'minutes',
      fraction: expect.closeTo(42 / 40.32, 9),
      ongoing: false,
      source: 'impact-minutes',
    });
  });

  it('with SLI data: the bad events stamped in (impact start, mitigation], against the event budget then', () => {
    // 50 bad a minute from 13:59 to 14:40 (42 samples) = 2100; the 30 bad at 14:45 are after mitigation.
    const sli = perMinute((t) => {
      if (t > Date.parse('2026-11-10T13:58:00Z') && t <= Date.parse('2026-11-10T14:40:00Z')) return 50;
      return t === Date.parse('2026-11-10T14:45:00Z') ? 30 : 0;
    });
    const [row] = incidentMetricsReport(model, { now, sli: new Map([['identity-availability', sli]]) }).budgetConsumed;
    // By 14:40 the window holds 51 samples of 1000 requests: a budget of 0.1 % × 51 000 = 51 events.
    expect(row).toEqual({
      incident: 'inc-101',
      slo: 'identity-availability',
      consumed: 2100,
      unit: 'events',
      fraction: expect.closeTo(2100 / 51, 6),
      ongoing: false,
      source: 'sli-data',
    });
  });
});
