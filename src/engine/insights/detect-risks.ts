import { type Finding, RULE_IDS, SEVERITY_ORDER } from './finding.js';
import type { InsightInput } from './insight-input.js';
import { capacityOrderDue } from './rules/capacity-order-rules.js';
import { teamOverloaded } from './rules/capacity-rules.js';
import { costAnomaly, costOverBudget, costWasteShare } from './rules/cost-rules.js';
import { bottleneckItems, bottleneckTeams, dependencyUnaccepted } from './rules/dependency-rules.js';
import { milestoneP80Late } from './rules/forecast-rules.js';
import { itemStale, scopeAdded } from './rules/history-rules.js';
import { funnelInverted, itemUnestimated, itemUnowned } from './rules/hygiene-rules.js';
import { debtUnplanned, migrationLaggard, migrationP80Late } from './rules/migration-debt-rules.js';
import { actionItemOverdue, incidentUpdateOverdue, sloBudgetExhausted, sloBurnPage } from './rules/reliability-rules.js';
import { criticalBlocked, criticalNotStarted, orderOverdue } from './rules/schedule-rules.js';

const RULE_FUNCTIONS = [
  criticalBlocked,
  criticalNotStarted,
  dependencyUnaccepted,
  itemUnowned,
  itemUnestimated,
  teamOverloaded,
  bottleneckTeams,
  bottleneckItems,
  milestoneP80Late,
  orderOverdue,
  itemStale,
  scopeAdded,
  funnelInverted,
  sloBudgetExhausted,
  sloBurnPage,
  incidentUpdateOverdue,
  actionItemOverdue,
  migrationP80Late,
  migrationLaggard,
  debtUnplanned,
  capacityOrderDue,
  costOverBudget,
  costAnomaly,
  costWasteShare,
];

/** Every rule's findings, most severe first, then in rule order, then by key: the same input gives the same list. */
export function detectRisks(input: InsightInput): Finding[] {
  const rank = new Map(RULE_IDS.map((id, i) => [id, i]));
  return RULE_FUNCTIONS.flatMap((rule) => rule(input)).sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (rank.get(a.rule) ?? 0) - (rank.get(b.rule) ?? 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Rules that did not run because their input was missing, with what would switch them on. */
export function rulesNotRun(input: InsightInput): { rule: string; needs: string }[] {
  const out: { rule: string; needs: string }[] = [];
  if (!input.teamLoad) out.push({ rule: 'team-overloaded', needs: 'team load' });
  if (!input.forecast) out.push({ rule: 'milestone-p80-late', needs: 'a forecast (--trials above 0)' });
  if (!input.lastChanged) out.push({ rule: 'item-stale', needs: 'history: a stored program' });
  if (!input.baseline) out.push({ rule: 'scope-added', needs: 'a baseline' });
  if (!input.sloBudgets && input.model.slos.length > 0) {
    const needs = 'SLI data: a stored program with samples';
    out.push({ rule: 'slo-budget-exhausted', needs }, { rule: 'slo-burn-page', needs });
  }
  return out;
}
