import { isoOfDay } from './cost-days.js';
import type { DailyCost } from './daily-cost.js';

/**
 * Anomalies on daily cost by a robust z-score: each day is compared with the median of the
 * `window` days before it, scaled by their median absolute deviation (MAD × 1.4826 estimates a
 * standard deviation and ignores the outliers a mean would chase). A day is an anomaly when
 *   |z| ≥ `threshold` (3.5, Iglewicz and Hoaglin's cut-off for modified z-scores), and
 *   |actual − expected| ≥ `minShare` of the expected cost (20 %: a flat series with a tiny MAD must
 *   not flag pennies), and ≥ `minImpact` in currency (0 by default).
 * A day needs `minHistory` earlier days with data (7). When the MAD is 0 (a flat series) any
 * change passing the share and impact floors counts. Deterministic: no randomness, no clock.
 */
export interface AnomalyOptions {
  readonly window?: number;
  readonly minHistory?: number;
  readonly threshold?: number;
  readonly minShare?: number;
  readonly minImpact?: number;
  /** Only days from this one on (days since epoch) are reported, e.g. the last 30. */
  readonly from?: number;
}

export interface CostAnomaly {
  readonly key: string;
  readonly day: string;
  readonly actual: number;
  /** The median of the window before the day. */
  readonly expected: number;
  /** actual − expected. */
  readonly impact: number;
  /** Robust z-score; Infinity when the window was flat. */
  readonly z: number;
  readonly direction: 'spike' | 'drop';
}

export const ANOMALY_DEFAULTS = { window: 14, minHistory: 7, threshold: 3.5, minShare: 0.2, minImpact: 0 } as const;

function median(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Anomalies of every key's daily series, largest impact first. */
export function detectAnomalies(daily: DailyCost, options: AnomalyOptions = {}): CostAnomaly[] {
  const window = options.window ?? ANOMALY_DEFAULTS.window;
  const minHistory = options.minHistory ?? ANOMALY_DEFAULTS.minHistory;
  const threshold = options.threshold ?? ANOMALY_DEFAULTS.threshold;
  const minShare = options.minShare ?? ANOMALY_DEFAULTS.minShare;
  const minImpact = options.minImpact ?? ANOMALY_DEFAULTS.minImpact;
  const out: CostAnomaly[] = [];
  daily.keys.forEach((key, k) => {
    const series = daily.values[k];
    if (!series) return;
    for (let d = minHistory; d < daily.days; d++) {
      if (options.from !== undefined && daily.firstDay + d < options.from) continue;
      const past = series.slice(Math.max(0, d - window), d).sort();
      const expected = median(past);
      const deviations = past.map((v) => Math.abs(v - expected)).sort();
      const scale = 1.4826 * median(deviations);
      const actual = series[d] ?? 0;
      const impact = actual - expected;
      const z = scale > 0 ? impact / scale : impact === 0 ? 0 : Math.sign(impact) * Number.POSITIVE_INFINITY;
      if (Math.abs(z) < threshold) continue;
      if (Math.abs(impact) < minShare * Math.abs(expected) || Math.abs(impact) < minImpact || impact === 0) continue;
      out.push({ key, day: isoOfDay(daily.firstDay + d), actual, expected, impact, z, direction: impact > 0 ? 'spike' : 'drop' });
    }
  });
  return out.sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.day.localeCompare(b.day) || a.key.localeCompare(b.key));
}
