import { createRandom, type Random } from '../rcpsp/random.js';
import { percentileOfSorted, simulateWeeksToFinish } from './throughput-forecast.js';

/** A Poisson(λ) draw (Knuth's product of uniforms; fine for the small λ of weekly step counts). */
export function poisson(random: Random, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k += 1;
    p *= random.next();
  }
  return k;
}

export interface CalibrationCase {
  /** The true weekly throughput: one draw is one week's finished steps (e.g. Poisson(λ)). */
  readonly weekly: (random: Random) => number;
  /** Weeks of history the forecast sees. */
  readonly historyWeeks: number;
  readonly remaining: number;
  /** Histories generated, each forecast once and compared with one true completion. */
  readonly runs: number;
  /** Monte Carlo trials per forecast. */
  readonly trials: number;
  readonly seed: number;
  readonly resampleHistory: boolean;
}

export interface CalibrationResult {
  readonly runs: number;
  /** Runs whose history had no finished step (no forecast possible); left out of the coverage. */
  readonly noForecast: number;
  /** Share of runs whose true finish day was on or before the forecast's P50 / P80 / P95 day. */
  readonly coverageP50: number;
  readonly coverageP80: number;
  readonly coverageP95: number;
}

/** A known discrete distribution: `values[k]` with probability `weights[k]` (weights sum to 1). */
export function discrete(values: readonly number[], weights: readonly number[]): (random: Random) => number {
  return (random) => {
    let u = random.next();
    for (let k = 0; k < values.length - 1; k++) {
      u -= weights[k] as number;
      if (u < 0) return values[k] as number;
    }
    return values[values.length - 1] as number;
  };
}

/**
 * The calibration experiment: weekly throughput truly follows `weekly` (e.g. Poisson(λ)). For each run, draw a history of
 * H weeks, forecast the remaining steps from it, then play out the true completion with the true
 * distribution; count how often the true finish day falls on or before each forecast percentile.
 * A calibrated forecast covers at about its percentile. Days are whole days as shown to a user
 * (ceil of weeks × 7), for the forecast and the truth alike.
 */
export function calibrate(c: CalibrationCase): CalibrationResult {
  const world = createRandom(c.seed);
  const model = createRandom(c.seed ^ 0x5bd1e995);
  const history = new Int32Array(c.historyWeeks);
  let covered50 = 0;
  let covered80 = 0;
  let covered95 = 0;
  let none = 0;
  for (let run = 0; run < c.runs; run++) {
    for (let w = 0; w < c.historyWeeks; w++) history[w] = c.weekly(world);
    const forecast = simulateWeeksToFinish(history, c.remaining, { trials: c.trials, random: model, resampleHistory: c.resampleHistory });
    if (!forecast.ok) {
      none += 1;
      continue;
    }
    const sorted = forecast.value.weeks.sort();
    const truth = Math.ceil(trueWeeks(world, c.weekly, c.remaining) * 7);
    const day = (p: number) => {
      const w = percentileOfSorted(sorted, p);
      return Number.isFinite(w) ? Math.ceil(w * 7) : Number.POSITIVE_INFINITY;
    };
    if (truth <= day(50)) covered50 += 1;
    if (truth <= day(80)) covered80 += 1;
    if (truth <= day(95)) covered95 += 1;
  }
  const n = c.runs - none;
  return { runs: c.runs, noForecast: none, coverageP50: covered50 / n, coverageP80: covered80 / n, coverageP95: covered95 / n };
}

/** Weeks the true process takes to finish `remaining` steps (even progress within the last week). */
function trueWeeks(random: Random, weekly: (random: Random) => number, remaining: number): number {
  let left = remaining;
  let week = 0;
  for (;;) {
    const x = weekly(random);
    if (x >= left && x > 0) return week + left / x;
    left -= x;
    week += 1;
  }
}
