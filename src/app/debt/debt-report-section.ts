import type { ReportSection } from '../../formats/report/report-section.js';
import type { SectionContext } from '../report-sections.js';
import { debtView } from './debt-view.js';

const hours = (h: number) => (h < 10 ? `${h.toFixed(1)} h` : `${Math.round(h)} h`);
/** Open debt costing at least this much a month without a plan turns the section amber. */
const UNPLANNED_HOURS = 8;

/**
 * The status report's tech-debt section: what the open debt costs a month, the top items by
 * interest, and those without a plan. Amber when debt costing a working day a month or more has
 * no plan. Undefined when no item is debt.
 */
export async function debtReportSection(ctx: SectionContext): Promise<ReportSection | undefined> {
  const v = debtView(ctx.model, new Date(ctx.atMs));
  if (v.open.length === 0 && v.closed.length === 0) return undefined;
  const unplanned = v.open.filter((d) => !d.planned && d.interestPerMonth >= UNPLANNED_HOURS);
  const top = v.open.slice(0, 5);
  return {
    id: 'tech-debt',
    title: 'Tech debt',
    rag: unplanned.length > 0 ? 'amber' : 'green',
    headline:
      v.open.length === 0
        ? 'No open tech debt.'
        : `${v.totals.items} open debt items cost ${hours(v.totals.interestPerMonth)} a month (${hours(v.totals.toilHoursPerMonth)} toil, ${hours(v.totals.incidentHoursPerMonth)} incidents); ${v.totals.unplanned} without a plan.`,
    bullets: [
      ...unplanned.map((d) => `${d.title} (${d.id}) costs ${hours(d.interestPerMonth)} a month and has no plan.`),
      ...v.byCause
        .filter((g) => g.items > 0)
        .map((g) => `${g.key.replace('-', ' ')}: ${g.items} ${g.items === 1 ? 'item' : 'items'}, ${hours(g.interestPerMonth)} a month.`),
    ],
    tables: [
      {
        caption: 'Highest interest',
        columns: [
          { title: 'Debt' },
          { title: 'Cause' },
          { title: 'Hours a month', numeric: true },
          { title: 'Affects' },
          { title: 'Plan' },
        ],
        rows: top.map((d) => [
          d.title,
          d.cause.replace('-', ' '),
          hours(d.interestPerMonth),
          d.services.join(', ') || '—',
          d.planned ? `${d.state}${d.team ? `, ${d.team}` : ''}` : 'none',
        ]),
        rowRag: top.map((d) => (d.planned ? null : 'amber')),
      },
    ],
    paragraphs: [`Interest = toil hours a month + incident hours a month; ${v.incidentCost}.`],
  };
}
