import { addDays, type CalendarDate, daysBetween } from '../../domain/calendar-date.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { Random } from '../rcpsp/random.js';

/** Trials beyond this many weeks (10 years) count as "does not finish": the history says too little. */
export const MAX_FORECAST_WEEKS = 520;

export interface ThroughputForecastOptions {
  readonly trials: number;
  readonly random: Random;
  /**
   * True (the default): each trial first resamples the history itself (a bootstrap of the H
   * weeks), then draws its weeks from that resample. A history of H weeks only estimates the
   * team's rate, with an error of about σ/√H; resampling it per trial carries that error into
   * the forecast. False draws every week from the history as observed, which is narrower and,
   * with a few months of history, over-confident (bench/migration-calibration.ts measures both).
   */
  readonly resampleHistory?: boolean;
  readonly maxWeeks?: number;
}

export interface WeeksToFinish {
  /** Per trial, weeks from now until the last remaining step is done (fractional); Infinity past maxWeeks. */
  readonly weeks: Float64Array;
}

export interface ForecastError {
  readonly code: 'no-throughput';
  readonly message: string;
  readonly hint: string;
}

/**
 * Throughput Monte Carlo: each trial draws one week's throughput at a time from the history until
 * `remaining` steps are done. Within the last week progress is taken as even, so a trial that
 * needs 2 of the 4 steps it draws finishes half-way through that week. Deterministic for a given
 * random stream.
 */
export function simulateWeeksToFinish(
  history: Int32Array,
  remaining: number,
  options: ThroughputForecastOptions,
): Result<WeeksToFinish, ForecastError> {
  const h = history.length;
  let total = 0;
  for (const x of history) total += x;
  const weeks = new Float64Array(options.trials);
  if (remaining <= 0) return ok({ weeks });
  if (total === 0 || h === 0) {
    return err({
      code: 'no-throughput',
      message: `no step was finished in the ${h} week(s) of history, so throughput cannot forecast the remaining ${remaining}`,
      hint: 'record the days steps were done (done: {step: date}) or forecast again once the teams have finished some',
    });
  }
  const cap = options.maxWeeks ?? MAX_FORECAST_WEEKS;
  const resample = options.resampleHistory ?? true;
  const random = options.random;
  const drawn = new Int32Array(h);
  for (let t = 0; t < options.trials; t++) {
    let source = history;
    if (resample) {
      let sum = 0;
      for (let i = 0; i < h; i++) {
        const x = history[random.int(h)] as number;
        drawn[i] = x;
        sum += x;
      }
      source = drawn;
      if (sum === 0) {
        weeks[t] = Number.POSITIVE_INFINITY;
        continue;
      }
    }
    let left = remaining;
    let week = 0;
    let result = Number.POSITIVE_INFINITY;
    while (week < cap) {
      const x = source[random.int(h)] as number;
      if (x >= left) {
        result = week + left / x;
        break;
      }
      left -= x;
      week += 1;
    }
    weeks[t] = result;
  }
  return ok({ weeks });
}

/** The calendar day a trial of `weeks` from `asOf` finishes on (the day its last step is done). */
export function finishDate(asOf: CalendarDate, weeks: number): CalendarDate | null {
  return Number.isFinite(weeks) ? addDays(asOf, Math.ceil(weeks * 7)) : null;
}

/** Nearest-rank percentile (0–100) of sorted samples. */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export interface CompletionForecast {
  readonly trials: number;
  readonly remaining: number;
  /** Weekly throughput the trials drew from, oldest first. */
  readonly history: readonly number[];
  readonly historyFrom: CalendarDate;
  readonly meanThroughput: number;
  /** Null: that share of trials did not finish within MAX_FORECAST_WEEKS. */
  readonly p50: CalendarDate | null;
  readonly p80: CalendarDate | null;
  readonly p95: CalendarDate | null;
  /** Share of trials done on or before the target; null without a target. */
  readonly probabilityByTarget: number | null;
  /** Cumulative share of trials done by each day, for a fan or S-curve: [day, share] from the first to the P95 day. */
  readonly curve: readonly (readonly [CalendarDate, number])[];
}

/** Summarises trials into dates from `asOf`. */
export function summariseCompletion(
  trials: WeeksToFinish,
  asOf: CalendarDate,
  history: Int32Array,
  historyFrom: CalendarDate,
  remaining: number,
  target: CalendarDate | undefined,
): CompletionForecast {
  const sorted = Float64Array.from(trials.weeks).sort();
  const day = (p: number) => finishDate(asOf, percentileOfSorted(sorted, p));
  let byTarget: number | null = null;
  if (target !== undefined) {
    const limit = daysBetween(asOf, target);
    let n = 0;
    for (const w of sorted) if (Number.isFinite(w) && Math.ceil(w * 7) <= limit) n += 1;
    byTarget = sorted.length === 0 ? null : n / sorted.length;
  }
  let sum = 0;
  for (const x of history) sum += x;
  return {
    trials: sorted.length,
    remaining,
    history: [...history],
    historyFrom,
    meanThroughput: history.length === 0 ? 0 : sum / history.length,
    p50: day(50),
    p80: day(80),
    p95: day(95),
    probabilityByTarget: byTarget,
    curve: completionCurve(sorted, asOf),
  };
}

/** At most ~60 points of the empirical distribution of finish days, up to its P95. */
function completionCurve(sorted: Float64Array, asOf: CalendarDate): [CalendarDate, number][] {
  const n = sorted.length;
  if (n === 0) return [];
  const firstW = sorted[0] as number;
  const lastW = percentileOfSorted(sorted, 95);
  if (!Number.isFinite(firstW) || !Number.isFinite(lastW)) return [];
  const first = Math.ceil(firstW * 7);
  const last = Math.ceil(lastW * 7);
  const stride = Math.max(1, Math.ceil((last - first + 1) / 60));
  const out: [CalendarDate, number][] = [];
  let k = 0;
  for (let d = first; ; d += stride) {
    const at = Math.min(d, last);
    while (k < n && Math.ceil((sorted[k] as number) * 7) <= at) k += 1;
    out.push([addDays(asOf, at), k / n]);
    if (at === last) break;
  }
  return out;
}
