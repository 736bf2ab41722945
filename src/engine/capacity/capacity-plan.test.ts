import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { type CapacityResource, capacityResourceSchema } from '../../domain/capacity.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { planCapacity } from './capacity-plan.js';
import { applyWhatIf, parseWhatIf } from './what-if.js';
import { type WorkingDays, workingDaysOf } from './working-days.js';

const NINE_TO_FIVE = [{ start: 540, end: 1020 }];

/** Monday-Friday 09:00-17:00 with the given holidays, through the real calendar engine. */
function calendar(holidays: string[]): WorkingDays {
  const compiled = WorkingCalendar.compile(
    {
      timeZone: 'UTC',
      week: [NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, [], []],
      exceptions: holidays.map((d) => ({ from: d, to: d, spans: [] })),
    },
    '2027-01-01',
  );
  if (!compiled.ok) throw new Error(compiled.error[0]?.message);
  return workingDaysOf(compiled.value);
}

const resource = (r: Record<string, unknown>): CapacityResource => capacityResourceSchema.parse(r);
const day = (d: string) => d as CalendarDate;

function plan(r: CapacityResource, today: string, holidays: string[], months = 6) {
  const result = planCapacity({ resource: r, today: day(today) }, calendar(holidays), { months });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('compound growth, hand-computed', () => {
  // 1000 cores on 2027-01-01 growing 20 % a month; usable = 1500 (100 % of 1500 installed).
  // On 2027-03-01 demand is 1000 × 1.2² = 1440. March has 31 days, so on March d demand is
  // 1440 × 1.2^((d−1)/31): March 7 → 1440 × 1.2^(6/31) = 1491.7, March 8 → 1440 × 1.2^(7/31) = 1500.5 > 1500.
  const cores = resource({
    id: 'cores',
    unit: 'cores',
    installed: 1500,
    used: 1000,
    asOf: '2027-01-01',
    headroom: { maxUtilisation: 100 },
    leadTime: { weeks: 2 },
    margin: { days: 3 },
    orderUnit: 64,
    demand: { model: 'compound', growth: { percent: 20, per: 'month' } },
  });

  it('runs out on the first day demand exceeds usable capacity', () => {
    const p = plan(cores, '2027-01-04', ['2027-02-26']);
    expect(p.usable).toBe(1500);
    expect(p.runOut).toBe('2027-03-08');
  });

  it('order-by = run-out minus 13 working days (2 weeks + 3 days), skipping weekends and the 2027-02-26 holiday', () => {
    // Back from Monday 8 March: 5,4,3,2,1 March (5), [26 Feb holiday], 25,24,23,22 (9), 19,18,17,16 (13) → Tuesday 16 Feb.
    const p = plan(cores, '2027-01-04', ['2027-02-26']);
    expect(p.leadDays + p.marginDays).toBe(13);
    expect(p.orderBy).toBe('2027-02-16');
    // Without the holiday the count reaches Wednesday 17 Feb one day earlier.
    expect(plan(cores, '2027-01-04', []).orderBy).toBe('2027-02-17');
    expect(p.daysUntilOrderBy).toBe(43);
    // Monday 4 Jan up to Tuesday 16 Feb: 6 full weeks (30) and Monday 15 Feb.
    expect(p.workingDaysUntilOrderBy).toBe(31);
    expect(p.late).toBe(false);
  });

  it('orders enough to cover 6 months past arrival, in whole order units, and says when it runs out again', () => {
    // Arrival = run-out 8 March; cover to 8 September: 1000 × 1.2^(8 + 7/30) = 4486.69 cores at 100 %.
    // Shortfall 2986.69 → 47 units of 64 = 3008; 4508 installed runs out on 9 September (1000 × 1.2^(8 + 8/30) = 4514.0).
    const p = plan(cores, '2027-01-04', ['2027-02-26']);
    expect(p.order.arrival).toBe('2027-03-08');
    expect(p.order.coverUntil).toBe('2027-09-08');
    expect(p.order.peakDemand).toBeCloseTo(4486.685, 2);
    expect(p.order.quantity).toBe(3008);
    expect(p.order.installedAfter).toBe(4508);
    expect(p.order.runsOutAgain).toBe('2027-09-09');
  });

  it('double the traffic: 2000 cores on day one is over the 1500 usable already', () => {
    const input = applyWhatIf({ resource: cores, today: day('2027-01-04') }, { kind: 'demand', factor: 2 });
    const result = planCapacity(input, calendar([]), { months: 6 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.runOut).toBe('2027-01-01');
    expect(result.value.exhausted).toBe(true);
    expect(result.value.late).toBe(true);
  });
});

describe('weekly growth under N+1, hand-computed', () => {
  // Usable = min(95 % of 1000, 1000 − 1×100) = 900, set by N+1. 600 × 1.05^(d/7) > 900 ⇔ d > 7·ln 1.5 / ln 1.05 = 58.17,
  // so day 59 after Tuesday 1 June 2027: Friday 30 July.
  const racks = resource({
    id: 'racks',
    unit: 'kW',
    installed: 1000,
    used: 600,
    asOf: '2027-06-01',
    headroom: { maxUtilisation: 95, redundancy: { k: 1, unitSize: 100 } },
    leadTime: { weeks: 4 },
    demand: { growth: { percent: 5, per: 'week' } },
  });

  it('runs out on 30 July and must be ordered by 1 July (20 working days, 5 July a holiday)', () => {
    const p = plan(racks, '2027-06-01', ['2027-07-05']);
    expect(p.usable).toBe(900);
    expect(p.binding).toBe('redundancy');
    expect(p.runOut).toBe('2027-07-30');
    // 29,28,27,26 | 23..19 | 16..12 | 9,8,7,6 (19) | [5 holiday] | 2 (20)... counted back: Friday 2 July is the 20th without the holiday.
    expect(p.orderBy).toBe('2027-07-01');
    expect(plan(racks, '2027-06-01', []).orderBy).toBe('2027-07-02');
  });

  it('is late when today is past the order-by date; an order today arrives 20 working days later', () => {
    const p = plan(racks, '2027-07-10', ['2027-07-05']);
    expect(p.late).toBe(true);
    expect(p.daysUntilOrderBy).toBe(-9);
    // Working days 1, 2, 6, 7, 8, 9 July lie between the order-by date and today.
    expect(p.workingDaysUntilOrderBy).toBe(-6);
    // Saturday 10 July: 12-16, 19-23, 26-30 July, 2-6 August = 20 working days → in service Saturday 7 August.
    expect(p.order.orderOn).toBe('2027-07-10');
    expect(p.order.arrival).toBe('2027-08-07');
  });

  it('a lead time slip of 4 weeks moves the order-by date 20 working days earlier', () => {
    const input = applyWhatIf({ resource: racks, today: day('2027-05-03') }, { kind: 'lead-slip', span: { weeks: 4 } });
    const result = planCapacity(input, calendar(['2027-07-05']), { months: 3 });
    if (!result.ok) throw new Error(result.error.message);
    // 20 more working days before 1 July: June 30..3 June (20 working days, no holidays) → Thursday 3 June.
    expect(result.value.orderBy).toBe('2027-06-03');
  });
});

describe('steps and what-ifs', () => {
  const flat = resource({
    id: 'licences',
    unit: 'seats',
    installed: 500,
    used: 300,
    asOf: '2027-03-01',
    headroom: { maxUtilisation: 80 },
    leadTime: { days: 10 },
    demand: { steps: [{ on: '2027-05-01', add: 150, note: 'EU launch' }] },
  });

  it('a step adds on its own day: 300 + 150 = 450 > 400 usable on 1 May', () => {
    const p = plan(flat, '2027-03-01', []);
    expect(p.projection.growth?.percent).toBe(0);
    expect(p.runOut).toBe('2027-05-01');
  });

  it('a what-if step stacks on the program steps', () => {
    const input = applyWhatIf({ resource: flat, today: day('2027-03-01') }, { kind: 'step', on: day('2027-04-01'), add: 101 });
    const result = planCapacity(input, calendar([]), { months: 3 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.runOut).toBe('2027-04-01');
  });

  it('never runs out without growth or steps: no order-by date, nothing to order', () => {
    const p = plan(resource({ ...flat, demand: {} }), '2027-03-01', []);
    expect(p.runOut).toBeUndefined();
    expect(p.orderBy).toBeUndefined();
    expect(p.order.quantity).toBe(0);
  });

  it('reads what-ifs as the CLI writes them', () => {
    expect(parseWhatIf('double-traffic')).toEqual({ ok: true, value: { kind: 'demand', factor: 2 } });
    expect(parseWhatIf('traffic=x1.5')).toEqual({ ok: true, value: { kind: 'demand', factor: 1.5 } });
    expect(parseWhatIf('lead-slip=4w')).toEqual({ ok: true, value: { kind: 'lead-slip', span: { weeks: 4 } } });
    expect(parseWhatIf('lead-slip=10d')).toEqual({ ok: true, value: { kind: 'lead-slip', span: { days: 10 } } });
    expect(parseWhatIf('step=2027-06-01:+400')).toEqual({ ok: true, value: { kind: 'step', on: '2027-06-01', add: 400 } });
    expect(parseWhatIf('lead-slip=soon').ok).toBe(false);
    expect(parseWhatIf('step=2027-02-30:+4').ok).toBe(false);
    expect(parseWhatIf('triple').ok).toBe(false);
  });

  it('a compound resource without usage or history is an error that says what to give', () => {
    const r = resource({ id: 'x', unit: 'TB', installed: 10, leadTime: { weeks: 1 } });
    const result = planCapacity({ resource: r, today: day('2027-01-01') }, calendar([]), { months: 3 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('give used');
  });
});
