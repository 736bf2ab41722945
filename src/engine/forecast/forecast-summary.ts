import type { ForecastModel, TrialChunk } from './monte-carlo.js';

export const PERCENTILES = [10, 50, 80, 90, 95] as const;

export interface Distribution {
  readonly p10: number;
  readonly p50: number;
  readonly p80: number;
  readonly p90: number;
  readonly p95: number;
  readonly mean: number;
}

export interface ForecastSummary {
  readonly trials: number;
  readonly finish: Distribution;
  /** Per milestone, in the order of `model.milestones`; `probabilityOnTime` is NaN without a target. */
  readonly milestones: readonly (Distribution & { readonly probabilityOnTime: number })[];
  /** Share of trials in which each activity was critical, by original activity number. */
  readonly criticality: Float64Array;
  /**
   * Pearson correlation between each activity's sampled duration and the project finish, by
   * original activity number; 0 for activities without spread. How much an item's uncertainty
   * moves the finish.
   */
  readonly sensitivity: Float64Array;
}

/** Percentiles by nearest rank on sorted samples, so every figure is a date some trial produced. */
export function distributionOf(samples: Float64Array): Distribution {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
  let sum = 0;
  for (const x of sorted) sum += x;
  return { p10: at(10), p50: at(50), p80: at(80), p90: at(90), p95: at(95), mean: sum / sorted.length };
}

/** Nearest-rank percentiles of `samples` at each of `percents` (0–100): the points of an S-curve. */
export function percentilesOf(samples: Float64Array, percents: readonly number[]): number[] {
  const sorted = Float64Array.from(samples).sort();
  return percents.map((p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number);
}

/** The samples of milestone `k` across the run's trials. */
export function milestoneSamples(run: TrialChunk, milestones: number, k: number): Float64Array {
  const out = new Float64Array(run.trials);
  for (let t = 0; t < run.trials; t++) out[t] = run.milestoneFinish[t * milestones + k] as number;
  return out;
}

/** `targets[k]`: the target of milestone k in network time (NaN when it has none). */
export function summarizeForecast(model: ForecastModel, run: TrialChunk, targets: Float64Array): ForecastSummary {
  const c = model.compiled;
  const n = c.n;
  const m = model.milestones.length;
  const milestones = Array.from({ length: m }, (_, k) => {
    const samples = new Float64Array(run.trials);
    let onTime = 0;
    const target = targets[k] as number;
    for (let t = 0; t < run.trials; t++) {
      const f = run.milestoneFinish[t * m + k] as number;
      samples[t] = f;
      if (f <= target + 1e-9) onTime++;
    }
    return { ...distributionOf(samples), probabilityOnTime: Number.isNaN(target) ? Number.NaN : onTime / run.trials };
  });

  let sumF = 0;
  let sumF2 = 0;
  for (const f of run.finish) {
    sumF += f;
    sumF2 += f * f;
  }
  const trials = run.trials;
  const varF = sumF2 / trials - (sumF / trials) ** 2;
  const criticality = new Float64Array(n);
  const sensitivity = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const v = c.original[k] as number;
    criticality[v] = (run.criticalCount[k] as number) / trials;
    const meanD = (run.sumDuration[k] as number) / trials;
    const varD = (run.sumDuration2[k] as number) / trials - meanD * meanD;
    const cov = (run.sumDurationFinish[k] as number) / trials - meanD * (sumF / trials);
    // Relative tolerance: a fixed duration has a variance of rounding noise, not zero.
    sensitivity[v] = varD > 1e-12 * (1 + meanD * meanD) && varF > 1e-12 ? cov / Math.sqrt(varD * varF) : 0;
  }
  return { trials, finish: distributionOf(run.finish), milestones, criticality, sensitivity };
}
