import { describe, expect, it } from 'vitest';
import { buildSloReport, zoneOffsetMinutes } from './slo-report.js';

const slo = (method: string, window: string, extra = '') => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-ok
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Prometheus
            spec:
              query: good
        total:
          metricSource:
            type: Prometheus
            spec:
              query: total
  timeWindow:
${window}
  budgetingMethod: ${method}
  objectives:
    - target: 0.999${extra}
`;
const rolling28d = '    - duration: 28d\n      isRolling: true';
const openslo = (text: string) => ({ file: 'slo.yaml', text });

describe('SLO report use case', () => {
  it('without data: 0.1 % of 28 days = 40 m 19.2 s of allowed downtime', () => {
    const r = buildSloReport({ openslo: openslo(slo('Occurrences', rolling28d)) });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const o = r.value.slos[0]?.objectives[0];
    expect(o?.allowedBadFraction).toBe(0.001);
    expect(o?.allowedDowntimeSeconds).toBeCloseTo(2419.2, 9);
    expect(o?.budget).toBeNull();
    expect(r.value.slos[0]?.window).toEqual({ kind: 'rolling', duration: '28d', timeZone: null });
  });

  it('Occurrences from counts: 3 bad of 4,000 = 3 of a 4-event budget', () => {
    const csv =
      'timestamp,good,total\n2026-03-01T00:00:00Z,1000,1000\n2026-03-01T00:01:00Z,997,1000\n2026-03-01T00:02:00Z,1000,1000\n2026-03-01T00:03:00Z,1000,1000\n';
    const r = buildSloReport({ openslo: openslo(slo('Occurrences', rolling28d)), data: { file: 'sli.csv', text: csv } });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const b = r.value.slos[0]?.objectives[0]?.budget;
    expect(b?.unit).toBe('events');
    expect(b?.total).toBeCloseTo(4, 9);
    expect(b?.consumed).toBe(3);
    expect(b?.attainedSli).toBeCloseTo(3997 / 4000, 12);
  });

  it('says why a budget is not computed: threshold data for a ratio SLI', () => {
    const values = { file: 'v.csv', text: 'timestamp,value\n2026-03-01T00:00:00Z,12\n' };
    const mismatch = buildSloReport({ openslo: openslo(slo('Occurrences', rolling28d)), data: values });
    expect(mismatch.ok && mismatch.value.slos[0]?.objectives[0]?.notComputed).toBe('a ratio SLI needs timestamp,good,total data');
  });

  it('RatioTimeslices over 1-min slices 1000/1000, 2/4, 990/1000: SLI 2.49/3, 0.51 of 40.32 budget minutes spent', () => {
    const csv = 'timestamp,good,total\n2026-03-01T00:00:00Z,1000,1000\n2026-03-01T00:01:00Z,2,4\n2026-03-01T00:02:00Z,990,1000\n';
    const r = buildSloReport({
      openslo: openslo(slo('RatioTimeslices', rolling28d, '\n      timeSliceWindow: 1m')),
      data: { file: 'c.csv', text: csv },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const o = r.value.slos[0]?.objectives[0];
    expect(o?.notComputed).toBeNull();
    // Slice ratios 1, 0.5 and 0.99: mean 0.83; consumed (0 + 0.5 + 0.01) × 1 min; budget 0.1 % × 40,320 min.
    expect(o?.budget?.unit).toBe('minutes');
    expect(o?.budget?.attainedSli).toBeCloseTo(0.83, 12);
    expect(o?.budget?.consumed).toBeCloseTo(0.51, 12);
    expect(o?.budget?.total).toBeCloseTo(40.32, 9);
    expect(o?.budget?.remaining).toBeCloseTo(39.81, 9);
  });

  it('problems from the CSV keep their file and line', () => {
    const r = buildSloReport({
      openslo: openslo(slo('Occurrences', rolling28d)),
      data: { file: 'sli.csv', text: 'timestamp,good,total\n2026-03-01T00:00:00Z,5,4\n' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ file: 'sli.csv', line: 2, code: 'good-over-total' });
  });

  it('zone offsets follow daylight saving: New York is −300 min in January, −240 in July', () => {
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2026, 0, 15))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2026, 6, 15))).toBe(-240);
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.UTC(2026, 0, 15))).toBe(330);
    expect(zoneOffsetMinutes('UTC', 0)).toBe(0);
    expect(zoneOffsetMinutes('Not/AZone', 0)).toBeUndefined();
  });
});
