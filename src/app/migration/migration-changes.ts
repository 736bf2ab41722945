import type { CalendarDate } from '../../domain/calendar-date.js';
import type { ProgramId } from '../../domain/ids.js';
import type { Migration } from '../../domain/migration.js';
import { err, ok, type Result } from '../../domain/result.js';
import { itemsToGenerate, type MigrationItemProblem } from '../../engine/migration/migration-items.js';
import { validateModel } from '../../engine/validate-model.js';
import type { ChangeMeta, ProgramStore, SaveResult } from '../../store/program-store.js';
import { invalid, type ReliabilityEditError, rewriteEntity, type Saved } from '../reliability/incident-edit.js';
import { ownersOf } from './migration-view.js';

export interface GenerateResult {
  readonly migration: string;
  /** Ids of the items added, in the order of services × steps. */
  readonly added: readonly string[];
  readonly links: number;
  /** Generated ids that were already in the program (left as they are). */
  readonly existing: readonly string[];
  readonly problems: readonly MigrationItemProblem[];
  /** Null when there was nothing to add. */
  readonly saved: SaveResult | null;
}

/**
 * Adds the migration's work items (one per service and step, chained finish-to-start) that the
 * program does not have yet, in one change set. Running it again adds nothing. The program is
 * validated as on load; nothing is saved if anything is wrong.
 */
export async function generateMigrationItems(
  store: ProgramStore,
  programId: ProgramId,
  migrationId: string,
  meta: ChangeMeta,
): Promise<Result<GenerateResult, ReliabilityEditError>> {
  let outcome: Omit<GenerateResult, 'saved'> | undefined;
  const result = await store.editProgram<ReliabilityEditError>(
    programId,
    (model) => {
      const migration = model.migrations.find((m) => m.id === migrationId);
      if (migration === undefined) return { error: { kind: 'not-found', entity: 'migration', key: migrationId } };
      const plan = itemsToGenerate(migration, ownersOf(model), model.items, model.dependencies);
      outcome = {
        migration: migration.id,
        added: plan.items.map((i) => i.id),
        links: plan.dependencies.length,
        existing: plan.existing,
        problems: plan.problems,
      };
      const next = { ...model, items: [...model.items, ...plan.items], dependencies: [...model.dependencies, ...plan.dependencies] };
      const problems = validateModel(next);
      if (problems.length > 0) {
        return {
          error: invalid(
            problems.map((p) => ({
              field: (p.at.field ?? []).join('.') || p.at.entity,
              message: p.hint ? `${p.message}; ${p.hint}` : p.message,
            })),
          ),
        };
      }
      return { model: next };
    },
    meta,
  );
  if ('missing' in result) return err({ kind: 'no-program' });
  if ('error' in result) return err(result.error);
  const o = outcome as Omit<GenerateResult, 'saved'>;
  return ok({ ...o, saved: o.added.length + o.links > 0 ? result.saved : null });
}

/**
 * Records that a service finished a step on a day. Steps finish in order: the step before must be
 * done already, on or before that day. Generated items follow (the step's item becomes done).
 */
export async function recordStepDone(
  store: ProgramStore,
  programId: ProgramId,
  migrationId: string,
  service: string,
  step: string,
  on: CalendarDate,
  meta: ChangeMeta,
): Promise<Result<Saved<Migration>, ReliabilityEditError>> {
  return rewriteEntity<Migration>(
    store,
    programId,
    'migration',
    (model) => model.migrations as Migration[],
    migrationId,
    (current) => {
      const k = current.steps.indexOf(step);
      if (k < 0)
        return err(
          invalid([{ field: 'step', message: `"${step}" is not a step of ${migrationId}; its steps are ${current.steps.join(', ')}` }]),
        );
      const at = current.services.findIndex((s) => s.service === service);
      const s = current.services[at];
      if (s === undefined) {
        const known = current.services.map((x) => x.service).join(', ') || 'none';
        return err(invalid([{ field: 'service', message: `${migrationId} does not move "${service}"; its services are ${known}` }]));
      }
      const missing = current.steps.slice(0, k).find((x) => s.done[x] === undefined);
      if (missing !== undefined) {
        return err(
          invalid([
            {
              field: 'step',
              message: `${service} has not finished "${missing}" yet; record it first (steps finish in order: ${current.steps.join(' → ')})`,
            },
          ]),
        );
      }
      const before = current.steps[k - 1];
      const prior = before === undefined ? undefined : s.done[before];
      if (prior !== undefined && on < prior) {
        return err(
          invalid([{ field: 'on', message: `${service} finished "${before}" on ${prior}; "${step}" cannot be done before that (${on})` }]),
        );
      }
      const services = current.services.map((x, i) => (i === at ? { ...x, done: { ...x.done, [step]: on } } : x));
      return ok({ ...current, services });
    },
    meta,
  );
}
