import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDefinition, WorkingSpan } from './calendar-definition.js';
import { civilDate, dayNumber, isoWeekday, MINUTES_PER_DAY } from './local-date-time.js';
import { timeZone } from './time-zone.js';
import { WorkingCalendar } from './working-calendar.js';

/** Up to three disjoint spans on a 15-minute grid. */
const spans: fc.Arbitrary<WorkingSpan[]> = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 }).map((cuts) => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: WorkingSpan[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: (sorted[i] as number) * 15, end: (sorted[i + 1] as number) * 15 });
  return out;
});

const ORIGIN = dayNumber(2026, 1, 1);
const dayText = (d: number) => {
  const { year, month, day } = civilDate(d);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const definitions: fc.Arbitrary<CalendarDefinition> = fc
  .record({
    week: fc.array(spans, { minLength: 7, maxLength: 7 }),
    holidays: fc.array(fc.integer({ min: -60, max: 400 }), { maxLength: 20 }),
    specials: fc.array(fc.tuple(fc.integer({ min: -60, max: 400 }), spans), { maxLength: 5 }),
    zone: fc.constantFrom('UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'),
  })
  .filter(({ week }) => week.some((s) => s.length > 0))
  .map(({ week, holidays, specials, zone }) => ({
    timeZone: zone,
    week,
    exceptions: [
      ...holidays.map((d) => ({ from: dayText(ORIGIN + d), to: dayText(ORIGIN + d), spans: [] })),
      ...specials.map(([d, s]) => ({ from: dayText(ORIGIN + d), to: dayText(ORIGIN + d), spans: s })),
    ],
  }));

function compile(def: CalendarDefinition): WorkingCalendar {
  const r = WorkingCalendar.compile(def, '2026-01-01');
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('; '));
  return r.value;
}

/** Binary fractions of a minute, so that the expected values are exact. */
const offsets = fc.integer({ min: -50_000 * 64, max: 200_000 * 64 }).map((x) => x / 64);
const locals = fc.integer({ min: (ORIGIN - 100) * MINUTES_PER_DAY * 64, max: (ORIGIN + 500) * MINUTES_PER_DAY * 64 }).map((x) => x / 64);

describe('working calendar invariants (property-based)', () => {
  it('offset → date-time → offset is the identity, at either edge', () => {
    fc.assert(
      fc.property(definitions, offsets, (def, k) => {
        const cal = compile(def);
        expect(cal.offsetOf(cal.dateTimeAt(k, 'start'))).toBe(k);
        expect(cal.offsetOf(cal.dateTimeAt(k, 'end'))).toBe(k);
      }),
      { numRuns: 200 },
    );
  });

  it('a start lies inside working time, a finish ends working time, and neither is on a non-working day', () => {
    fc.assert(
      fc.property(definitions, offsets, (def, k) => {
        const cal = compile(def);
        const s = cal.dateTimeAt(k, 'start');
        const e = cal.dateTimeAt(k, 'end');
        const inside = (t: number, edge: 'start' | 'end') => {
          const day = Math.floor(t / MINUTES_PER_DAY);
          // An end at midnight closes the previous day's last span.
          const d = edge === 'end' && t === day * MINUTES_PER_DAY ? day - 1 : day;
          const m = t - d * MINUTES_PER_DAY;
          return cal.spansOn(d).some((sp) => (edge === 'start' ? sp.start <= m && m < sp.end : sp.start < m && m <= sp.end));
        };
        expect(inside(s, 'start')).toBe(true);
        expect(inside(e, 'end')).toBe(true);
        expect(e).toBeLessThanOrEqual(s);
      }),
      { numRuns: 200 },
    );
  });

  it('offsets never decrease as local time moves forward, and grow by exactly the working minutes passed', () => {
    fc.assert(
      fc.property(definitions, locals, locals, (def, a, b) => {
        const cal = compile(def);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.offsetOf(lo)).toBeLessThanOrEqual(cal.offsetOf(hi));
        const day = Math.floor(lo / MINUTES_PER_DAY);
        expect(cal.offsetOf((day + 1) * MINUTES_PER_DAY) - cal.offsetOf(day * MINUTES_PER_DAY)).toBe(cal.workingMinutesOn(day));
      }),
      { numRuns: 200 },
    );
  });

  it('holidays hold no working time and every working weekday keeps its hours', () => {
    fc.assert(
      fc.property(definitions, fc.integer({ min: -60, max: 400 }), (def, d) => {
        const cal = compile(def);
        const day = ORIGIN + d;
        const text = dayText(day);
        const exception = [...def.exceptions].reverse().find((e) => e.from === text);
        const expected = exception ? exception.spans : (def.week[isoWeekday(day) - 1] ?? []);
        expect(cal.workingMinutesOn(day)).toBe(expected.reduce((s, sp) => s + sp.end - sp.start, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('on daylight-saving days in America/New_York, working instants read back as the same wall-clock hours', () => {
    const ny = timeZone('America/New_York');
    const cal = compile({
      timeZone: 'America/New_York',
      week: Array.from({ length: 7 }, () => [{ start: 60, end: 23 * 60 }]),
      exceptions: [],
    });
    // Days around the 2026 and 2027 transitions (March 8 / November 1, 2026; March 14 / November 7, 2027).
    const days = [dayNumber(2026, 3, 8), dayNumber(2026, 11, 1), dayNumber(2027, 3, 14), dayNumber(2027, 11, 7)];
    fc.assert(
      fc.property(fc.constantFrom(...days), fc.integer({ min: 0, max: 22 * 60 - 1 }), (day, minute) => {
        const local = day * MINUTES_PER_DAY + 60 + minute;
        // 02:00-03:00 does not exist on the spring-forward day: skip those wall-clock times.
        const instant = ny.toInstant(local);
        if (Math.abs(ny.toLocal(instant) - local) > 1e-9) return;
        const k = cal.offsetOfInstant(instant);
        expect(k).toBe(cal.offsetOf(local));
        expect(ny.toLocal(cal.instantAt(k, 'start'))).toBe(local);
        // The working day has its full 22 wall-clock hours even though the real day has 23 or 25.
        expect(cal.workingMinutesOn(day)).toBe(22 * 60);
      }),
      { numRuns: 300 },
    );
  });
});
