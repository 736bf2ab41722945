import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Migration } from '../../domain/migration.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type BurnDownPoint, burnDown } from '../../engine/migration/burn-down.js';
import { type TeamOutlook, teamOutlooks } from '../../engine/migration/laggards.js';
import { forecastMigration, historyStart } from '../../engine/migration/migration-forecast.js';
import { migrationItemId } from '../../engine/migration/migration-items.js';
import { type MigrationProgress, migratingTeam, nextStepOf } from '../../engine/migration/migration-progress.js';
import { DEFAULT_HISTORY_WEEKS } from '../../engine/migration/throughput.js';
import type { CompletionForecast } from '../../engine/migration/throughput-forecast.js';
import { createRandom } from '../../engine/rcpsp/random.js';

export const DEFAULT_MIGRATION_TRIALS = 5000;
export const DEFAULT_MIGRATION_SEED = 7;

export interface MigrationViewOptions {
  /** The status day: steps done after it are not counted, and the forecast starts from it. */
  readonly asOf: CalendarDate;
  readonly trials?: number;
  readonly seed?: number;
  readonly historyWeeks?: number;
}

export type MigrationRag = 'green' | 'amber' | 'red';

export interface GridCell {
  readonly step: string;
  /** The day it was done; null when not yet. */
  readonly done: CalendarDate | null;
  /** The generated work item for this step, when `migration generate` made it. */
  readonly item: { readonly id: string; readonly state: string } | null;
}

export interface GridRow {
  readonly service: string;
  readonly name: string;
  readonly team: string;
  readonly cells: readonly GridCell[];
  /** The next step to finish; null when fully migrated. */
  readonly next: string | null;
  readonly note?: string;
}

export interface MigrationView {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly steps: readonly string[];
  readonly start: CalendarDate | null;
  readonly target: CalendarDate | null;
  readonly asOf: CalendarDate;
  readonly progress: MigrationProgress;
  readonly grid: readonly GridRow[];
  /** Weekly remaining steps from the start (or first done step) to the status day. */
  readonly burnDown: readonly BurnDownPoint[];
  /** Null when every step is done, or when the history holds no finished step (see forecastProblem). */
  readonly forecast: CompletionForecast | null;
  /** Why there is no forecast, when there is none and steps are left. */
  readonly forecastProblem: { readonly message: string; readonly hint: string } | null;
  readonly historyWeeks: number;
  readonly trials: number;
  readonly seed: number;
  /**
   * green: P80 on or before the target and no team late or stalled; amber: P50 on or before it
   * but not P80, or a team's own P80 after it (or a team stalled); red: P50 after it, or no
   * forecast with steps left. Null without a target.
   */
  readonly rag: MigrationRag | null;
  /** Every team with its own forecast and lag reasons (empty = on pace). */
  readonly teams: readonly (TeamOutlook & {
    readonly services: number;
    readonly servicesDone: number;
    readonly stepsDone: number;
    readonly steps: number;
  })[];
  readonly laggards: readonly string[];
  /** What each team does next: each of its unfinished services and its next step. */
  readonly nextSteps: readonly {
    readonly team: string;
    readonly steps: readonly { readonly service: string; readonly step: string; readonly item: string | null }[];
  }[];
  /** Generated items that exist, of services × steps. */
  readonly generatedItems: number;
}

export interface MigrationNotFound {
  readonly code: 'migration-not-found';
  readonly message: string;
  readonly hint: string;
}

/** Service id → owner team id, from the program's catalog. */
export const ownersOf = (model: ProgramModel): ReadonlyMap<string, string> =>
  new Map(model.services.map((s) => [s.id as string, s.team as string]));

/** Finds a migration by id, or says which ones exist. */
export function findMigration(model: ProgramModel, id: string): Result<Migration, MigrationNotFound> {
  const m = model.migrations.find((x) => x.id === id);
  if (m !== undefined) return ok(m);
  const known = model.migrations.map((x) => x.id);
  return err({
    code: 'migration-not-found',
    message: `program ${model.program.id} has no migration "${id}"`,
    hint:
      known.length > 0 ? `its migrations are: ${known.join(', ')}` : 'it has no migrations; add one under migrations: in the program file',
  });
}

/** Progress, burn-down, forecast, laggards and next steps of one migration on the status day. */
export function migrationView(model: ProgramModel, migration: Migration, options: MigrationViewOptions): MigrationView {
  const owners = ownersOf(model);
  const trials = options.trials ?? DEFAULT_MIGRATION_TRIALS;
  const seed = options.seed ?? DEFAULT_MIGRATION_SEED;
  const historyWeeks = options.historyWeeks ?? DEFAULT_HISTORY_WEEKS;
  const random = createRandom(seed);
  const f = forecastMigration(migration, owners, { asOf: options.asOf, trials, random, historyWeeks });
  const outlooks = teamOutlooks(migration, f);
  const byTeam = new Map(f.progress.teams.map((t) => [t.team, t]));
  const items = new Map(model.items.map((i) => [i.id as string, i]));
  const names = new Map(model.services.map((s) => [s.id as string, s.name ?? s.id]));
  let generatedItems = 0;
  const grid: GridRow[] = migration.services.map((s) => {
    const next = nextStepOf(migration, s, options.asOf) ?? null;
    return {
      service: s.service,
      name: names.get(s.service) ?? s.service,
      team: migratingTeam(s, owners),
      next,
      ...(s.note === undefined ? {} : { note: s.note }),
      cells: migration.steps.map((step) => {
        const on = s.done[step];
        const item = items.get(migrationItemId(migration, s.service, step));
        if (item !== undefined) generatedItems += 1;
        return {
          step,
          done: on !== undefined && on <= options.asOf ? (on as CalendarDate) : null,
          item: item === undefined ? null : { id: item.id, state: item.state },
        };
      }),
    };
  });
  const remaining = f.progress.overall.steps - f.progress.overall.stepsDone;
  const forecast = f.forecast.ok && remaining > 0 ? f.forecast.value : null;
  const target = migration.target ?? null;
  let rag: MigrationRag | null = null;
  if (target !== null) {
    if (remaining === 0) rag = 'green';
    else if (forecast === null || forecast.p50 === null || forecast.p50 > target) rag = 'red';
    else rag = forecast.p80 !== null && forecast.p80 <= target ? 'green' : 'amber';
  }
  const start = historyStart(migration, f.done, options.asOf);
  if (rag === 'green' && remaining > 0 && outlooks.some((o) => o.reasons.includes('late') || o.reasons.includes('stalled'))) rag = 'amber';
  const teams = outlooks.map((o) => {
    const t = byTeam.get(o.team);
    return { ...o, services: t?.services ?? 0, servicesDone: t?.servicesDone ?? 0, stepsDone: t?.stepsDone ?? 0, steps: t?.steps ?? 0 };
  });
  const nextSteps = teams
    .filter((t) => t.remaining > 0)
    .map((t) => ({
      team: t.team,
      steps: grid
        .filter((row) => row.team === t.team && row.next !== null)
        .map((row) => {
          const id = migrationItemId(migration, row.service, row.next as string);
          return { service: row.service, step: row.next as string, item: items.has(id) ? id : null };
        }),
    }));
  return {
    id: migration.id,
    title: migration.title,
    ...(migration.description === undefined ? {} : { description: migration.description }),
    steps: migration.steps,
    start: migration.start ?? null,
    target,
    asOf: options.asOf,
    progress: f.progress,
    grid,
    burnDown: burnDown(f.done, f.progress.overall.steps, start, options.asOf, 'week'),
    forecast,
    forecastProblem: f.forecast.ok || remaining === 0 ? null : { message: f.forecast.error.message, hint: f.forecast.error.hint },
    historyWeeks,
    trials,
    seed,
    rag,
    teams,
    laggards: teams.filter((t) => t.reasons.length > 0).map((t) => t.team),
    nextSteps,
    generatedItems,
  };
}

/** One line per migration for lists and the status report. */
export interface MigrationSummary {
  readonly id: string;
  readonly title: string;
  readonly target: CalendarDate | null;
  readonly share: number;
  readonly stepsDone: number;
  readonly steps: number;
  readonly servicesDone: number;
  readonly services: number;
  readonly p50: CalendarDate | null;
  readonly p80: CalendarDate | null;
  readonly probabilityByTarget: number | null;
  readonly rag: MigrationRag | null;
  readonly laggards: readonly string[];
}

export function summariseMigration(view: MigrationView): MigrationSummary {
  const o = view.progress.overall;
  return {
    id: view.id,
    title: view.title,
    target: view.target,
    share: o.share,
    stepsDone: o.stepsDone,
    steps: o.steps,
    servicesDone: o.servicesDone,
    services: o.services,
    p50: view.forecast?.p50 ?? null,
    p80: view.forecast?.p80 ?? null,
    probabilityByTarget: view.forecast?.probabilityByTarget ?? null,
    rag: view.rag,
    laggards: view.laggards,
  };
}

/** Every migration of the program on the status day. */
export function migrationViews(model: ProgramModel, options: MigrationViewOptions): MigrationView[] {
  return model.migrations.map((m) => migrationView(model, m, options));
}

/**
 * The status day a view defaults to: today, or the latest recorded done day when that is later
 * (a program written ahead of the clock, like the sample, is read as of its last record).
 */
export function defaultAsOf(model: ProgramModel, today: CalendarDate): CalendarDate {
  let latest = today;
  for (const m of model.migrations)
    for (const s of m.services) for (const on of Object.values(s.done)) if (on > latest) latest = on as CalendarDate;
  return latest;
}
