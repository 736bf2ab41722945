import type { CalendarDate } from '../../domain/calendar-date.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { formatLocalDateTime } from '../calendar/local-date-time.js';
import type { CpmResult } from '../cpm/critical-path.js';
import type { ProgramNetwork } from '../plan/program-network.js';

/** A program's network with its critical-path result; activity v is `pn.items[v]`. */
export interface Schedule {
  readonly pn: ProgramNetwork;
  readonly cpm: CpmResult;
}

/** What the detection rules look at. Optional parts switch on the rules that need them. */
export interface InsightInput {
  readonly model: ProgramModel;
  /** The status date: work not started yet starts no earlier. */
  readonly asOf: CalendarDate;
  /** The plan from today: unfinished work from `asOf` on. */
  readonly current: Schedule;
  /** The plan from the program's start, ignoring today: its late starts are the dates work was due. */
  readonly planned: Schedule;
  /** Items with total float at or below this many working days count as near-critical. */
  readonly nearCriticalDays: number;
  /** Each team's load and capacity per week (Monday), in person-days, from the current plan. */
  readonly teamLoad?: readonly { team: string; week: string; load: number; capacity: number }[];
  /** From a Monte Carlo forecast: criticality index per item id, and each milestone's P50/P80 date. */
  readonly forecast?: {
    readonly trials: number;
    readonly criticality: ReadonlyMap<string, number>;
    readonly milestones: readonly { id: string; target: string | null; p50: string; p80: string }[];
  };
  /** From history: the day each item last changed (stored programs only). */
  readonly lastChanged?: ReadonlyMap<string, CalendarDate>;
  /** Days without a change after which work in progress counts as stale. */
  readonly staleDays?: number;
  /** From a baseline: the ids of the items it holds, and its name. */
  readonly baseline?: { readonly name: string; readonly items: ReadonlySet<string> };
  /**
   * The instant the reliability rules judge at, epoch ms: which incidents had started, whether a
   * stakeholder update is overdue. The app passes the end of the status date in the program's zone,
   * or the clock when that is earlier. Without it, noon UTC of the status date.
   */
  readonly nowMs?: number;
  /** Error budgets of the SLOs that have SLI data at `nowMs` (stored programs); SLOs without data are absent. */
  readonly sloBudgets?: readonly SloBudgetState[];
  /** Capacity plans of the program's resources that could be projected (issue 7). */
  readonly capacity?: readonly CapacityState[];
  /** Cloud cost figures from imported FOCUS data (stored programs, issue 7). */
  readonly cost?: CostState;
}

/** What the cost rules read (src/app/cost/cost-view.ts). */
export interface CostState {
  readonly currency: string;
  readonly month: string;
  readonly asOf: string;
  readonly overBudget: readonly { team: string; monthToDate: number; forecast: number; budget: number }[];
  /** Anomalies of the last 7 days with data. */
  readonly anomalies: readonly {
    key: string;
    day: string;
    actual: number;
    expected: number;
    impact: number;
    z: number;
    direction: 'spike' | 'drop';
  }[];
  readonly waste: readonly { kind: string; category: string; share: number; spend: number; categorySpend: number; sentence: string }[];
}

/** One capacity resource's plan as the capacity rule reads it (src/app/capacity/capacity-view.ts). */
export interface CapacityState {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly team: string | null;
  readonly usable: number;
  readonly runOut: string | null;
  readonly orderBy: string | null;
  readonly workingDaysUntilOrderBy: number | null;
  readonly late: boolean;
  readonly exhausted: boolean;
  /** Lead time and margin, working days. */
  readonly leadDays: number;
  readonly quantity: number;
  /** When an order placed on the status date is in service. */
  readonly arrival: string;
  /** The program has an order item for it. */
  readonly ordered: boolean;
}

/** One SLO's error budget as the reliability rules read it. */
export interface SloBudgetState {
  readonly id: string;
  readonly name: string;
  readonly service: string;
  readonly unit: 'events' | 'minutes';
  readonly total: number;
  readonly consumed: number;
  /** Negative when overspent. */
  readonly remaining: number;
  readonly exhausted: boolean;
  /** The most urgent SRE Workbook alert firing: page or ticket; null when none fires. */
  readonly alert: 'page' | 'ticket' | null;
  /** The firing rule's long-window burn rate and window, for the explanation; null when none fires. */
  readonly firing: { readonly burnRate: number; readonly longWindowMs: number; readonly threshold: number } | null;
  readonly timeToExhaustionMs: number | null;
}

/** The instant the reliability rules judge at (see `InsightInput.nowMs`). */
export function judgedAt(input: InsightInput): number {
  return input.nowMs ?? Date.parse(`${input.asOf}T12:00:00Z`);
}

/** The calendar day (YYYY-MM-DD) of a network offset, at the start or the end edge. */
export function dayAt(s: Schedule, offset: number, edge: 'start' | 'end'): string {
  return formatLocalDateTime(s.pn.calendar.dateTimeAt(offset, edge)).slice(0, 10);
}

/** Total float of activity v in working days, rounded to a tenth. */
export function floatDays(s: Schedule, v: number): number {
  return Math.round(((s.cpm.totalFloat[v] as number) / s.pn.calendar.minutesPerDay) * 10) / 10;
}

export const FINISHED_STATES: ReadonlySet<string> = new Set(['done', 'cancelled']);

/** "1 working day", "3 working days". */
export function workingDays(n: number): string {
  return `${n} working day${n === 1 ? '' : 's'}`;
}

export function teamName(model: ProgramModel, id: string | undefined): string {
  if (id === undefined) return 'no team';
  return model.teams.find((t) => t.id === id)?.name ?? id;
}
