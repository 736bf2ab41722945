import type { Incident, IncidentStatus } from '../../domain/incident.js';
import { INCIDENT_STATUSES } from '../../domain/incident.js';
import { err, ok, type Result } from '../../domain/result.js';

export interface TransitionError {
  readonly code: 'same-status' | 'backward-move' | 'reopen-needs-reason';
  readonly message: string;
  readonly hint: string;
}

const rank = (s: IncidentStatus) => INCIDENT_STATUSES.indexOf(s);

/**
 * Statuses only move forward (investigating → identified → monitoring → resolved, skipping allowed:
 * a fix can land before anyone writes "identified"). The one way back is a reopen,
 * resolved → investigating, and it must say why.
 */
export function checkStatusChange(from: IncidentStatus, to: IncidentStatus, reason?: string): Result<IncidentStatus, TransitionError> {
  if (from === to) {
    return err({
      code: 'same-status',
      message: `the incident is already ${from}`,
      hint: `choose a later status: ${INCIDENT_STATUSES.slice(rank(from) + 1).join(', ') || 'none (reopen it as investigating)'}`,
    });
  }
  if (rank(to) > rank(from)) return ok(to);
  if (from === 'resolved' && to === 'investigating') {
    if (reason !== undefined && reason.trim() !== '') return ok(to);
    return err({
      code: 'reopen-needs-reason',
      message: 'reopening a resolved incident needs a reason',
      hint: 'say why it is back, e.g. "errors returned after the rollback"',
    });
  }
  return err({
    code: 'backward-move',
    message: `an incident cannot go back from ${from} to ${to}`,
    hint: 'statuses only move forward; a resolved incident can be reopened as investigating with a reason',
  });
}

/** The incident with its new status and a status-change entry on its timeline. */
export function changeStatus(
  incident: Incident,
  change: { readonly to: IncidentStatus; readonly at: Date; readonly author?: string; readonly reason?: string },
): Result<Incident, TransitionError> {
  const checked = checkStatusChange(incident.status, change.to, change.reason);
  if (!checked.ok) return checked;
  const why = change.reason !== undefined && change.reason.trim() !== '' ? `: ${change.reason.trim()}` : '';
  return ok({
    ...incident,
    status: change.to,
    timeline: [
      ...incident.timeline,
      {
        at: change.at.toISOString(),
        kind: 'status-change',
        text: `${incident.status} → ${change.to}${why}`,
        ...(change.author !== undefined ? { author: change.author } : {}),
      },
    ],
  });
}
