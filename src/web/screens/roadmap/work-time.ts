/**
 * Time on the roadmap's axis: a "day" coordinate is whole days since 1970-01-01 (the program's local
 * calendar, no time zone arithmetic) plus the share of that day's *working* hours already past, so a
 * task from 09:00 to 18:00 fills its whole day column and drags snap to whole days.
 */
export interface WorkCalendar {
  /** 0 = Sunday … 6 = Saturday: true when people work that weekday. */
  readonly workdays: readonly boolean[];
  /** Holidays as day numbers. */
  readonly holidays: ReadonlySet<number>;
  /** Working spans of a day, minutes after midnight, in order. */
  readonly spans: readonly (readonly [number, number])[];
  readonly minutesPerDay: number;
}

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MS_PER_DAY = 86_400_000;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

export function workCalendar(
  calendar: { workdays: readonly string[]; hours: readonly string[]; holidays: readonly unknown[] } | undefined,
): WorkCalendar {
  const workdays = WEEKDAY_KEYS.map((k) => (calendar ? calendar.workdays.includes(k) : k !== 'sun' && k !== 'sat'));
  const spans = (calendar?.hours ?? ['09:00-17:00'])
    .map((h) => h.split('-').map(minutesOf) as [number, number])
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a)
    .sort((x, y) => x[0] - y[0]);
  const holidays = new Set<number>();
  for (const h of calendar?.holidays ?? []) {
    const date = (h as { date?: unknown }).date;
    if (typeof date === 'string') holidays.add(dayOfDate(date));
  }
  const minutesPerDay = spans.reduce((sum, [a, b]) => sum + b - a, 0) || 480;
  return { workdays, holidays, spans: spans.length ? spans : [[540, 1020]], minutesPerDay };
}

/** `2027-01-11` → its day number (integer). */
export function dayOfDate(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** `2027-01-11T12:12:00` → day number plus the working share of the day elapsed at that time (0…1). */
export function dayOfDateTime(cal: WorkCalendar, iso: string): number {
  const day = dayOfDate(iso);
  if (iso.length < 16) return day;
  const minute = Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
  let worked = 0;
  for (const [a, b] of cal.spans) worked += Math.max(0, Math.min(minute, b) - a);
  return day + worked / cal.minutesPerDay;
}

/** Day number → `2027-01-11`. */
export function dateOfDay(day: number): string {
  return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isWorkingDay(cal: WorkCalendar, day: number): boolean {
  const d = Math.floor(day);
  return (cal.workdays[(((d + 4) % 7) + 7) % 7] as boolean) && !cal.holidays.has(d);
}

/** Weekday of a day number, 0 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number) => (((Math.floor(day) + 4) % 7) + 7) % 7;

/** Working days between two day coordinates (fractions count as shares of a working day). */
export function workingDaysBetween(cal: WorkCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  for (let d = Math.floor(from); d < to; d++) {
    if (!isWorkingDay(cal, d)) continue;
    total += Math.min(to, d + 1) - Math.max(from, d);
  }
  return total;
}

/** Today in the program's time zone, as a day number (the plan is computed from there). */
export function todayIn(timezone: string | undefined, now = new Date()): number {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone ?? 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
    return dayOfDate(parts);
  } catch {
    return Math.floor(now.getTime() / MS_PER_DAY);
  }
}

const SHORT = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const LONG = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
/** `Jan 11` (or `Jan 11, 2027` with the year). */
export function formatDay(day: number, withYear = false): string {
  return (withYear ? LONG : SHORT).format(new Date(Math.floor(day) * MS_PER_DAY));
}

/** The last day a bar covers: a finish at a day boundary belongs to the day before. */
export const lastDayOf = (finish: number) => Math.ceil(finish) - 1;
