/**
 * The reliability section of a status report (issue 6), as data: what every renderer shows for a
 * program that runs services. Written for an executive's 30-second read: is anything on fire, will
 * it stay up (error budgets), is the team working in the right order (the priority funnel), are the
 * fixes from past incidents landing, and how the period went. Absent for a program without
 * services, SLOs, incidents or post-mortems.
 */
export type SloState = 'exhausted' | 'page' | 'ticket' | 'ok' | 'no-data';

export interface ReliabilitySection {
  /** The answer to "Is anything on fire?", one plain sentence starting with Yes or No. */
  readonly headline: string;
  readonly onFire: boolean;
  /** The instant described, ISO 8601 UTC. */
  readonly at: string;
  /** Open at `at`, most severe first, then oldest first. */
  readonly openIncidents: readonly {
    readonly id: string;
    readonly title: string;
    readonly severity: string;
    readonly status: string;
    readonly startedAt: string;
    readonly openForMinutes: number;
    readonly commander: string | null;
    /** Minutes the stakeholder update is overdue for the severity's cadence; null when it is not. */
    readonly updateOverdueMinutes: number | null;
  }[];
  /** Worst first: exhausted, paging, ticket, fine, no data. */
  readonly slos: readonly {
    readonly id: string;
    readonly name: string;
    readonly service: string;
    /** Percent, e.g. 99.9. */
    readonly objective: number;
    readonly window: string;
    readonly state: SloState;
    /** Share of the error budget left, 1 = untouched; negative when overspent; null without data. */
    readonly budgetLeft: number | null;
    /** Time until the budget is gone at the current burn, minutes; null when not burning or no data. */
    readonly exhaustsInMinutes: number | null;
    /** Why there are no figures (no data, a method not computed); null when there are. */
    readonly notComputed: string | null;
  }[];
  readonly funnel: {
    /** "Never work on Scale (4) while Stability (1) is broken." */
    readonly level1Broken: boolean;
    readonly reasons: readonly string[];
    /** Level-4 work in progress that should stop while level 1 is broken. */
    readonly stop: readonly { readonly id: string; readonly title: string; readonly team: string | null }[];
    /** Work in progress per level, Stability first. */
    readonly inProgress: readonly { readonly level: number; readonly name: string; readonly count: number }[];
  };
  /** Post-mortems that still have open action items; those with overdue items first. */
  readonly postmortems: readonly {
    readonly id: string;
    readonly incident: string;
    readonly title: string;
    /** Open items, most overdue first, then by due date. */
    readonly open: readonly {
      readonly id: string;
      readonly title: string;
      readonly team: string;
      readonly due: string;
      readonly level: 1 | 2;
      /** Days past due (0 when not overdue). */
      readonly overdueDays: number;
    }[];
  }[];
  /** Incidents opened in the reporting period (since the last report, or the last seven days). */
  readonly period: {
    readonly since: string;
    readonly incidents: number;
    readonly bySeverity: readonly { readonly severity: string; readonly count: number }[];
    /** Mean time to resolve of the period's resolved incidents, minutes; null when none resolved. */
    readonly mttrMinutes: number | null;
  };
}

/** "45 min", "3 h 20 min", "2 d 4 h": a span of time in a table cell. */
export function minutesText(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

export const SLO_STATE_LABEL: Readonly<Record<SloState, string>> = {
  exhausted: 'Budget used up',
  page: 'Burning fast (page)',
  ticket: 'Burning (ticket)',
  ok: 'Within budget',
  'no-data': 'No data yet',
};

/** "62 % left", "overspent by 40 %", "—". */
export function budgetLeftText(share: number | null): string {
  if (share === null) return '—';
  const pct = Math.round(share * 100);
  return pct < 0 ? `overspent by ${-pct} %` : `${pct} % left`;
}
