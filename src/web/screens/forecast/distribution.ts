import { DAY, mondayOf, timeOf, WEEK } from '../../components/charts/scales';

/** A cumulative distribution of a date: times ascending (ms) and the share of trials done by each (0–1). */
export interface Cdf {
  readonly t: readonly number[];
  readonly p: readonly number[];
}

/**
 * The S-curve's percentiles (2.5 % … 97.5 %) as a CDF from 0 to 1. The 2.5 % tails beyond the first
 * and last points are spread over as long a span as the step next to them, so the histogram keeps
 * all the probability without inventing a long tail.
 */
export function cdfOf(points: readonly { p: number; at: string }[]): Cdf {
  const sorted = [...points].sort((a, b) => a.p - b.p);
  const t = sorted.map((x) => timeOf(x.at));
  const p = sorted.map((x) => x.p / 100);
  const n = t.length;
  if (n === 0) return { t: [], p: [] };
  const first = t[0] as number;
  const last = t[n - 1] as number;
  const headStep = n > 1 ? (t[1] as number) - first : DAY;
  const tailStep = n > 1 ? last - (t[n - 2] as number) : DAY;
  return { t: [first - Math.max(headStep, DAY / 4), ...t, last + Math.max(tailStep, DAY / 4)], p: [0, ...p, 1] };
}

/** The share of trials done by time `at` (linear between the known percentiles). */
export function probabilityBy(cdf: Cdf, at: number): number {
  const { t, p } = cdf;
  if (t.length === 0 || at <= (t[0] as number)) return 0;
  if (at >= (t[t.length - 1] as number)) return 1;
  let i = 1;
  while ((t[i] as number) < at) i++;
  const t0 = t[i - 1] as number;
  const t1 = t[i] as number;
  const p0 = p[i - 1] as number;
  const p1 = p[i] as number;
  return t1 === t0 ? p1 : p0 + ((at - t0) / (t1 - t0)) * (p1 - p0);
}

export interface Bin {
  readonly start: number;
  readonly end: number;
  /** Share of trials finishing in [start, end). */
  readonly mass: number;
}

/**
 * Probability mass per week (Mondays), or per day when the whole spread is under five weeks
 * (weekly bars would be one or two blocks there); days off (`workdays`: 0 = Sunday … 6 = Saturday)
 * get no bar of their own. Masses sum to 1.
 */
export function binsOf(cdf: Cdf, workdays: ReadonlySet<number>): { bins: Bin[]; width: 'week' | 'day' } {
  const { t } = cdf;
  if (t.length === 0) return { bins: [], width: 'week' };
  const lo = t[0] as number;
  const hi = t[t.length - 1] as number;
  const width = hi - lo >= 5 * WEEK ? 'week' : 'day';
  const step = width === 'week' ? WEEK : DAY;
  const bins: Bin[] = [];
  for (let start = width === 'week' ? mondayOf(lo) : Math.floor(lo / DAY) * DAY; start <= hi; start += step) {
    const mass = probabilityBy(cdf, start + step) - probabilityBy(cdf, start);
    const last = bins[bins.length - 1];
    // Work ends on a working day: the share interpolated over a weekend belongs to the working day before.
    if (width === 'day' && !workdays.has(new Date(start).getUTCDay()) && last) bins[bins.length - 1] = { ...last, mass: last.mass + mass };
    else bins.push({ start, end: start + step, mass });
  }
  return { bins, width };
}

/** The end of a target day: a milestone done any time that day is on time. */
export const endOfDay = (date: string) => timeOf(date) + DAY - 1;
