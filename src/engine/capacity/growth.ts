import { type CalendarDate, daysBetween, daysInMonth } from '../../domain/calendar-date.js';
import type { GrowthPeriod } from '../../domain/capacity.js';

/**
 * Compound growth on the calendar, as a capacity planner's spreadsheet has it: "20 % a month" means
 * the demand on the same day of the next month is exactly 1.2 times today's, whatever the month's
 * length. Days and weeks are fixed lengths (1 and 7 days); months, quarters and years are calendar
 * months (1, 3 and 12). Between two period boundaries growth is spread evenly over the days of that
 * period, geometrically: the factor after whole periods `m` and a fraction `f` of the next is
 * `(1 + r)^(m + f)`, with `f` = days into the period / days the period has. So the curve is smooth,
 * never steps, and hits the spreadsheet's figure on every boundary.
 */

const MONTHS_PER: Partial<Record<GrowthPeriod, number>> = { month: 1, quarter: 3, year: 12 };
const DAYS_PER: Partial<Record<GrowthPeriod, number>> = { day: 1, week: 7 };

/** The day `months` calendar months after `date`; a day the month lacks is clamped to its last (Jan 31 + 1 = Feb 28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
}

/** The number of growth periods (with a fraction) from `from` to `to`; negative when `to` is earlier. */
export function periodsBetween(from: CalendarDate, to: CalendarDate, per: GrowthPeriod): number {
  const fixed = DAYS_PER[per];
  if (fixed !== undefined) return daysBetween(from, to) / fixed;
  const step = MONTHS_PER[per] as number;
  if (to < from) return -periodsBetween(to, from, per);
  // Whole periods first: boundaries are counted from `from` itself (not chained), so clamping at a
  // short month never drifts the day of the month.
  let whole = Math.floor(daysBetween(from, to) / (31 * step));
  while (addMonths(from, (whole + 1) * step) <= to) whole++;
  const start = addMonths(from, whole * step);
  const end = addMonths(from, (whole + 1) * step);
  return whole + daysBetween(start, to) / daysBetween(start, end);
}

/** The demand multiplier after growing `percent` per `per` from `from` to `to`. */
export function growthFactor(percent: number, per: GrowthPeriod, from: CalendarDate, to: CalendarDate): number {
  if (percent === 0) return 1;
  return (1 + percent / 100) ** periodsBetween(from, to, per);
}
