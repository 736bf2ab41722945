import { describe, expect, it } from 'vitest';
import { type CalendarDefinition, deriveCalendar, standardWeek } from './calendar-definition.js';
import { formatLocalDateTime, parseLocalDateTime } from './local-date-time.js';
import { WorkingCalendar } from './working-calendar.js';

const split = [
  { start: 9 * 60, end: 13 * 60 },
  { start: 15 * 60, end: 19 * 60 },
];

function compile(def: Partial<CalendarDefinition> = {}, origin = '2026-01-01'): WorkingCalendar {
  const result = WorkingCalendar.compile({ timeZone: 'UTC', week: standardWeek(split), exceptions: [], ...def }, origin);
  if (!result.ok) throw new Error(result.error.map((p) => p.message).join('; '));
  return result.value;
}

const at = (cal: WorkingCalendar, offset: number, edge: 'start' | 'end') => formatLocalDateTime(cal.dateTimeAt(offset, edge));

describe('WorkingCalendar', () => {
  // 2026-01-01 is a Thursday; the calendar works 09:00-13:00 and 15:00-19:00 Monday to Friday.
  const cal = compile();

  it('counts working minutes from the origin, skipping the lunch gap and the weekend', () => {
    expect(cal.offsetOf('2026-01-01T09:00')).toBe(0);
    expect(cal.offsetOf('2026-01-01T12:00')).toBe(180);
    expect(cal.offsetOf('2026-01-01T14:00')).toBe(240);
    expect(cal.offsetOf('2026-01-01T16:00')).toBe(300);
    expect(cal.offsetOf('2026-01-01T19:00')).toBe(480);
    expect(cal.offsetOf('2026-01-03T12:00')).toBe(960); // Saturday: after Friday's close
    expect(cal.offsetOf('2026-01-05T09:00')).toBe(960);
    expect(cal.offsetOf('2026-01-05T09:30:30')).toBeCloseTo(990.5, 12);
  });

  it('names the end of the previous span for a finish and the start of the next for a start', () => {
    expect(at(cal, 240, 'end')).toBe('2026-01-01T13:00:00');
    expect(at(cal, 240, 'start')).toBe('2026-01-01T15:00:00');
    expect(at(cal, 960, 'end')).toBe('2026-01-02T19:00:00');
    expect(at(cal, 960, 'start')).toBe('2026-01-05T09:00:00');
    expect(at(cal, 0, 'start')).toBe('2026-01-01T09:00:00');
    expect(at(cal, 0, 'end')).toBe('2025-12-31T19:00:00');
    expect(at(cal, 100.5, 'start')).toBe('2026-01-01T10:40:30');
  });

  it('reads MS Project’s “08:00 of the next working day” finish as the same working time as the previous close', () => {
    expect(cal.offsetOf('2026-01-05T08:00')).toBe(cal.offsetOf('2026-01-02T19:00'));
  });

  it('handles offsets before the origin', () => {
    expect(cal.offsetOf('2025-12-31T19:00')).toBe(0);
    expect(cal.offsetOf('2025-12-31T09:00')).toBe(-480);
    expect(at(cal, -480, 'start')).toBe('2025-12-31T09:00:00');
    expect(at(cal, -480, 'end')).toBe('2025-12-30T19:00:00');
  });

  it('grows its tables for far-away dates in both directions', () => {
    const far = cal.offsetOf('2040-06-15T10:00');
    expect(formatLocalDateTime(cal.dateTimeAt(far, 'start'))).toBe('2040-06-15T10:00:00');
    const past = cal.offsetOf('1990-03-01T16:00');
    expect(formatLocalDateTime(cal.dateTimeAt(past, 'start'))).toBe('1990-03-01T16:00:00');
  });

  it('skips holidays and works exception days on their own hours', () => {
    const withHolidays = compile({
      exceptions: [
        { from: '2026-01-02', to: '2026-01-02', spans: [], name: 'bridge day' },
        { from: '2026-01-03', to: '2026-01-03', spans: [{ start: 10 * 60, end: 12 * 60 }], name: 'Saturday shift' },
      ],
    });
    expect(withHolidays.isWorkingDay('2026-01-02')).toBe(false);
    expect(withHolidays.workingMinutesOn('2026-01-03')).toBe(120);
    expect(at(withHolidays, 480, 'start')).toBe('2026-01-03T10:00:00');
    expect(at(withHolidays, 600, 'end')).toBe('2026-01-03T12:00:00');
    expect(at(withHolidays, 600, 'start')).toBe('2026-01-05T09:00:00');
  });

  it('derives a team calendar whose exceptions override the program’s', () => {
    const program: CalendarDefinition = {
      timeZone: 'UTC',
      week: standardWeek(),
      exceptions: [{ from: '2026-01-01', to: '2026-01-01', spans: [] }],
    };
    const team = deriveCalendar(program, {
      exceptions: [
        { from: '2026-01-01', to: '2026-01-01', spans: [{ start: 600, end: 660 }] },
        { from: '2026-01-05', to: '2026-01-09', spans: [] },
      ],
    });
    const p = WorkingCalendar.compile(program, '2026-01-01');
    const t = WorkingCalendar.compile(team, '2026-01-01');
    if (!p.ok || !t.ok) throw new Error('compile failed');
    expect(p.value.isWorkingDay('2026-01-01')).toBe(false);
    expect(t.value.workingMinutesOn('2026-01-01')).toBe(60);
    expect(t.value.isWorkingDay('2026-01-07')).toBe(false);
    expect(formatLocalDateTime(t.value.dateTimeAt(60 + 480, 'start'))).toBe('2026-01-12T09:00:00');
  });

  it('converts working days and minutes with the calendar’s day length', () => {
    expect(cal.minutesPerDay).toBe(480);
    expect(cal.daysToMinutes(2.5)).toBe(1200);
    expect(cal.minutesToDays(240)).toBe(0.5);
    expect(compile({ minutesPerDay: 450 }).minutesPerDay).toBe(450);
  });

  it('keeps wall-clock hours on daylight-saving days and converts to instants in the zone', () => {
    const ny = compile({ timeZone: 'America/New_York', week: standardWeek() }, '2027-03-08');
    // 2027-03-14 is the Sunday clocks go forward; Monday the 15th still works 09:00-17:00 local.
    const monday = ny.offsetOf('2027-03-15T09:00');
    expect(ny.workingMinutesOn('2027-03-15')).toBe(480);
    expect(new Date(ny.instantAt(monday, 'start')).toISOString()).toBe('2027-03-15T13:00:00.000Z');
    expect(new Date(ny.instantAt(monday, 'end')).toISOString()).toBe('2027-03-12T22:00:00.000Z');
    expect(ny.offsetOfInstant(Date.parse('2027-03-15T14:30:00Z'))).toBe(monday + 90);
  });

  it('rejects definitions that cannot be a calendar, with the reason', () => {
    const bad = WorkingCalendar.compile(
      {
        timeZone: 'Mars/Olympus',
        week: [[], [], [], [], [], [], []],
        exceptions: [{ from: '2026-02-30', to: '2026-03-01', spans: [] }],
      },
      '2026-01-01',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const text = bad.error.map((p) => p.message).join('\n');
      expect(text).toContain('"Mars/Olympus" is not an IANA time zone');
      expect(text).toContain('at least one weekday with working hours');
      expect(text).toContain('YYYY-MM-DD');
    }
    const overlap = WorkingCalendar.compile(
      {
        timeZone: 'UTC',
        week: standardWeek([
          { start: 540, end: 720 },
          { start: 700, end: 800 },
        ]),
        exceptions: [],
      },
      '2026-01-01',
    );
    expect(overlap.ok).toBe(false);
  });

  it('parses and formats local date-times, rejecting days that do not exist', () => {
    expect(parseLocalDateTime('2026-02-29T09:00')).toBeUndefined();
    expect(parseLocalDateTime('2028-02-29T24:00:00')).toBe(parseLocalDateTime('2028-03-01T00:00'));
    expect(formatLocalDateTime(parseLocalDateTime('1999-12-31T23:59:59.5') as number)).toBe('1999-12-31T23:59:59.500');
  });
});
