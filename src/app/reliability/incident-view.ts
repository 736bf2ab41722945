import {
  type Incident,
  type IncidentStatus,
  type Severity,
  type SeverityDefinition,
  withSeverityOverrides,
} from '../../domain/incident.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { draftExecutiveUpdate } from '../../engine/incidents/executive-update.js';
import { incidentDurations } from '../../engine/incidents/incident-metrics.js';
import { MINUTE_MS } from '../../engine/incidents/instants.js';
import { updateDue } from '../../engine/incidents/update-cadence.js';
import { etagOf } from '../edit-program.js';
import { nextStatuses } from './incident-changes.js';

export interface IncidentMetricsMs {
  /** From impact start to detection; null when impact start or detection is not known. */
  readonly timeToDetectMs: number | null;
  readonly timeToAcknowledgeMs: number | null;
  readonly timeToMitigateMs: number | null;
  readonly timeToResolveMs: number | null;
}

export interface IncidentView {
  readonly incident: Incident;
  readonly etag: string;
  readonly severity: SeverityDefinition;
  readonly metrics: IncidentMetricsMs;
  /** When the next stakeholder update is due; null when none is scheduled (no cadence, or resolved). */
  readonly nextUpdateDue: string | null;
  /** Minutes past due at the instant of the view (0 when on time); null when no update is scheduled. */
  readonly updateOverdueMinutes: number | null;
  readonly executiveUpdate: string;
  readonly nextStatuses: readonly IncidentStatus[];
  /** Ids of the post-mortems written about it. */
  readonly postmortems: readonly string[];
}

/** The program's severity definitions: its own where written, else the defaults. */
export const severitiesOf = (model: ProgramModel): Readonly<Record<Severity, SeverityDefinition>> =>
  withSeverityOverrides(model.program.severities ?? []);

const ms = (minutes: number | null) => (minutes === null ? null : minutes * MINUTE_MS);

export function incidentMetricsMs(incident: Incident): IncidentMetricsMs {
  const d = incidentDurations(incident);
  return {
    timeToDetectMs: ms(d.timeToDetect),
    timeToAcknowledgeMs: ms(d.timeToAcknowledge),
    timeToMitigateMs: ms(d.timeToMitigate),
    timeToResolveMs: ms(d.timeToResolve),
  };
}

/** One incident as its responders see it at `now`: metrics, update cadence, the executive draft, where it can go next. */
export function incidentView(model: ProgramModel, incidentId: string, now: Date): IncidentView | undefined {
  const incident = model.incidents.find((i) => i.id === incidentId);
  if (incident === undefined) return undefined;
  const definitions = severitiesOf(model);
  const due = updateDue(incident, now, definitions);
  return {
    incident,
    etag: etagOf(incident),
    severity: definitions[incident.severity],
    metrics: incidentMetricsMs(incident),
    nextUpdateDue: due.dueAt === null ? null : new Date(due.dueAt).toISOString(),
    updateOverdueMinutes: due.dueAt === null ? null : due.overdueMinutes,
    executiveUpdate: draftExecutiveUpdate(incident, now, definitions),
    nextStatuses: nextStatuses(incident.status),
    postmortems: model.postmortems.filter((p) => p.incident === incident.id).map((p) => p.id),
  };
}

/** "did you mean" candidates: the incident ids of the program, newest first. */
export const incidentIds = (model: ProgramModel): string[] =>
  [...model.incidents].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)).map((i) => i.id);
