import type { DebtCause } from '../../domain/debt.js';
import { DEBT_CAUSES } from '../../domain/debt.js';
import type { Incident } from '../../domain/incident.js';
import type { WorkItem } from '../../domain/work-item.js';
import { type DebtInterest, type DebtInterestOptions, debtInterest } from './debt-interest.js';

export interface DebtEntry extends DebtInterest {
  /** 1 = costs the most; open debt only. */
  readonly rank: number;
  /**
   * Someone has a plan for it: it is in progress, or it has both a team and an estimate (so the
   * plan can schedule it). Debt without one stays on the list forever.
   */
  readonly planned: boolean;
}

export interface DebtGroup<K extends string> {
  readonly key: K;
  readonly items: number;
  readonly interestPerMonth: number;
  readonly toilHoursPerMonth: number;
}

export interface DebtRegister {
  /** Open debt (not done, not cancelled), by interest, highest first; ties by id. */
  readonly open: readonly DebtEntry[];
  /** Debt items done or cancelled: paid off or written off. */
  readonly closed: readonly DebtInterest[];
  /** Every cause, with zeroes, in DEBT_CAUSES order. */
  readonly byCause: readonly DebtGroup<DebtCause>[];
  /**
   * Per affected service, highest interest first. An item affecting two services counts in full
   * for each, so these do not add up to the total.
   */
  readonly byService: readonly DebtGroup<string>[];
  readonly totals: {
    readonly items: number;
    readonly interestPerMonth: number;
    readonly toilHoursPerMonth: number;
    readonly incidentHoursPerMonth: number;
    readonly unplanned: number;
  };
}

/** The program's tech-debt register: every item with `debt`, its interest, ranked, grouped. */
export function debtRegister(items: readonly WorkItem[], incidents: readonly Incident[], options: DebtInterestOptions): DebtRegister {
  const byId = new Map(incidents.map((i) => [i.id as string, i]));
  const all = items.map((item) => debtInterest(item, byId, options)).filter((d): d is DebtInterest => d !== undefined);
  const isOpen = (d: DebtInterest) => d.item.state !== 'done' && d.item.state !== 'cancelled';
  const open = all
    .filter(isOpen)
    .sort((a, b) => b.interestPerMonth - a.interestPerMonth || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0))
    .map((d, k) => ({
      ...d,
      rank: k + 1,
      planned: d.item.state === 'in-progress' || (d.item.team !== undefined && d.item.estimate !== undefined),
    }));
  const group = <K extends string>(keys: readonly K[], keysOf: (d: DebtEntry) => readonly K[]) => {
    const rows = new Map<K, { items: number; interestPerMonth: number; toilHoursPerMonth: number }>(
      keys.map((k) => [k, { items: 0, interestPerMonth: 0, toilHoursPerMonth: 0 }]),
    );
    for (const d of open) {
      for (const k of new Set(keysOf(d))) {
        let row = rows.get(k);
        if (row === undefined) {
          row = { items: 0, interestPerMonth: 0, toilHoursPerMonth: 0 };
          rows.set(k, row);
        }
        row.items += 1;
        row.interestPerMonth += d.interestPerMonth;
        row.toilHoursPerMonth += d.toilHoursPerMonth;
      }
    }
    return [...rows].map(([key, r]) => ({ key, ...r }));
  };
  const byService = group<string>([], (d) => d.item.services ?? []).sort(
    (a, b) => b.interestPerMonth - a.interestPerMonth || a.key.localeCompare(b.key),
  );
  const sum = (f: (d: DebtEntry) => number) => open.reduce((s, d) => s + f(d), 0);
  return {
    open,
    closed: all.filter((d) => !isOpen(d)),
    byCause: group<DebtCause>(DEBT_CAUSES, (d) => [d.cause]),
    byService,
    totals: {
      items: open.length,
      interestPerMonth: sum((d) => d.interestPerMonth),
      toilHoursPerMonth: sum((d) => d.toilHoursPerMonth),
      incidentHoursPerMonth: sum((d) => d.incidentHoursPerMonth),
      unplanned: open.filter((d) => !d.planned).length,
    },
  };
}
