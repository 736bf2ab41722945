import type { FieldError } from '../../domain/field-errors.js';
import type { ProgramId } from '../../domain/ids.js';
import type { IncidentStatus } from '../../domain/incident.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { ChangeMeta, ProgramStore, SaveResult } from '../../store/program-store.js';
import { type EditableEntity, type EditError, editEntity, etagOf } from '../edit-program.js';

/** What a reliability write can fail with: the generic edit errors, and a status move the lifecycle forbids. */
export type ReliabilityEditError =
  | EditError
  | {
      readonly kind: 'illegal-transition';
      readonly from: IncidentStatus;
      readonly to: IncidentStatus;
      /** The statuses the incident may move to from `from`. */
      readonly allowed: readonly IncidentStatus[];
      readonly message: string;
      readonly hint: string;
    };

export interface Saved<T> {
  readonly value: T;
  readonly etag: string;
  readonly saved: SaveResult;
}

/** Attempts when the caller did not pin a version and someone else wrote in between (the change is re-applied on theirs). */
const ATTEMPTS = 3;

/**
 * Changes one entity of a stored program by a function of its current value, as one change set
 * through `editEntity` (validated, attributed, action items synced). With `ifMatch` the caller's
 * version must still be current, else a conflict; without it the change is re-applied on top of
 * concurrent writes, which suits appends (a timeline entry, an update).
 */
export async function rewriteEntity<T extends { id: string }>(
  store: ProgramStore,
  programId: ProgramId,
  entity: EditableEntity,
  list: (model: ProgramModel) => readonly T[],
  id: string,
  change: (current: T, model: ProgramModel) => Result<T, ReliabilityEditError>,
  meta: ChangeMeta,
  ifMatch?: string,
): Promise<Result<Saved<T>, ReliabilityEditError>> {
  for (let attempt = 1; ; attempt++) {
    const model = await store.readProgram(programId);
    if (!model) return err({ kind: 'no-program' });
    const current = list(model).find((e) => e.id === id);
    if (current === undefined) return err({ kind: 'not-found', entity, key: id });
    const etag = etagOf(current);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etag) return err({ kind: 'conflict', current, currentEtag: etag });
    const next = change(current, model);
    if (!next.ok) return next;
    const patch = patchBetween(current, next.value) as Record<string, unknown>;
    const done = await editEntity(store, programId, entity, { op: 'update', key: id, ifMatch: etag, patch }, meta);
    if (done.ok) return ok({ value: done.value.value as T, etag: done.value.etag as string, saved: done.value.saved });
    if (done.error.kind === 'conflict' && ifMatch === undefined && attempt < ATTEMPTS) continue;
    return err(done.error);
  }
}

/** Creates one entity; `exists` when its id is taken. */
export async function createEntity<T>(
  store: ProgramStore,
  programId: ProgramId,
  entity: EditableEntity,
  value: unknown,
  meta: ChangeMeta,
): Promise<Result<Saved<T>, ReliabilityEditError>> {
  const done = await editEntity(store, programId, entity, { op: 'create', value }, meta);
  if (!done.ok) return err(done.error);
  return ok({ value: done.value.value as T, etag: done.value.etag as string, saved: done.value.saved });
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The RFC 7396 merge patch that turns `from` into `to`: changed keys, removed keys as null, arrays whole. */
export function patchBetween(from: unknown, to: unknown): unknown {
  if (!isObject(from) || !isObject(to)) return to;
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(to)) {
    if (v === undefined) continue;
    if (JSON.stringify(from[k]) !== JSON.stringify(v)) patch[k] = isObject(from[k]) && isObject(v) ? patchBetween(from[k], v) : v;
  }
  for (const k of Object.keys(from)) if (from[k] !== undefined && (!(k in to) || to[k] === undefined)) patch[k] = null;
  return patch;
}

/** A field error as the edit errors carry them, for input refused before any write. */
export const invalid = (errors: FieldError[]): ReliabilityEditError => ({ kind: 'invalid', errors });
