import type { CalendarDate } from '../domain/calendar-date.js';

/** The calendar day of an instant in a time zone (IANA name), e.g. the status date "today". */
export function dayIn(timeZone: string, instant: Date): CalendarDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant) as CalendarDate;
}
