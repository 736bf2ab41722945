import type { ProgramModel } from '../../domain/program-model.js';
import type { ProgramService } from '../../domain/program-service.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type Api, type EntityRef, entityRef, type Group, type Resource, type Service, type ServiceCatalog } from '../../domain/service.js';
import { closest } from '../../domain/suggest.js';
import { blastRadius, compileServiceGraph, type ServiceGraph } from '../../engine/services/blast-radius.js';

/**
 * A program's services seen as a Backstage-shaped catalog, so the blast-radius engine that reads
 * Backstage files answers for programs too. The mapping is one to one: a service is
 * `component:default/<id>`, a resource `resource:default/<id>`, an API name `api:default/<name>`
 * owned by its provider's team, a team `group:default/<team>`.
 */

const ns = 'default';
export const serviceRef = (s: Pick<ProgramService, 'id' | 'kind'>): EntityRef =>
  entityRef(s.kind === 'resource' ? 'resource' : 'component', ns, s.id);
export const apiRef = (name: string): EntityRef => entityRef('api', ns, name);
export const teamRef = (team: string): EntityRef => entityRef('group', ns, team);

export function programServiceCatalog(model: ProgramModel): ServiceCatalog {
  const byId = new Map(model.services.map((s) => [s.id as string, s]));
  const depRef = (id: string) => entityRef(byId.get(id)?.kind === 'resource' ? 'resource' : 'component', ns, id);
  const services: Service[] = [];
  const resources: Resource[] = [];
  const apis: Api[] = [];
  for (const s of model.services) {
    const common = {
      ref: serviceRef(s),
      name: s.id,
      ...(s.name !== undefined ? { title: s.name } : {}),
      ...(s.description !== undefined ? { description: s.description } : {}),
      owner: teamRef(s.team),
      ...(s.tier !== undefined ? { tier: s.tier } : {}),
      ...(s.system !== undefined ? { system: entityRef('system', ns, s.system) } : {}),
      dependsOn: s.dependsOn.map(depRef),
    };
    if (s.kind === 'resource') resources.push({ ...common, type: s.type ?? 'resource' });
    else
      services.push({
        ...common,
        type: s.type ?? 'service',
        lifecycle: s.lifecycle,
        providesApis: s.provides.map(apiRef),
        consumesApis: s.consumes.map(apiRef),
      });
    for (const name of s.provides) apis.push({ ref: apiRef(name), name, type: 'api', owner: teamRef(s.team), lifecycle: s.lifecycle });
  }
  const groups: Group[] = model.teams.map((t) => ({ ref: teamRef(t.id), name: t.id, title: t.name, type: 'team', children: [] }));
  return { services, apis, resources, systems: [], domains: [], groups, users: [] };
}

export type ChangedKind = 'service' | 'resource' | 'api';

interface Node {
  readonly ref: string;
  readonly kind: ChangedKind;
  readonly name: string;
  readonly team: string;
  readonly tier: number | null;
  readonly lifecycle: string | null;
}

/** What each engine ref stands for in the program: the service (or resource) id, or the API name. */
function programNodes(model: ProgramModel): Map<EntityRef, Node> {
  const nodes = new Map<EntityRef, Node>();
  for (const s of model.services) {
    nodes.set(serviceRef(s), {
      ref: s.id,
      kind: s.kind,
      name: s.name ?? s.id,
      team: s.team,
      tier: s.tier ?? null,
      lifecycle: s.lifecycle,
    });
  }
  // An API is as critical as the service that provides it, and changes with it.
  for (const s of model.services)
    for (const name of s.provides)
      if (!nodes.has(apiRef(name)))
        nodes.set(apiRef(name), { ref: name, kind: 'api', name, team: s.team, tier: s.tier ?? null, lifecycle: null });
  return nodes;
}

/** How a ref is written in a path: services by id, APIs as `api:<name>` (an API may share its provider's name). */
export const pathStep = (n: Pick<Node, 'kind' | 'ref'>): string => (n.kind === 'api' ? `api:${n.ref}` : n.ref);

export interface AffectedRow {
  readonly ref: string;
  readonly kind: ChangedKind;
  readonly name: string;
  readonly team: string;
  readonly teamName: string;
  readonly tier: number | null;
  readonly lifecycle: string | null;
  /** Links from the changed entity: provider → API → consumer is two, a dependsOn one. */
  readonly distance: number;
  /** From the changed entity to this one, both included (see `pathStep`). */
  readonly path: readonly string[];
}

export interface TeamExposure {
  readonly team: string;
  readonly teamName: string;
  /** Affected services and resources the team owns (APIs count with their provider). */
  readonly count: number;
  readonly worstTier: number | null;
}

export interface ExposedItem {
  readonly id: string;
  readonly title: string;
  readonly team: string | null;
  readonly state: string;
  readonly priority: number | null;
  /** The item's services inside the radius (the changed one included). */
  readonly services: readonly string[];
}

export interface ProgramBlastRadius {
  readonly origin: { readonly ref: string; readonly kind: ChangedKind; readonly name: string; readonly team: string };
  readonly affected: readonly AffectedRow[];
  /** Most critical first: worst tier (untiered last), then most affected, then id. */
  readonly teams: readonly TeamExposure[];
  /** Program work that touches the changed service or anything affected, in program order. */
  readonly items: readonly ExposedItem[];
  readonly cycles: readonly (readonly string[])[];
}

export interface UnknownChange {
  readonly kind: 'unknown-ref';
  readonly message: string;
  readonly hint: string;
}

/** A compiled program catalog: compile once per program version, ask many questions. */
export interface CompiledProgramCatalog {
  readonly model: ProgramModel;
  readonly graph: ServiceGraph;
  readonly nodes: ReadonlyMap<EntityRef, Node>;
}

export function compileProgramCatalog(model: ProgramModel): CompiledProgramCatalog {
  return { model, graph: compileServiceGraph(programServiceCatalog(model)), nodes: programNodes(model) };
}

/**
 * Resolves what a person writes for "change X": a service or resource id, or an API name;
 * `api:`, `service:` or `resource:` says which when a service and an API share a name (the
 * service wins without it: its radius contains its API's).
 */
export function resolveChange(c: CompiledProgramCatalog, written: string): Result<EntityRef, UnknownChange> {
  const text = written.trim();
  const prefixed = /^(api|service|resource|component):(.+)$/i.exec(text);
  const wantKind = prefixed?.[1]?.toLowerCase();
  const name = prefixed?.[2] ?? text;
  const service = c.model.services.find((s) => s.id === name) ?? c.model.services.find((s) => s.id.toLowerCase() === name.toLowerCase());
  if (service && (wantKind === undefined || wantKind === service.kind || (wantKind === 'component' && service.kind === 'service')))
    return ok(serviceRef(service));
  const api = apiRef(name);
  if (c.nodes.get(api)?.kind === 'api' && (wantKind === undefined || wantKind === 'api')) return ok(api);
  const candidates = [...c.nodes.values()].map((n) => n.ref);
  const near = closest(name, candidates);
  return err({
    kind: 'unknown-ref',
    message: `"${written}" is not a service, resource or API of the program`,
    hint:
      near !== undefined
        ? `did you mean "${near}"?`
        : candidates.length === 0
          ? 'the program has no services yet; add them under services: or import a Backstage catalog'
          : `known: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? `, … (${candidates.length} in all)` : ''}`,
  });
}

export function programBlastRadius(c: CompiledProgramCatalog, written: string): Result<ProgramBlastRadius, UnknownChange> {
  const resolved = resolveChange(c, written);
  if (!resolved.ok) return resolved;
  const radius = blastRadius(c.graph, resolved.value);
  if (!radius.ok) return err({ kind: 'unknown-ref', message: radius.error, hint: 'run `throughline services` to list them' });
  const teamName = new Map(c.model.teams.map((t) => [t.id as string, t.name]));
  const node = (ref: EntityRef) => c.nodes.get(ref) as Node;
  const origin = node(resolved.value);
  const affected: AffectedRow[] = radius.value.affected.map((a) => {
    const n = node(a.ref);
    return {
      ref: n.ref,
      kind: n.kind,
      name: n.name,
      team: n.team,
      teamName: teamName.get(n.team) ?? n.team,
      tier: n.tier,
      lifecycle: n.lifecycle,
      distance: a.distance,
      path: a.path.map((r) => pathStep(node(r))),
    };
  });

  const byTeam = new Map<string, { count: number; worstTier: number | null }>();
  for (const a of affected) {
    if (a.kind === 'api') continue;
    const t = byTeam.get(a.team) ?? { count: 0, worstTier: null };
    t.count++;
    if (a.tier !== null && (t.worstTier === null || a.tier < t.worstTier)) t.worstTier = a.tier;
    byTeam.set(a.team, t);
  }
  const teams = [...byTeam]
    .map(([team, t]) => ({ team, teamName: teamName.get(team) ?? team, count: t.count, worstTier: t.worstTier }))
    .sort((a, b) => (a.worstTier ?? 99) - (b.worstTier ?? 99) || b.count - a.count || (a.team < b.team ? -1 : a.team > b.team ? 1 : 0));

  const inRadius = new Set<string>(affected.filter((a) => a.kind !== 'api').map((a) => a.ref));
  if (origin.kind !== 'api') inRadius.add(origin.ref);
  const items: ExposedItem[] = c.model.items.flatMap((item) => {
    const touched = (item.services ?? []).filter((s) => inRadius.has(s));
    return touched.length === 0
      ? []
      : [
          {
            id: item.id,
            title: item.title,
            team: item.team ?? null,
            state: item.state,
            priority: item.priority ?? null,
            services: touched,
          },
        ];
  });

  const cycles = radius.value.cycles.map((cycle) => cycle.map((r) => pathStep(node(r))));
  return ok({ origin: { ref: origin.ref, kind: origin.kind, name: origin.name, team: origin.team }, affected, teams, items, cycles });
}
