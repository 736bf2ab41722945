import { type EntityRef, parseEntityRef } from '../../domain/service.js';
import type { CoreKind } from './backstage-entity-schema.js';
import type { Parsed, Report } from './parsed-entity.js';

interface RelationRule {
  readonly field: string;
  readonly defaultKind?: string;
  /** Kinds the target may have; Backstage's own processors use these. */
  readonly targets: readonly string[];
}

const relationRules: Readonly<Record<CoreKind, readonly RelationRule[]>> = {
  component: [
    { field: 'owner', defaultKind: 'group', targets: ['group', 'user'] },
    { field: 'system', defaultKind: 'system', targets: ['system'] },
    { field: 'subcomponentOf', defaultKind: 'component', targets: ['component'] },
    { field: 'providesApis', defaultKind: 'api', targets: ['api'] },
    { field: 'consumesApis', defaultKind: 'api', targets: ['api'] },
    // No default kind: Backstage makes you write `resource:` or `component:`.
    { field: 'dependsOn', targets: ['component', 'resource'] },
    { field: 'dependencyOf', targets: ['component', 'resource'] },
  ],
  api: [
    { field: 'owner', defaultKind: 'group', targets: ['group', 'user'] },
    { field: 'system', defaultKind: 'system', targets: ['system'] },
  ],
  resource: [
    { field: 'owner', defaultKind: 'group', targets: ['group', 'user'] },
    { field: 'system', defaultKind: 'system', targets: ['system'] },
    { field: 'dependsOn', targets: ['component', 'resource'] },
    { field: 'dependencyOf', targets: ['component', 'resource'] },
  ],
  system: [
    { field: 'owner', defaultKind: 'group', targets: ['group', 'user'] },
    { field: 'domain', defaultKind: 'domain', targets: ['domain'] },
  ],
  domain: [
    { field: 'owner', defaultKind: 'group', targets: ['group', 'user'] },
    { field: 'subdomainOf', defaultKind: 'domain', targets: ['domain'] },
  ],
  group: [
    { field: 'parent', defaultKind: 'group', targets: ['group'] },
    { field: 'children', defaultKind: 'group', targets: ['group'] },
    { field: 'members', defaultKind: 'user', targets: ['user'] },
  ],
  user: [{ field: 'memberOf', defaultKind: 'group', targets: ['group'] }],
  location: [],
};

/**
 * Resolves every relation ref of every entity against the entities read; remembers the canonical
 * form per entity and field. Refs that do not parse, resolve or have the right kind are reported and left out.
 */
export function resolveRelations(
  entities: readonly Parsed[],
  byRef: ReadonlyMap<EntityRef, Parsed>,
  report: Report,
): { resolved: Map<Parsed, Map<string, EntityRef[]>>; resolvedRelations: number } {
  let resolvedRelations = 0;
  const resolved = new Map<Parsed, Map<string, EntityRef[]>>();
  for (const e of entities) {
    if (e.coreKind === undefined) continue;
    const fields = new Map<string, EntityRef[]>();
    resolved.set(e, fields);
    for (const rule of relationRules[e.coreKind]) {
      const value = e.spec[rule.field];
      if (value === undefined) continue;
      const list = Array.isArray(value) ? (value as string[]) : [value as string];
      const refs: EntityRef[] = [];
      list.forEach((written, i) => {
        const at = e.at(Array.isArray(value) ? ['spec', rule.field, i] : ['spec', rule.field]);
        const parsed = parseEntityRef(written, { namespace: e.namespace, ...(rule.defaultKind ? { kind: rule.defaultKind } : {}) });
        if (!parsed.ok) {
          report('error', {
            code: 'bad-ref',
            message: `spec.${rule.field} of ${e.ref}: ${parsed.error}`,
            file: e.file,
            ...at,
            ref: written,
          });
          return;
        }
        const target = byRef.get(parsed.value);
        if (!target) {
          report('error', {
            code: 'unresolved-ref',
            message: `spec.${rule.field} of ${e.ref} names ${written} (${parsed.value}), which no catalog file defines`,
            hint: `add the entity, fix the name, or write the kind explicitly (${rule.targets.join(' or ')})`,
            file: e.file,
            ...at,
            ref: written,
          });
          return;
        }
        const targetKind = parsed.value.slice(0, parsed.value.indexOf(':'));
        if (!rule.targets.includes(targetKind)) {
          report('error', {
            code: 'wrong-ref-kind',
            message: `spec.${rule.field} of ${e.ref} names ${parsed.value}, a ${targetKind}; it must be a ${rule.targets.join(' or ')}`,
            file: e.file,
            ...at,
            ref: written,
          });
          return;
        }
        resolvedRelations++;
        refs.push(parsed.value);
      });
      fields.set(rule.field, refs);
    }
  }
  return { resolved, resolvedRelations };
}
