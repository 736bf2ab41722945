import type { CalendarDate } from '../../domain/calendar-date.js';
import { daysBetween } from '../../domain/calendar-date.js';
import type { Incident, Severity } from '../../domain/incident.js';
import type { WorkItem } from '../../domain/work-item.js';
import { clockMs } from './instants.js';
import { POSTMORTEM_TAG } from './postmortem-actions.js';

export const SECURITY_PATCH_TAG = 'security-patch';

export type Level1Reason =
  | {
      readonly kind: 'open-major-incident';
      readonly incident: string;
      readonly severity: Severity;
      readonly message: string;
    }
  | { readonly kind: 'exhausted-error-budget'; readonly slo: string; readonly message: string }
  | {
      readonly kind: 'overdue-action-item' | 'overdue-security-patch';
      readonly item: string;
      readonly deadline: CalendarDate;
      readonly daysOverdue: number;
      readonly message: string;
    };

export interface FunnelInput {
  readonly incidents: readonly Incident[];
  /** Ids of SLOs whose remaining error budget is ≤ 0, from the SLO engine. */
  readonly exhaustedBudgets: readonly string[];
  readonly items: readonly WorkItem[];
  readonly now: Date | number;
  /** The zone whose calendar day decides "overdue"; a deadline is met until its day ends. Default UTC. */
  readonly timeZone?: string;
}

export interface FlaggedItem {
  readonly item: string;
  readonly title: string;
  readonly reasons: readonly Level1Reason[];
}

export interface FunnelView {
  readonly level1Broken: boolean;
  readonly reasons: readonly Level1Reason[];
  /** Level-4 items in progress while level 1 is broken, each with every reason. */
  readonly flagged: readonly FlaggedItem[];
  /** Items in progress per funnel level; `none` counts items without a level. */
  readonly inProgress: Readonly<Record<1 | 2 | 3 | 4 | 'none', number>>;
}

/** The calendar day of `now` in `timeZone`, as YYYY-MM-DD. */
export function dayIn(now: Date | number, timeZone = 'UTC'): CalendarDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    clockMs(now),
  ) as CalendarDate;
}

const finished = (i: WorkItem) => i.state === 'done' || i.state === 'cancelled';

/** "Never work on level 4 while level 1 is broken": why level 1 is broken, and which level-4 work to stop. */
export function computeFunnel(input: FunnelInput): FunnelView {
  const today = dayIn(input.now, input.timeZone);
  const reasons: Level1Reason[] = [];
  for (const inc of input.incidents) {
    if (inc.status === 'resolved' || (inc.severity !== 'SEV1' && inc.severity !== 'SEV2')) continue;
    reasons.push({
      kind: 'open-major-incident',
      incident: inc.id,
      severity: inc.severity,
      message: `${inc.severity} incident ${inc.id} "${inc.title}" is open (${inc.status})`,
    });
  }
  for (const slo of [...new Set(input.exhaustedBudgets)]) {
    reasons.push({ kind: 'exhausted-error-budget', slo, message: `SLO ${slo} has used all of its error budget` });
  }
  for (const item of input.items) {
    if (item.priority !== 1 || finished(item) || item.deadline === undefined) continue;
    const daysOverdue = daysBetween(item.deadline, today);
    if (daysOverdue <= 0) continue;
    // A security patch that came out of a post-mortem is reported once, as the patch it is.
    const kind = item.tags.includes(SECURITY_PATCH_TAG)
      ? 'overdue-security-patch'
      : item.tags.includes(POSTMORTEM_TAG)
        ? 'overdue-action-item'
        : undefined;
    if (kind === undefined) continue;
    const what = kind === 'overdue-security-patch' ? 'security patch' : 'post-mortem action item';
    reasons.push({
      kind,
      item: item.id,
      deadline: item.deadline,
      daysOverdue,
      message: `level-1 ${what} ${item.id} "${item.title}" was due ${item.deadline}, ${daysOverdue} day${daysOverdue === 1 ? '' : 's'} ago`,
    });
  }
  const inProgress = { 1: 0, 2: 0, 3: 0, 4: 0, none: 0 };
  const flagged: FlaggedItem[] = [];
  for (const item of input.items) {
    if (item.state !== 'in-progress') continue;
    inProgress[item.priority ?? 'none'] += 1;
    if (item.priority === 4 && reasons.length > 0) flagged.push({ item: item.id, title: item.title, reasons });
  }
  return { level1Broken: reasons.length > 0, reasons, flagged, inProgress };
}
