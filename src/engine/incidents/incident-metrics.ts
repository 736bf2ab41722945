import type { Incident, Severity } from '../../domain/incident.js';
import { SEVERITIES } from '../../domain/incident.js';
import { err, ok, type Result } from '../../domain/result.js';
import { clockMs, firstOf, MINUTE_MS, toMs } from './instants.js';

/**
 * Minutes from the incident's origin to the first timeline entry of each milestone; null when the
 * timeline has no such entry. The origin is when impact started if known, else when it was
 * detected, else when the incident was opened. All four share that origin, so on a timeline whose
 * milestones are in order, detect ≤ acknowledge ≤ mitigate ≤ resolve. Each milestone is its
 * earliest entry: a reopened incident keeps the time of its first resolution. Timeline entries are
 * the source of truth; a status change alone does not stamp a milestone.
 */
export interface IncidentDurations {
  readonly originAt: number;
  /** Null when impact start is not known: detection is then the origin and measures nothing. */
  readonly timeToDetect: number | null;
  readonly timeToAcknowledge: number | null;
  readonly timeToMitigate: number | null;
  readonly timeToResolve: number | null;
}

export function incidentDurations(incident: Incident): IncidentDurations {
  const detected = firstOf(incident, 'detected');
  const impactStart = incident.impactStartedAt === undefined ? undefined : toMs(incident.impactStartedAt);
  const originAt = impactStart ?? detected ?? toMs(incident.startedAt);
  const since = (t: number | undefined) => (t === undefined ? null : Math.max(0, (t - originAt) / MINUTE_MS));
  return {
    originAt,
    timeToDetect: impactStart === undefined ? null : since(detected),
    timeToAcknowledge: since(firstOf(incident, 'acknowledged')),
    timeToMitigate: since(firstOf(incident, 'mitigated')),
    timeToResolve: since(firstOf(incident, 'resolved')),
  };
}

export interface IncidentCounts {
  readonly total: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** An incident touching two services counts once for each. */
  readonly byService: ReadonlyMap<string, Readonly<Record<Severity, number>>>;
}

const zeroes = (): Record<Severity, number> => ({ SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 });

export function countIncidents(incidents: readonly Incident[]): IncidentCounts {
  const bySeverity = zeroes();
  const byService = new Map<string, Record<Severity, number>>();
  for (const inc of incidents) {
    bySeverity[inc.severity] += 1;
    for (const s of new Set(inc.services)) {
      let row = byService.get(s);
      if (row === undefined) {
        row = zeroes();
        byService.set(s, row);
      }
      row[inc.severity] += 1;
    }
  }
  return { total: SEVERITIES.reduce((n, s) => n + bySeverity[s], 0), bySeverity, byService };
}

export interface BudgetConsumption {
  /** Minutes of impact: from impact start (or detection, or opening) to mitigation, else resolution, else now. */
  readonly minutes: number;
  /** minutes ÷ the SLO window's budget; above 1 means this incident alone exhausted it. */
  readonly fraction: number;
  /** True when the incident is neither mitigated nor resolved and the figure still grows. */
  readonly ongoing: boolean;
}

export interface BudgetError {
  readonly code: 'bad-budget';
  readonly message: string;
  readonly hint: string;
}

/**
 * Error budget an incident consumed, for a time-based SLO whose window allows `budgetMinutes` of
 * bad minutes (e.g. 43.2 for 99.9 % over 30 days). Counts every impact minute as fully bad.
 */
export function budgetConsumed(incident: Incident, budgetMinutes: number, now: Date | number): Result<BudgetConsumption, BudgetError> {
  if (!(budgetMinutes > 0) || !Number.isFinite(budgetMinutes)) {
    return err({
      code: 'bad-budget',
      message: `incident ${incident.id}: the SLO's error budget is ${budgetMinutes} minutes`,
      hint: 'pass the budget of the SLO window in minutes, a number above 0 (99.9 % over 30 days = 43.2)',
    });
  }
  const { originAt } = incidentDurations(incident);
  const end = firstOf(incident, 'mitigated') ?? firstOf(incident, 'resolved');
  const until = end ?? clockMs(now);
  const minutes = Math.max(0, (until - originAt) / MINUTE_MS);
  return ok({ minutes, fraction: minutes / budgetMinutes, ongoing: end === undefined });
}
