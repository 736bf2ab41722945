import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { migrationSchema } from '../../domain/migration.js';
import { createRandom } from '../rcpsp/random.js';
import { teamOutlooks } from './laggards.js';
import { forecastMigration } from './migration-forecast.js';
import { simulateWeeksToFinish } from './throughput-forecast.js';

const d = (s: string) => s as CalendarDate;

describe('simulateWeeksToFinish', () => {
  it('finishes in exactly remaining ÷ throughput weeks when every week is the same', () => {
    const r = simulateWeeksToFinish(Int32Array.of(4, 4, 4), 10, { trials: 50, random: createRandom(1) });
    expect(r.ok && [...new Set(r.value.weeks)]).toEqual([2.5]);
  });

  it('refuses a history without a finished step, and needs no trial when nothing is left', () => {
    const none = simulateWeeksToFinish(Int32Array.of(0, 0), 5, { trials: 10, random: createRandom(1) });
    expect(!none.ok && none.error.code).toBe('no-throughput');
    const done = simulateWeeksToFinish(Int32Array.of(0, 0), 0, { trials: 3, random: createRandom(1) });
    expect(done.ok && [...done.value.weeks]).toEqual([0, 0, 0]);
  });

  it('is the same for the same seed, and its spread grows when the history is resampled', () => {
    const history = Int32Array.of(1, 5, 2, 0, 4, 3, 2, 6);
    const run = (seed: number, resampleHistory: boolean) => {
      const r = simulateWeeksToFinish(history, 40, { trials: 4000, random: createRandom(seed), resampleHistory });
      if (!r.ok) throw new Error('no forecast');
      return r.value.weeks;
    };
    expect(run(3, true)).toEqual(run(3, true));
    const sd = (w: Float64Array) => {
      const m = w.reduce((s, x) => s + x, 0) / w.length;
      return Math.sqrt(w.reduce((s, x) => s + (x - m) ** 2, 0) / w.length);
    };
    expect(sd(run(4, true))).toBeGreaterThan(sd(run(4, false)) * 1.3);
  });
});

// 10 services × 4 steps; "web" finishes 2 steps every week from 2027-01-04, "data" 1 step every other week.
const services = Array.from({ length: 10 }, (_, k) => ({
  service: `svc-${k}`,
  team: k < 5 ? 'web' : 'data',
  done: {} as Record<string, string>,
}));
const steps = ['inventory', 'dual-run', 'cutover', 'decommission'];
const order = services.flatMap((s) => steps.map((step) => ({ s, step })));
const web = order.filter((o) => o.s.team === 'web');
const data = order.filter((o) => o.s.team === 'data');
const day = (n: number) => new Date(Date.UTC(2027, 0, 4 + n)).toISOString().slice(0, 10);
// Week w (0-based) covers days 7w..7w+6; web does two a week on days 7w+1 and 7w+3.
web.slice(0, 16).forEach((o, k) => {
  o.s.done[o.step] = day(7 * Math.floor(k / 2) + 1 + 2 * (k % 2));
});
data.slice(0, 4).forEach((o, k) => {
  o.s.done[o.step] = day(14 * k + 2);
});
const migration = migrationSchema.parse({ id: 'm', title: 'M', start: '2027-01-04', target: '2027-04-30', services });
const asOf = d('2027-02-28'); // 8 whole weeks since 2027-01-04 (56 days)

describe('forecastMigration and laggards', () => {
  const options = { asOf, trials: 2000, random: createRandom(5), historyWeeks: 8 };
  const f = forecastMigration(migration, new Map(), options);

  it('forecasts from 8 weeks of history: 20 steps done, 20 left at 2.5 a week', () => {
    expect(f.progress.overall.stepsDone).toBe(20);
    if (!f.forecast.ok) throw new Error('no forecast');
    const fc = f.forecast.value;
    expect(fc.history.reduce((s, x) => s + x, 0)).toBe(20);
    expect(fc.meanThroughput).toBe(2.5);
    // 20 steps at 2.5 a week ≈ 8 weeks → around 2027-04-25; P50 ≤ P80 ≤ P95.
    expect(fc.p50 !== null && fc.p50 >= '2027-04-11' && fc.p50 <= '2027-05-09').toBe(true);
    expect((fc.p50 as string) <= (fc.p80 as string) && (fc.p80 as string) <= (fc.p95 as string)).toBe(true);
    expect(fc.probabilityByTarget).toBeGreaterThan(0.2);
    expect(fc.probabilityByTarget).toBeLessThan(0.9);
    expect(fc.curve.at(-1)?.[1]).toBeGreaterThanOrEqual(0.95);
  });

  it('names data as the laggard: 20 % done against 50 % overall, and its own P80 after the target', () => {
    const outlooks = teamOutlooks(migration, f);
    const byTeam = new Map(outlooks.map((o) => [o.team, o]));
    expect(byTeam.get('data')?.reasons).toEqual(['behind', 'late']);
    expect(byTeam.get('data')?.remaining).toBe(16);
    expect(byTeam.get('web')?.reasons).toEqual([]);
    expect(byTeam.get('web')?.remaining).toBe(4);
  });

  it('calls a team that finished nothing in the window stalled', () => {
    const quiet = migrationSchema.parse({ ...migration, services: [...services, { service: 'late', team: 'ops', done: {} }] });
    const g = forecastMigration(quiet, new Map(), options);
    const ops = teamOutlooks(quiet, g).find((o) => o.team === 'ops');
    expect(ops?.reasons).toEqual(['behind', 'stalled']);
    expect(g.forecast.ok).toBe(true);
  });
});
