import type { Dependency, DependencyState, Item, Team } from '../../api/types';

/** Worst first: the state a bundle of dependencies shows is its worst member's. */
export const STATE_ORDER: readonly DependencyState[] = ['broken', 'at-risk', 'requested', 'accepted'];
const worse = (a: DependencyState, b: DependencyState) => (STATE_ORDER.indexOf(a) <= STATE_ORDER.indexOf(b) ? a : b);

export interface MapNode {
  readonly id: string;
  readonly title: string;
  readonly team: string;
  readonly critical: boolean;
  /** Team view: the number of items of the team taking part in the shown dependencies. */
  readonly count?: number;
}

export interface MapGroup {
  readonly id: string;
  readonly name: string;
  readonly nodes: MapNode[];
}

export interface MapEdge {
  /** Unique in the view: `from->to` (item or team ids). */
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly state: DependencyState;
  readonly critical: boolean;
  /** The dependencies drawn by this edge: one in the item view, a bundle in the team view. */
  readonly deps: readonly Dependency[];
}

export interface MapModel {
  readonly level: 'items' | 'teams';
  /** Item view: teams holding their items. Team view: one node per team, no groups. */
  readonly groups: readonly MapGroup[];
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  /** Cross-team dependencies before the filters, and the items they touch. */
  readonly total: { readonly deps: number; readonly items: number };
}

export interface MapFilters {
  readonly states: ReadonlySet<DependencyState>;
  readonly criticalOnly: boolean;
  /** Only dependencies with an end in this team. */
  readonly team: string | undefined;
}

export interface MapInput {
  readonly items: readonly Item[];
  readonly deps: readonly Dependency[];
  readonly teams: readonly Team[];
  /** Items on the critical path (zero total float in the plan). */
  readonly critical: ReadonlySet<string>;
}

/** Dependencies whose ends belong to two different teams: the ones a TPM negotiates. */
export function crossTeam(input: MapInput): { dep: Dependency; fromTeam: string; toTeam: string }[] {
  const teamOf = new Map(input.items.map((i) => [i.id, i.team]));
  return input.deps.flatMap((dep) => {
    const fromTeam = teamOf.get(dep.from);
    const toTeam = teamOf.get(dep.to);
    return fromTeam && toTeam && fromTeam !== toTeam ? [{ dep, fromTeam, toTeam }] : [];
  });
}

export const isCritical = (dep: Dependency, critical: ReadonlySet<string>) => critical.has(dep.from) && critical.has(dep.to);

export function buildMap(input: MapInput, filters: MapFilters, level: 'items' | 'teams'): MapModel {
  const all = crossTeam(input);
  const total = { deps: all.length, items: new Set(all.flatMap((x) => [x.dep.from, x.dep.to])).size };
  const shown = all.filter(
    (x) =>
      filters.states.has(x.dep.state) &&
      (!filters.criticalOnly || isCritical(x.dep, input.critical)) &&
      (filters.team === undefined || x.fromTeam === filters.team || x.toTeam === filters.team),
  );
  const teamName = new Map(input.teams.map((t) => [t.id, t.name]));
  const teamOrder = new Map(input.teams.map((t, i) => [t.id, i]));
  const byTeamOrder = (a: string, b: string) => (teamOrder.get(a) ?? 0) - (teamOrder.get(b) ?? 0);

  if (level === 'teams') {
    const bundles = new Map<string, { from: string; to: string; deps: Dependency[] }>();
    const members = new Map<string, Set<string>>();
    for (const x of shown) {
      const key = `${x.fromTeam}->${x.toTeam}`;
      const bundle = bundles.get(key) ?? { from: x.fromTeam, to: x.toTeam, deps: [] };
      bundle.deps.push(x.dep);
      bundles.set(key, bundle);
      for (const [team, item] of [
        [x.fromTeam, x.dep.from],
        [x.toTeam, x.dep.to],
      ] as const) {
        const set = members.get(team) ?? new Set<string>();
        set.add(item);
        members.set(team, set);
      }
    }
    const nodes = [...members.keys()].sort(byTeamOrder).map((team) => ({
      id: team,
      title: teamName.get(team) ?? team,
      team,
      critical: [...(members.get(team) ?? [])].some((i) => input.critical.has(i)),
      count: members.get(team)?.size ?? 0,
    }));
    const edges = [...bundles].map(([key, b]) => ({
      key,
      from: b.from,
      to: b.to,
      deps: b.deps,
      state: b.deps.map((d) => d.state).reduce(worse),
      critical: b.deps.some((d) => isCritical(d, input.critical)),
    }));
    return { level, groups: [], nodes, edges, total };
  }

  const itemById = new Map(input.items.map((i) => [i.id, i]));
  const groups = new Map<string, MapGroup>();
  const seen = new Set<string>();
  for (const x of shown) {
    for (const id of [x.dep.from, x.dep.to]) {
      if (seen.has(id)) continue;
      seen.add(id);
      const item = itemById.get(id);
      const team = item?.team as string;
      const group = groups.get(team) ?? { id: team, name: teamName.get(team) ?? team, nodes: [] };
      group.nodes.push({ id, title: item?.title ?? id, team, critical: input.critical.has(id) });
      groups.set(team, group);
    }
  }
  const sortedGroups = [...groups.values()].sort((a, b) => byTeamOrder(a.id, b.id));
  return {
    level,
    groups: sortedGroups,
    nodes: sortedGroups.flatMap((g) => g.nodes),
    edges: shown.map((x) => ({
      key: `${x.dep.from}->${x.dep.to}`,
      from: x.dep.from,
      to: x.dep.to,
      deps: [x.dep],
      state: x.dep.state,
      critical: isCritical(x.dep, input.critical),
    })),
    total,
  };
}
