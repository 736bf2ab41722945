import type { CostBudget } from '../../domain/cost-policy.js';
import { firstDayOfMonth, isoOfDay, lastDayOfMonth, monthLabel, monthOfDay, quarterLabel, quarterStartMonth } from './cost-days.js';
import { type DailyCost, sumDays, UNALLOCATED } from './daily-cost.js';

/** Days of the trailing window the run rate averages. */
export const RUN_RATE_DAYS = 7;

export const FORECAST_METHOD =
  'run rate: month-to-date actual + (average daily cost of the last 7 days with data up to the as-of day) × days left in the month; the quarter likewise from quarter-to-date';

export interface MonthCost {
  readonly month: string;
  readonly cost: number;
  readonly budget?: number;
}

export interface TeamCost {
  /** Team id, or UNALLOCATED. */
  readonly team: string;
  readonly monthToDate: number;
  readonly quarterToDate: number;
  /** Average daily cost over the trailing window. */
  readonly dailyRate: number;
  readonly forecastMonth: number;
  readonly forecastQuarter: number;
  readonly budgetMonth?: number;
  readonly budgetQuarter?: number;
  /** forecastMonth − budgetMonth; positive = over. */
  readonly varianceMonth?: number;
  /** Every month of the data, oldest first, with the budget where there is one. */
  readonly trend: readonly MonthCost[];
}

export interface CostSummary {
  /** The day the figures run to (ISO date). */
  readonly asOf: string;
  readonly month: string;
  readonly quarter: string;
  readonly daysElapsed: number;
  readonly daysInMonth: number;
  readonly method: string;
  readonly months: readonly string[];
  /** Teams with cost or a budget, by month-to-date cost, highest first; the unallocated line is separate. */
  readonly teams: readonly TeamCost[];
  readonly unallocated: TeamCost;
  readonly total: TeamCost;
}

export interface SummaryOptions {
  /** The as-of day (days since epoch); defaults to the last day with data. */
  readonly asOf?: number;
}

/**
 * Month-to-date, budget against actual and run-rate forecasts per team over daily cost. The as-of
 * day is the last day with data unless given (a past month's figures run to its last day, and its
 * forecast is its actual). Budgets are monthly; a quarter's budget is three months of it.
 */
export function summarizeCost(daily: DailyCost, budgets: readonly CostBudget[], options: SummaryOptions = {}): CostSummary {
  const lastData = daily.firstDay + Math.max(0, daily.days - 1);
  const asOf = options.asOf ?? lastData;
  const month = monthOfDay(asOf);
  const monthStart = firstDayOfMonth(month);
  const monthEnd = lastDayOfMonth(month);
  const quarterStart = firstDayOfMonth(quarterStartMonth(month));
  const quarterEnd = lastDayOfMonth(quarterStartMonth(month) + 2);
  const windowStart = Math.max(asOf - RUN_RATE_DAYS + 1, daily.firstDay);
  const windowDays = Math.max(0, Math.min(asOf, lastData) - windowStart + 1);
  const firstMonth = monthOfDay(daily.firstDay);
  const lastMonth = Math.max(monthOfDay(lastData), month);
  const months: number[] = [];
  for (let m = firstMonth; m <= lastMonth; m++) months.push(m);
  const budgetOf = new Map(budgets.map((b) => [b.team as string, b.monthly]));

  const teamCost = (team: string, k: number | undefined): TeamCost => {
    const sum = (from: number, to: number) =>
      k === undefined ? daily.keys.reduce((s, _, i) => s + sumDays(daily, i, from, to), 0) : sumDays(daily, k, from, to);
    const monthToDate = sum(monthStart, asOf);
    const quarterToDate = sum(quarterStart, asOf);
    const dailyRate = windowDays > 0 ? sum(windowStart, asOf) / windowDays : 0;
    const forecastMonth = monthToDate + dailyRate * Math.max(0, monthEnd - asOf);
    const forecastQuarter = quarterToDate + dailyRate * Math.max(0, quarterEnd - asOf);
    const budgetMonth = k === undefined ? sumBudgets(budgets) : budgetOf.get(team);
    return {
      team,
      monthToDate,
      quarterToDate,
      dailyRate,
      forecastMonth,
      forecastQuarter,
      ...(budgetMonth !== undefined ? { budgetMonth, budgetQuarter: budgetMonth * 3, varianceMonth: forecastMonth - budgetMonth } : {}),
      trend: months.map((m) => ({
        month: monthLabel(m),
        cost: sum(firstDayOfMonth(m), lastDayOfMonth(m)),
        ...(budgetMonth !== undefined ? { budget: budgetMonth } : {}),
      })),
    };
  };

  const unallocatedIndex = daily.keys.indexOf(UNALLOCATED);
  const teams = daily.keys
    .map((team, k) => ({ team, k }))
    // A team of the program with no cost and no budget says nothing: left out.
    .filter(({ team, k }) => team !== UNALLOCATED && (budgetOf.has(team) || (daily.values[k]?.some((v) => v !== 0) ?? false)))
    .map(({ team, k }) => teamCost(team, k));
  for (const b of budgets) if (!daily.keys.includes(b.team)) teams.push(teamCost(b.team, -1));
  teams.sort((a, b) => b.monthToDate - a.monthToDate || a.team.localeCompare(b.team));
  return {
    asOf: isoOfDay(asOf),
    month: monthLabel(month),
    quarter: quarterLabel(month),
    daysElapsed: asOf - monthStart + 1,
    daysInMonth: monthEnd - monthStart + 1,
    method: FORECAST_METHOD,
    months: months.map(monthLabel),
    teams,
    unallocated: teamCost(UNALLOCATED, unallocatedIndex),
    total: teamCost('(total)', undefined),
  };
}

const sumBudgets = (budgets: readonly CostBudget[]): number | undefined =>
  budgets.length === 0 ? undefined : budgets.reduce((s, b) => s + b.monthly, 0);
