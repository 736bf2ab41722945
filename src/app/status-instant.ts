import type { CalendarDate } from '../domain/calendar-date.js';
import { dayIn } from './day-in-zone.js';
import { zoneOffsetMinutes } from './reliability/slo-budget.js';

const MINUTE_MS = 60_000;

/**
 * The instant a status date is judged at, epoch ms: the last millisecond of `asOf` in the program's
 * zone, or `now` when `now` falls on that day (a report for today describes the moment it is made,
 * not midnight to come). Reports of other dates are the same whenever they are made.
 */
export function statusInstant(asOf: CalendarDate, timeZone: string, now?: Date): number {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const nextMidnightAsUtc = Date.UTC(y, m - 1, d + 1);
  // The zone's offset at the local midnight that ends the day (asked twice: DST can change it in between).
  let end = nextMidnightAsUtc - (zoneOffsetMinutes(timeZone, nextMidnightAsUtc) ?? 0) * MINUTE_MS;
  end = nextMidnightAsUtc - (zoneOffsetMinutes(timeZone, end) ?? 0) * MINUTE_MS;
  const endOfDay = end - 1;
  return now !== undefined && dayIn(timeZone, now) === asOf ? now.getTime() : endOfDay;
}
