import { type CostPolicy, costPolicySchema } from '../../domain/cost-policy.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { type Allocation, allocate } from '../../engine/cost/allocate.js';
import { ANOMALY_DEFAULTS, type CostAnomaly, detectAnomalies } from '../../engine/cost/anomalies.js';
import { dayOfIso, isoOfDay, lastDayOfMonth, monthOfLabel } from '../../engine/cost/cost-days.js';
import { type CostSummary, summarizeCost } from '../../engine/cost/cost-summary.js';
import type { CostTable } from '../../engine/cost/cost-table.js';
import { dailyByService, dailyByTeam, UNALLOCATED } from '../../engine/cost/daily-cost.js';
import { findWaste, type InventoryResource, WASTE_DEFAULTS, type WasteFinding, type WasteShare } from '../../engine/cost/waste.js';

/** Everything the cost screens, the CLI and the report show, as plain data (JSON-ready). */
export interface CostView {
  readonly currency: string;
  readonly metric: CostPolicy['metric'];
  readonly rows: number;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly summary: CostSummary;
  readonly unknownTagValues: Allocation['unknownTagValues'];
  /** Rules that took no row: a typo in a tag or a service name. */
  readonly unusedRules: readonly number[];
  readonly anomalies: {
    readonly method: string;
    readonly items: readonly CostAnomaly[];
  };
  readonly waste?: {
    readonly windowStart: string;
    readonly windowEnd: string;
    readonly resources: number;
    readonly unmatched: number;
    readonly shares: readonly WasteShare[];
    readonly findings: readonly (Omit<WasteFinding, 'resource'> & { readonly id: string; readonly type: string })[];
    readonly spend: number;
    readonly thresholds: typeof WASTE_DEFAULTS;
  };
  /** Daily cost per team (unallocated last) for the last 90 days of the as-of month's view, for charts. */
  readonly daily: { readonly firstDay: string; readonly keys: readonly string[]; readonly values: readonly (readonly number[])[] };
  readonly currencies: readonly string[];
}

export const ANOMALY_METHOD = `a day's cost per team and per service is compared with the median of the ${ANOMALY_DEFAULTS.window} days before it, scaled by their median absolute deviation; flagged when the robust z-score is ${ANOMALY_DEFAULTS.threshold} or more and the change is at least ${ANOMALY_DEFAULTS.minShare * 100} % of the usual cost`;

export interface CostViewOptions {
  /** YYYY-MM: the month the figures are for (default: the last month with data). */
  readonly month?: string;
  /** Anomalies from this many days before the as-of day (default 30). */
  readonly anomalyDays?: number;
  /** Without a program: the tag naming the team (default `team`). */
  readonly byTag?: string;
}

/** The policy of a program, or the default one for a bare FOCUS file: allocate by the `team` tag. */
export function costPolicyOf(model: ProgramModel | undefined, byTag = 'team'): CostPolicy {
  return model?.program.cost ?? costPolicySchema.parse({ allocation: [{ byTag }] });
}

/** The cost figures of a table under a program's policy (or the default one). Undefined month → the data's last. */
export function costView(
  model: ProgramModel | undefined,
  table: CostTable,
  inventory: readonly InventoryResource[] | undefined,
  options: CostViewOptions = {},
): CostView | { error: string } {
  const policy = costPolicyOf(model, options.byTag);
  const cost = policy.metric === 'BilledCost' ? table.billed : table.effective;
  const allocation = allocate(table, {
    rules: policy.allocation,
    // A bare bill has no team list: every value of the tag is a team.
    teams: model
      ? model.teams.map((t) => t.id)
      : ([...new Set(table.tags.values.map((set) => set[options.byTag ?? 'team']).filter((v) => v !== undefined && v !== ''))] as string[]),
    serviceOwners: new Map((model?.services ?? []).map((s) => [s.id as string, s.team as string])),
    cost,
  });
  const daily = dailyByTeam(table, allocation, cost);
  const lastData = daily.firstDay + daily.days - 1;
  let asOf = lastData;
  if (options.month !== undefined) {
    const month = monthOfLabel(options.month);
    if (month === undefined) return { error: `--month ${options.month} is not a month; write YYYY-MM, e.g. 2026-03` };
    asOf = Math.min(lastDayOfMonth(month), lastData);
    if (asOf < daily.firstDay || lastDayOfMonth(month) < daily.firstDay) {
      return {
        error: `there is no cost data for ${options.month}: the data runs from ${isoOfDay(daily.firstDay)} to ${isoOfDay(lastData)}`,
      };
    }
  }
  const summary = summarizeCost(daily, policy.budgets, { asOf });
  const from = asOf - (options.anomalyDays ?? 30) + 1;
  // Changes under 0.5 % of the whole bill's average day are noise to a TPM, whatever their z-score.
  const totalCost = cost.reduce((s, v) => s + v, 0);
  const anomalyOptions = { from, minImpact: Math.abs(totalCost / Math.max(1, daily.days)) * 0.005 };
  const byService = dailyByService(table, allocation, cost);
  const anomalies = [
    ...detectAnomalies(daily, anomalyOptions).map((a) => ({ ...a, key: `team ${a.key}` })),
    ...detectAnomalies({ ...byService, keys: byService.keys.slice(0, -1), values: byService.values.slice(0, -1) }, anomalyOptions).map(
      (a) => ({
        ...a,
        key: `service ${a.key}`,
      }),
    ),
  ]
    .filter((a) => new Date(a.day).getTime() <= asOf * 86_400_000)
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact));
  const used = new Set(allocation.ruleOf);
  const waste = inventory ? findWaste(table, cost, inventory, { asOf }) : undefined;
  const chartFrom = Math.max(daily.firstDay, asOf - 89);
  return {
    currency: policy.currency,
    metric: policy.metric,
    rows: table.length,
    firstDay: isoOfDay(daily.firstDay),
    lastDay: isoOfDay(lastData),
    summary,
    unknownTagValues: allocation.unknownTagValues,
    unusedRules: policy.allocation.map((_, i) => i).filter((i) => !used.has(i)),
    anomalies: { method: ANOMALY_METHOD, items: anomalies.slice(0, 50) },
    ...(waste
      ? {
          waste: {
            windowStart: isoOfDay(waste.windowStart),
            windowEnd: isoOfDay(waste.windowEnd),
            resources: inventory?.length ?? 0,
            unmatched: waste.unmatched,
            shares: waste.shares,
            findings: waste.findings.slice(0, 200).map(({ resource, ...f }) => ({ ...f, id: resource.id, type: resource.type })),
            spend: waste.findings.reduce((s, f) => s + f.spend, 0),
            thresholds: WASTE_DEFAULTS,
          },
        }
      : {}),
    daily: {
      firstDay: isoOfDay(chartFrom),
      keys: daily.keys,
      values: daily.values.map((v) => Array.from(v.subarray(chartFrom - daily.firstDay, asOf - daily.firstDay + 1))),
    },
    currencies: table.currency.values,
  };
}

export { dayOfIso, UNALLOCATED };
