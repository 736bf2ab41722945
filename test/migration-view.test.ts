import { describe, expect, it } from 'vitest';
import { debtView } from '../src/app/debt/debt-view.js';
import { findMigration, migrationView, summariseMigration } from '../src/app/migration/migration-view.js';
import type { CalendarDate } from '../src/domain/calendar-date.js';
import { fixture, readValid } from './support/programs.js';

const model = readValid(fixture('migration/dc-exit.yaml'));
const asOf = '2027-03-05' as CalendarDate;

describe('migration view of test/fixtures/migration/dc-exit.yaml on 2027-03-05', () => {
  const found = findMigration(model, 'dc-exit');
  if (!found.ok) throw new Error(found.error.message);
  const view = migrationView(model, found.value, { asOf, trials: 4000, seed: 1 });

  it('counts 11 of 20 steps, 2 of 5 services, per team and per step', () => {
    expect(view.progress.overall).toMatchObject({ stepsDone: 11, steps: 20, servicesDone: 2, services: 5 });
    expect(view.teams.map((t) => [t.team, t.stepsDone, t.steps, t.servicesDone])).toEqual([
      ['data', 1, 8, 0],
      ['web', 10, 12, 2],
    ]);
    expect(view.progress.columns.map((c) => c.done)).toEqual([4, 3, 2, 2]);
    expect(view.grid.map((r) => r.next)).toEqual([null, null, 'cutover', 'dual-run', 'inventory']);
  });

  it('burns down weekly from the start to the status day', () => {
    expect(view.burnDown[0]).toEqual({ on: '2027-01-11', remaining: 20, finished: 0 });
    // Points every 7 days from 01-11; the last full week ends 03-01 (payments decommissioned that day), then 03-05 closes it.
    expect(view.burnDown.at(-2)).toEqual({ on: '2027-03-01', remaining: 9, finished: 2 });
    expect(view.burnDown.at(-1)).toEqual({ on: '2027-03-05', remaining: 9, finished: 0 });
  });

  it('forecasts the 9 steps left from 7 whole weeks of history (9 steps in them) and names data the laggard', () => {
    const f = view.forecast;
    if (f === null) throw new Error('no forecast');
    // Weeks back from 03-05: 02-27..03-05 has 03-01 (1); 02-20..26 has 02-24 (1); 02-13..19 has 02-17 (1);
    // 02-06..12 has 02-08 and 02-12 (2); 01-30..02-05 has 02-03 (1); 01-23..29 has 01-29 (1); 01-16..22 has 01-20 and 01-22 (2).
    expect(f.history).toEqual([2, 1, 1, 2, 1, 1, 1]);
    expect(f.remaining).toBe(9);
    // 9 steps at 9/7 a week ≈ 7 weeks → around 2027-04-23.
    expect(f.p50 !== null && f.p50 >= '2027-04-09' && f.p50 <= '2027-05-07').toBe(true);
    expect(view.laggards).toEqual(['data']);
    expect(view.teams.find((t) => t.team === 'data')?.reasons).toEqual(['behind', 'late']);
    expect(view.nextSteps.find((t) => t.team === 'web')?.steps).toEqual([{ service: 'search', step: 'cutover', item: null }]);
    expect(summariseMigration(view)).toMatchObject({ id: 'dc-exit', stepsDone: 11, laggards: ['data'] });
  });

  it('is the same for the same seed', () => {
    const again = migrationView(model, found.value, { asOf, trials: 4000, seed: 1 });
    expect(again.forecast).toEqual(view.forecast);
  });

  it('says which migrations exist when asked for another', () => {
    const missing = findMigration(model, 'nope');
    expect(!missing.ok && `${missing.error.message}; ${missing.error.hint}`).toBe(
      'program dc-exit-demo has no migration "nope"; its migrations are: dc-exit',
    );
  });
});

describe('debt view of the same program at 2027-03-05 12:00 UTC', () => {
  it('ranks manual-certs (12 h toil) over fix-failover (6 h toil + inc-1: 3 h × 2 responders ÷ 3 months = 2 h)', () => {
    const v = debtView(model, new Date('2027-03-05T12:00:00Z'));
    expect(v.open.map((d) => [d.rank, d.id, d.interestPerMonth, d.planned])).toEqual([
      [1, 'manual-certs', 12, false],
      [2, 'fix-failover', 8, true],
      [3, 'old-orm', 2, true],
    ]);
    expect(v.open[1]?.priority).toBe(2);
    expect(v.open[1]?.ageDays).toBe(185);
    expect(v.totals).toMatchObject({ items: 3, interestPerMonth: 22, unplanned: 1 });
  });
});
