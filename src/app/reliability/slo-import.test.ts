import { describe, expect, it } from 'vitest';
import type { DataSource, Slo } from '../../domain/slo.js';
import { convertOpenSlo } from './slo-import.js';

const ratioSlo = (overrides: Partial<Slo> = {}): Slo => ({
  name: 'checkout-availability',
  displayName: 'Checkout availability',
  service: 'checkout-api',
  sli: {
    kind: 'ratio',
    name: 'checkout-ratio',
    good: { ref: 'prom', type: 'Prometheus', spec: { query: 'sum(good)' } },
    total: { ref: 'prom', type: 'Prometheus', spec: { query: 'sum(all)' } },
  },
  budgetingMethod: 'Occurrences',
  timeWindow: { kind: 'rolling', duration: { count: 28, unit: 'd' } },
  objectives: [{ target: 0.9995 }],
  alertPolicies: [],
  ...overrides,
});

const prometheus: DataSource = { name: 'prom', type: 'Prometheus', connectionDetails: [{ url: 'http://prometheus:9090' }] };

describe('OpenSLO SLO → program SLOs', () => {
  it('a ratio SLO with a Prometheus DataSource keeps its queries and the server', () => {
    const { slos, warnings } = convertOpenSlo(ratioSlo(), [prometheus]);
    expect(warnings).toEqual([]);
    expect(slos).toEqual([
      {
        id: 'checkout-availability',
        service: 'checkout-api',
        name: 'Checkout availability',
        objective: 99.95,
        budgeting: 'Occurrences',
        window: '28d',
        indicator: { ratio: { good: 'sum(good)', total: 'sum(all)' } },
        source: { prometheus: 'http://prometheus:9090' },
      },
    ]);
  });

  it('one program SLO per objective; a threshold takes op and value from each', () => {
    const slo = ratioSlo({
      sli: { kind: 'threshold', name: 'p99', metric: { type: 'Prometheus', spec: { query: 'p99' } } },
      budgetingMethod: 'Timeslices',
      timeWindow: { kind: 'calendar', duration: { count: 1, unit: 'w' }, startTime: '2026-01-05 00:00:00', timeZone: 'Europe/Paris' },
      objectives: [
        { displayName: 'fast', op: 'lte', value: 0.3, target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: { count: 1, unit: 'm' } },
        { displayName: 'ok', op: 'lte', value: 1, target: 0.999, timeSliceWindow: { count: 5, unit: 'm' } },
      ],
    });
    const { slos } = convertOpenSlo(slo, []);
    expect(slos.map((s) => [s.id, s.name, s.objective, s.indicator, s.timeSlice, s.calendar, s.source])).toEqual([
      [
        'checkout-availability',
        'Checkout availability — fast',
        99,
        { threshold: { query: 'p99', op: 'lte', value: 0.3 } },
        { window: '1m', target: 95 },
        { start: '2026-01-05 00:00:00', timeZone: 'Europe/Paris' },
        undefined,
      ],
      [
        'checkout-availability-2',
        'Checkout availability — ok',
        99.9,
        { threshold: { query: 'p99', op: 'lte', value: 1 } },
        { window: '5m' },
        { start: '2026-01-05 00:00:00', timeZone: 'Europe/Paris' },
        undefined,
      ],
    ]);
  });

  it('what has no program form is a warning naming the SLO, not a guess', () => {
    const raw = convertOpenSlo(ratioSlo({ sli: { kind: 'ratio', name: 'r', raw: { spec: { query: 'ratio' } }, rawType: 'success' } }), []);
    expect(raw.slos).toEqual([]);
    expect(raw.warnings[0]?.message).toMatch(/^SLO checkout-availability: a raw ratio metric/);
    const noQuery = convertOpenSlo(
      ratioSlo({
        sli: { kind: 'ratio', name: 'r', good: { spec: { a: 'x', b: 'y' } }, total: { spec: { query: 't' } } },
      }),
      [],
    );
    expect(noQuery.warnings[0]?.message).toContain('needs a query text');
    const badId = convertOpenSlo(ratioSlo({ name: 'has spaces' }), []);
    expect(badId.warnings[0]?.message).toMatch(/^SLO has spaces: id: an SLO id uses letters/);
  });
});
