/**
 * Samples activity durations from three-point estimates by inverse CDF, one uniform per draw.
 *
 * - `triangular`: the triangular distribution on [optimistic, pessimistic] with its mode at likely;
 *   closed-form inverse.
 * - `pert` (default): PERT-Beta with λ = 4, i.e. Beta(α, β) on [optimistic, pessimistic] with
 *   α = 1 + 4·r, β = 1 + 4·(1 − r), r = (likely − optimistic) / (pessimistic − optimistic); mean
 *   (o + 4m + p) / 6. Its inverse CDF has no closed form, so it is tabulated once per process for
 *   r in steps of 1/100 and u in steps of 1/256, and read with bilinear interpolation; the error is
 *   below 0.2 % of the range (checked in the tests against numerically integrated quantiles).
 */
export type DurationDistribution = 'pert' | 'triangular';

export const MODE_STEPS = 100;
export const QUANTILE_STEPS = 256;
let tables: Float64Array | undefined;

/**
 * Quantiles of Beta(1 + 4r, 1 + 4(1 − r)) on [0, 1] for r = i / MODE_STEPS, u = j / QUANTILE_STEPS,
 * row-major by r: `[i * (QUANTILE_STEPS + 1) + j]`. Shared, not to be written.
 */
export function pertTables(): Float64Array {
  if (tables) return tables;
  const grid = 4096;
  const out = new Float64Array((MODE_STEPS + 1) * (QUANTILE_STEPS + 1));
  const cdf = new Float64Array(grid + 1);
  for (let i = 0; i <= MODE_STEPS; i++) {
    const r = i / MODE_STEPS;
    const a = 1 + 4 * r;
    const b = 1 + 4 * (1 - r);
    // Trapezoid rule on the (bounded, since a, b ≥ 1) density, then normalize.
    let previous = density(0, a, b);
    cdf[0] = 0;
    for (let k = 1; k <= grid; k++) {
      const current = density(k / grid, a, b);
      cdf[k] = (cdf[k - 1] as number) + (previous + current) / (2 * grid);
      previous = current;
    }
    const total = cdf[grid] as number;
    let k = 0;
    for (let j = 0; j <= QUANTILE_STEPS; j++) {
      const target = (j / QUANTILE_STEPS) * total;
      while (k < grid && (cdf[k + 1] as number) < target) k++;
      const lo = cdf[k] as number;
      const hi = cdf[Math.min(k + 1, grid)] as number;
      const frac = hi > lo ? (target - lo) / (hi - lo) : 0;
      out[i * (QUANTILE_STEPS + 1) + j] = Math.min(1, (k + frac) / grid);
    }
  }
  tables = out;
  return out;
}

function density(x: number, a: number, b: number): number {
  return x ** (a - 1) * (1 - x) ** (b - 1);
}

/** The PERT-Beta quantile at probability `u` for mode position `r` (both in [0, 1]), on [0, 1]. */
export function pertQuantile(r: number, u: number): number {
  const t = pertTables();
  const ri = r * MODE_STEPS;
  const i = Math.min(MODE_STEPS - 1, Math.floor(ri));
  const rf = ri - i;
  const uj = u * QUANTILE_STEPS;
  const j = Math.min(QUANTILE_STEPS - 1, Math.floor(uj));
  const uf = uj - j;
  const row0 = i * (QUANTILE_STEPS + 1);
  const row1 = row0 + QUANTILE_STEPS + 1;
  const q0 = (t[row0 + j] as number) + ((t[row0 + j + 1] as number) - (t[row0 + j] as number)) * uf;
  const q1 = (t[row1 + j] as number) + ((t[row1 + j + 1] as number) - (t[row1 + j] as number)) * uf;
  return q0 + (q1 - q0) * rf;
}

/** The triangular quantile at `u` on [0, 1] with its mode at `r`. */
export function triangularQuantile(r: number, u: number): number {
  return u < r ? Math.sqrt(u * r) : 1 - Math.sqrt((1 - u) * (1 - r));
}

/**
 * Prepared sampling for many activities: `low`, `range` and mode position per activity; an activity
 * with no spread (range 0, or no three-point estimate) always gets `low`.
 */
export interface SamplingPlan {
  readonly low: Float64Array;
  readonly range: Float64Array;
  readonly mode: Float64Array;
  readonly distribution: DurationDistribution;
}

export function samplingPlan(
  optimistic: Float64Array,
  likely: Float64Array,
  pessimistic: Float64Array,
  distribution: DurationDistribution,
): SamplingPlan {
  const n = likely.length;
  const low = new Float64Array(n);
  const range = new Float64Array(n);
  const mode = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const o = optimistic[v] as number;
    const m = likely[v] as number;
    const p = pessimistic[v] as number;
    if (!(p > o)) {
      low[v] = m;
      continue;
    }
    low[v] = o;
    range[v] = p - o;
    mode[v] = (m - o) / (p - o);
  }
  if (distribution === 'pert') pertTables();
  return { low, range, mode, distribution };
}

/**
 * Draws one duration per activity, using one uniform each from `next` in activity order, into
 * `out[v * stride + offset]` (a stride lets a block of trials be stored activity-major).
 */
export function sampleDurations(plan: SamplingPlan, next: () => number, out: Float64Array, stride = 1, offset = 0): void {
  const { low, range, mode } = plan;
  if (plan.distribution === 'triangular') {
    for (let v = 0, o = offset; v < low.length; v++, o += stride) {
      const r = range[v] as number;
      out[o] = r === 0 ? (low[v] as number) : (low[v] as number) + r * triangularQuantile(mode[v] as number, next());
    }
    return;
  }
  // pertQuantile inlined: this loop runs once per activity per trial.
  const t = pertTables();
  const row = QUANTILE_STEPS + 1;
  for (let v = 0, o = offset; v < low.length; v++, o += stride) {
    const r = range[v] as number;
    if (r === 0) {
      out[o] = low[v] as number;
      continue;
    }
    const ri = (mode[v] as number) * MODE_STEPS;
    const i = ri >= MODE_STEPS ? MODE_STEPS - 1 : ri | 0;
    const rf = ri - i;
    const uj = next() * QUANTILE_STEPS;
    const j = uj | 0;
    const uf = uj - j;
    const row0 = i * row + j;
    const row1 = row0 + row;
    const q0 = (t[row0] as number) + ((t[row0 + 1] as number) - (t[row0] as number)) * uf;
    const q1 = (t[row1] as number) + ((t[row1 + 1] as number) - (t[row1] as number)) * uf;
    out[o] = (low[v] as number) + r * (q0 + (q1 - q0) * rf);
  }
}
