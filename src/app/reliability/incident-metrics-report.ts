import type { ProgramId } from '../../domain/ids.js';
import { type Incident, SEVERITIES, type Severity } from '../../domain/incident.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { type ProgramSlo, parseDurationText } from '../../domain/program-slo.js';
import { budgetConsumed, incidentDurations } from '../../engine/incidents/incident-metrics.js';
import { clockMs, firstOf, MINUTE_MS } from '../../engine/incidents/instants.js';
import type { StoredSli } from '../../store/sli-store.js';
import { type SliReader, sloBudgetAt } from './slo-status.js';

export interface IncidentMetricsReport {
  readonly count: number;
  readonly bySeverity: readonly { severity: Severity; count: number; open: number; mttrMs: number | null }[];
  /** Most incidents first; an incident touching two services counts for each. */
  readonly byService: readonly { service: string; count: number; open: number }[];
  /**
   * Error budget each incident consumed on the SLOs of the services it touched, over its impact
   * (impact start, else detection, else opening → mitigation, else resolution, else now).
   * `sli-data`: measured from the SLO's stored samples (Occurrences: bad events in that span, as
   * a fraction of the window's event budget at its end). `impact-minutes`: without such data,
   * every impact minute counted as fully bad, as a fraction of the window's budget in minutes.
   */
  readonly budgetConsumed: readonly BudgetConsumedRow[];
}

export interface BudgetConsumedRow {
  readonly incident: string;
  readonly slo: string;
  readonly consumed: number;
  readonly unit: 'minutes' | 'events';
  readonly fraction: number;
  readonly ongoing: boolean;
  readonly source: 'sli-data' | 'impact-minutes';
}

const UNIT_MINUTES = { s: 1 / 60, m: 1, h: 60, d: 1440, w: 7 * 1440, M: 30 * 1440, Q: 90 * 1440, Y: 365 * 1440 } as const;

/** Minutes of bad time the SLO's window allows: (1 − objective) × window; months count 30 days. */
export function budgetMinutesOf(slo: ProgramSlo): number | undefined {
  const window = parseDurationText(slo.window);
  if (window === undefined) return undefined;
  return (1 - slo.objective / 100) * window.count * UNIT_MINUTES[window.unit];
}

export interface MetricsRange {
  /** Incidents opened at or after this instant. */
  readonly from?: Date;
  /** Incidents opened before this instant. */
  readonly to?: Date;
  /** For impact still going on. */
  readonly now: Date;
  /** Stored SLI samples by SLO id, where there are any. */
  readonly sli?: ReadonlyMap<string, StoredSli>;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Incident counts per severity (with mean time to resolve) and per service, and error budget consumed per incident. */
export function incidentMetricsReport(model: ProgramModel, range: MetricsRange): IncidentMetricsReport {
  const inRange = (i: Incident) => {
    const t = Date.parse(i.startedAt);
    return (range.from === undefined || t >= range.from.getTime()) && (range.to === undefined || t < range.to.getTime());
  };
  const chosen = model.incidents.filter(inRange);
  const open = (i: Incident) => i.status !== 'resolved';
  const bySeverity = SEVERITIES.map((severity) => {
    const these = chosen.filter((i) => i.severity === severity);
    const resolved = these.map((i) => incidentDurations(i).timeToResolve).filter((m): m is number => m !== null);
    const mttr = mean(resolved);
    return { severity, count: these.length, open: these.filter(open).length, mttrMs: mttr === null ? null : mttr * MINUTE_MS };
  });
  const services = new Map<string, { service: string; count: number; open: number }>();
  for (const i of chosen) {
    for (const s of new Set(i.services)) {
      const row = services.get(s) ?? { service: s, count: 0, open: 0 };
      row.count += 1;
      if (open(i)) row.open += 1;
      services.set(s, row);
    }
  }
  const budget: BudgetConsumedRow[] = [];
  for (const i of chosen) {
    for (const slo of model.slos) {
      if (!i.services.includes(slo.service)) continue;
      const measured = measuredConsumption(i, slo, range.sli?.get(slo.id), range.now);
      if (measured !== undefined) {
        budget.push(measured);
        continue;
      }
      const minutes = budgetMinutesOf(slo);
      if (minutes === undefined) continue;
      const used = budgetConsumed(i, minutes, range.now);
      if (used.ok) {
        budget.push({
          incident: i.id,
          slo: slo.id,
          consumed: used.value.minutes,
          unit: 'minutes',
          fraction: used.value.fraction,
          ongoing: used.value.ongoing,
          source: 'impact-minutes',
        });
      }
    }
  }
  return {
    count: chosen.length,
    bySeverity,
    byService: [...services.values()].sort((a, b) => b.count - a.count || a.service.localeCompare(b.service)),
    budgetConsumed: budget,
  };
}

/**
 * Bad events of an Occurrences ratio SLO within the incident's impact span (samples stamped after
 * its start, up to its end), against the window's event budget at the end; undefined when the
 * SLO is not of that kind or has no samples in the span.
 */
function measuredConsumption(i: Incident, slo: ProgramSlo, stored: StoredSli | undefined, now: Date): BudgetConsumedRow | undefined {
  if (stored === undefined || stored.series.kind !== 'ratio' || slo.budgeting !== 'Occurrences') return undefined;
  const { originAt } = incidentDurations(i);
  const ended = firstOf(i, 'mitigated') ?? firstOf(i, 'resolved');
  const endAt = ended ?? clockMs(now);
  const { timestamps, good, total } = stored.series;
  let bad = 0;
  let samples = 0;
  for (let k = 0; k < timestamps.length; k++) {
    const t = timestamps[k] as number;
    if (t <= originAt || t > endAt) continue;
    bad += (total[k] as number) - (good[k] as number);
    samples++;
  }
  if (samples === 0) return undefined;
  const figures = sloBudgetAt(slo, stored, endAt);
  if (!figures.ok || !(figures.value.figures.total > 0)) return undefined;
  return {
    incident: i.id,
    slo: slo.id,
    consumed: bad,
    unit: 'events',
    fraction: bad / figures.value.figures.total,
    ongoing: ended === undefined,
    source: 'sli-data',
  };
}

/** The metrics of a stored program, measuring budget consumption from stored SLI samples where there are any. */
export async function storedIncidentMetrics(
  store: SliReader,
  programId: ProgramId,
  model: ProgramModel,
  range: Omit<MetricsRange, 'sli'>,
): Promise<IncidentMetricsReport> {
  const sli = new Map<string, StoredSli>();
  for (const s of model.slos) {
    const stored = await store.sli.read(programId, s.id);
    if (stored !== undefined) sli.set(s.id, stored);
  }
  return incidentMetricsReport(model, { ...range, sli });
}
