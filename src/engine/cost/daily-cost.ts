import type { Allocation } from './allocate.js';
import type { CostTable } from './cost-table.js';

export const UNALLOCATED = '(unallocated)';

/** Cost per key per day: `values[k][d]` is key k's cost on day `firstDay + d`. */
export interface DailyCost {
  readonly firstDay: number;
  readonly days: number;
  /** The last key is always UNALLOCATED (rows with no team, or no service). */
  readonly keys: readonly string[];
  readonly values: readonly Float64Array[];
}

function dayRange(t: CostTable): { first: number; days: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < t.length; r++) {
    const d = t.day[r] ?? 0;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  return t.length === 0 ? { first: 0, days: 0 } : { first, days: last - first + 1 };
}

function dailyBy(t: CostTable, slotOf: Int32Array, names: readonly string[], cost: Float64Array): DailyCost {
  const { first, days } = dayRange(t);
  const keys = [...names, UNALLOCATED];
  const values = keys.map(() => new Float64Array(days));
  const none = keys.length - 1;
  for (let r = 0; r < t.length; r++) {
    const slot = slotOf[r] ?? -1;
    const row = values[slot < 0 ? none : slot];
    const i = (t.day[r] ?? 0) - first;
    if (row) row[i] = (row[i] ?? 0) + (cost[r] ?? 0);
  }
  return { firstDay: first, days, keys, values };
}

/** Daily cost per team, unallocated last. */
export const dailyByTeam = (t: CostTable, a: Allocation, cost: Float64Array): DailyCost => dailyBy(t, a.teamOf, a.teams, cost);
/** Daily cost per program service, rows with no service last. */
export const dailyByService = (t: CostTable, a: Allocation, cost: Float64Array): DailyCost => dailyBy(t, a.serviceOf, a.services, cost);

/** Sum of key k's cost over days [from, to] (inclusive, absolute day numbers), clipped to the data. */
export function sumDays(d: DailyCost, k: number, from: number, to: number): number {
  const row = d.values[k];
  if (!row) return 0;
  let s = 0;
  for (let day = Math.max(from, d.firstDay); day <= Math.min(to, d.firstDay + d.days - 1); day++) s += row[day - d.firstDay] ?? 0;
  return s;
}
