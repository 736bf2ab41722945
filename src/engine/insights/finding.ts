/** How soon a finding needs the TPM: high = act this week, medium = plan for it, low = keep an eye on it. */
export type Severity = 'high' | 'medium' | 'low';

export const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/**
 * Detection rules, by stable id. The id names a finding in reports, in acknowledgements and in
 * dismissals; never rename one.
 */
export const RULES = {
  'critical-blocked': 'a critical-path item is blocked',
  'critical-not-started': 'a critical-path item has not started by its late start',
  'dependency-unaccepted': 'a cross-team dependency on or near the critical path is still requested, at risk or broken',
  'item-unowned': 'an item has no team',
  'item-unestimated': 'an item has no estimate',
  'team-overloaded': 'a team is loaded above its capacity in some week',
  'bottleneck-team': 'a team sits on many cross-team dependencies',
  'bottleneck-item': 'an item many dependency chains run through, or critical in most forecast trials',
  'milestone-p80-late': "a milestone's P80 forecast is later than its target",
  'order-overdue': 'a long-lead or procurement item is not ordered by its order-by date',
  'item-stale': 'an item in progress or blocked has not changed for a long time',
  'scope-added': 'items added since the baseline',
  'funnel-inverted': 'Scale work in progress while Stability is broken or Stability work is open',
  'slo-budget-exhausted': 'an SLO has used all of its error budget',
  'slo-burn-page': 'an SLO burns its error budget fast enough to page (SRE Workbook multi-window alert)',
  'incident-update-overdue': "an open incident's stakeholder update is overdue for its severity's cadence",
  'action-item-overdue': 'a post-mortem action item is open past its due date',
  'migration-p80-late': "a migration's throughput forecast P80 is later than its target",
  'migration-laggard': 'a team lags a migration (behind the overall pace, its own P80 after the target, or stalled)',
  'debt-unplanned': 'tech debt costing a working day a month or more has no plan (no team and estimate, not in progress)',
  'capacity-order-due':
    'a capacity resource must be ordered within 20 working days, or its order-by date has passed, and it has no order item',
  'cost-over-budget': "a team's run-rate forecast of cloud cost for the month is over its budget",
  'cost-anomaly': "a team's or service's daily cloud cost jumped far from its usual in the last week",
  'cost-waste-share': 'unattached or idle storage, idle compute or old snapshots take 20 % or more of their category of spend',
} as const;
export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** One thing a rule found, written for a person: what, where, when, and what to do. */
export interface Finding {
  readonly rule: RuleId;
  /** Stable while the situation lasts: `rule:subject`, e.g. `critical-blocked:net-7`. Acknowledgements key on it. */
  readonly key: string;
  readonly severity: Severity;
  /** One line: the item, team or milestone and the problem. */
  readonly title: string;
  /** Plain language, naming the items, teams and dates involved. */
  readonly explanation: string;
  readonly action: string;
  readonly items: readonly string[];
  readonly teams: readonly string[];
}
