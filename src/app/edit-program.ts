import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { canonicalJson } from '../domain/canonical-json.js';
import { capacityResourceSchema } from '../domain/capacity.js';
import { placeDebt } from '../domain/debt.js';
import { decisionSchema } from '../domain/decision.js';
import { type Dependency, dependencyKey, dependencySchema } from '../domain/dependency.js';
import { type FieldError, fieldErrors } from '../domain/field-errors.js';
import type { ProgramId } from '../domain/ids.js';
import { incidentSchema, postmortemSchema } from '../domain/incident.js';
import { migrationSchema } from '../domain/migration.js';
import type { ProgramModel } from '../domain/program-model.js';
import { programServiceSchema } from '../domain/program-service.js';
import { programSloSchema } from '../domain/program-slo.js';
import { err, ok, type Result } from '../domain/result.js';
import { riskSchema } from '../domain/risk.js';
import { teamSchema } from '../domain/team.js';
import { workItemSchema } from '../domain/work-item.js';
import { workstreamSchema } from '../domain/workstream.js';
import { syncActionItems } from '../engine/incidents/action-item-sync.js';
import { syncMigrationItems } from '../engine/migration/migration-item-sync.js';
import { validateModel } from '../engine/validate-model.js';
import type { ChangeMeta, ProgramStore, SaveResult } from '../store/program-store.js';
import { dayIn } from './day-in-zone.js';

/** The entities that can be edited one at a time, with the list each lives in and its key. */
const EDITABLE = {
  item: { list: 'items', schema: workItemSchema, key: (e: { id: string }) => e.id },
  dependency: { list: 'dependencies', schema: dependencySchema, key: (e: Dependency) => dependencyKey(e) },
  team: { list: 'teams', schema: teamSchema, key: (e: { id: string }) => e.id },
  workstream: { list: 'workstreams', schema: workstreamSchema, key: (e: { id: string }) => e.id },
  risk: { list: 'risks', schema: riskSchema, key: (e: { id: string }) => e.id },
  decision: { list: 'decisions', schema: decisionSchema, key: (e: { id: string }) => e.id },
  service: { list: 'services', schema: programServiceSchema, key: (e: { id: string }) => e.id },
  slo: { list: 'slos', schema: programSloSchema, key: (e: { id: string }) => e.id },
  incident: { list: 'incidents', schema: incidentSchema, key: (e: { id: string }) => e.id },
  postmortem: { list: 'postmortems', schema: postmortemSchema, key: (e: { id: string }) => e.id },
  capacity: { list: 'capacity', schema: capacityResourceSchema, key: (e: { id: string }) => e.id },
  migration: { list: 'migrations', schema: migrationSchema, key: (e: { id: string }) => e.id },
} as const;
export type EditableEntity = keyof typeof EDITABLE;

export type Edit =
  | { readonly op: 'create'; readonly value: unknown }
  /** An RFC 7396 merge patch: `null` removes a field. */
  | { readonly op: 'update'; readonly key: string; readonly ifMatch: string; readonly patch: Record<string, unknown> }
  | { readonly op: 'delete'; readonly key: string; readonly ifMatch: string };

export type EditError =
  | { kind: 'no-program' }
  | { kind: 'not-found'; entity: EditableEntity; key: string }
  | { kind: 'exists'; entity: EditableEntity; key: string }
  /** Someone changed it since the caller read it: both versions, so the caller can merge. */
  | { kind: 'conflict'; current: unknown; currentEtag: string }
  /** The entity, or the program with it, breaks a rule: each problem at its field. */
  | { kind: 'invalid'; errors: FieldError[] };

export interface EditResult {
  readonly value: unknown;
  readonly etag: string | undefined;
  readonly saved: SaveResult;
}

/** A strong validator of one entity's content: the same content always gives the same tag. */
export function etagOf(entity: unknown): string {
  return `"${createHash('sha256').update(canonicalJson(entity)).digest('base64url').slice(0, 22)}"`;
}

/** Finds one entity by key (`id`, or `from->to` for a dependency). */
export function findEntity(model: ProgramModel, entity: EditableEntity, key: string): unknown {
  const spec = EDITABLE[entity];
  return (model[spec.list] as readonly unknown[]).find((e) => (spec.key as (e: unknown) => string)(e) === key);
}

/**
 * Creates, updates or deletes one entity of a stored program. The check of `ifMatch` against the
 * current content, the change and the save happen under the program's row lock, so of two
 * concurrent edits from the same version one is applied and the other gets a conflict: no update
 * is lost. The whole program is validated as on load; nothing is saved if anything is wrong.
 */
export async function editEntity(
  store: ProgramStore,
  programId: ProgramId,
  entity: EditableEntity,
  edit: Edit,
  meta: ChangeMeta,
): Promise<Result<EditResult, EditError>> {
  const spec = EDITABLE[entity];
  const keyOf = spec.key as (e: unknown) => string;
  const schema = spec.schema as unknown as z.ZodType;
  let value: unknown;
  const result = await store.editProgram<EditError>(
    programId,
    (model) => {
      const list = model[spec.list] as readonly unknown[];
      let next: unknown[];
      if (edit.op === 'create') {
        const parsed = schema.safeParse(edit.value);
        if (!parsed.success) return { error: { kind: 'invalid', errors: fieldErrors(parsed.error.issues) } };
        value = parsed.data;
        const key = keyOf(value);
        if (list.some((e) => keyOf(e) === key)) return { error: { kind: 'exists', entity, key } };
        next = [...list, value];
      } else {
        const index = list.findIndex((e) => keyOf(e) === edit.key);
        const current = list[index];
        if (current === undefined) return { error: { kind: 'not-found', entity, key: edit.key } };
        const currentEtag = etagOf(current);
        if (edit.ifMatch !== '*' && edit.ifMatch !== currentEtag) return { error: { kind: 'conflict', current, currentEtag } };
        if (edit.op === 'delete') {
          next = list.filter((_, i) => i !== index);
          value = undefined;
        } else {
          const parsed = schema.safeParse(mergePatch(current, edit.patch));
          if (!parsed.success) return { error: { kind: 'invalid', errors: fieldErrors(parsed.error.issues) } };
          value = parsed.data;
          if (keyOf(value) !== edit.key) {
            return {
              error: {
                kind: 'invalid',
                errors: [
                  {
                    field: entity === 'dependency' ? 'from' : 'id',
                    message: 'the key cannot change; create a new one and delete this one',
                  },
                ],
              },
            };
          }
          next = list.map((e, i) => (i === index ? value : e));
        }
      }
      const replaced = { ...model, [spec.list]: next } as ProgramModel;
      const placed = placeDebt(replaced.items);
      const unsynced = placed === replaced.items ? replaced : { ...replaced, items: placed };
      // A post-mortem's action items are tracked work items: an edit to either side carries over.
      const actionsSynced = syncActionItems(unsynced, entity === 'postmortem' ? 'postmortems' : 'items');
      // A migration's generated items and its done map too: a closed item gives its step the day of the edit.
      const edited = syncMigrationItems(
        actionsSynced,
        entity === 'migration' ? 'migrations' : 'items',
        dayIn(model.program.calendar.timezone, meta.at),
      );
      if (value !== undefined && edited !== replaced) {
        const key = keyOf(value);
        value = (edited[spec.list] as readonly unknown[]).find((e) => keyOf(e) === key) ?? value;
      }
      const problems = validateModel(edited);
      if (problems.length > 0) {
        return {
          error: {
            kind: 'invalid',
            errors: problems.map((p) => ({
              field: (p.at.field ?? []).join('.') || p.at.entity,
              message: p.hint ? `${p.message}; ${p.hint}` : p.message,
            })),
          },
        };
      }
      return { model: edited };
    },
    meta,
  );
  if ('missing' in result) return err({ kind: 'no-program' });
  if ('error' in result) return err(result.error);
  return ok({ value, etag: value === undefined ? undefined : etagOf(value), saved: result.saved });
}

/** RFC 7396: objects merge key by key, `null` removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete base[k];
    else base[k] = mergePatch(base[k], v);
  }
  return base;
}
