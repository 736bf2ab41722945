import { describe, expect, it } from 'vitest';
import type { ProgramId } from '../../domain/ids.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { type ProgramSlo, programSloSchema, type SloId } from '../../domain/program-slo.js';
import type { SliSeries } from '../../formats/sli-csv/read-sli-csv.js';
import type { StoredSli } from '../../store/sli-store.js';
import { NO_DATA, programSloStatuses, sloSeries, sloStatus } from './slo-status.js';

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2); // Monday 2026-11-02 00:00 UTC

const availability = programSloSchema.parse({
  id: 'identity-availability',
  service: 'identity-api',
  name: 'Identity API availability',
  objective: 99.9,
  window: '28d',
  indicator: { ratio: { good: 'g', total: 't' } },
});
const latency = programSloSchema.parse({
  id: 'billing-latency',
  service: 'billing-api',
  objective: 99,
  budgeting: 'Timeslices',
  window: '1w',
  calendar: { start: '2026-11-02 00:00:00', timeZone: 'UTC' },
  timeSlice: { window: '1m', target: 95 },
  indicator: { threshold: { query: 'q', op: 'lte', value: 0.3 } },
});

function stored(slo: ProgramSlo, series: SliSeries): StoredSli {
  const n = series.timestamps.length;
  return {
    slo: slo.id as SloId,
    kind: series.kind,
    source: 'csv',
    samples: n,
    fromMs: n ? (series.timestamps[0] as number) : null,
    toMs: n ? (series.timestamps[n - 1] as number) : null,
    actor: 'test',
    updatedAt: new Date(T0),
    series,
  };
}

/** 1000 minutes of 100 requests each; minutes 500 and 501 have 10 failures each. */
function ratioSeries(): SliSeries {
  const n = 1000;
  const timestamps = Float64Array.from({ length: n }, (_, i) => T0 + (i + 1) * MIN);
  const total = new Float64Array(n).fill(100);
  const good = Float64Array.from({ length: n }, (_, i) => (i === 500 || i === 501 ? 90 : 100));
  return { kind: 'ratio', timestamps, good, total };
}

describe('status of a program SLO', () => {
  it('without data: the objective, window and allowed downtime, and why there is no budget', () => {
    const s = sloStatus(availability, undefined, T0);
    expect(s).toMatchObject({
      id: 'identity-availability',
      name: 'Identity API availability',
      objective: 99.9,
      budgeting: 'Occurrences',
      window: '28d',
      calendar: null,
      unit: 'events',
      data: null,
      budget: null,
      notComputed: NO_DATA,
    });
    // 0.1 % of 28 days = 2419.2 s (40 m 19.2 s).
    expect(s.allowedDowntimeSeconds).toBe(2419.2);
  });

  it('Occurrences: 20 bad of 100,000 events against a 100-event budget (hand-computed)', () => {
    const s = sloStatus(availability, stored(availability, ratioSeries()), T0 + 2 * DAY);
    expect(s.data).toEqual({ samples: 1000, from: '2026-11-02T00:01:00.000Z', to: '2026-11-02T16:40:00.000Z', source: 'csv' });
    expect(s.notComputed).toBeNull();
    const b = s.budget;
    expect(b?.atMs).toBe(T0 + 1000 * MIN);
    expect(b?.attainedSli).toBeCloseTo(0.9998, 12);
    expect(b?.total).toBeCloseTo(100, 9);
    expect(b?.consumed).toBe(20);
    expect(b?.remaining).toBeCloseTo(80, 9);
    expect(b?.exhausted).toBe(false);
    // (20 / 100,000) / 0.001 = 0.2; remaining 80 % of 28 d at 0.2× = 112 days.
    expect(b?.burnRate).toBeCloseTo(0.2, 12);
    expect(b?.timeToExhaustionMs).toBeCloseTo(112 * DAY, 0);
    expect(b?.alert).toBeNull();
    expect(b?.rules.map((r) => r.name)).toEqual(['page-fast', 'page-slow', 'ticket']);
  });

  it('an instant before the data leaves no samples to compute on', () => {
    const s = sloStatus(availability, stored(availability, ratioSeries()), T0);
    expect(s.budget).toBeNull();
    expect(s.notComputed).toBe(
      'no samples at or before 2026-11-02T00:00:00.000Z: the data runs from 2026-11-02T00:01:00.000Z to 2026-11-02T16:40:00.000Z; ask for a time in that span',
    );
  });

  it('Timeslices over a calendar week: 30 bad minutes of a 100.8-minute budget', () => {
    const n = 2 * 24 * 60;
    const timestamps = Float64Array.from({ length: n }, (_, i) => T0 + i * MIN);
    const values = Float64Array.from({ length: n }, (_, i) => (i >= 600 && i < 630 ? 0.5 : 0.2));
    const s = sloStatus(latency, stored(latency, { kind: 'threshold', timestamps, values }), T0 + 2 * DAY);
    expect(s.unit).toBe('minutes');
    expect(s.calendar).toEqual({ start: '2026-11-02 00:00:00', timeZone: 'UTC' });
    // 1 % of 7 days = 6048 s.
    expect(s.allowedDowntimeSeconds).toBe(6048);
    expect(s.budget?.total).toBeCloseTo(100.8, 9);
    expect(s.budget?.consumed).toBe(30);
    expect(s.budget?.remaining).toBeCloseTo(70.8, 9);
  });

  it('data of the other kind is not computed, and says which data the SLI needs', () => {
    const s = sloStatus(latency, stored(latency, ratioSeries()), T0 + 2 * DAY);
    expect(s.budget).toBeNull();
    expect(s.notComputed).toBe('a threshold SLI needs timestamp,value data');
  });

  it('an exhausted budget says so', () => {
    const series = ratioSeries();
    if (series.kind !== 'ratio') throw new Error('ratio');
    series.good[700] = 0; // 100 more bad events: 120 of a 100-event budget
    const s = sloStatus(availability, stored(availability, series), T0 + 2 * DAY);
    expect(s.budget?.consumed).toBe(120);
    expect(s.budget?.exhausted).toBe(true);
    expect(s.budget?.timeToExhaustionMs).toBe(0);
  });

  it('reads each SLO of the program from the store, in the program order', async () => {
    const reads: string[] = [];
    const data = stored(availability, ratioSeries());
    const store = {
      sli: {
        read: async (_p: ProgramId, slo: SloId) => {
          reads.push(slo);
          return slo === availability.id ? data : undefined;
        },
      },
    };
    const model = { slos: [latency, availability] } as unknown as ProgramModel;
    const statuses = await programSloStatuses(store, 'p' as ProgramId, model, T0 + 2 * DAY);
    expect(statuses.map((s) => [s.id, s.budget?.consumed ?? null])).toEqual([
      ['billing-latency', null],
      ['identity-availability', 20],
    ]);
    expect(reads.sort()).toEqual(['billing-latency', 'identity-availability']);
  });
});

describe('series of a program SLO', () => {
  it('at most N points over the window, ending with the status figure', () => {
    const at = T0 + 2 * DAY;
    const series = sloSeries(availability, stored(availability, ratioSeries()), at, 100);
    expect(series.points.length).toBeLessThanOrEqual(100);
    expect(series.points.length).toBeGreaterThan(30);
    const last = series.points[series.points.length - 1];
    expect(last).toMatchObject({ t: T0 + 1000 * MIN, consumed: 20 });
    expect(series.total).toBeCloseTo(100, 9);
    const times = series.points.map((p) => p.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Before the failures nothing is consumed; after them 20 events are.
    expect(series.points[0]?.consumed).toBe(0);
  });

  it('keeps every sample when there are fewer than N', () => {
    const series = sloSeries(availability, stored(availability, ratioSeries()), T0 + 2 * DAY, 5000);
    expect(series.points).toHaveLength(1000);
  });

  it('without data: no points, and why', () => {
    expect(sloSeries(availability, undefined, T0, 10)).toEqual({
      id: 'identity-availability',
      unit: 'events',
      total: null,
      points: [],
      notComputed: NO_DATA,
    });
  });
});
