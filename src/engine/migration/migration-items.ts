import type { Dependency } from '../../domain/dependency.js';
import type { ItemId } from '../../domain/ids.js';
import type { Migration, MigrationService } from '../../domain/migration.js';
import { type WorkItem, workItemSchema } from '../../domain/work-item.js';

/** Every generated item carries this tag and the migration's id. */
export const MIGRATION_TAG = 'migration';

/** `<migration>-<service>-<step>`: stable, so generating again finds the items it made. */
export const migrationItemId = (migration: Migration, service: string, step: string): string => `${migration.id}-${service}-${step}`;

/** "dual-run" → "Dual-run". */
const capitalised = (step: string) => step.charAt(0).toUpperCase() + step.slice(1);

export interface MigrationItemProblem {
  readonly migration: string;
  readonly service: string;
  readonly step: string;
  readonly message: string;
  readonly hint: string;
}

export interface GeneratedItems {
  readonly items: readonly WorkItem[];
  /** Finish-to-start from each step to the next of the same service. */
  readonly dependencies: readonly Dependency[];
  /** Steps whose item id cannot be made (too long); the rest are generated. */
  readonly problems: readonly MigrationItemProblem[];
}

/**
 * One work item per service and step: "Cutover checkout-api", owned by the team that moves the
 * service (the migration's `team`, else the service's owner from `owners`), changing that service,
 * tagged `migration` and the migration id, done when the step is. Steps of a service are chained
 * finish-to-start, so the plan moves a service one step at a time.
 */
export function migrationWorkItems(migration: Migration, owners: ReadonlyMap<string, string>): GeneratedItems {
  const items: WorkItem[] = [];
  const dependencies: Dependency[] = [];
  const problems: MigrationItemProblem[] = [];
  for (const s of migration.services) {
    let previous: ItemId | undefined;
    for (const step of migration.steps) {
      const item = workItemFor(migration, s, step, owners);
      if (!item.ok) {
        problems.push(item.problem);
        previous = undefined;
        continue;
      }
      items.push(item.value);
      if (previous !== undefined) dependencies.push({ from: previous, to: item.value.id, type: 'FS', lag: 0, state: 'accepted' });
      previous = item.value.id;
    }
  }
  return { items, dependencies, problems };
}

function workItemFor(
  migration: Migration,
  s: MigrationService,
  step: string,
  owners: ReadonlyMap<string, string>,
): { ok: true; value: WorkItem } | { ok: false; problem: MigrationItemProblem } {
  const team = s.team ?? owners.get(s.service);
  const parsed = workItemSchema.safeParse({
    id: migrationItemId(migration, s.service, step),
    title: `${capitalised(step)} ${s.service}`,
    kind: 'task',
    ...(team === undefined ? {} : { team }),
    state: s.done[step] === undefined ? 'not-started' : 'done',
    services: [s.service],
    tags: [MIGRATION_TAG, migration.id],
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problem: {
      migration: migration.id,
      service: s.service,
      step,
      message: `step ${step} of ${s.service} in migration ${migration.id}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      hint: 'shorten the migration, service or step id: "<migration>-<service>-<step>" must fit a 64-character item id',
    },
  };
}

export interface GenerationPlan extends GeneratedItems {
  /** Generated ids already in the program (kept as they are). */
  readonly existing: readonly string[];
}

/**
 * What `generate` adds: the migration's items not yet in the program and the links between
 * generated items not yet linked. Running it again after it was applied adds nothing.
 */
export function itemsToGenerate(
  migration: Migration,
  owners: ReadonlyMap<string, string>,
  items: readonly WorkItem[],
  dependencies: readonly Dependency[],
): GenerationPlan {
  const all = migrationWorkItems(migration, owners);
  const have = new Set(items.map((i) => i.id as string));
  const linked = new Set(dependencies.map((d) => `${d.from}->${d.to}`));
  return {
    items: all.items.filter((i) => !have.has(i.id)),
    dependencies: all.dependencies.filter((d) => !linked.has(`${d.from}->${d.to}`)),
    problems: all.problems,
    existing: all.items.filter((i) => have.has(i.id)).map((i) => i.id),
  };
}
