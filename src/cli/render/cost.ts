import type { CostView } from '../../app/cost/cost-view.js';
import type { TeamCost } from '../../engine/cost/cost-summary.js';
import type { Style } from './style.js';
import { table } from './table.js';

/** Money for reading: whole units from 100 up, cents below (a FOCUS sample's bill is cents). */
export function money(amount: number, currency: string): string {
  const digits = Math.abs(amount) >= 100 ? 0 : 2;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}
const pct = (share: number) => `${Math.round(share * 100)} %`;

function teamRow(t: TeamCost, c: string, style: Style): string[] {
  const over = t.varianceMonth !== undefined && t.varianceMonth > 0;
  const trend = t.trend
    .slice(-4)
    .map((m) => money(m.cost, c))
    .join(' → ');
  return [
    t.team,
    money(t.monthToDate, c),
    t.budgetMonth === undefined ? '—' : money(t.budgetMonth, c),
    over ? style.red(money(t.forecastMonth, c)) : money(t.forecastMonth, c),
    t.varianceMonth === undefined ? '—' : over ? style.red(`+${money(t.varianceMonth, c)}`) : money(t.varianceMonth, c),
    money(t.forecastQuarter, c),
    trend,
  ];
}

/** The cost summary: one line per team with month-to-date, budget, forecasts, trend; the unallocated line; anomalies and waste in short. */
export function renderCostSummary(v: CostView, style: Style, title: string): string {
  const c = v.currency;
  const s = v.summary;
  const lines: string[] = [];
  lines.push(style.bold(`${title} — cloud cost ${s.month} to ${s.asOf} (${s.daysElapsed} of ${s.daysInMonth} days), ${v.metric}, ${c}`));
  const over = s.teams.filter((t) => (t.varianceMonth ?? 0) > 0);
  const unallocatedShare = s.total.monthToDate !== 0 ? s.unallocated.monthToDate / s.total.monthToDate : 0;
  lines.push(
    `Month to date ${money(s.total.monthToDate, c)}; forecast ${money(s.total.forecastMonth, c)} for ${s.month}${s.total.budgetMonth !== undefined ? ` against ${money(s.total.budgetMonth, c)} budgeted` : ''}, ${money(s.total.forecastQuarter, c)} for ${s.quarter}. ${over.length > 0 ? style.red(`${over.length} team${over.length === 1 ? '' : 's'} forecast over budget: ${over.map((t) => t.team).join(', ')}.`) : 'No team is forecast over budget.'} Unallocated: ${money(s.unallocated.monthToDate, c)} (${pct(unallocatedShare)}).`,
  );
  lines.push('');
  const headers = ['team', 'month to date', 'budget', 'forecast month', 'vs budget', `forecast ${s.quarter}`, 'trend (monthly)'];
  const rows = [
    ...s.teams.map((t) => teamRow(t, c, style)),
    teamRow(s.unallocated, c, style).map((x, i) => (i === 0 ? style.yellow('(unallocated)') : x)),
    teamRow({ ...s.total, team: 'total' }, c, style),
  ];
  lines.push(table(headers, rows, [1, 2, 3, 4, 5]));
  lines.push(style.dim(`Forecast: ${s.method}.`));
  for (const u of v.unknownTagValues.slice(0, 5)) {
    lines.push(
      style.yellow(
        `Tag ${u.tag}=${u.value} names no team (${u.rows} rows, ${money(u.cost, c)} unallocated): add it to the rule's values, or fix the tag.`,
      ),
    );
  }
  if (v.unusedRules.length > 0)
    lines.push(
      style.yellow(
        `Allocation rule${v.unusedRules.length === 1 ? '' : 's'} ${v.unusedRules.map((i) => `#${i + 1}`).join(', ')} took no cost row: check the names and tags.`,
      ),
    );
  if (v.currencies.length > 1)
    lines.push(style.yellow(`The data holds ${v.currencies.length} billing currencies (${v.currencies.join(', ')}): sums mix them.`));
  lines.push('');
  lines.push(style.bold(`Anomalies (last 30 days): ${v.anomalies.items.length === 0 ? 'none' : v.anomalies.items.length}`));
  for (const a of v.anomalies.items.slice(0, 5))
    lines.push(
      `  ${a.day}  ${a.key}: ${money(a.actual, c)} against ${money(a.expected, c)} usual (${a.impact > 0 ? '+' : ''}${money(a.impact, c)})`,
    );
  if (v.waste) {
    lines.push('');
    lines.push(
      style.bold(
        `Waste (spend ${v.waste.windowStart} to ${v.waste.windowEnd}): ${money(v.waste.spend, c)} on ${v.waste.findings.length} resources`,
      ),
    );
    for (const sh of v.waste.shares) lines.push(`  ${sh.sentence}: ${money(sh.spend, c)}`);
  }
  return lines.join('\n');
}

export function renderCostAnomalies(v: CostView, style: Style): string {
  const c = v.currency;
  if (v.anomalies.items.length === 0)
    return `No anomalies in the 30 days to ${v.summary.asOf}.\n${style.dim(`Method: ${v.anomalies.method}.`)}`;
  const rows = v.anomalies.items.map((a) => [
    a.day,
    a.key,
    a.direction,
    money(a.actual, c),
    money(a.expected, c),
    `${a.impact > 0 ? '+' : ''}${money(a.impact, c)}`,
    Number.isFinite(a.z) ? a.z.toFixed(1) : 'flat before',
  ]);
  return `${table(['day', 'what', 'kind', 'cost', 'usual (median)', 'change', 'robust z'], rows, [3, 4, 5, 6])}\n${style.dim(`Method: ${v.anomalies.method}.`)}`;
}

export function renderCostWaste(v: CostView, style: Style): string {
  const c = v.currency;
  const w = v.waste;
  if (!w)
    return 'No resource inventory: import one with throughline cost import <program> <focus.csv> --inventory <inventory.csv>, or pass --inventory.';
  const lines = [style.bold(`Waste from ${w.resources} resources, spend ${w.windowStart} to ${w.windowEnd} (${v.metric})`)];
  for (const sh of w.shares) lines.push(`${sh.sentence}: ${money(sh.spend, c)} of ${money(sh.categorySpend, c)}`);
  lines.push('');
  lines.push(
    table(
      ['resource', 'type', 'finding', 'why', 'spend (30 days)'],
      w.findings.slice(0, 40).map((f) => [f.id, f.type, f.kind, f.reason, money(f.spend, c)]),
      [4],
    ),
  );
  if (w.findings.length > 40) lines.push(style.dim(`… and ${w.findings.length - 40} more (--json lists them all)`));
  if (w.unmatched > w.resources / 2)
    lines.push(
      style.yellow(
        `${w.unmatched} of ${w.resources} inventory resources appear in no cost row: check the inventory ids match the bill's ResourceId.`,
      ),
    );
  return lines.join('\n');
}
