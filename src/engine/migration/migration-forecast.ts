import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Migration } from '../../domain/migration.js';
import type { Result } from '../../domain/result.js';
import type { Random } from '../rcpsp/random.js';
import { finishedSteps, type MigrationProgress, migrationProgress, type StepDone } from './migration-progress.js';
import { DEFAULT_HISTORY_WEEKS, weeklyThroughput } from './throughput.js';
import { type CompletionForecast, type ForecastError, simulateWeeksToFinish, summariseCompletion } from './throughput-forecast.js';

export interface MigrationForecastOptions {
  readonly asOf: CalendarDate;
  readonly trials: number;
  readonly random: Random;
  /** Weeks of history resampled (DEFAULT_HISTORY_WEEKS). */
  readonly historyWeeks?: number;
}

/** Where the history starts: the migration's start, else its first finished step, else today. */
export function historyStart(migration: Migration, done: readonly StepDone[], asOf: CalendarDate): CalendarDate {
  return migration.start ?? done[0]?.on ?? asOf;
}

/**
 * Forecast of the day the last of `done`'s complement is finished, from the weekly throughput of
 * the steps in `done` (finished on or before asOf). Used for the whole migration and for each team.
 */
export function forecastCompletion(
  done: readonly StepDone[],
  remaining: number,
  start: CalendarDate,
  target: CalendarDate | undefined,
  options: MigrationForecastOptions,
): Result<CompletionForecast, ForecastError> {
  const history = weeklyThroughput(
    done.map((d) => d.on),
    start,
    options.asOf,
    options.historyWeeks ?? DEFAULT_HISTORY_WEEKS,
  );
  const trials = simulateWeeksToFinish(history.counts, remaining, { trials: options.trials, random: options.random });
  if (!trials.ok) return trials;
  return { ok: true, value: summariseCompletion(trials.value, options.asOf, history.counts, history.from, remaining, target) };
}

export interface MigrationForecast {
  readonly progress: MigrationProgress;
  readonly done: readonly StepDone[];
  readonly forecast: Result<CompletionForecast, ForecastError>;
}

/** Progress and the whole migration's completion forecast on `asOf`. */
export function forecastMigration(
  migration: Migration,
  owners: ReadonlyMap<string, string>,
  options: MigrationForecastOptions,
): MigrationForecast {
  const done = finishedSteps(migration, owners, options.asOf);
  const progress = migrationProgress(migration, owners, options.asOf);
  const remaining = progress.overall.steps - progress.overall.stepsDone;
  const start = historyStart(migration, done, options.asOf);
  return { progress, done, forecast: forecastCompletion(done, remaining, start, migration.target, options) };
}
