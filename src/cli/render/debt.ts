import type { DebtView } from '../../app/debt/debt-view.js';
import type { Style } from './style.js';
import { table } from './table.js';

const hours = (h: number) => (h === 0 ? '0' : h < 10 ? h.toFixed(1) : String(Math.round(h)));

const CAUSE: Readonly<Record<string, string>> = {
  'no-time': 'no time',
  'no-budget': 'no budget',
  'no-owner': 'no owner',
  'no-knowledge': 'no knowledge',
};

/** The tech-debt register: ranked by interest, or grouped by cause or by service. */
export function renderDebt(v: DebtView, s: Style, program: string, by: 'item' | 'cause' | 'service'): string {
  const t = v.totals;
  const out = [s.bold(`Tech debt of ${program}`), ''];
  if (t.items === 0) {
    out.push('No open debt. Mark a work item as debt with debt: {cause, toilHoursPerMonth, incidents}.');
    return out.join('\n');
  }
  out.push(
    `${t.items} open debt items cost ${hours(t.interestPerMonth)} h a month: ${hours(t.toilHoursPerMonth)} h of toil and ${hours(t.incidentHoursPerMonth)} h of incidents.`,
  );
  if (t.unplanned > 0)
    out.push(s.yellow(`${t.unplanned} of them ${t.unplanned === 1 ? 'has' : 'have'} no plan (no team and estimate, not in progress).`));
  out.push(s.dim(`Interest = toil hours a month + incident hours a month; ${v.incidentCost}.`), '');
  if (by === 'cause') {
    out.push(
      table(
        ['CAUSE', 'ITEMS', 'H/MONTH', 'TOIL H'],
        v.byCause.map((g) => [CAUSE[g.key] ?? g.key, String(g.items), hours(g.interestPerMonth), hours(g.toilHoursPerMonth)]),
        [1, 2, 3],
      ),
    );
  } else if (by === 'service') {
    out.push(
      table(
        ['SERVICE', 'ITEMS', 'H/MONTH', 'TOIL H'],
        v.byService.map((g) => [g.key, String(g.items), hours(g.interestPerMonth), hours(g.toilHoursPerMonth)]),
        [1, 2, 3],
      ),
      s.dim('An item affecting several services counts in full for each.'),
    );
  } else {
    out.push(
      table(
        ['#', 'ITEM', 'TITLE', 'CAUSE', 'H/MONTH', 'TOIL', 'INCIDENTS', 'SERVICES', 'STATE', 'PLAN'],
        v.open.map((d) => [
          String(d.rank),
          d.id,
          d.title.length > 40 ? `${d.title.slice(0, 39)}…` : d.title,
          CAUSE[d.cause] ?? d.cause,
          hours(d.interestPerMonth),
          hours(d.toilHoursPerMonth),
          d.incidents.length === 0
            ? '—'
            : d.incidents
                .map((i) => (i.known ? (i.inWindow ? `${i.id} ${hours(i.hours)}h` : s.dim(`${i.id} (old)`)) : s.red(`${i.id}?`)))
                .join(', '),
          d.services.join(', ') || '—',
          d.state,
          d.planned ? (d.team ?? 'in progress') : s.yellow('none'),
        ]),
        [0, 4, 5],
      ),
    );
  }
  if (v.closed.length > 0) out.push('', s.dim(`Paid off or written off: ${v.closed.map((d) => d.id).join(', ')}`));
  return out.join('\n');
}
