import { describe, expect, it } from 'vitest';
import { incidentSchema } from '../../domain/incident.js';
import { workItemSchema } from '../../domain/work-item.js';
import { incidentResponderHours } from './debt-interest.js';
import { debtRegister } from './debt-register.js';

const now = Date.parse('2027-03-31T00:00:00Z');
const incident = (id: string, startedAt: string, extra: Record<string, unknown> = {}) =>
  incidentSchema.parse({ id, title: `Incident ${id}`, severity: 'SEV2', startedAt, ...extra });

// inc-1: impact 10:00, mitigated 13:00 (3 h), IC + ops lead → 6 responder-hours.
const inc1 = incident('inc-1', '2027-03-10T10:15:00Z', {
  impactStartedAt: '2027-03-10T10:00:00Z',
  roles: { incidentCommander: 'Ana', opsLead: 'Ben' },
  timeline: [
    { at: '2027-03-10T13:00:00Z', kind: 'mitigated' },
    { at: '2027-03-10T18:00:00Z', kind: 'resolved' },
  ],
});
// inc-2: opened 08:00, resolved 12:00, nobody named → 4 h × 1.
const inc2 = incident('inc-2', '2027-02-01T08:00:00Z', { timeline: [{ at: '2027-02-01T12:00:00Z', kind: 'resolved' }] });
// inc-old: started more than 90 days before now: linked, shown, not counted.
const incOld = incident('inc-old', '2026-11-01T08:00:00Z', { timeline: [{ at: '2026-11-01T20:00:00Z', kind: 'resolved' }] });

const item = (id: string, extra: Record<string, unknown>) => workItemSchema.parse({ id, title: id, ...extra });
const items = [
  item('flaky-failover', {
    team: 'sre',
    services: ['ledger', 'payments'],
    debt: { cause: 'no-time', toilHoursPerMonth: 10, incidents: ['inc-1', 'inc-2'] },
  }),
  item('manual-certs', { services: ['edge'], debt: { cause: 'no-owner', toilHoursPerMonth: 12 } }),
  item('old-orm', { team: 'web', estimate: 5, services: ['payments'], debt: { cause: 'no-knowledge', incidents: ['inc-old', 'inc-404'] } }),
  item('paid', { state: 'done', debt: { cause: 'no-budget', toilHoursPerMonth: 40 } }),
  item('not-debt', { services: ['ledger'] }),
];

describe('debt interest', () => {
  it('costs an incident its firefighting: hours to mitigation × named responders', () => {
    expect(incidentResponderHours(inc1, now)).toBe(6);
    expect(incidentResponderHours(inc2, now)).toBe(4);
    // Still open: counts until now (2027-03-31T00:00 − 2027-03-30T22:00 = 2 h).
    expect(incidentResponderHours(incident('open', '2027-03-30T22:00:00Z'), now)).toBe(2);
  });

  it('ranks open debt by toil + incident hours per month over the 90-day window', () => {
    const r = debtRegister(items, [inc1, inc2, incOld], { now });
    // flaky-failover: 10 + (6 + 4) ÷ 3 months = 13.33; manual-certs: 12; old-orm: 0 (its incidents are old or unknown).
    expect(r.open.map((d) => [d.rank, d.item.id, Number(d.interestPerMonth.toFixed(2)), d.planned])).toEqual([
      [1, 'flaky-failover', 13.33, false],
      [2, 'manual-certs', 12, false],
      [3, 'old-orm', 0, true],
    ]);
    const orm = r.open[2];
    expect(orm?.incidents.map((i) => [i.id, i.known, i.inWindow, i.hours])).toEqual([
      ['inc-old', true, false, 12],
      ['inc-404', false, false, 0],
    ]);
    expect(r.closed.map((d) => d.item.id)).toEqual(['paid']);
    expect(r.totals).toEqual({
      items: 3,
      interestPerMonth: 10 + 10 / 3 + 12,
      toilHoursPerMonth: 22,
      incidentHoursPerMonth: 10 / 3,
      unplanned: 2,
    });
  });

  it('groups by cause (every cause, zeroes kept) and by service (an item counts in full for each)', () => {
    const r = debtRegister(items, [inc1, inc2, incOld], { now });
    expect(r.byCause.map((g) => [g.key, g.items, Number(g.interestPerMonth.toFixed(2))])).toEqual([
      ['no-time', 1, 13.33],
      ['no-budget', 0, 0],
      ['no-owner', 1, 12],
      ['no-knowledge', 1, 0],
    ]);
    expect(r.byService.map((g) => [g.key, g.items, Number(g.interestPerMonth.toFixed(2))])).toEqual([
      ['ledger', 1, 13.33],
      ['payments', 2, 13.33],
      ['edge', 1, 12],
    ]);
  });

  it('uses a flat cost per incident when the program sets one', () => {
    const r = debtRegister(items, [inc1, inc2, incOld], { now, hoursPerIncident: 15, windowDays: 30 });
    // A 30-day window keeps inc-1 only (inc-2 started 58 days before): 10 + 15 h in one month = 25.
    expect(r.open[0]?.interestPerMonth).toBe(25);
    const quarter = debtRegister(items, [inc1, inc2, incOld], { now, hoursPerIncident: 15 });
    // 90 days: both count, 10 + 30 h ÷ 3 months = 20.
    expect(quarter.open[0]?.interestPerMonth).toBe(20);
  });
});
