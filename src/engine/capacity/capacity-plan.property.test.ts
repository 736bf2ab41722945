import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../../domain/calendar-date.js';
import { type CapacityResource, capacityResourceSchema, GROWTH_PERIODS } from '../../domain/capacity.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { type CapacityPlan, planCapacity } from './capacity-plan.js';
import { type WorkingDays, workingDaysAfter, workingDaysBefore, workingDaysOf } from './working-days.js';

const DAY = [{ start: 540, end: 1020 }];
const compiled = WorkingCalendar.compile(
  {
    timeZone: 'UTC',
    week: [DAY, DAY, DAY, DAY, DAY, [], []],
    exceptions: ['2027-01-01', '2027-05-31', '2027-07-05', '2027-12-24', '2028-01-03'].map((d) => ({ from: d, to: d, spans: [] })),
  },
  '2027-01-01',
);
if (!compiled.ok) throw new Error('calendar');
const calendar: WorkingDays = workingDaysOf(compiled.value);

const TODAY = '2027-02-01' as CalendarDate;
const date = fc.integer({ min: 0, max: 600 }).map((n) => addDays(TODAY, n));

const resourceArb = fc
  .record({
    installed: fc.integer({ min: 100, max: 10_000 }),
    usedShare: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    maxUtilisation: fc.integer({ min: 50, max: 100 }),
    percent: fc.double({ min: 0, max: 40, noNaN: true }),
    per: fc.constantFrom(...GROWTH_PERIODS.filter((p) => p !== 'day')),
    leadDays: fc.integer({ min: 0, max: 120 }),
    orderUnit: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
  })
  .map(
    (g): CapacityResource =>
      capacityResourceSchema.parse({
        id: 'r',
        unit: 'cores',
        installed: g.installed,
        used: g.installed * g.usedShare,
        asOf: TODAY,
        headroom: { maxUtilisation: g.maxUtilisation },
        leadTime: { days: g.leadDays },
        ...(g.orderUnit ? { orderUnit: g.orderUnit } : {}),
        demand: { growth: { percent: g.percent, per: g.per } },
      }),
  );

function plan(resource: CapacityResource, months = 6): CapacityPlan {
  const r = planCapacity({ resource, today: TODAY }, calendar, { months, horizonDays: 1100 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const never = '9999-12-31';

describe('capacity plan invariants', () => {
  it('more growth never brings the run-out later', () => {
    fc.assert(
      fc.property(resourceArb, fc.double({ min: 0, max: 30, noNaN: true }), (r, more) => {
        const growth = r.demand.growth ?? { percent: 0, per: 'month' as const };
        const faster = { ...r, demand: { ...r.demand, growth: { ...growth, percent: growth.percent + more } } };
        expect((plan(faster).runOut ?? never) <= (plan(r).runOut ?? never)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a longer lead time never moves the order-by date later', () => {
    fc.assert(
      fc.property(resourceArb, fc.integer({ min: 0, max: 60 }), (r, extra) => {
        const slower = { ...r, leadTime: { days: (r.leadTime.days ?? 0) + extra } };
        const a = plan(r).orderBy;
        const b = plan(slower).orderBy;
        if (a !== undefined && b !== undefined) expect(b <= a).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('the order covers demand for N months past its arrival', () => {
    fc.assert(
      fc.property(resourceArb, fc.integer({ min: 1, max: 18 }), (r, months) => {
        const p = plan(r, months);
        if (p.order.quantity > 0) {
          expect(p.order.runsOutAgain === undefined || p.order.runsOutAgain > p.order.coverUntil).toBe(true);
          if (r.orderUnit) expect(p.order.quantity % r.orderUnit).toBe(0);
          // Not one order unit too many: one fewer would not cover the peak.
          const unit = r.orderUnit ?? 1;
          const less = plan({ ...r, installed: r.installed + p.order.quantity - unit }, months);
          expect(less.usable).toBeLessThan(p.order.peakDemand);
        }
      }),
      {
        numRuns: 60,
        // Found by CI: 38.7 % a week for 14 months orders 1.5e15 cores, where rounding lost the last one.
        examples: [
          [
            capacityResourceSchema.parse({
              id: 'r',
              unit: 'cores',
              installed: 5722,
              used: 1551.5526053609133,
              asOf: TODAY,
              headroom: { maxUtilisation: 50 },
              leadTime: { days: 105 },
              demand: { growth: { percent: 38.74382169219691, per: 'week' } },
            }),
            14,
          ],
        ],
      },
    );
  });

  it('the order-by date leaves exactly the lead time of working days before the run-out', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 200 }), (d, n) => {
        const before = workingDaysBefore(d, n, calendar);
        expect(calendar.isWorkingDay(before)).toBe(true);
        expect(workingDaysAfter(before, n, calendar) <= d).toBe(true);
        // One working day later would be too late.
        if (n > 0) expect(workingDaysAfter(addDays(before, 1), n, calendar) > d).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
