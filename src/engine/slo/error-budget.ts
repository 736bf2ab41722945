/**
 * Error budget of one SLO over its window, at the end and as a series (one point per sample or slice).
 *
 * Units: timestamps in ms since the epoch; event budgets in events; time budgets in minutes.
 * Budgeting methods (OpenSLO v1):
 * - Occurrences: every event counts. SLI = Σgood / Σtotal in the window; budget total =
 *   (1 − objective) × Σtotal in the window, in events; consumed = Σ(total − good).
 * - Timeslices: time is cut into slices of `sliceMs` (aligned to the epoch, so to UTC minutes/hours);
 *   a slice is good when its SLI (good/total within the slice) meets `sliceThreshold`, or when the
 *   per-slice input says so. Slices with no events are neither good nor bad (no data). SLI = good
 *   slices / (good + bad slices); budget total = (1 − objective) × window length, in minutes;
 *   consumed = bad slices × slice minutes.
 * - RatioTimeslices: time is cut into slices as for Timeslices; each slice with events counts by its
 *   success ratio r = good/total within the slice (OpenSLO: "an average of all time slices' success
 *   ratios"), i.e. it is r good slices and 1 − r bad ones. SLI = mean r over slices with data;
 *   budget total as for Timeslices; consumed = Σ(1 − r) × slice minutes. A slice at 99 % costs
 *   0.01 slice, a slice at 1 % costs 0.99, so a short flood of errors cannot spend the budget in
 *   minutes as it would under Occurrences.
 * Windows: rolling (the last `durationMs`, samples in (t − duration, t]) or calendar (from the start
 * of the day/week/month/quarter/year containing t, computed in UTC shifted by `offsetMinutes`; the
 * series resets at each period start). ISO weeks start on Monday.
 * Remaining = total − consumed and goes NEGATIVE when the budget is overspent: an overspend is
 * information a TPM needs, so it is not clamped. `exhausted` = remaining ≤ 0 with something consumed
 * (a budget spent exactly to 0 is exhausted).
 * Burn rate = (bad / (good + bad) over the lookback) / (1 − objective): 1 consumes the budget exactly
 * over the window. Time until exhaustion = (remaining / total) × window length / burn rate; 0 when
 * already exhausted, null when not burning (burn rate 0 or no data).
 */
import { err, ok, type Result } from '../../domain/result.js';

export type SliSeries =
  | {
      /** Event counts per sample: `good[i]` of `total[i]` events observed at `timesMs[i]` (increments, not counters). */
      readonly kind: 'counts';
      readonly timesMs: Float64Array;
      readonly good: Float64Array;
      readonly total: Float64Array;
    }
  | {
      /** One verdict per slice starting at `timesMs[i]`: 1 = the slice met its threshold, 0 = it did not. */
      readonly kind: 'slices';
      readonly timesMs: Float64Array;
      readonly good: Uint8Array;
    };

export type BudgetingMethod =
  | { readonly kind: 'Occurrences' }
  | {
      readonly kind: 'Timeslices';
      /** Slice length in ms (e.g. 60_000). */
      readonly sliceMs: number;
      /** Per-slice SLI a slice must meet to be good, 0..1 (unused for `slices` input). */
      readonly sliceThreshold: number;
    }
  | {
      readonly kind: 'RatioTimeslices';
      /** Slice length in ms (e.g. 60_000). */
      readonly sliceMs: number;
    };

export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export type SloWindow =
  | { readonly kind: 'rolling'; readonly durationMs: number }
  | {
      readonly kind: 'calendar';
      readonly unit: CalendarUnit;
      /** Zone offset east of UTC in minutes (e.g. 120 for UTC+02:00); 0 = UTC. */
      readonly offsetMinutes: number;
    };

export interface ErrorBudgetInput {
  readonly series: SliSeries;
  /** Target fraction of good events or slices, in (0, 1). */
  readonly objective: number;
  readonly method: BudgetingMethod;
  readonly window: SloWindow;
  /** Look-back for the burn rate in ms; default: the window so far (rolling: its duration; calendar: since the period start). */
  readonly burnLookbackMs?: number;
}

/**
 * Good and bad amounts per point in time, the common form of all methods. For events a unit is
 * one event; for slices a unit is one slice of `sliceMs` (fractional under RatioTimeslices, where
 * good = the slice's success ratio and good + bad = 1).
 */
export interface SloUnits {
  readonly unit: 'events' | 'minutes';
  readonly timesMs: Float64Array;
  readonly good: Float64Array;
  readonly bad: Float64Array;
  /** Slice length in ms for time budgets; 0 for events. */
  readonly sliceMs: number;
}

export interface BudgetPoint {
  readonly timeMs: number;
  /** null when the window holds no data. */
  readonly attainedSli: number | null;
  readonly budgetTotal: number;
  readonly consumed: number;
  /** total − consumed; negative when overspent. */
  readonly remaining: number;
  readonly exhausted: boolean;
  readonly burnRate: number | null;
  readonly timeToExhaustionMs: number | null;
}

/** The series, one entry per point; NaN stands for null. */
export interface BudgetSeries {
  readonly timesMs: Float64Array;
  readonly windowStartMs: Float64Array;
  readonly attainedSli: Float64Array;
  readonly budgetTotal: Float64Array;
  readonly consumed: Float64Array;
  readonly remaining: Float64Array;
  readonly burnRate: Float64Array;
  readonly timeToExhaustionMs: Float64Array;
}

export interface ErrorBudgetReport {
  readonly unit: 'events' | 'minutes';
  /** The last point; null when the series is empty. */
  readonly end: BudgetPoint | null;
  readonly series: BudgetSeries;
}

export interface BudgetProblem {
  readonly code: 'slo.objective' | 'slo.series' | 'slo.method' | 'slo.window';
  readonly message: string;
  readonly hint: string;
}

const problem = (code: BudgetProblem['code'], message: string, hint: string): Result<never, BudgetProblem> => err({ code, message, hint });

const MINUTE_MS = 60_000;

/**
 * The budget fraction 1 − objective. Objectives are decimal fractions (0.999), and the float
 * difference is not (1 − 0.999 = 0.0010000000000000009), which would leave a spent budget a hair
 * short of exhausted; rounding to 12 significant digits gives 0.001 exactly.
 */
export function budgetFraction(objective: number): number {
  return Number((1 - objective).toPrecision(12));
}

/** Checks the series and turns it into good/bad units for the budgeting method. */
export function sloUnits(series: SliSeries, method: BudgetingMethod): Result<SloUnits, BudgetProblem> {
  const n = series.timesMs.length;
  if (series.good.length !== n || (series.kind === 'counts' && series.total.length !== n)) {
    return problem('slo.series', 'timestamps, good and total have different lengths', 'give one value per timestamp in every array');
  }
  for (let i = 0; i < n; i++) {
    const t = series.timesMs[i] as number;
    if (!Number.isFinite(t) || (i > 0 && t <= (series.timesMs[i - 1] as number))) {
      return problem('slo.series', `timestamp #${i} (${t}) is not after the previous one`, 'sort samples by time and merge duplicates');
    }
    if (series.kind === 'counts') {
      const g = series.good[i] as number;
      const tot = series.total[i] as number;
      if (!(g >= 0 && tot >= g && Number.isFinite(tot))) {
        return problem('slo.series', `sample #${i}: good ${g} of total ${tot} is not 0 ≤ good ≤ total`, 'check the good and total queries');
      }
    }
  }
  if (method.kind === 'Occurrences') {
    if (series.kind === 'slices') {
      return problem(
        'slo.method',
        'Occurrences needs event counts, the series holds slice verdicts',
        'use Timeslices or give good/total counts',
      );
    }
    const bad = new Float64Array(n);
    for (let i = 0; i < n; i++) bad[i] = (series.total[i] as number) - (series.good[i] as number);
    return ok({ unit: 'events', timesMs: series.timesMs, good: series.good, bad, sliceMs: 0 });
  }
  if (!(method.sliceMs > 0 && Number.isFinite(method.sliceMs))) {
    return problem('slo.method', `slice length ${method.sliceMs} ms is not positive`, 'set the timeslice window, e.g. 1m');
  }
  if (method.kind === 'RatioTimeslices') {
    if (series.kind === 'slices') {
      return problem(
        'slo.method',
        "RatioTimeslices needs event counts to take each slice's success ratio, the series holds slice verdicts",
        'use Timeslices or give good/total counts',
      );
    }
    const slices = bucketIntoSlices(series, method.sliceMs);
    const ratios = Float64Array.from(slices.good, (g, s) => g / (slices.total[s] as number));
    return ok({
      unit: 'minutes',
      timesMs: slices.timesMs,
      good: ratios,
      bad: Float64Array.from(ratios, (r) => 1 - r),
      sliceMs: method.sliceMs,
    });
  }
  if (series.kind === 'slices') {
    const good = new Float64Array(n);
    const bad = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = series.good[i] === 1 ? 1 : 0;
      good[i] = v;
      bad[i] = 1 - v;
    }
    return ok({ unit: 'minutes', timesMs: series.timesMs, good, bad, sliceMs: method.sliceMs });
  }
  if (!(method.sliceThreshold >= 0 && method.sliceThreshold <= 1)) {
    return problem(
      'slo.method',
      `slice threshold ${method.sliceThreshold} is not in [0, 1]`,
      'write the per-slice target as a fraction, e.g. 0.95',
    );
  }
  const slices = bucketIntoSlices(series, method.sliceMs);
  const verdicts = Float64Array.from(slices.good, (g, s) => (g / (slices.total[s] as number) >= method.sliceThreshold ? 1 : 0));
  return ok({
    unit: 'minutes',
    timesMs: slices.timesMs,
    good: verdicts,
    bad: Float64Array.from(verdicts, (v) => 1 - v),
    sliceMs: method.sliceMs,
  });
}

/**
 * Sums event counts per epoch-aligned slice of `sliceMs`, in time order. Slices without events
 * (total 0) are left out: they are no data, neither good nor bad.
 */
function bucketIntoSlices(
  series: Extract<SliSeries, { kind: 'counts' }>,
  sliceMs: number,
): { timesMs: Float64Array; good: Float64Array; total: Float64Array } {
  const starts: number[] = [];
  const goods: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < series.timesMs.length; i++) {
    const start = Math.floor((series.timesMs[i] as number) / sliceMs) * sliceMs;
    const last = starts.length - 1;
    if (last >= 0 && starts[last] === start) {
      goods[last] = (goods[last] as number) + (series.good[i] as number);
      totals[last] = (totals[last] as number) + (series.total[i] as number);
    } else {
      starts.push(start);
      goods.push(series.good[i] as number);
      totals.push(series.total[i] as number);
    }
  }
  const keep = totals.flatMap((t, s) => (t > 0 ? [s] : []));
  return {
    timesMs: Float64Array.from(keep, (s) => starts[s] as number),
    good: Float64Array.from(keep, (s) => goods[s] as number),
    total: Float64Array.from(keep, (s) => totals[s] as number),
  };
}

/** Start of the calendar period containing `timeMs`, in ms since the epoch. */
export function calendarPeriodStart(timeMs: number, unit: CalendarUnit, offsetMinutes: number): number {
  const shift = offsetMinutes * MINUTE_MS;
  const local = new Date(timeMs + shift);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  let startLocal: number;
  switch (unit) {
    case 'day':
      startLocal = Date.UTC(y, m, d);
      break;
    case 'week':
      // getUTCDay: 0 = Sunday; ISO weeks start on Monday.
      startLocal = Date.UTC(y, m, d - ((local.getUTCDay() + 6) % 7));
      break;
    case 'month':
      startLocal = Date.UTC(y, m, 1);
      break;
    case 'quarter':
      startLocal = Date.UTC(y, m - (m % 3), 1);
      break;
    case 'year':
      startLocal = Date.UTC(y, 0, 1);
      break;
  }
  return startLocal - shift;
}

/** End (exclusive) of the calendar period containing `timeMs`. */
export function calendarPeriodEnd(timeMs: number, unit: CalendarUnit, offsetMinutes: number): number {
  const shift = offsetMinutes * MINUTE_MS;
  const start = new Date(calendarPeriodStart(timeMs, unit, offsetMinutes) + shift);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  const next = {
    day: () => Date.UTC(y, m, d + 1),
    week: () => Date.UTC(y, m, d + 7),
    month: () => Date.UTC(y, m + 1, 1),
    quarter: () => Date.UTC(y, m + 3, 1),
    year: () => Date.UTC(y + 1, 0, 1),
  }[unit]();
  return next - shift;
}

/** Prefix sums: `sum[i]` = Σ values[0..i). */
function prefix(values: Float64Array): Float64Array {
  const sum = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) sum[i + 1] = (sum[i] as number) + (values[i] as number);
  return sum;
}

/** First index whose time is > `afterMs` — binary search over sorted times. */
export function firstIndexAfter(timesMs: Float64Array, afterMs: number): number {
  let lo = 0;
  let hi = timesMs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timesMs[mid] as number) <= afterMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Burn rate over the look-back (toMs − lookbackMs, toMs]: the error ratio divided by the budget
 * fraction 1 − objective. null when the look-back holds no data.
 */
export function burnRateOver(units: SloUnits, objective: number, toMs: number, lookbackMs: number): number | null {
  const from = firstIndexAfter(units.timesMs, toMs - lookbackMs);
  const to = firstIndexAfter(units.timesMs, toMs);
  let good = 0;
  let bad = 0;
  for (let i = from; i < to; i++) {
    good += units.good[i] as number;
    bad += units.bad[i] as number;
  }
  const all = good + bad;
  return all > 0 ? bad / all / budgetFraction(objective) : null;
}

export function computeErrorBudget(input: ErrorBudgetInput): Result<ErrorBudgetReport, BudgetProblem> {
  const { objective, window } = input;
  if (!(objective > 0 && objective < 1)) {
    return problem('slo.objective', `objective ${objective} is not in (0, 1)`, 'write the target as a fraction, e.g. 0.999 for 99.9 %');
  }
  if (window.kind === 'rolling' && !(window.durationMs > 0 && Number.isFinite(window.durationMs))) {
    return problem('slo.window', `rolling window of ${window.durationMs} ms is not positive`, 'give a duration such as 28d or 30d');
  }
  if (window.kind === 'calendar' && !(Math.abs(window.offsetMinutes) <= 18 * 60)) {
    return problem('slo.window', `zone offset ${window.offsetMinutes} min is outside ±18 h`, 'give the offset east of UTC in minutes');
  }
  if (input.burnLookbackMs !== undefined && !(input.burnLookbackMs > 0)) {
    return problem('slo.window', `burn-rate look-back ${input.burnLookbackMs} ms is not positive`, 'give a look-back such as 1h');
  }
  const unitsResult = sloUnits(input.series, input.method);
  if (!unitsResult.ok) return unitsResult;
  const units = unitsResult.value;
  const n = units.timesMs.length;
  const goodSum = prefix(units.good);
  const badSum = prefix(units.bad);
  const fraction = budgetFraction(objective);
  const series: BudgetSeries = {
    timesMs: Float64Array.from(units.timesMs),
    windowStartMs: new Float64Array(n),
    attainedSli: new Float64Array(n),
    budgetTotal: new Float64Array(n),
    consumed: new Float64Array(n),
    remaining: new Float64Array(n),
    burnRate: new Float64Array(n),
    timeToExhaustionMs: new Float64Array(n),
  };
  let lo = 0; // first index inside the window; only moves forward since window starts never go back
  let burnLo = 0;
  for (let i = 0; i < n; i++) {
    const t = units.timesMs[i] as number;
    let windowStart: number; // inclusive
    let windowMs: number;
    if (window.kind === 'rolling') {
      windowMs = window.durationMs;
      while ((units.timesMs[lo] as number) <= t - windowMs) lo++;
      windowStart = t - windowMs;
    } else {
      windowStart = calendarPeriodStart(t, window.unit, window.offsetMinutes);
      windowMs = calendarPeriodEnd(t, window.unit, window.offsetMinutes) - windowStart;
      while ((units.timesMs[lo] as number) < windowStart) lo++;
    }
    const good = (goodSum[i + 1] as number) - (goodSum[lo] as number);
    const bad = (badSum[i + 1] as number) - (badSum[lo] as number);
    const all = good + bad;
    const total = units.unit === 'events' ? fraction * all : (fraction * windowMs) / MINUTE_MS;
    const consumed = units.unit === 'events' ? bad : (bad * units.sliceMs) / MINUTE_MS;
    const remaining = total - consumed;
    // Burn-rate look-back: default = the window so far.
    let bLo = lo;
    if (input.burnLookbackMs !== undefined) {
      const from = t - input.burnLookbackMs;
      while ((units.timesMs[burnLo] as number) <= from) burnLo++;
      bLo = burnLo;
    }
    const bGood = (goodSum[i + 1] as number) - (goodSum[bLo] as number);
    const bBad = (badSum[i + 1] as number) - (badSum[bLo] as number);
    const burn = bGood + bBad > 0 ? bBad / (bGood + bBad) / fraction : Number.NaN;
    let tte = Number.NaN;
    if (remaining <= 0 && consumed > 0) tte = 0;
    else if (burn > 0 && total > 0) tte = ((remaining / total) * windowMs) / burn;
    series.windowStartMs[i] = windowStart;
    series.attainedSli[i] = all > 0 ? good / all : Number.NaN;
    series.budgetTotal[i] = total;
    series.consumed[i] = consumed;
    series.remaining[i] = remaining;
    series.burnRate[i] = burn;
    series.timeToExhaustionMs[i] = tte;
  }
  return ok({ unit: units.unit, end: n === 0 ? null : pointAt(series, n - 1), series });
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

export function pointAt(series: BudgetSeries, i: number): BudgetPoint {
  const consumed = series.consumed[i] as number;
  const remaining = series.remaining[i] as number;
  return {
    timeMs: series.timesMs[i] as number,
    attainedSli: orNull(series.attainedSli[i] as number),
    budgetTotal: series.budgetTotal[i] as number,
    consumed,
    remaining,
    exhausted: remaining <= 0 && consumed > 0,
    burnRate: orNull(series.burnRate[i] as number),
    timeToExhaustionMs: orNull(series.timeToExhaustionMs[i] as number),
  };
}
