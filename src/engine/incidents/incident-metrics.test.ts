import { describe, expect, it } from 'vitest';
import { incidentSchema } from '../../domain/incident.js';
import { budgetConsumed, countIncidents, incidentDurations } from './incident-metrics.js';

const base = {
  id: 'inc-1',
  title: 'Checkout errors',
  severity: 'SEV2',
  startedAt: '2027-03-15T09:10:00Z',
  services: ['checkout', 'payments'],
} as const;

const incident = incidentSchema.parse({
  ...base,
  impactStartedAt: '2027-03-15T09:00:00Z',
  timeline: [
    // Out of order on purpose: the first entry of a kind is the earliest, not the first written.
    { at: '2027-03-15T09:25:00Z', kind: 'acknowledged', text: 'IC on call' },
    { at: '2027-03-15T09:07:00Z', kind: 'detected', text: 'alert fired' },
    { at: '2027-03-15T10:05:00Z', kind: 'mitigated', text: 'rolled back' },
    { at: '2027-03-15T11:30:00Z', kind: 'resolved', text: 'fix deployed' },
    { at: '2027-03-15T09:30:00Z', kind: 'acknowledged', text: 'second ack' },
  ],
});

describe('incidentDurations', () => {
  it('measures every milestone from the start of impact, in minutes', () => {
    // 09:00 → 09:07 = 7; → 09:25 = 25; → 10:05 = 65; → 11:30 = 150.
    expect(incidentDurations(incident)).toMatchObject({
      timeToDetect: 7,
      timeToAcknowledge: 25,
      timeToMitigate: 65,
      timeToResolve: 150,
    });
  });

  it('measures from detection, with no time to detect, when impact start is unknown', () => {
    const { impactStartedAt: _, ...rest } = incident;
    const d = incidentDurations({ ...rest });
    // 09:07 → 09:25 = 18; → 10:05 = 58; → 11:30 = 143.
    expect(d).toMatchObject({ timeToDetect: null, timeToAcknowledge: 18, timeToMitigate: 58, timeToResolve: 143 });
  });

  it('leaves milestones not yet reached as null', () => {
    const open = incidentSchema.parse({ ...base, timeline: [{ at: '2027-03-15T09:07:00Z', kind: 'detected' }] });
    expect(incidentDurations(open)).toMatchObject({ timeToAcknowledge: null, timeToMitigate: null, timeToResolve: null });
  });
});

describe('countIncidents', () => {
  it('counts per severity and per service, once per service an incident touches', () => {
    const others = [
      incidentSchema.parse({ ...base, id: 'inc-2', severity: 'SEV1', services: ['payments'] }),
      incidentSchema.parse({ ...base, id: 'inc-3', severity: 'SEV2', services: ['checkout', 'checkout'] }),
      incidentSchema.parse({ ...base, id: 'inc-4', severity: 'SEV4', services: [] }),
    ];
    const c = countIncidents([incident, ...others]);
    expect(c.total).toBe(4);
    expect(c.bySeverity).toEqual({ SEV1: 1, SEV2: 2, SEV3: 0, SEV4: 1 });
    expect(c.byService.get('checkout')).toEqual({ SEV1: 0, SEV2: 2, SEV3: 0, SEV4: 0 });
    expect(c.byService.get('payments')).toEqual({ SEV1: 1, SEV2: 1, SEV3: 0, SEV4: 0 });
    expect([...c.byService.keys()].sort()).toEqual(['checkout', 'payments']);
  });
});

describe('budgetConsumed', () => {
  it('counts impact minutes up to mitigation against the window budget', () => {
    // 99.9 % over 30 days = 43.2 min; impact 09:00 → 10:05 = 65 min = 1.5046… budgets.
    const r = budgetConsumed(incident, 43.2, new Date('2027-03-20T00:00:00Z'));
    expect(r.ok && r.value.minutes).toBe(65);
    expect(r.ok && r.value.fraction).toBeCloseTo(65 / 43.2, 12);
    expect(r.ok && r.value.ongoing).toBe(false);
  });

  it('keeps counting to now while the incident is not mitigated', () => {
    const open = incidentSchema.parse({ ...base, impactStartedAt: '2027-03-15T09:00:00Z' });
    const r = budgetConsumed(open, 100, Date.parse('2027-03-15T09:40:00Z'));
    expect(r).toEqual({ ok: true, value: { minutes: 40, fraction: 0.4, ongoing: true } });
  });

  it('refuses a budget that is not a positive number', () => {
    const r = budgetConsumed(incident, 0, 0);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('inc-1');
  });
});
