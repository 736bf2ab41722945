import type { CalendarDate } from '../../domain/calendar-date.js';
import { daysBetween } from '../../domain/calendar-date.js';
import type { DebtCause } from '../../domain/debt.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { DEFAULT_INCIDENT_WINDOW_DAYS, type LinkedIncident } from '../../engine/debt/debt-interest.js';
import { type DebtGroup, debtRegister } from '../../engine/debt/debt-register.js';
import { dayIn } from '../day-in-zone.js';

export interface DebtRow {
  readonly rank: number | null;
  readonly id: string;
  readonly title: string;
  readonly cause: DebtCause;
  readonly state: string;
  readonly team: string | null;
  readonly priority: number | null;
  readonly services: readonly string[];
  readonly toilHoursPerMonth: number;
  readonly incidentHoursPerMonth: number;
  readonly interestPerMonth: number;
  readonly incidents: readonly LinkedIncident[];
  readonly since: CalendarDate | null;
  /** Days since `since`; null without it. */
  readonly ageDays: number | null;
  /** Whether someone has a plan for it: in progress, or a team and an estimate to schedule it. */
  readonly planned: boolean;
  readonly estimate: unknown;
  readonly deadline: CalendarDate | null;
}

export interface DebtView {
  readonly at: string;
  readonly windowDays: number;
  /** How an incident is costed, in words, so the figure can be questioned. */
  readonly incidentCost: string;
  readonly open: readonly DebtRow[];
  readonly closed: readonly DebtRow[];
  readonly byCause: readonly DebtGroup<DebtCause>[];
  readonly byService: readonly DebtGroup<string>[];
  readonly totals: {
    readonly items: number;
    readonly interestPerMonth: number;
    readonly toilHoursPerMonth: number;
    readonly incidentHoursPerMonth: number;
    readonly unplanned: number;
  };
}

/** The tech-debt register of a program at `now`: open debt ranked by interest, grouped by cause and service. */
export function debtView(model: ProgramModel, now: Date, options: { windowDays?: number; hoursPerIncident?: number } = {}): DebtView {
  const windowDays = options.windowDays ?? DEFAULT_INCIDENT_WINDOW_DAYS;
  const register = debtRegister(model.items, model.incidents, {
    now: now.getTime(),
    windowDays,
    ...(options.hoursPerIncident === undefined ? {} : { hoursPerIncident: options.hoursPerIncident }),
  });
  const today = dayIn(model.program.calendar.timezone, now);
  const row = (d: (typeof register.closed)[number], rank: number | null, planned: boolean): DebtRow => {
    const since = d.item.debt?.since ?? null;
    return {
      rank,
      id: d.item.id,
      title: d.item.title,
      cause: d.cause,
      state: d.item.state,
      team: d.item.team ?? null,
      priority: d.item.priority ?? null,
      services: d.item.services ?? [],
      toilHoursPerMonth: d.toilHoursPerMonth,
      incidentHoursPerMonth: d.incidentHoursPerMonth,
      interestPerMonth: d.interestPerMonth,
      incidents: d.incidents,
      since,
      ageDays: since === null ? null : Math.max(0, daysBetween(since, today)),
      planned,
      estimate: d.item.estimate ?? null,
      deadline: d.item.deadline ?? null,
    };
  };
  return {
    at: now.toISOString(),
    windowDays,
    incidentCost:
      options.hoursPerIncident === undefined
        ? `each linked incident of the last ${windowDays} days costs its responder-hours (impact start to mitigation × people named in its roles), spread over ${windowDays / 30} months`
        : `each linked incident of the last ${windowDays} days costs ${options.hoursPerIncident} h, spread over ${windowDays / 30} months`,
    open: register.open.map((d) => row(d, d.rank, d.planned)),
    closed: register.closed.map((d) => row(d, null, true)),
    byCause: register.byCause,
    byService: register.byService,
    totals: register.totals,
  };
}

/**
 * The instant the register defaults to: now, or the latest start of an incident linked to debt
 * when that is later (a program written ahead of the clock, like the sample, is read as of its
 * last record rather than with its incidents in the future).
 */
export function defaultDebtInstant(model: ProgramModel, now: Date): Date {
  const linked = new Set(model.items.flatMap((i) => (i.debt?.incidents ?? []) as string[]));
  let latest = now.getTime();
  for (const inc of model.incidents) {
    if (!linked.has(inc.id)) continue;
    for (const t of [inc.startedAt, ...inc.timeline.map((e) => e.at)]) latest = Math.max(latest, Date.parse(t));
  }
  return new Date(latest);
}
