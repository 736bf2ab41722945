import type { CalendarDate } from '../domain/calendar-date.js';

// Building an Intl.DateTimeFormat costs ~0.1 ms (it loads the zone's rules); the server asks for
// "today" on every plan request, so one formatter is kept per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone (IANA name), e.g. the status date "today". */
export function dayIn(timeZone: string, instant: Date): CalendarDate {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(instant) as CalendarDate;
}
