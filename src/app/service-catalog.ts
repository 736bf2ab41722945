import { err, type Result } from '../domain/result.js';
import { DEFAULT_NAMESPACE, type EntityRef, parseEntityRef, type ServiceCatalog, splitEntityRef } from '../domain/service.js';
import { closest } from '../domain/suggest.js';
import { type BlastRadius, blastRadius, compileServiceGraph } from '../engine/services/blast-radius.js';
import {
  type BackstageImport,
  type BackstageImportFailure,
  type ReadFile,
  readBackstageCatalog,
} from '../formats/backstage/read-backstage-catalog.js';

/**
 * Use cases over a Backstage catalog file: list its services, and the blast radius of a change.
 * File access comes in as `readFile` (path as the catalog names it → text, or undefined), so the
 * CLI reads the disk and the server can read an upload the same way.
 */

/** Reads the catalog from its root files (a catalog's groups often sit in a root of their own); Locations are followed relative to the file naming them. */
export function loadServiceCatalog(roots: readonly string[], readFile: ReadFile): Result<BackstageImport, BackstageImportFailure> {
  return readBackstageCatalog(roots, readFile);
}

/** A ref as people say it: `component:wayback-search` (default namespace dropped), groups by name alone. */
export function shortRef(ref: EntityRef): string {
  const { kind, namespace, name } = splitEntityRef(ref);
  if (kind === 'group') return namespace === DEFAULT_NAMESPACE ? name : `${namespace}/${name}`;
  return namespace === DEFAULT_NAMESPACE ? `${kind}:${name}` : ref;
}

export interface ServiceRow {
  readonly ref: EntityRef;
  readonly name: string;
  readonly type: string;
  readonly owner: EntityRef;
  readonly tier: number | null;
  readonly lifecycle: string;
  readonly system: EntityRef | null;
  readonly providesApis: readonly EntityRef[];
  readonly consumesApis: readonly EntityRef[];
  readonly dependsOn: readonly EntityRef[];
}

/** Every component of the catalog, in catalog order. */
export function serviceRows(catalog: ServiceCatalog): ServiceRow[] {
  return catalog.services.map((s) => ({
    ref: s.ref,
    name: s.name,
    type: s.type,
    owner: s.owner,
    tier: s.tier ?? null,
    lifecycle: s.lifecycle,
    system: s.system ?? null,
    providesApis: s.providesApis,
    consumesApis: s.consumesApis,
    dependsOn: s.dependsOn,
  }));
}

export interface UnknownRef {
  readonly message: string;
  readonly hint: string;
}

const changeable = ['component', 'api', 'resource'] as const;

/**
 * The blast radius of changing `written` (`[kind:][namespace/]name`). Without a kind, the one
 * component, API or resource of that name is meant; a name two kinds share must say which.
 */
export function catalogBlastRadius(catalog: ServiceCatalog, written: string): Result<BlastRadius, UnknownRef> {
  const graph = compileServiceGraph(catalog);
  const known = [...graph.index.keys()];
  const hasKind = written.includes(':');
  let ref: EntityRef | undefined;
  if (hasKind) {
    const parsed = parseEntityRef(written, { namespace: DEFAULT_NAMESPACE });
    if (!parsed.ok) return err({ message: parsed.error, hint: 'write kind:name, e.g. component:artist-web or api:artist-api' });
    ref = parsed.value;
  } else {
    const candidates = changeable
      .map((kind) => parseEntityRef(written, { kind, namespace: DEFAULT_NAMESPACE }))
      .flatMap((r) => (r.ok && graph.index.has(r.value) ? [r.value] : []));
    if (candidates.length > 1)
      return err({
        message: `"${written}" names ${candidates.length} entities: ${candidates.map(shortRef).join(', ')}`,
        hint: `say which, e.g. ${shortRef(candidates[0] as EntityRef)}`,
      });
    ref = candidates[0];
  }
  if (ref !== undefined && graph.index.has(ref)) {
    const r = blastRadius(graph, ref);
    if (r.ok) return r;
  }
  const shorts = known.map(shortRef);
  const near =
    closest(written, shorts) ??
    closest(written, known) ??
    closest(
      written.replace(/^.*[:/]/, ''),
      known.map((k) => splitEntityRef(k).name),
    );
  const nearRef = near === undefined ? undefined : known.find((k) => shortRef(k) === near || k === near || splitEntityRef(k).name === near);
  return err({
    message: `${written} is not a component, API or resource of the catalog`,
    hint:
      nearRef !== undefined
        ? `did you mean ${shortRef(nearRef)}?`
        : `the catalog has ${known.length} of them, e.g. ${shorts.slice(0, 5).join(', ')}; run \`throughline services\` to list the components`,
  });
}
