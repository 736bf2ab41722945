/**
 * Multi-window, multi-burn-rate alerts (Google SRE Workbook, "Alerting on SLOs", recommended
 * parameters for a 30-day SLO): a rule fires when the burn rate over BOTH its long and its short
 * window is above the rule's factor. The long window proves the burn is significant, the short one
 * that it is still going on (so the alert resets soon after the problem stops).
 *
 * Burn factor of a rule = budget fraction spent in the long window × SLO period / long window,
 * e.g. 2 % of a 30-day budget in 1 h → 0.02 × 720 h / 1 h = 14.4.
 * Comparison is strict (>), as in the Workbook's and Sloth's Prometheus rules.
 */
import { burnRateOver, type SloUnits } from './error-budget.js';

export type AlertSeverity = 'page' | 'ticket';

export interface BurnRateRule {
  readonly name: string;
  readonly severity: AlertSeverity;
  /** Burn-rate factor both windows must exceed. */
  readonly burnRate: number;
  readonly longWindowMs: number;
  readonly shortWindowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Burn factor that spends `budgetPercent` % of the budget of `periodMs` in `longWindowMs`. */
export function burnFactor(budgetPercent: number, longWindowMs: number, periodMs: number): number {
  return ((budgetPercent / 100) * periodMs) / longWindowMs;
}

/** The Workbook's default policy for a 30-day SLO, as data (windows may be replaced by the caller). */
export const GOOGLE_SRE_POLICY: readonly BurnRateRule[] = [
  { name: 'page-fast', severity: 'page', burnRate: 14.4, longWindowMs: HOUR, shortWindowMs: 5 * MINUTE },
  { name: 'page-slow', severity: 'page', burnRate: 6, longWindowMs: 6 * HOUR, shortWindowMs: 30 * MINUTE },
  { name: 'ticket', severity: 'ticket', burnRate: 1, longWindowMs: 3 * DAY, shortWindowMs: 6 * HOUR },
];

export interface RuleMeasurement {
  readonly rule: BurnRateRule;
  /** Burn rate in the long window (atMs − long, atMs]; null when it holds no data. */
  readonly longBurnRate: number | null;
  readonly shortBurnRate: number | null;
  readonly fires: boolean;
}

export interface AlertEvaluation {
  readonly atMs: number;
  /** The most severe firing severity (page over ticket), or null when nothing fires. */
  readonly severity: AlertSeverity | null;
  /** The rules (window pairs) that fired, in policy order. */
  readonly fired: readonly BurnRateRule[];
  /** Every rule with the burn rates measured in its two windows. */
  readonly measurements: readonly RuleMeasurement[];
}

export function evaluateBurnRateAlerts(
  units: SloUnits,
  objective: number,
  atMs: number,
  policy: readonly BurnRateRule[] = GOOGLE_SRE_POLICY,
): AlertEvaluation {
  const measurements = policy.map((rule): RuleMeasurement => {
    const longBurnRate = burnRateOver(units, objective, atMs, rule.longWindowMs);
    const shortBurnRate = burnRateOver(units, objective, atMs, rule.shortWindowMs);
    const fires = longBurnRate !== null && shortBurnRate !== null && longBurnRate > rule.burnRate && shortBurnRate > rule.burnRate;
    return { rule, longBurnRate, shortBurnRate, fires };
  });
  const fired = measurements.filter((m) => m.fires).map((m) => m.rule);
  const severity = fired.some((r) => r.severity === 'page') ? 'page' : fired.length > 0 ? 'ticket' : null;
  return { atMs, severity, fired, measurements };
}
