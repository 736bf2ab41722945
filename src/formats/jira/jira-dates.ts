import { type CalendarDate, isCalendarDate } from '../../domain/calendar-date.js';

/**
 * Jira's REST date-times look like `2015-11-21T07:14:01.643-0500` (no colon in the offset), which
 * `Date.parse` reads but ISO 8601 tools may not. They are rewritten with a colon offset, keeping
 * the tracker's own offset (`2015-11-21T07:14:01.643-05:00`); a `Z` stays a `Z`.
 */
const JIRA_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const JIRA_REST_SHAPE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/;
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The decimal number of `length` ASCII digits of `text` from `at` (already known to be digits). */
function num(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * An ISO 8601 date-time with a colon offset, or undefined when `text` is not a Jira date-time. A
 * date-time without a zone is read as UTC. Checked field by field rather than through `Date` (a
 * sync reads one per changelog entry, hundreds of thousands per large program).
 */
export function isoDateTime(text: string): string | undefined {
  // Jira's own shape, `2015-11-21T07:14:01.643-0500`: checked without captures or allocation.
  if (text.length === 28 && JIRA_REST_SHAPE.test(text)) {
    const year = num(text, 0, 4);
    const month = num(text, 5, 2);
    const day = num(text, 8, 2);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const last = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month] ?? 0);
    const valid = month >= 1 && month <= 12 && day >= 1 && day <= last && num(text, 11, 2) < 24 && num(text, 14, 2) < 60;
    return valid && num(text, 17, 2) < 60 && num(text, 24, 2) <= 18 && num(text, 26, 2) < 60
      ? `${text.slice(0, 26)}:${text.slice(26)}`
      : undefined;
  }
  const m = JIRA_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y = '', mo = '', d = '', hh = '', mm = '', ss, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > last || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return undefined;
  let offset = 'Z';
  if (zone !== undefined && zone !== 'Z') {
    offset = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    if (Number(offset.slice(1, 3)) > 18 || Number(offset.slice(4)) > 59) return undefined;
  }
  return `${y}-${mo}-${d}T${hh}:${mm}:${ss ?? '00'}${frac ?? ''}${offset}`;
}

/** The calendar day, in UTC, of a date-time (sprint starts); a bare `YYYY-MM-DD` is that day. */
export function utcDay(text: string): CalendarDate | undefined {
  if (isCalendarDate(text)) return text;
  const iso = isoDateTime(text);
  if (iso === undefined) return undefined;
  return new Date(Date.parse(iso)).toISOString().slice(0, 10) as CalendarDate;
}

/** A due date or release date: `YYYY-MM-DD`, or the date part of a date-time as Jira wrote it. */
export function calendarDay(text: string): CalendarDate | undefined {
  const t = text.trim();
  if (isCalendarDate(t)) return t;
  const iso = isoDateTime(t);
  const day = iso?.slice(0, 10);
  return day !== undefined && isCalendarDate(day) ? day : undefined;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** `21/Nov/15 7:14 AM`, `21/Nov/2015 07:14`, `21/Nov/15`: the export's default (English) format. */
const CSV_DATE = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * A date from Jira's CSV export. The export writes local times without a zone (the exporting user's
 * zone), so a time is read as UTC: the day is what a TPM saw on screen, the hour may be off by the
 * user's offset. ISO 8601 cells (some sites set that format) are read as such.
 */
export function csvDate(text: string): { day: CalendarDate; iso: string } | undefined {
  const t = text.trim();
  const iso = isoDateTime(t);
  if (iso !== undefined) return { day: iso.slice(0, 10) as CalendarDate, iso };
  if (isCalendarDate(t)) return { day: t, iso: `${t}T00:00:00Z` };
  const m = CSV_DATE.exec(t);
  if (!m) return undefined;
  const [, d = '', mon = '', y = '', hh, mm, ss, ampm] = m;
  const month = MONTHS[mon.toLowerCase()];
  if (month === undefined) return undefined;
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const day = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isCalendarDate(day)) return undefined;
  let hour = hh === undefined ? 0 : Number(hh);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hour > 23 || Number(mm ?? 0) > 59) return undefined;
  const time = `${String(hour).padStart(2, '0')}:${mm ?? '00'}:${ss ?? '00'}`;
  return { day, iso: `${day}T${time}Z` };
}
