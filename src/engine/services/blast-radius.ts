import { err, ok, type Result } from '../../domain/result.js';
import type { EntityRef, ServiceCatalog } from '../../domain/service.js';
import { buildGraph, findCycles, type Graph } from '../graph.js';

/**
 * Blast radius: "if X changes, who is affected". The catalog is compiled once into a graph whose
 * edge u → v means "a change to u reaches v":
 * - a component → each API it provides (the API is implemented by it);
 * - an API → each component that consumes it;
 * - a component or resource → each component or resource that dependsOn it;
 * - a subcomponent → the component it is part of (a change to the storage subsystem is a change
 *   to the archive; the reverse is not assumed, or every part would depend on every other).
 * Nodes are components, APIs and resources (index order: catalog order of services, then APIs, then
 * resources). Refs to anything else, or that resolve to nothing, are not edges: the reader reports them.
 */

export type AffectedKind = 'component' | 'api' | 'resource';
/** How an entry is reached from the previous one on its path. */
export type Relation = 'provides' | 'consumed-by' | 'dependency-of' | 'part-of';
const relations: readonly Relation[] = ['provides', 'consumed-by', 'dependency-of', 'part-of'];

export interface ServiceGraph {
  readonly graph: Graph;
  readonly refs: readonly EntityRef[];
  readonly index: ReadonlyMap<EntityRef, number>;
  readonly kind: readonly AffectedKind[];
  readonly name: readonly string[];
  readonly owner: readonly EntityRef[];
  /** 0 = no tier (sorts last), else 1..5. */
  readonly tier: Uint8Array;
  readonly lifecycle: readonly (string | undefined)[];
  /** Relation of each edge, an index into `relations`. */
  readonly edgeRelation: Uint8Array;
  /** Every cycle of the graph, as node lists [a, …, a] (see engine/graph.ts findCycles). */
  readonly cycles: readonly number[][];
}

export function compileServiceGraph(catalog: ServiceCatalog): ServiceGraph {
  const refs: EntityRef[] = [];
  const kind: AffectedKind[] = [];
  const name: string[] = [];
  const owner: EntityRef[] = [];
  const tiers: number[] = [];
  const lifecycle: (string | undefined)[] = [];
  const add = (
    k: AffectedKind,
    e: { ref: EntityRef; name: string; owner: EntityRef; tier?: number | undefined; lifecycle?: string | undefined },
  ) => {
    refs.push(e.ref);
    kind.push(k);
    name.push(e.name);
    owner.push(e.owner);
    tiers.push(e.tier ?? 0);
    lifecycle.push(e.lifecycle);
  };
  for (const s of catalog.services) add('component', s);
  for (const a of catalog.apis) add('api', a);
  for (const r of catalog.resources) add('resource', r);
  const index = new Map<EntityRef, number>();
  // First definition wins; the reader reports duplicates.
  refs.forEach((r, i) => {
    if (!index.has(r)) index.set(r, i);
  });

  const from: number[] = [];
  const to: number[] = [];
  const rel: number[] = [];
  const edge = (a: EntityRef, b: EntityRef, r: Relation) => {
    const u = index.get(a);
    const v = index.get(b);
    if (u === undefined || v === undefined) return;
    from.push(u);
    to.push(v);
    rel.push(relations.indexOf(r));
  };
  for (const s of catalog.services) {
    for (const a of s.providesApis) edge(s.ref, a, 'provides');
    for (const a of s.consumesApis) edge(a, s.ref, 'consumed-by');
    for (const d of s.dependsOn) edge(d, s.ref, 'dependency-of');
    if (s.subcomponentOf !== undefined) edge(s.ref, s.subcomponentOf, 'part-of');
  }
  for (const r of catalog.resources) for (const d of r.dependsOn) edge(d, r.ref, 'dependency-of');

  const graph = buildGraph(refs.length, Int32Array.from(from), Int32Array.from(to));
  return {
    graph,
    refs,
    index,
    kind,
    name,
    owner,
    tier: Uint8Array.from(tiers),
    lifecycle,
    edgeRelation: Uint8Array.from(rel),
    cycles: findCycles(graph),
  };
}

export interface AffectedEntity {
  readonly ref: EntityRef;
  readonly kind: AffectedKind;
  readonly name: string;
  readonly owner: EntityRef;
  readonly tier?: number;
  readonly lifecycle?: string;
  /** Number of edges on the shortest path from the changed entity. */
  readonly distance: number;
  /** The shortest path, from the changed entity to this one, both included. */
  readonly path: readonly EntityRef[];
  /** `via[i]` is the relation from `path[i]` to `path[i + 1]`. */
  readonly via: readonly Relation[];
}

export interface BlastRadius {
  readonly changed: EntityRef;
  /** Everything affected, the changed entity excluded, by distance, then tier (untiered last), then ref. */
  readonly affected: readonly AffectedEntity[];
  /** Dependency cycles the change runs into, each as [a, …, a]; the radius is complete regardless. */
  readonly cycles: readonly (readonly EntityRef[])[];
}

/** Breadth-first from `changed`: O(nodes + edges) per query on the compiled graph. */
export function blastRadius(sg: ServiceGraph, changed: EntityRef): Result<BlastRadius, string> {
  const start = sg.index.get(changed);
  if (start === undefined)
    return err(
      `${changed} is not a component, API or resource of the catalog; write its ref as kind:namespace/name, e.g. component:default/${changed}`,
    );
  const { graph } = sg;
  const n = graph.nodeCount;
  const dist = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  dist[start] = 0;
  queue[tail++] = start;
  while (head < tail) {
    const u = queue[head++] as number;
    const du = dist[u] as number;
    for (let k = graph.succStart[u] as number, end = graph.succStart[u + 1] as number; k < end; k++) {
      const v = graph.succ[k] as number;
      if (dist[v] !== -1) continue;
      dist[v] = du + 1;
      parent[v] = u;
      parentEdge[v] = graph.succEdge[k] as number;
      queue[tail++] = v;
    }
  }

  const affected: AffectedEntity[] = [];
  for (let q = 1; q < tail; q++) {
    const v = queue[q] as number;
    const path: EntityRef[] = [];
    const via: Relation[] = [];
    for (let w = v; w !== -1; w = parent[w] as number) {
      path.push(sg.refs[w] as EntityRef);
      const e = parentEdge[w] as number;
      if (e !== -1) via.push(relations[sg.edgeRelation[e] as number] as Relation);
    }
    path.reverse();
    via.reverse();
    const tier = sg.tier[v] as number;
    const lifecycle = sg.lifecycle[v];
    affected.push({
      ref: sg.refs[v] as EntityRef,
      kind: sg.kind[v] as AffectedKind,
      name: sg.name[v] as string,
      owner: sg.owner[v] as EntityRef,
      ...(tier > 0 ? { tier } : {}),
      ...(lifecycle !== undefined ? { lifecycle } : {}),
      distance: dist[v] as number,
      path,
      via,
    });
  }
  affected.sort((a, b) => a.distance - b.distance || (a.tier ?? 99) - (b.tier ?? 99) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));

  // A cycle lies inside one strongly connected component: reached if any of its nodes is.
  const cycles = sg.cycles.filter((c) => dist[c[0] as number] !== -1).map((c) => c.map((v) => sg.refs[v] as EntityRef));
  return ok({ changed, affected, cycles });
}

/** The entities one edge away from `changed`: those whose own radius its radius must contain. */
export function directlyAffected(sg: ServiceGraph, changed: EntityRef): EntityRef[] {
  const u = sg.index.get(changed);
  if (u === undefined) return [];
  const out: EntityRef[] = [];
  for (let k = sg.graph.succStart[u] as number, end = sg.graph.succStart[u + 1] as number; k < end; k++)
    out.push(sg.refs[sg.graph.succ[k] as number] as EntityRef);
  return out;
}
