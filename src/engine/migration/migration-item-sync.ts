import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Migration, MigrationService } from '../../domain/migration.js';
import type { WorkItem } from '../../domain/work-item.js';
import { migrationItemId } from './migration-items.js';

/** The part of a program the sync reads and writes. */
export interface MigrationSyncModel {
  readonly migrations: readonly Migration[];
  readonly items: readonly WorkItem[];
}

/**
 * Whose progress wins when a step's done date and its generated item disagree: `items` when work
 * items were edited (a team closed its ticket), `migrations` when a migration was.
 */
export type MigrationProgressSource = 'items' | 'migrations';

/**
 * Keeps each migration's done map and its generated items (`<migration>-<service>-<step>`, made by
 * `migration generate`) in step. Only items that exist take part: the sync never creates items,
 * and a cancelled item no longer tracks its step.
 *
 * - Migrations win: an item becomes `done` when its step has a date; an item marked done whose step
 *   has none is reopened as `in-progress`.
 * - Items win: a done item gives its step the day `today` (and any earlier step without a date the
 *   same day, since steps finish in order); an item reopened (not done) removes its step's date and
 *   those of the later steps, unless a later step's item is still done (done wins). Items then follow
 *   the resulting dates.
 *
 * Invariants: afterwards every taking-part item is done exactly when its step has a date; applying
 * it twice changes nothing; a done map that named a prefix of the steps still does. Returns the same
 * model object when nothing changes.
 */
export function syncMigrationItems<M extends MigrationSyncModel>(model: M, prefer: MigrationProgressSource, today: CalendarDate): M {
  if (model.migrations.length === 0) return model;
  const position = new Map(model.items.map((item, i) => [item.id as string, i]));
  let items: WorkItem[] | undefined;
  let changedMigrations = false;
  const migrations = model.migrations.map((m) => {
    let changedServices = false;
    const services = m.services.map((s) => {
      const tracked = m.steps.map((step) => {
        const at = position.get(migrationItemId(m, s.service, step));
        const item = at === undefined ? undefined : (items ?? model.items)[at];
        return item === undefined || item.state === 'cancelled' ? undefined : { at: at as number, item };
      });
      const done = prefer === 'items' ? doneFromItems(m, s, tracked, today) : s.done;
      tracked.forEach((t, k) => {
        if (t === undefined) return;
        const stepDone = done[m.steps[k] as string] !== undefined;
        if (stepDone === (t.item.state === 'done')) return;
        items ??= [...model.items];
        items[t.at] = { ...t.item, state: stepDone ? 'done' : 'in-progress' };
      });
      if (done === s.done) return s;
      changedServices = true;
      return { ...s, done };
    });
    if (!changedServices) return m;
    changedMigrations = true;
    return { ...m, services };
  });
  if (items === undefined && !changedMigrations) return model;
  return { ...model, items: items ?? model.items, migrations: changedMigrations ? migrations : model.migrations };
}

function doneFromItems(
  m: Migration,
  s: MigrationService,
  tracked: readonly ({ item: WorkItem } | undefined)[],
  today: CalendarDate,
): MigrationService['done'] {
  let furthest = -1;
  tracked.forEach((t, k) => {
    if (t?.item.state === 'done') furthest = k;
  });
  const done: Record<string, CalendarDate> = { ...s.done };
  let changed = false;
  for (let k = 0; k <= furthest; k++) {
    const step = m.steps[k] as string;
    if (done[step] === undefined) {
      done[step] = today;
      changed = true;
    }
  }
  const reopened = tracked.findIndex((t, k) => k > furthest && t !== undefined && done[m.steps[k] as string] !== undefined);
  if (reopened >= 0) {
    for (let k = reopened; k < m.steps.length; k++) {
      const step = m.steps[k] as string;
      if (done[step] !== undefined) {
        delete done[step];
        changed = true;
      }
    }
  }
  return changed ? done : s.done;
}
