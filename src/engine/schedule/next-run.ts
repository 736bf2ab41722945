import { isoWeekday, MINUTES_PER_DAY } from '../calendar/local-date-time.js';
import { timeZone } from '../calendar/time-zone.js';

/**
 * When a scheduled publish runs: "every friday at 15:00" in the program's time zone, as instants.
 * Pure; the zone's rules come from the runtime through `Intl` (engine/calendar/time-zone.ts).
 *
 * Daylight saving (the schedule is wall-clock time, as a person means it):
 * - a time that does not exist that day (02:30 in a spring-forward gap) runs at the first instant
 *   after the gap (03:00 local), not an hour later;
 * - a time that happens twice (01:30 on a fall-back night) runs once, at the first of the two.
 */
export interface Schedule {
  readonly every: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday' | 'weekdays' | 'day';
  /** 24-hour wall time, HH:MM. */
  readonly at: string;
  /** Overrides the zone passed in (the program's). */
  readonly timeZone?: string | undefined;
}

const ISO_DAY: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

/** Whether the schedule runs on a local day number (1970-01-01 = 0). */
export function runsOn(schedule: Schedule, day: number): boolean {
  const weekday = isoWeekday(day);
  if (schedule.every === 'day') return true;
  if (schedule.every === 'weekdays') return weekday <= 5;
  return ISO_DAY[schedule.every] === weekday;
}

const minuteOfDay = (at: string): number => {
  const [h, m] = at.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The instant the schedule runs on a local day number, whether or not it runs that day (see DST rules above). */
export function runInstant(schedule: Schedule, day: number, zoneName: string): Date {
  const zone = timeZone(schedule.timeZone ?? zoneName);
  const local = day * MINUTES_PER_DAY + minuteOfDay(schedule.at);
  const ms = zone.toInstant(local);
  if (zone.toLocal(ms) === local) return new Date(ms);
  // In a gap: toInstant moved the time forward by the gap. The first instant after the gap is the
  // transition, found by bisection over whole minutes between "before" and that instant (offsets
  // change on minute boundaries; a gap is at most a day).
  let lo = Math.floor(ms / 60_000) - MINUTES_PER_DAY;
  let hi = Math.floor(ms / 60_000);
  // Invariant: the wall time at lo is before `local`, at hi it is after.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.toLocal(mid * 60_000) < local) lo = mid;
    else hi = mid;
  }
  return new Date(hi * 60_000);
}

const localDay = (at: Date, zoneName: string) => Math.floor(timeZone(zoneName).toLocal(at.getTime()) / MINUTES_PER_DAY);

/** The first instant strictly after `after` at which the schedule runs. */
export function nextRunAfter(schedule: Schedule, after: Date, zoneName: string): Date {
  const zone = schedule.timeZone ?? zoneName;
  // The run of the day before can still be ahead when the zone jumps; a week and a day cover every weekday.
  for (let day = localDay(after, zone) - 1; ; day++) {
    if (!runsOn(schedule, day)) continue;
    const at = runInstant(schedule, day, zone);
    if (at.getTime() > after.getTime()) return at;
  }
}

/** The last instant at or before `at` at which the schedule runs, if any within the past eight days (there always is one). */
export function lastRunAtOrBefore(schedule: Schedule, at: Date, zoneName: string): Date | undefined {
  const zone = schedule.timeZone ?? zoneName;
  const today = localDay(at, zone);
  for (let day = today + 1; day >= today - 8; day--) {
    if (!runsOn(schedule, day)) continue;
    const run = runInstant(schedule, day, zone);
    if (run.getTime() <= at.getTime()) return run;
  }
  return undefined;
}

/**
 * Without a last run, a scheduled instant this recent still runs when first seen (the server was
 * starting, or the schedule was saved a minute before); an older one waits for the next. Milliseconds.
 */
export const FIRST_RUN_GRACE_MS = 60 * 60_000;

/**
 * The scheduled instant to run now, if any: the latest one at or before `now` that has not run yet.
 * After downtime that missed several, only the latest runs (one catch-up, never a storm); a schedule
 * that never ran starts with an instant at most `FIRST_RUN_GRACE_MS` old, else with the next one.
 */
export function dueRun(schedule: Schedule, lastRun: Date | undefined, now: Date, zoneName: string): Date | undefined {
  const latest = lastRunAtOrBefore(schedule, now, zoneName);
  if (latest === undefined) return undefined;
  if (lastRun === undefined) return now.getTime() - latest.getTime() <= FIRST_RUN_GRACE_MS ? latest : undefined;
  return lastRun.getTime() < latest.getTime() ? latest : undefined;
}
