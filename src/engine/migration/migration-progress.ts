import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Migration, MigrationService } from '../../domain/migration.js';

/** The team named for a service nobody owns in the catalog and the migration does not assign. */
export const NO_TEAM = '(no team)';

/**
 * Who moves a service: the migration's own `team`, else the service's owner in the catalog, else
 * NO_TEAM. `owners` maps service id → owner team id.
 */
export function migratingTeam(service: MigrationService, owners: ReadonlyMap<string, string>): string {
  return service.team ?? owners.get(service.service) ?? NO_TEAM;
}

/** One finished step: the event every progress figure, burn-down and throughput is counted from. */
export interface StepDone {
  readonly service: string;
  readonly team: string;
  readonly step: string;
  readonly on: CalendarDate;
}

/**
 * Every finished step of the migration on or before `asOf` (all of them without it), in date order
 * (then service, then step order). Done dates of names that are not steps of the migration are
 * ignored: model validation reports them.
 */
export function finishedSteps(migration: Migration, owners: ReadonlyMap<string, string>, asOf?: CalendarDate): StepDone[] {
  const order = new Map(migration.steps.map((s, i) => [s, i]));
  const out: (StepDone & { readonly k: number })[] = [];
  for (const s of migration.services) {
    const team = migratingTeam(s, owners);
    for (const [step, on] of Object.entries(s.done)) {
      const k = order.get(step);
      if (k === undefined || (asOf !== undefined && on > asOf)) continue;
      out.push({ service: s.service, team, step, on: on as CalendarDate, k });
    }
  }
  out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.service < b.service ? -1 : a.service > b.service ? 1 : a.k - b.k));
  return out.map(({ k: _k, ...done }) => done);
}

export interface ProgressCount {
  readonly services: number;
  /** Services with every step done. */
  readonly servicesDone: number;
  /** services × steps. */
  readonly steps: number;
  readonly stepsDone: number;
  /** stepsDone ÷ steps, 0–1; 0 for an empty migration. */
  readonly share: number;
}

export interface TeamProgress extends ProgressCount {
  readonly team: string;
}

export interface StepColumn {
  readonly step: string;
  /** Services that finished this step. */
  readonly done: number;
  readonly services: number;
}

export interface MigrationProgress {
  readonly overall: ProgressCount;
  /** Teams by name; NO_TEAM last. */
  readonly teams: readonly TeamProgress[];
  /** One per step, in the migration's order: how many services passed it. */
  readonly columns: readonly StepColumn[];
}

/** Counts finished steps (on or before `asOf`) per team, per step and overall. */
export function migrationProgress(migration: Migration, owners: ReadonlyMap<string, string>, asOf?: CalendarDate): MigrationProgress {
  const stepCount = migration.steps.length;
  const isDone = (s: MigrationService, step: string) => {
    const on = s.done[step];
    return on !== undefined && (asOf === undefined || on <= asOf);
  };
  const teams = new Map<string, { services: number; servicesDone: number; stepsDone: number }>();
  const columns = migration.steps.map((step) => ({ step, done: 0, services: migration.services.length }));
  let stepsDone = 0;
  let servicesDone = 0;
  for (const s of migration.services) {
    const team = migratingTeam(s, owners);
    let row = teams.get(team);
    if (row === undefined) {
      row = { services: 0, servicesDone: 0, stepsDone: 0 };
      teams.set(team, row);
    }
    let mine = 0;
    migration.steps.forEach((step, k) => {
      if (!isDone(s, step)) return;
      mine += 1;
      (columns[k] as { done: number }).done += 1;
    });
    const complete = mine === stepCount ? 1 : 0;
    row.services += 1;
    row.stepsDone += mine;
    row.servicesDone += complete;
    stepsDone += mine;
    servicesDone += complete;
  }
  const count = (services: number, done: number, sDone: number): ProgressCount => ({
    services,
    servicesDone: sDone,
    steps: services * stepCount,
    stepsDone: done,
    share: services * stepCount === 0 ? 0 : done / (services * stepCount),
  });
  const names = [...teams.keys()].sort((a, b) => (a === NO_TEAM ? 1 : b === NO_TEAM ? -1 : a.localeCompare(b)));
  return {
    overall: count(migration.services.length, stepsDone, servicesDone),
    teams: names.map((team) => {
      const r = teams.get(team) as { services: number; servicesDone: number; stepsDone: number };
      return { team, ...count(r.services, r.stepsDone, r.servicesDone) };
    }),
    columns,
  };
}

/** The next step each service has to finish (on `asOf`), or none when it is fully migrated. */
export function nextStepOf(migration: Migration, service: MigrationService, asOf?: CalendarDate): string | undefined {
  return migration.steps.find((step) => {
    const on = service.done[step];
    return on === undefined || (asOf !== undefined && on > asOf);
  });
}
