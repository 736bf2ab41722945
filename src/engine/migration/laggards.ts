import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Migration } from '../../domain/migration.js';
import { forecastCompletion, historyStart, type MigrationForecastOptions } from './migration-forecast.js';
import type { MigrationProgress, StepDone } from './migration-progress.js';

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
  /** The team's own P80 finish (its throughput, its steps); null when it does not finish or has nothing left. */
  readonly p80: CalendarDate | null;
  readonly probabilityByTarget: number | null;
  /** Empty: not a laggard. */
  readonly reasons: readonly LagReason[];
}

/**
 * Per team with steps left: its own throughput forecast, and whether it is a laggard. The rule,
 * named in `reasons`: a team lags when its share done is `threshold` or more below the overall
 * share (`behind`), when its own P80 falls after the migration's target (`late`), or when it
 * finished nothing in the history window (`stalled`). Teams that are done are never laggards.
 * Teams are forecast in the order of `progress.teams`, from one random stream.
 */
export function teamOutlooks(
  migration: Migration,
  progress: MigrationProgress,
  done: readonly StepDone[],
  options: MigrationForecastOptions & { readonly threshold?: number },
): TeamOutlook[] {
  const threshold = options.threshold ?? DEFAULT_LAG_THRESHOLD;
  const start = historyStart(migration, done, options.asOf);
  return progress.teams.map((t) => {
    const remaining = t.steps - t.stepsDone;
    if (remaining === 0) return { team: t.team, share: t.share, remaining, p80: null, probabilityByTarget: null, reasons: [] };
    const reasons: LagReason[] = [];
    if (progress.overall.share - t.share >= threshold - 1e-9) reasons.push('behind');
    const forecast = forecastCompletion(
      done.filter((d) => d.team === t.team),
      remaining,
      start,
      migration.target,
      options,
    );
    let p80: CalendarDate | null = null;
    let probabilityByTarget: number | null = null;
    if (!forecast.ok) reasons.push('stalled');
    else {
      p80 = forecast.value.p80;
      probabilityByTarget = forecast.value.probabilityByTarget;
      if (migration.target !== undefined && (p80 === null || p80 > migration.target)) reasons.push('late');
    }
    return { team: t.team, share: t.share, remaining, p80, probabilityByTarget, reasons };
  });
}
