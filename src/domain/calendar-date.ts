import { z } from 'zod';
import type { Brand } from './brand.js';

/** A date without a time or zone, `YYYY-MM-DD`, read in the program's time zone. */
export type CalendarDate = string & Brand<'CalendarDate'>;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is `YYYY-MM-DD` and names a day that exists (no 2027-02-30). */
export function isCalendarDate(text: string): text is CalendarDate {
  const m = SHAPE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids any zone shift.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function describeBadDate(text: string): string {
  if (!SHAPE.test(text)) return `"${text}" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-15`;
  return `"${text}" is not a day of the calendar; check the month and day`;
}

export const calendarDateSchema = z
  .string({ message: 'expected a date written as YYYY-MM-DD, e.g. 2027-03-15' })
  .meta({ format: 'date', description: 'A day, YYYY-MM-DD, in the program time zone', examples: ['2027-03-15'] })
  .refine(isCalendarDate, {
    error: (issue) => describeBadDate(String(issue.input)),
    params: { code: 'bad-date' },
  })
  .transform((s) => s as CalendarDate);

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/** The day `days` calendar days after `date` (before, when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return d.toISOString().slice(0, 10) as CalendarDate;
}

/** The Monday of the ISO week `date` falls in: how weekly figures are keyed. */
export function mondayOf(date: string): CalendarDate {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10) as CalendarDate;
}
