import type { CapacityResourceDetail, CapacityResourceView, CapacityView, FitView, Rag } from '../../app/capacity/capacity-view.js';
import type { Style } from './style.js';
import { table } from './table.js';

/** Figures a planner reads: whole units from 100 up, one decimal below. */
export const amount = (n: number): string => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 10) / 10));
const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;

export function ragText(rag: Rag, s: Style): string {
  return rag === 'red' ? s.red('RED') : rag === 'amber' ? s.yellow('AMBER') : s.green('GREEN');
}

const days = (n: number | null) => (n === null ? '-' : n < 0 ? `${-n} late` : String(n));

export function renderCapacityView(view: CapacityView, program: string, s: Style): string {
  if (view.resources.length === 0) {
    return `program ${program} has no capacity resources; add them under capacity: in the program file`;
  }
  const { red, amber, green } = view.counts;
  const head = s.bold(
    `${program} capacity on ${view.today}: ${view.resources.length} resource${view.resources.length === 1 ? '' : 's'}, ${red} red, ${amber} amber, ${green} green (orders cover ${view.months} months)`,
  );
  const rows = view.resources.map((r) => [
    r.id,
    ragText(r.rag, s),
    r.plan ? `${amount(r.plan.current.value)} / ${amount(r.plan.usable)} ${r.unit}` : '-',
    r.plan ? pct(r.plan.usableShare) : '-',
    r.plan?.runOut ?? (r.plan ? 'none' : '-'),
    r.plan?.orderBy ?? '-',
    days(r.plan?.workingDaysUntilOrderBy ?? null),
    r.orderItem
      ? `${r.orderItem.id} (${r.orderItem.orderedOn ? `ordered ${r.orderItem.orderedOn}` : r.orderItem.state})`
      : r.plan
        ? `${amount(r.plan.order.quantity)} ${r.unit}`
        : '-',
  ]);
  const t = table(['resource', 'RAG', 'used / usable', 'of usable', 'runs out', 'order by', 'working days left', 'order'], rows, [3, 6]);
  const lines = view.resources.map((r) => `  ${r.id}: ${r.headline}`);
  return [head, '', t, '', ...lines].join('\n');
}

function fitLine(label: string, f: FitView | null, unit: string): string {
  if (!f) return `  ${label}: no fit (needs 3 usage samples or more${label === 'exponential' ? ', all above 0' : ''})`;
  const trend =
    f.kind === 'exponential'
      ? `${f.perMonth >= 0 ? '+' : ''}${Math.round(f.perMonth * 10) / 10} % a month`
      : `${f.perMonth >= 0 ? '+' : ''}${amount(f.perMonth)} ${unit} a month`;
  return `  ${label}: R² ${f.r2.toFixed(3)}, RMSE ${amount(f.rmse)} ${unit} over ${f.samples} samples; ${trend}`;
}

export function renderCapacityDetail(d: CapacityResourceDetail | CapacityResourceView, today: string, s: Style): string {
  const lines = [`${s.bold(`${d.name}${d.name !== d.id ? ` (${d.id})` : ''}`)}  ${ragText(d.rag, s)}`, `  ${d.headline}`];
  const meta = [
    d.team ? `team ${d.team}` : '',
    d.vendor ? `vendor ${d.vendor}` : '',
    d.services.length > 0 ? `services ${d.services.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  if (meta) lines.push(`  ${meta}`);
  lines.push(
    d.history.samples > 0
      ? `  usage history: ${d.history.samples} samples, ${d.history.from?.slice(0, 10)} to ${d.history.to?.slice(0, 10)}`
      : '  usage history: none',
  );
  const p = d.plan;
  if (!p) {
    lines.push(`  ${s.yellow('no projection')}: ${d.problem ?? ''}`);
    return lines.join('\n');
  }
  const u = d.unit;
  const model =
    p.model === 'compound'
      ? `compound ${p.growth?.percent ?? 0} % a ${p.growth?.per ?? 'month'}`
      : p.model === 'linear-fit'
        ? 'linear fit of the history'
        : 'exponential fit of the history';
  lines.push(
    '',
    `  on ${today}: used ${amount(p.current.value)} ${u} (${p.current.date}) of ${amount(p.installed)} installed = ${pct(p.utilisation)}`,
    `  usable ${amount(p.usable)} ${u} (${p.binding === 'redundancy' ? 'N+k holds' : p.binding === 'utilisation' ? 'max utilisation holds' : 'no headroom policy'}); ${pct(p.usableShare)} of it used`,
    `  demand: ${model}`,
    `  headroom runs out: ${p.runOut ?? 'not within 5 years'}${p.daysUntilRunOut !== null ? ` (${p.daysUntilRunOut < 0 ? `${-p.daysUntilRunOut} days ago` : `in ${p.daysUntilRunOut} days`})` : ''}`,
    `  lead time ${p.leadDays} + margin ${p.marginDays} working days → order by ${p.orderBy ?? '-'}${p.workingDaysUntilOrderBy !== null ? (p.late ? s.red(` (${-p.workingDaysUntilOrderBy} working days late)`) : ` (in ${p.workingDaysUntilOrderBy} working days, ${p.daysUntilOrderBy} calendar days)`) : ''}`,
    `  order: ${amount(p.order.quantity)} ${u} on ${p.order.orderOn}, in service ${p.order.arrival}, covers to ${p.order.coverUntil} (peak ${amount(p.order.peakDemand)} ${u}); ${amount(p.order.installedAfter)} installed, ${amount(p.order.usableAfter)} usable${p.order.runsOutAgain ? `, runs out again ${p.order.runsOutAgain}` : ''}`,
  );
  if (d.orderItem) {
    lines.push(
      `  order item: ${d.orderItem.id} "${d.orderItem.title}", ${d.orderItem.state}${d.orderItem.orderedOn ? `, ordered ${d.orderItem.orderedOn}` : ''}`,
    );
  }
  lines.push(
    '',
    '  fit of the usage history (least squares; R² and RMSE on the values):',
    fitLine('linear', d.fits.linear, u),
    fitLine('exponential', d.fits.exponential, u),
  );
  if (d.whatIfs.length > 0) {
    lines.push('', '  what-ifs:');
    lines.push(
      table(
        ['  what if', 'runs out', 'order by', 'moves', 'order'],
        d.whatIfs.map((w) => [
          `  ${w.label}`,
          w.runOut ?? (w.problem ? 'n/a' : 'none'),
          w.orderBy ? `${w.orderBy}${w.late ? ' (late)' : ''}` : '-',
          w.orderByShift === null
            ? '-'
            : w.orderByShift === 0
              ? 'same'
              : `${Math.abs(w.orderByShift)} days ${w.orderByShift < 0 ? 'earlier' : 'later'}`,
          `${amount(w.quantity)} ${u}`,
        ]),
      ),
    );
  }
  return lines.join('\n');
}
