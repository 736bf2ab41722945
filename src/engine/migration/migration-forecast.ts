import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Migration } from '../../domain/migration.js';
import { ok, type Result } from '../../domain/result.js';
import type { Random } from '../rcpsp/random.js';
import { finishedSteps, type MigrationProgress, migrationProgress, type StepDone } from './migration-progress.js';
import { DEFAULT_HISTORY_WEEKS, type WeeklyThroughput, weeklyThroughput } from './throughput.js';
import {
  type CompletionForecast,
  type ForecastError,
  simulateWeeksToFinish,
  summariseCompletion,
  type WeeksToFinish,
} from './throughput-forecast.js';

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

function historyOf(done: readonly StepDone[], start: CalendarDate, options: MigrationForecastOptions): WeeklyThroughput {
  return weeklyThroughput(
    done.map((d) => d.on),
    start,
    options.asOf,
    options.historyWeeks ?? DEFAULT_HISTORY_WEEKS,
  );
}

/** One team's own forecast: its finished steps, its steps left, its trials. */
export interface TeamForecast {
  readonly team: string;
  readonly remaining: number;
  readonly history: WeeklyThroughput;
  readonly trials: Result<WeeksToFinish, ForecastError>;
  readonly summary: Result<CompletionForecast, ForecastError>;
}

export interface MigrationForecast {
  readonly progress: MigrationProgress;
  readonly done: readonly StepDone[];
  /**
   * The throughput forecast of the last step: every finished step of the migration in one
   * history (the calibrated method, bench/migration-calibration.ts). It assumes the pace holds
   * as the work left shifts between teams; the teams' own forecasts (`teams`, laggards.ts) say
   * where it will not.
   */
  readonly forecast: Result<CompletionForecast, ForecastError>;
  /** Teams in `progress.teams` order; teams with nothing left have no trials. */
  readonly teams: readonly TeamForecast[];
}

/**
 * Progress, the migration's completion forecast on `asOf`, and each team's own forecast (its
 * finished steps, its steps left). Random draws: the migration first, then each team in order.
 */
export function forecastMigration(
  migration: Migration,
  owners: ReadonlyMap<string, string>,
  options: MigrationForecastOptions,
): MigrationForecast {
  const done = finishedSteps(migration, owners, options.asOf);
  const progress = migrationProgress(migration, owners, options.asOf);
  const remaining = progress.overall.steps - progress.overall.stepsDone;
  const start = historyStart(migration, done, options.asOf);
  const pooledHistory = historyOf(done, start, options);
  const simulate = (history: WeeklyThroughput, left: number) =>
    simulateWeeksToFinish(history.counts, left, { trials: options.trials, random: options.random });
  const summarise = (history: WeeklyThroughput, left: number, trials: Result<WeeksToFinish, ForecastError>) =>
    trials.ok ? ok(summariseCompletion(trials.value, options.asOf, history.counts, history.from, left, migration.target)) : trials;
  const forecast = summarise(pooledHistory, remaining, simulate(pooledHistory, remaining));
  const teams: TeamForecast[] = progress.teams.map((t) => {
    const left = t.steps - t.stepsDone;
    const history = historyOf(
      done.filter((d) => d.team === t.team),
      start,
      options,
    );
    const trials = left === 0 ? ok({ weeks: new Float64Array(options.trials) }) : simulate(history, left);
    return { team: t.team, remaining: left, history, trials, summary: summarise(history, left, trials) };
  });
  return { progress, done, forecast, teams };
}
