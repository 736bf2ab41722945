import type { Incident, Severity, SeverityDefinition } from '../../domain/incident.js';
import { DEFAULT_SEVERITY_DEFINITIONS } from '../../domain/incident.js';
import { clockMs, MINUTE_MS, toMs } from './instants.js';

export interface UpdateDue {
  /** Minutes between updates for this severity; null = no scheduled updates. */
  readonly cadenceMinutes: number | null;
  /** The last stakeholder update (an update or an update-sent timeline entry), else the incident's start; epoch ms. */
  readonly lastUpdateAt: number;
  /** When the next update is due, epoch ms; null when none is scheduled or the incident is resolved. */
  readonly dueAt: number | null;
  readonly overdue: boolean;
  /** Minutes past due, 0 when not overdue. Never decreases as `now` grows. */
  readonly overdueMinutes: number;
}

export function lastUpdateAt(incident: Incident): number {
  let last = toMs(incident.startedAt);
  for (const u of incident.updates) last = Math.max(last, toMs(u.at));
  for (const e of incident.timeline) if (e.kind === 'update-sent') last = Math.max(last, toMs(e.at));
  return last;
}

/** Is a stakeholder update overdue at `now`? Only open incidents with a cadence can be. */
export function updateDue(
  incident: Incident,
  now: Date | number,
  definitions: Readonly<Record<Severity, SeverityDefinition>> = DEFAULT_SEVERITY_DEFINITIONS,
): UpdateDue {
  const cadenceMinutes = definitions[incident.severity].updateCadenceMinutes;
  const last = lastUpdateAt(incident);
  if (cadenceMinutes === null || incident.status === 'resolved') {
    return { cadenceMinutes, lastUpdateAt: last, dueAt: null, overdue: false, overdueMinutes: 0 };
  }
  const dueAt = last + cadenceMinutes * MINUTE_MS;
  const late = clockMs(now) - dueAt;
  return { cadenceMinutes, lastUpdateAt: last, dueAt, overdue: late > 0, overdueMinutes: Math.max(0, late / MINUTE_MS) };
}
