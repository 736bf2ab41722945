import { posix } from 'node:path';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { err, ok, type Result } from '../../domain/result.js';
import {
  type Api,
  DEFAULT_NAMESPACE,
  type Domain,
  type EntityRef,
  entityRef,
  type Group,
  parseEntityRef,
  type Resource,
  type Service,
  type ServiceCatalog,
  type System,
  type User,
} from '../../domain/service.js';
import { type CoreKind, EnvelopeSchema, knownSpecFields, specSchemas } from './backstage-entity-schema.js';
import type { CatalogProblem } from './catalog-problem.js';

/**
 * Reads a Backstage catalog from `catalog-info.yaml`-style files: multi-document YAML, Location
 * targets followed relative to the file that names them. The reader does no I/O: `readFile(path)`
 * answers a file's text, or undefined when there is none. Remote targets and remote API definitions
 * (`https://…`) are recorded, never fetched.
 */
export type ReadFile = (path: string) => string | undefined;

export interface BackstageImport {
  readonly catalog: ServiceCatalog;
  /** Every file read, in the order reached (paths normalized, as given to readFile). */
  readonly files: readonly string[];
  /** Documents per kind as written in the files (Component, API, Environment…). */
  readonly countsByKind: Readonly<Record<string, number>>;
  /** Relation refs that resolved (owner, system, providesApis…, one per list entry). */
  readonly resolvedRelations: number;
  readonly warnings: readonly CatalogProblem[];
}

export interface BackstageImportFailure {
  readonly problems: readonly CatalogProblem[];
  readonly warnings: readonly CatalogProblem[];
}

interface Parsed {
  readonly kind: string;
  readonly coreKind: CoreKind | undefined;
  readonly ref: EntityRef;
  readonly namespace: string;
  readonly name: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly metadata: Record<string, unknown>;
  readonly spec: Record<string, unknown>;
  readonly file: string;
  readonly at: (path: readonly PropertyKey[]) => { line: number; column: number };
}

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

const remote = /^[a-z][a-z0-9+.-]*:\/\//i;

export function readBackstageCatalog(roots: readonly string[], readFile: ReadFile): Result<BackstageImport, BackstageImportFailure> {
  const problems: CatalogProblem[] = [];
  const warnings: CatalogProblem[] = [];
  const report = (severity: 'error' | 'warning', p: Omit<CatalogProblem, 'severity'>) =>
    (severity === 'error' ? problems : warnings).push({ ...p, severity });

  const files: string[] = [];
  const seen = new Set<string>();
  const entities: Parsed[] = [];
  const countsByKind: Record<string, number> = {};
  type Pending = { path: string; from?: { file: string; line: number; column: number; target: string } };
  const queue: Pending[] = roots.map((r) => ({ path: posix.normalize(r) }));

  for (let q = 0; q < queue.length; q++) {
    const { path, from } = queue[q] as Pending;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = readFile(path);
    if (text === undefined) {
      if (from)
        report('warning', {
          code: 'missing-location-target',
          message: `Location target ${from.target} (${path}) does not exist; the import goes on without it`,
          hint: 'fix the path in the Location, or remove the target',
          file: from.file,
          line: from.line,
          column: from.column,
          ref: from.target,
        });
      else report('error', { code: 'missing-file', message: `catalog file ${path} does not exist`, file: path, line: 1, column: 1 });
      continue;
    }
    files.push(path);
    for (const entity of parseFile(path, text, report)) {
      countsByKind[entity.kind] = (countsByKind[entity.kind] ?? 0) + 1;
      entities.push(entity);
      if (entity.coreKind !== 'location') continue;
      const targets = (entity.spec.targets as string[] | undefined) ?? [entity.spec.target as string];
      const field = entity.spec.targets !== undefined ? 'targets' : 'target';
      targets.forEach((target, i) => {
        const at = entity.at(field === 'targets' ? ['spec', 'targets', i] : ['spec', 'target']);
        if (remote.test(target)) {
          report('warning', {
            code: 'remote-not-fetched',
            message: `Location target ${target} is remote and is not fetched`,
            hint: 'check the file out next to the catalog and point the target at it',
            file: path,
            ...at,
            ref: target,
          });
          return;
        }
        const resolved = posix.normalize(posix.join(posix.dirname(path), target));
        queue.push({ path: resolved, from: { file: path, ...at, target } });
      });
    }
  }

  const byRef = new Map<EntityRef, Parsed>();
  for (const e of entities) {
    const first = byRef.get(e.ref);
    if (first) {
      report('error', {
        code: 'duplicate-entity',
        message: `${e.ref} is defined twice: here and in ${first.file}:${first.at([]).line}`,
        hint: 'keep one definition, or give one of them another name or namespace',
        file: e.file,
        ...e.at(['metadata', 'name']),
        ref: e.ref,
      });
    } else byRef.set(e.ref, e);
  }

  // Resolve every relation ref; remember the canonical form per entity and field.
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

  const catalog = buildCatalog(entities, resolved, readFile, report);
  if (problems.length > 0) return err({ problems, warnings });
  return ok({ catalog, files, countsByKind, resolvedRelations, warnings });
}

type Report = (severity: 'error' | 'warning', p: Omit<CatalogProblem, 'severity'>) => void;

function parseFile(file: string, text: string, report: Report): Parsed[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  const out: Parsed[] = [];
  if (!Array.isArray(docs)) return out; // an empty stream
  for (const doc of docs) {
    const at = (path: readonly PropertyKey[]) => positionOf(doc, lineCounter, path);
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        report('error', { code: 'yaml-syntax', message: e.message.split('\n')[0] ?? e.message, file, line, column: col });
      }
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue; // empty document, e.g. a trailing ---
    const envelope = EnvelopeSchema.safeParse(value);
    if (!envelope.success) {
      for (const issue of envelope.error.issues)
        report('error', { code: 'schema', message: `${issue.path.join('.') || 'document'}: ${issue.message}`, file, ...at(issue.path) });
      continue;
    }
    const { kind, metadata } = envelope.data;
    const lower = kind.toLowerCase();
    const coreKind = lower in specSchemas ? (lower as CoreKind) : undefined;
    const namespace = metadata.namespace ?? DEFAULT_NAMESPACE;
    const rawSpec = envelope.data.spec;
    const spec = (rawSpec !== null && typeof rawSpec === 'object' ? rawSpec : {}) as Record<string, unknown>;
    const ref = entityRef(lower, namespace, metadata.name);
    if (coreKind === undefined) {
      report('warning', {
        code: 'unknown-kind',
        message: `${kind} ${metadata.name} is not a kind Throughline reads; it is counted and otherwise ignored`,
        file,
        ...at(['kind']),
        ref,
      });
    } else {
      const checked = specSchemas[coreKind].safeParse(spec);
      if (!checked.success) {
        for (const issue of checked.error.issues)
          report('error', {
            code: 'schema',
            message: `${kind} ${metadata.name}: spec.${issue.path.join('.')}: ${issue.message}`,
            hint: 'see https://backstage.io/docs/features/software-catalog/descriptor-format',
            file,
            ...at(['spec', ...issue.path]),
          });
        continue;
      }
      const known = knownSpecFields[coreKind] ?? [];
      for (const key of Object.keys(spec))
        if (!known.includes(key))
          report('warning', {
            code: 'non-standard-field',
            message: `spec.${key} of ${ref} is not a Backstage field of ${kind}; it is ignored`,
            ...(key === 'apiConsumedBy'
              ? { hint: 'Backstage reads API consumers from consumesApis on each consumer; write it there' }
              : {}),
            file,
            ...at(['spec', key]),
            ref,
          });
    }
    out.push({
      kind,
      coreKind,
      ref,
      namespace,
      name: metadata.name,
      title: metadata.title,
      description: metadata.description,
      metadata: metadata as Record<string, unknown>,
      spec,
      file,
      at,
    });
  }
  return out;
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

function buildCatalog(
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

function definitionOf(e: Parsed, readFile: ReadFile, report: Report): Api['definition'] {
  const d = e.spec.definition;
  if (d === undefined) return undefined;
  if (typeof d === 'string') return { source: 'inline' };
  const o = d as Record<string, unknown>;
  const key = ['$text', '$json', '$yaml'].find((k) => typeof o[k] === 'string');
  if (key === undefined) return { source: 'inline' };
  const target = o[key] as string;
  if (remote.test(target)) return { source: 'url', url: target };
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

/**
 * Where `path` is in the document. A path past what exists (a missing required field) resolves to
 * the key of the deepest map that does exist (`spec:` for a missing spec.lifecycle).
 */
function positionOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): { line: number; column: number } {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  let keyOffset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) {
        offset = keyOffset ?? offset;
        break;
      }
      keyOffset = rangeStart(pair.key);
      node = pair.value;
      offset = rangeStart(node) ?? keyOffset ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
