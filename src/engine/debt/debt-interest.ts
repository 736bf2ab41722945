import type { DebtCause } from '../../domain/debt.js';
import type { Incident } from '../../domain/incident.js';
import { INCIDENT_ROLES } from '../../domain/incident.js';
import type { WorkItem } from '../../domain/work-item.js';
import { firstOf, toMs } from '../incidents/instants.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Interest is per month of 30 days. */
const MONTH_DAYS = 30;

/** Incidents count towards interest when they started within this many days before now: a quarter. */
export const DEFAULT_INCIDENT_WINDOW_DAYS = 90;

export interface DebtInterestOptions {
  /** Now, epoch milliseconds. */
  readonly now: number;
  readonly windowDays?: number;
  /**
   * A flat cost per incident in responder-hours, when the program sets one. Without it each
   * incident costs its own firefighting: hours from impact start (else opening) to mitigation
   * (else resolution, else now) × its named responders (at least 1).
   */
  readonly hoursPerIncident?: number;
}

export interface LinkedIncident {
  readonly id: string;
  /** False for an id the program does not hold. */
  readonly known: boolean;
  readonly title?: string;
  readonly severity?: string;
  /** Started within the window: counted in the interest. */
  readonly inWindow: boolean;
  /** Responder-hours it cost (0 when unknown). */
  readonly hours: number;
}

/**
 * Responder-hours of one incident: (mitigated, else resolved, else now) − (impact start, else
 * opened), in hours, times the distinct people named in its roles (at least one, the responder
 * who handled it). Firefighting ends at mitigation; the clean-up after it is the post-mortem's.
 */
export function incidentResponderHours(incident: Incident, now: number): number {
  const begin = toMs(incident.impactStartedAt ?? incident.startedAt);
  const end = firstOf(incident, 'mitigated') ?? firstOf(incident, 'resolved') ?? now;
  const people = new Set(INCIDENT_ROLES.map((r) => incident.roles[r]?.trim()).filter((p): p is string => p !== undefined && p !== ''));
  return (Math.max(0, end - begin) / HOUR_MS) * Math.max(1, people.size);
}

export interface DebtInterest {
  readonly item: WorkItem;
  readonly cause: DebtCause;
  readonly toilHoursPerMonth: number;
  readonly incidents: readonly LinkedIncident[];
  /** Responder-hours of the incidents in the window, spread over the window's months. */
  readonly incidentHoursPerMonth: number;
  /** toil + incident hours, per month. */
  readonly interestPerMonth: number;
}

/** The interest one debt item costs each month. `incidents` is the program's, by id. */
export function debtInterest(
  item: WorkItem,
  incidents: ReadonlyMap<string, Incident>,
  options: DebtInterestOptions,
): DebtInterest | undefined {
  const debt = item.debt;
  if (debt === undefined) return undefined;
  const windowDays = options.windowDays ?? DEFAULT_INCIDENT_WINDOW_DAYS;
  const since = options.now - windowDays * DAY_MS;
  const linked: LinkedIncident[] = [...new Set(debt.incidents as string[])].map((id) => {
    const inc = incidents.get(id);
    if (inc === undefined) return { id, known: false, inWindow: false, hours: 0 };
    const started = toMs(inc.startedAt);
    const inWindow = started > since && started <= options.now;
    const hours = options.hoursPerIncident ?? incidentResponderHours(inc, options.now);
    return { id, known: true, title: inc.title, severity: inc.severity, inWindow, hours };
  });
  const windowHours = linked.reduce((sum, l) => sum + (l.inWindow ? l.hours : 0), 0);
  const incidentHoursPerMonth = windowHours / (windowDays / MONTH_DAYS);
  const toil = debt.toilHoursPerMonth ?? 0;
  return {
    item,
    cause: debt.cause,
    toilHoursPerMonth: toil,
    incidents: linked,
    incidentHoursPerMonth,
    interestPerMonth: toil + incidentHoursPerMonth,
  };
}
