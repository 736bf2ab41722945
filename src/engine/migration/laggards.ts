import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Migration } from '../../domain/migration.js';
import type { MigrationForecast } from './migration-forecast.js';

/** A team this many percentage points (as a share, 0–1) behind the migration's overall progress is a laggard. */
export const DEFAULT_LAG_THRESHOLD = 0.15;

export type LagReason =
  /** Its share of steps done trails the overall share by the threshold or more. */
  | 'behind'
  /** Its own throughput forecast puts its P80 after the migration's target. */
  | 'late'
  /** It finished no step in the history window and still has steps left. */
  | 'stalled';

export interface TeamOutlook {
  readonly team: string;
  readonly share: number;
  readonly remaining: number;
  /** The team's own P50 and P80 finish (its throughput, its steps); null when it has nothing left or does not finish. */
  readonly p50: CalendarDate | null;
  readonly p80: CalendarDate | null;
  readonly probabilityByTarget: number | null;
  /** Empty: not a laggard. */
  readonly reasons: readonly LagReason[];
}

/**
 * Per team: its own throughput forecast, and whether it is a laggard. The rule, named in
 * `reasons`: a team with steps left lags when its share done is `threshold` or more below the
 * overall share (`behind`), when its own P80 falls after the migration's target (`late`), or when
 * it finished nothing in the history window (`stalled`). Teams that are done are never laggards.
 */
export function teamOutlooks(migration: Migration, forecast: MigrationForecast, threshold = DEFAULT_LAG_THRESHOLD): TeamOutlook[] {
  const overall = forecast.progress.overall.share;
  return forecast.progress.teams.map((t, k) => {
    const own = forecast.teams[k];
    const remaining = t.steps - t.stepsDone;
    const none = { team: t.team, share: t.share, remaining, p50: null, p80: null, probabilityByTarget: null };
    if (remaining === 0 || own === undefined) return { ...none, reasons: [] };
    const reasons: LagReason[] = [];
    if (overall - t.share >= threshold - 1e-9) reasons.push('behind');
    if (!own.summary.ok) return { ...none, reasons: [...reasons, 'stalled'] };
    const s = own.summary.value;
    if (migration.target !== undefined && (s.p80 === null || s.p80 > migration.target)) reasons.push('late');
    return { ...none, p50: s.p50, p80: s.p80, probabilityByTarget: s.probabilityByTarget, reasons };
  });
}
