import { err, ok, type Result } from '../../domain/result.js';

/** Usage samples: `timestamps` in ms since the epoch (increasing), `values` in the resource's unit. */
export interface UsageHistory {
  readonly timestamps: Float64Array;
  readonly values: Float64Array;
}

export type FitKind = 'linear' | 'exponential';

/**
 * A least-squares trend through a usage history, with time `t` in days since `originMs`.
 * Linear: `value = intercept + slope·t` (slope in units per day). Exponential: least squares on the
 * logarithms, `ln value = ln intercept + slope·t`, so `value = intercept·e^(slope·t)` (slope per day,
 * as a continuous rate). Goodness of fit is measured on the values themselves for both, so the two
 * can be compared: `r2` = 1 − SSres/SStot (1 = perfect, 0 = no better than the mean, may be
 * negative for an exponential fit that misses), `rmse` = √(SSres/n) in the resource's unit.
 */
export interface UsageFit {
  readonly kind: FitKind;
  readonly originMs: number;
  readonly intercept: number;
  readonly slope: number;
  readonly r2: number;
  readonly rmse: number;
  readonly samples: number;
  /** The first and last sample's time, ms: the range the fit has seen. */
  readonly fromMs: number;
  readonly toMs: number;
}

export type FitProblem =
  | { readonly kind: 'too-few-samples'; readonly message: string }
  | { readonly kind: 'non-positive'; readonly message: string }
  | { readonly kind: 'flat-time'; readonly message: string };

const DAY_MS = 86_400_000;

export function fitUsage(history: UsageHistory, kind: FitKind): Result<UsageFit, FitProblem> {
  const n = history.timestamps.length;
  if (n < 3) {
    return err({
      kind: 'too-few-samples',
      message: `a ${kind} fit needs at least 3 usage samples; the history has ${n}. Upload more history or use the compound model`,
    });
  }
  const originMs = history.timestamps[0] as number;
  const t = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = ((history.timestamps[i] as number) - originMs) / DAY_MS;
    const v = history.values[i] as number;
    if (kind === 'exponential' && !(v > 0)) {
      return err({
        kind: 'non-positive',
        message: `an exponential fit needs usage above 0; sample ${i + 1} (${new Date(history.timestamps[i] as number).toISOString()}) is ${v}. Use the linear fit`,
      });
    }
    y[i] = kind === 'exponential' ? Math.log(v) : v;
  }
  // Centred sums: stable when t is large or the values are far from 0.
  let tMean = 0;
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    tMean += t[i] as number;
    yMean += y[i] as number;
  }
  tMean /= n;
  yMean /= n;
  let stt = 0;
  let sty = 0;
  for (let i = 0; i < n; i++) {
    const dt = (t[i] as number) - tMean;
    stt += dt * dt;
    sty += dt * ((y[i] as number) - yMean);
  }
  if (stt === 0) return err({ kind: 'flat-time', message: 'all usage samples have the same time; a trend needs samples over time' });
  const slope = sty / stt;
  const a = yMean - slope * tMean;
  const intercept = kind === 'exponential' ? Math.exp(a) : a;
  const fit = { kind, originMs, intercept, slope };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += history.values[i] as number;
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const v = history.values[i] as number;
    const r = v - fitValue(fit, history.timestamps[i] as number);
    ssRes += r * r;
    ssTot += (v - mean) * (v - mean);
  }
  return ok({
    ...fit,
    r2: ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot,
    rmse: Math.sqrt(ssRes / n),
    samples: n,
    fromMs: originMs,
    toMs: history.timestamps[n - 1] as number,
  });
}

/** The fitted value at a time (ms since the epoch). */
export function fitValue(fit: Pick<UsageFit, 'kind' | 'originMs' | 'intercept' | 'slope'>, atMs: number): number {
  const t = (atMs - fit.originMs) / DAY_MS;
  return fit.kind === 'exponential' ? fit.intercept * Math.exp(fit.slope * t) : fit.intercept + fit.slope * t;
}

/** What the fit means per month (30.4375 days, a mean Gregorian month): percent growth for exponential, units for linear. */
export function fitPerMonth(fit: UsageFit): number {
  const days = 30.4375;
  return fit.kind === 'exponential' ? (Math.exp(fit.slope * days) - 1) * 100 : fit.slope * days;
}
