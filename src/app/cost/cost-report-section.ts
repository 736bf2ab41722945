import type { ProgramId } from '../../domain/ids.js';
import type { InventoryResource } from '../../engine/cost/waste.js';
import type { ReportSection } from '../../formats/report/report-section.js';
import type { Rag } from '../../formats/report/status-report.js';
import type { SectionContext } from '../report-sections.js';
import { costView } from './cost-view.js';

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: Math.abs(amount) >= 100 ? 0 : 2 }).format(amount);
const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * The status report's cloud cost section, from the stored cost data: red when the bill's forecast
 * is 10 % or more over the total budget, amber when any team is forecast over its budget or a
 * quarter of the bill is unallocated, green otherwise. Left out when no cost data was imported.
 */
export async function costReportSection(ctx: SectionContext): Promise<ReportSection | undefined> {
  const reader = ctx.request.cost;
  if (!reader) return undefined;
  const id = ctx.model.program.id as ProgramId;
  const [table, inventory] = await Promise.all([reader.cost.read(id), reader.cost.readInventory(id)]);
  if (!table || table.length === 0) return undefined;
  const v = costView(ctx.model, table, inventory?.resources as InventoryResource[] | undefined);
  if ('error' in v) return undefined;
  const s = v.summary;
  const c = v.currency;
  const over = s.teams.filter((t) => t.budgetMonth !== undefined && t.forecastMonth > t.budgetMonth);
  const unallocatedShare = s.total.monthToDate !== 0 ? s.unallocated.monthToDate / s.total.monthToDate : 0;
  const totalOver = s.total.budgetMonth !== undefined ? s.total.forecastMonth / s.total.budgetMonth - 1 : 0;
  const rag: Rag = totalOver >= 0.1 ? 'red' : over.length > 0 || unallocatedShare >= 0.25 ? 'amber' : 'green';
  const bullets = [
    ...over.map(
      (t) =>
        `${t.team} is forecast ${money(t.forecastMonth - (t.budgetMonth ?? 0), c)} over its ${money(t.budgetMonth ?? 0, c)} budget for ${s.month}.`,
    ),
    ...(v.waste?.shares ?? []).filter((w) => w.share >= 0.1).map((w) => `${w.sentence}: ${money(w.spend, c)} in 30 days.`),
    ...v.anomalies.items
      .filter((a) => a.direction === 'spike')
      .slice(0, 3)
      .map((a) => `Spike on ${a.day} for ${a.key}: ${money(a.actual, c)} against ${money(a.expected, c)} usual.`),
    `Unallocated: ${money(s.unallocated.monthToDate, c)} (${pct(unallocatedShare)} of the month to date).`,
  ];
  const rowRag = (t: (typeof s.teams)[number]): Rag | null =>
    t.budgetMonth === undefined
      ? null
      : t.forecastMonth > t.budgetMonth * 1.1
        ? 'red'
        : t.forecastMonth > t.budgetMonth
          ? 'amber'
          : 'green';
  const rows = [...s.teams, { ...s.unallocated, team: 'Unallocated' }];
  return {
    id: 'cost',
    title: 'Cloud cost',
    rag,
    headline: `${money(s.total.monthToDate, c)} spent in ${s.month} to ${s.asOf}; forecast ${money(s.total.forecastMonth, c)}${s.total.budgetMonth !== undefined ? ` against ${money(s.total.budgetMonth, c)} budgeted` : ''}, ${money(s.total.forecastQuarter, c)} for ${s.quarter}.`,
    bullets,
    tables: [
      {
        caption: `Per team, ${s.month} (${v.metric}, ${c}); forecast = month to date + last-7-day daily average × days left`,
        columns: [
          { title: 'Team' },
          { title: 'Month to date', numeric: true },
          { title: 'Budget', numeric: true },
          { title: `Forecast ${s.month}`, numeric: true },
          { title: `Forecast ${s.quarter}`, numeric: true },
        ],
        rows: rows.map((t) => [
          t.team,
          money(t.monthToDate, c),
          t.budgetMonth === undefined ? '—' : money(t.budgetMonth, c),
          money(t.forecastMonth, c),
          money(t.forecastQuarter, c),
        ]),
        rowRag: rows.map((t) => (t.team === 'Unallocated' ? null : rowRag(t))),
      },
    ],
    bars: {
      title: `Forecast for ${s.month} against budget`,
      unit: c,
      referenceLabel: 'budget',
      bars: s.teams.map((t) => ({
        label: t.team,
        value: Math.round(t.forecastMonth),
        ...(t.budgetMonth !== undefined ? { reference: t.budgetMonth } : {}),
        ...(rowRag(t) ? { rag: rowRag(t) as Rag } : {}),
      })),
    },
  };
}
