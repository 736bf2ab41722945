import { posix } from 'node:path';
import {
  type Api,
  type Domain,
  type EntityRef,
  entityRef,
  type Group,
  type Resource,
  type Service,
  type ServiceCatalog,
  type System,
  type User,
} from '../../domain/service.js';
import type { Parsed, Report } from './parsed-entity.js';
import type { ReadFile } from './read-backstage-catalog.js';
import { isRemote } from './remote-target.js';

/** The catalog from resolved entities (the first of a ref wins); dependencyOf folded into dependsOn. */
export function buildCatalog(
  entities: readonly Parsed[],
  resolved: Map<Parsed, Map<string, EntityRef[]>>,
  readFile: ReadFile,
  report: Report,
): ServiceCatalog {
  const catalog = {
    services: [] as Service[],
    apis: [] as Api[],
    resources: [] as Resource[],
    systems: [] as System[],
    domains: [] as Domain[],
    groups: [] as Group[],
    users: [] as User[],
  };
  const seen = new Set<EntityRef>();
  // dependencyOf is the reverse of dependsOn: folded into the dependent's dependsOn.
  const extraDependsOn = new Map<EntityRef, EntityRef[]>();
  for (const e of entities)
    for (const d of resolved.get(e)?.get('dependencyOf') ?? []) extraDependsOn.set(d, [...(extraDependsOn.get(d) ?? []), e.ref]);

  for (const e of entities) {
    if (e.coreKind === undefined || seen.has(e.ref)) continue;
    seen.add(e.ref);
    const refs = resolved.get(e) ?? new Map<string, EntityRef[]>();
    const many = (field: string) => refs.get(field) ?? [];
    const one = (field: string) => refs.get(field)?.[0];
    const opt = <K extends string>(key: K, value: string | undefined) =>
      value !== undefined ? ({ [key]: value } as Record<K, string>) : {};
    // An owner that did not resolve is reported already; the ref as written keeps the entity readable.
    const owner = one('owner') ?? entityRef('group', e.namespace, String(e.spec.owner ?? 'unknown'));
    const base = { ref: e.ref, name: e.name, ...opt('title', e.title), ...opt('description', e.description) };
    const s = e.spec;
    const dependsOn = [...new Set([...many('dependsOn'), ...(extraDependsOn.get(e.ref) ?? [])])];
    switch (e.coreKind) {
      case 'component': {
        const tier = tierOf(e, report);
        catalog.services.push({
          ...base,
          type: String(s.type),
          owner,
          ...(tier !== undefined ? { tier } : {}),
          lifecycle: String(s.lifecycle),
          ...opt('system', one('system')),
          ...opt('subcomponentOf', one('subcomponentOf')),
          providesApis: many('providesApis'),
          consumesApis: many('consumesApis'),
          dependsOn,
        });
        break;
      }
      case 'api': {
        const definition = definitionOf(e, readFile, report);
        catalog.apis.push({
          ...base,
          type: String(s.type),
          owner,
          lifecycle: String(s.lifecycle),
          ...opt('system', one('system')),
          ...(definition ? { definition } : {}),
        });
        break;
      }
      case 'resource': {
        const tier = tierOf(e, report);
        catalog.resources.push({
          ...base,
          type: String(s.type),
          owner,
          ...(tier !== undefined ? { tier } : {}),
          ...opt('system', one('system')),
          dependsOn,
        });
        break;
      }
      case 'system':
        catalog.systems.push({ ...base, owner, ...opt('domain', one('domain')) });
        break;
      case 'domain':
        catalog.domains.push({ ...base, owner, ...opt('subdomainOf', one('subdomainOf')) });
        break;
      case 'group': {
        const profile = s.profile as { email?: string } | undefined;
        catalog.groups.push({
          ...base,
          type: String(s.type),
          ...opt('parent', one('parent')),
          children: many('children'),
          ...opt('email', profile?.email),
        });
        break;
      }
      case 'user': {
        const profile = s.profile as { email?: string } | undefined;
        catalog.users.push({ ...base, memberOf: many('memberOf'), ...opt('email', profile?.email) });
        break;
      }
      case 'location':
        break;
    }
  }
  return catalog;
}

/** Tier from the label `tier` or the annotation `throughline.dev/tier`: 1, tier1, tier-1 (1 = most critical). */
function tierOf(e: Parsed, report: Report): number | undefined {
  const labels = e.metadata.labels as Record<string, unknown> | undefined;
  const annotations = e.metadata.annotations as Record<string, unknown> | undefined;
  const fromLabel = labels?.tier;
  const written = fromLabel ?? annotations?.['throughline.dev/tier'];
  if (written === undefined) return undefined;
  const m = /^(?:tier-?)?([1-5])$/i.exec(String(written).trim());
  if (m) return Number(m[1]);
  report('warning', {
    code: 'bad-tier',
    message: `tier "${String(written)}" of ${e.ref} is not 1 to 5; the entity is read without a tier`,
    hint: 'write tier: "1" (most critical) to "5"',
    file: e.file,
    ...e.at(fromLabel !== undefined ? ['metadata', 'labels', 'tier'] : ['metadata', 'annotations', 'throughline.dev/tier']),
    ref: e.ref,
  });
  return undefined;
}

function definitionOf(e: Parsed, readFile: ReadFile, report: Report): Api['definition'] {
  const d = e.spec.definition;
  if (d === undefined) return undefined;
  if (typeof d === 'string') return { source: 'inline' };
  const o = d as Record<string, unknown>;
  const key = ['$text', '$json', '$yaml'].find((k) => typeof o[k] === 'string');
  if (key === undefined) return { source: 'inline' };
  const target = o[key] as string;
  if (isRemote(target)) return { source: 'url', url: target };
  const path = posix.normalize(posix.join(posix.dirname(e.file), target));
  if (readFile(path) === undefined)
    report('warning', {
      code: 'missing-definition-file',
      message: `the definition of ${e.ref} points to ${target} (${path}), which does not exist`,
      file: e.file,
      ...e.at(['spec', 'definition', key]),
      ref: target,
    });
  return { source: 'file', path };
}
