import type { ProgramId } from '../../domain/ids.js';
import type { ReportSection } from '../../formats/report/report-section.js';
import type { SectionContext } from '../report-sections.js';
import { capacityView, usageOf } from './capacity-view.js';

/** Months an order covers in the report's figures: the screen's and the CLI's default. */
const REPORT_MONTHS = 6;

const amount = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 10) / 10));

/**
 * The status report's capacity section: the worst resource's RAG, one line on what must be ordered
 * by when, a bullet per resource that needs action, the table of every resource, and bars of how
 * full each is against its usable capacity.
 */
export async function capacityReportSection(ctx: SectionContext): Promise<ReportSection | undefined> {
  const model = ctx.model;
  if (model.capacity.length === 0) return undefined;
  const usage = await usageOf(ctx.request.usage, model.program.id as ProgramId);
  const view = capacityView(model, usage, { today: ctx.asOf, months: REPORT_MONTHS });
  if (!view.ok) return undefined;
  const v = view.value;
  const rag = v.counts.red > 0 ? 'red' : v.counts.amber > 0 ? 'amber' : 'green';
  const late = v.resources.filter((r) => r.plan?.late && !r.orderItem);
  const due = v.resources.filter((r) => r.plan && !r.plan.late && !r.orderItem && r.rag !== 'green');
  const headline =
    late.length > 0
      ? `${late.length} order${late.length === 1 ? ' is' : 's are'} past the order-by date: ${late.map((r) => `${r.name} (runs out ${r.plan?.runOut})`).join(', ')}.`
      : due.length > 0
        ? `${due.length} order${due.length === 1 ? '' : 's'} due soon: ${due.map((r) => `${r.name} by ${r.plan?.orderBy}`).join(', ')}.`
        : `Headroom holds: no order is due within ${v.resources.length === 1 ? 'its' : 'their'} lead times.`;
  return {
    id: 'capacity',
    title: 'Capacity',
    rag,
    headline,
    bullets: v.resources.filter((r) => r.rag !== 'green').map((r) => `${r.name}: ${r.headline}`),
    paragraphs: [
      `Order-by = the day headroom runs out minus lead time and margin in working days of the program calendar; orders cover ${REPORT_MONTHS} months past arrival. Figures as of ${v.today}.`,
    ],
    tables: [
      {
        caption: 'Capacity resources, worst first',
        columns: [
          { title: 'Resource' },
          { title: 'Used / usable' },
          { title: 'Runs out' },
          { title: 'Order by' },
          { title: 'Working days left', numeric: true },
          { title: 'Order' },
        ],
        rows: v.resources.map((r) => {
          const p = r.plan;
          if (!p) return [r.name, '—', '—', '—', '—', r.history.samples === 0 ? 'no usage history' : 'no projection'];
          const left = p.workingDaysUntilOrderBy;
          return [
            r.name,
            `${amount(p.current.value)} / ${amount(p.usable)} ${r.unit}`,
            p.runOut ?? 'not within 5 years',
            p.orderBy ?? '—',
            left === null ? '—' : left < 0 ? `${-left} late` : String(left),
            r.orderItem
              ? `${r.orderItem.id} (${r.orderItem.state})`
              : p.order.quantity > 0
                ? `${amount(p.order.quantity)} ${r.unit}`
                : 'none',
          ];
        }),
        rowRag: v.resources.map((r) => r.rag),
      },
    ],
    bars: {
      title: 'Usage against usable capacity',
      unit: '% of usable',
      referenceLabel: 'usable',
      bars: v.resources.flatMap((r) =>
        r.plan ? [{ label: r.name, value: Math.round(r.plan.usableShare * 1000) / 10, reference: 100, rag: r.rag }] : [],
      ),
    },
  };
}
