import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { migrationSchema } from '../../domain/migration.js';
import { burnDown } from './burn-down.js';
import { finishedSteps, migrationProgress, NO_TEAM, nextStepOf } from './migration-progress.js';
import { weeklyThroughput } from './throughput.js';

const d = (s: string) => s as CalendarDate;
const migration = migrationSchema.parse({
  id: 'dc-exit',
  title: 'Leave the data centre',
  start: '2027-01-04',
  target: '2027-06-30',
  services: [
    {
      service: 'checkout-api',
      done: { inventory: '2027-01-05', 'dual-run': '2027-01-20', cutover: '2027-02-03', decommission: '2027-02-10' },
    },
    { service: 'payments', done: { inventory: '2027-01-06', 'dual-run': '2027-02-01' } },
    { service: 'ledger', team: 'data', done: { inventory: '2027-01-12' } },
    { service: 'orphan', done: {} },
  ],
});
const owners = new Map([
  ['checkout-api', 'web'],
  ['payments', 'web'],
  ['ledger', 'payments-team'],
]);

describe('migrationProgress', () => {
  it('counts finished steps and fully migrated services per team, per step and overall', () => {
    const p = migrationProgress(migration, owners);
    expect(p.overall).toEqual({ services: 4, servicesDone: 1, steps: 16, stepsDone: 7, share: 7 / 16 });
    expect(p.teams.map((t) => [t.team, t.services, t.servicesDone, t.stepsDone, t.steps])).toEqual([
      ['data', 1, 0, 1, 4],
      ['web', 2, 1, 6, 8],
      [NO_TEAM, 1, 0, 0, 4],
    ]);
    expect(p.columns.map((c) => [c.step, c.done])).toEqual([
      ['inventory', 3],
      ['dual-run', 2],
      ['cutover', 1],
      ['decommission', 1],
    ]);
  });

  it('counts only what was done by the as-of day', () => {
    const p = migrationProgress(migration, owners, d('2027-01-20'));
    expect(p.overall.stepsDone).toBe(4);
    expect(p.overall.servicesDone).toBe(0);
    expect(nextStepOf(migration, migration.services[0] as never, d('2027-01-20'))).toBe('cutover');
    expect(nextStepOf(migration, migration.services[0] as never)).toBeUndefined();
  });

  it('lists finished steps in date order, and ignores names that are not steps', () => {
    const odd = migrationSchema.parse({
      ...migration,
      services: [{ service: 'x', done: { typo: '2027-01-01', inventory: '2027-01-02' } }],
    });
    expect(finishedSteps(odd, owners).map((s) => s.step)).toEqual(['inventory']);
    expect(finishedSteps(migration, owners, d('2027-01-12')).map((s) => `${s.on} ${s.service} ${s.step}`)).toEqual([
      '2027-01-05 checkout-api inventory',
      '2027-01-06 payments inventory',
      '2027-01-12 ledger inventory',
    ]);
  });
});

describe('burnDown', () => {
  it('gives remaining steps at the end of each week from the start, closing on the as-of day', () => {
    const points = burnDown(finishedSteps(migration, owners), 16, d('2027-01-04'), d('2027-02-03'));
    expect(points.map((p) => [p.on, p.remaining, p.finished])).toEqual([
      ['2027-01-04', 16, 0],
      ['2027-01-11', 14, 2],
      ['2027-01-18', 13, 1],
      ['2027-01-25', 12, 1],
      ['2027-02-01', 11, 1],
      ['2027-02-03', 10, 1],
    ]);
  });

  it('can go day by day, and is empty when the as-of day is before the start', () => {
    expect(burnDown(finishedSteps(migration, owners), 16, d('2027-01-04'), d('2027-01-06'), 'day').map((p) => p.remaining)).toEqual([
      16, 15, 14,
    ]);
    expect(burnDown([], 16, d('2027-01-04'), d('2027-01-01'))).toEqual([]);
  });
});

describe('weeklyThroughput', () => {
  it('counts steps in 7-day weeks back from the as-of day, never before the start', () => {
    const on = finishedSteps(migration, owners).map((s) => s.on);
    // Five whole weeks fit since 01-04. Newest first: 02-04..02-10 decommission (1); 01-28..02-03 dual-run 02-01
    // and cutover 02-03 (2); 01-21..01-27 none; 01-14..01-20 dual-run 01-20 (1); 01-07..01-13 ledger 01-12 (1).
    const w = weeklyThroughput(on, d('2027-01-04'), d('2027-02-10'), 12);
    expect(w.from).toBe('2027-01-07');
    expect([...w.counts]).toEqual([1, 1, 0, 2, 1]);
    expect([...weeklyThroughput(on, d('2027-01-04'), d('2027-02-10'), 2).counts]).toEqual([2, 1]);
    expect([...weeklyThroughput(on, d('2027-01-04'), d('2027-01-06'), 12).counts]).toEqual([2]);
  });
});
