import { addDays, type CalendarDate, daysBetween } from '../../domain/calendar-date.js';
import type { StepDone } from './migration-progress.js';

export type BurnDownPeriod = 'day' | 'week';

export interface BurnDownPoint {
  /** The end of the period (inclusive). */
  readonly on: CalendarDate;
  /** Steps not yet finished at the end of that day. */
  readonly remaining: number;
  /** Steps finished within the period. */
  readonly finished: number;
}

/**
 * Remaining steps at the end of each period from `from` to `asOf`: the first point is `from`
 * itself, then every 1 or 7 days after it, and `asOf` always closes the series (a shorter last
 * period). `done` is the list of finished steps (any order); `total` the migration's steps.
 */
export function burnDown(
  done: readonly StepDone[],
  total: number,
  from: CalendarDate,
  asOf: CalendarDate,
  period: BurnDownPeriod = 'week',
): BurnDownPoint[] {
  const span = daysBetween(from, asOf);
  if (span < 0) return [];
  const step = period === 'day' ? 1 : 7;
  const ends: CalendarDate[] = [];
  for (let d = 0; d < span; d += step) ends.push(addDays(from, d));
  ends.push(asOf);
  const sorted = [...done].map((d) => d.on).sort();
  const points: BurnDownPoint[] = [];
  let k = 0;
  let finished = 0;
  for (const end of ends) {
    let inPeriod = 0;
    while (k < sorted.length && (sorted[k] as string) <= end) {
      k += 1;
      inPeriod += 1;
    }
    finished += inPeriod;
    points.push({ on: end, remaining: total - finished, finished: inPeriod });
  }
  return points;
}
