import { canonicalJson } from './canonical-json.js';
import { dependencyKey } from './dependency.js';
import type { EntityKind, ProgramModel } from './program-model.js';

export type ChangeOp = 'create' | 'update' | 'delete';

/** One entity created, updated or deleted, with its whole value before and after. */
export interface EntityChange {
  readonly entity: EntityKind;
  readonly id: string;
  readonly op: ChangeOp;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Parents before children, so creates can follow this order and deletes the reverse. */
export const ENTITY_ORDER: readonly EntityKind[] = [
  'program',
  'team',
  'workstream',
  'service',
  'item',
  'dependency',
  'risk',
  'decision',
  'slo',
  'incident',
  'postmortem',
  'capacity',
  'migration',
];

/** Each entity of a model by kind, keyed by its id (a dependency's id is "from->to"), in model order. */
export function entitiesOf(model: ProgramModel): Map<EntityKind, Map<string, unknown>> {
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((e) => [e.id as string, e as unknown]));
  return new Map<EntityKind, Map<string, unknown>>([
    ['program', new Map([[model.program.id as string, model.program as unknown]])],
    ['team', byId(model.teams)],
    ['workstream', byId(model.workstreams)],
    ['item', byId(model.items)],
    ['dependency', new Map(model.dependencies.map((d) => [dependencyKey(d), d as unknown]))],
    ['risk', byId(model.risks)],
    ['decision', byId(model.decisions)],
    ['service', byId(model.services)],
    ['slo', byId(model.slos)],
    ['incident', byId(model.incidents)],
    ['postmortem', byId(model.postmortems)],
    ['capacity', byId(model.capacity)],
    ['migration', byId(model.migrations)],
  ]);
}

/**
 * What turns `before` into `after`, entity by entity. Equal entities (by value, whatever their key
 * order) produce nothing, so applying the same model twice changes nothing.
 */
export function diffModels(before: ProgramModel | undefined, after: ProgramModel): EntityChange[] {
  const old = before ? entitiesOf(before) : new Map<EntityKind, Map<string, unknown>>();
  const next = entitiesOf(after);
  const changes: EntityChange[] = [];
  for (const entity of ENTITY_ORDER) {
    const was = old.get(entity) ?? new Map<string, unknown>();
    const now = next.get(entity) ?? new Map<string, unknown>();
    // The program is one entity whatever its id: loading under another id is a new program, handled by the caller.
    for (const [id, value] of now) {
      const previous = entity === 'program' ? [...was.values()][0] : was.get(id);
      if (previous === undefined) changes.push({ entity, id, op: 'create', after: value });
      else if (canonicalJson(previous) !== canonicalJson(value)) changes.push({ entity, id, op: 'update', before: previous, after: value });
    }
    if (entity === 'program') continue;
    for (const [id, value] of was) if (!now.has(id)) changes.push({ entity, id, op: 'delete', before: value });
  }
  return changes;
}

/** A field that differs between two versions of an entity, by dotted path (`estimate.likely`). */
export interface FieldChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The fields that differ, descending into objects; lists are compared whole. */
export function fieldChanges(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) {
    return canonicalJson(before) === canonicalJson(after) ? [] : [{ path: prefix, before, after }];
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((k) => fieldChanges(before[k], after[k], prefix ? `${prefix}.${k}` : k));
}
