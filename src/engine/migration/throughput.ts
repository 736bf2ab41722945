import { addDays, type CalendarDate, daysBetween } from '../../domain/calendar-date.js';

/** Weeks of history the forecast resamples by default: about a quarter, recent enough to reflect how the teams work now. */
export const DEFAULT_HISTORY_WEEKS = 12;

export interface WeeklyThroughput {
  /** Steps finished in each 7-day week, oldest first; the last week ends on `asOf` (inclusive). */
  readonly counts: Int32Array;
  /** First day of the oldest week. */
  readonly from: CalendarDate;
  readonly asOf: CalendarDate;
}

/**
 * Steps finished per week over the last `weeks` whole weeks ending on `asOf`, but never before
 * `start` (the migration's start, or its first finished step): a migration eight weeks old has
 * eight weeks of history, and one younger than a week has that one (partial) week. Weeks are
 * 7-day windows counted back from `asOf`, so the newest week is never a partial calendar week.
 */
export function weeklyThroughput(
  doneOn: readonly CalendarDate[],
  start: CalendarDate,
  asOf: CalendarDate,
  weeks: number = DEFAULT_HISTORY_WEEKS,
): WeeklyThroughput {
  const whole = Math.floor((daysBetween(start, asOf) + 1) / 7);
  const n = Math.max(1, Math.min(weeks, whole));
  const counts = new Int32Array(n);
  for (const on of doneOn) {
    const back = daysBetween(on, asOf);
    if (back < 0) continue;
    const week = Math.floor(back / 7);
    if (week < n) counts[n - 1 - week] = (counts[n - 1 - week] as number) + 1;
  }
  return { counts, from: addDays(asOf, -7 * n + 1), asOf };
}
