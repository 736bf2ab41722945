import { addDays, type CalendarDate } from '../../domain/calendar-date.js';
import type { WorkingSpan } from '../../domain/capacity.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

/** Which days are working days on the program calendar (weekdays and holidays counted), and how many a week has. */
export interface WorkingDays {
  isWorkingDay(date: CalendarDate): boolean;
  /** Working weekdays in a normal week: what "a week" of lead time is worth (5 on Monday-Friday). */
  readonly perWeek: number;
}

/** Reads a compiled calendar (from `engine/plan/program-calendar.ts`) as working days. */
export function workingDaysOf(calendar: WorkingCalendar): WorkingDays {
  const perWeek = calendar.definition.week.filter((spans) => spans.length > 0).length;
  return { isWorkingDay: (date) => calendar.isWorkingDay(date), perWeek };
}

/** A working span in whole working days, rounded up (a fraction of a day still takes that day). */
export function spanWorkingDays(span: WorkingSpan | undefined, perWeek: number): number {
  if (span === undefined) return 0;
  return Math.ceil((span.weeks ?? 0) * perWeek + (span.days ?? 0) - 1e-9);
}

/** Beyond this a calendar has no working days worth searching for (about 27 years). */
const SEARCH_LIMIT = 10_000;

/**
 * The latest working day on which something taking `days` working days must start to be done by
 * the start of `date`: the working days from it up to (not including) `date` number `days`.
 * Ordering on the result with a lead time of `days` working days gets the delivery on `date` at the latest.
 */
export function workingDaysBefore(date: CalendarDate, days: number, calendar: WorkingDays): CalendarDate {
  let d = date;
  let counted = 0;
  // With days = 0 the day itself serves when it is a working day.
  if (days === 0 && calendar.isWorkingDay(d)) return d;
  for (let i = 0; i < SEARCH_LIMIT; i++) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) {
      counted++;
      if (counted >= days) return d;
    }
  }
  throw new RangeError(`no working day within ${SEARCH_LIMIT} days before ${date}; the calendar has no working days`);
}

/**
 * When something taking `days` working days, started on `date`, is done: the first day by which
 * `days` working days from `date` (counting `date` when it is one) have passed. The inverse of
 * `workingDaysBefore`: `workingDaysAfter(workingDaysBefore(d, n), n) ≤ d`.
 */
export function workingDaysAfter(date: CalendarDate, days: number, calendar: WorkingDays): CalendarDate {
  let d = date;
  let counted = 0;
  for (let i = 0; i < SEARCH_LIMIT && counted < days; i++) {
    if (calendar.isWorkingDay(d)) counted++;
    d = addDays(d, 1);
  }
  if (counted < days)
    throw new RangeError(`no ${days} working days within ${SEARCH_LIMIT} days after ${date}; the calendar has no working days`);
  return d;
}

/** Working days from `from` up to (not including) `to`; negative when `to` is earlier. */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate, calendar: WorkingDays): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let n = 0;
  for (let d = from; d < to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
  return n;
}
