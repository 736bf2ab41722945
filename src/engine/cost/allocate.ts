import type { CostMatch, CostRule } from '../../domain/cost-policy.js';
import type { CostTable, DictColumn } from './cost-table.js';

export interface AllocationInput {
  readonly rules: readonly CostRule[];
  /** Team ids of the program: a `byTag` value names a team only if it is one of these (or is mapped). */
  readonly teams: readonly string[];
  /** Service id → owner team, so a rule naming only a service allocates to its owner. */
  readonly serviceOwners?: ReadonlyMap<string, string>;
  /** The cost column the program counts (EffectiveCost or BilledCost), for the unknown-tag figures. */
  readonly cost: Float64Array;
}

export interface Allocation {
  /** Row → index in `teams`, −1 = unallocated. */
  readonly teamOf: Int32Array;
  /** Row → index in `services`, −1 = no service. */
  readonly serviceOf: Int32Array;
  /** Row → index of the rule that took it, −1 = none. */
  readonly ruleOf: Int32Array;
  readonly teams: readonly string[];
  readonly services: readonly string[];
  /** Tag values a `byTag` rule met that name no team: the cost that falls through because of a typo or a missing mapping. */
  readonly unknownTagValues: ReadonlyArray<{
    readonly rule: number;
    readonly tag: string;
    readonly value: string;
    readonly rows: number;
    readonly cost: number;
  }>;
}

const asList = (v: string | readonly string[] | undefined): readonly string[] | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? [v] : v;

/** Per dictionary code: does the text satisfy `test`? */
function codeMask(column: DictColumn, test: (text: string) => boolean): Uint8Array {
  const mask = new Uint8Array(column.values.length);
  column.values.forEach((v, i) => {
    mask[i] = test(v) ? 1 : 0;
  });
  return mask;
}

/** A rule's match compiled to per-code masks: a row matches when every given field's mask is 1 at the row's code. */
function compileMatch(t: CostTable, m: CostMatch): (row: number) => boolean {
  const tests: Array<(row: number) => boolean> = [];
  const byList = (column: DictColumn, list: readonly string[] | undefined) => {
    if (!list) return;
    const wanted = new Set(list);
    const mask = codeMask(column, (v) => wanted.has(v));
    tests.push((r) => {
      const c = column.codes[r] ?? -1;
      return c >= 0 && mask[c] === 1;
    });
  };
  byList(t.provider, asList(m.provider));
  byList(t.serviceName, asList(m.serviceName));
  byList(t.serviceCategory, asList(m.serviceCategory));
  const sub = asList(m.subAccount);
  if (sub) {
    const wanted = new Set(sub);
    const ids = codeMask(t.subAccountId, (v) => wanted.has(v));
    const names = codeMask(t.subAccountName, (v) => wanted.has(v));
    tests.push((r) => {
      const a = t.subAccountId.codes[r] ?? -1;
      const b = t.subAccountName.codes[r] ?? -1;
      return (a >= 0 && ids[a] === 1) || (b >= 0 && names[b] === 1);
    });
  }
  if (m.resourceIdPrefix !== undefined) {
    const prefix = m.resourceIdPrefix;
    const mask = codeMask(t.resourceId, (v) => v.startsWith(prefix));
    tests.push((r) => {
      const c = t.resourceId.codes[r] ?? -1;
      return c >= 0 && mask[c] === 1;
    });
  }
  if (m.tags) {
    const wanted = Object.entries(m.tags).map(([k, v]) => [k, new Set(asList(v))] as const);
    const mask = new Uint8Array(t.tags.values.length);
    t.tags.values.forEach((set, i) => {
      mask[i] = wanted.every(([k, values]) => set[k] !== undefined && values.has(set[k] ?? '')) ? 1 : 0;
    });
    tests.push((r) => {
      const c = t.tags.codes[r] ?? -1;
      return c >= 0 && mask[c] === 1;
    });
  }
  return (r) => tests.every((test) => test(r));
}

/**
 * Gives each cost row a team and a service by the program's rules, in order: the first rule that
 * allocates a row wins. A `match` rule allocates to its team (or its service's owner) and service;
 * a `byTag` rule allocates when the row's tag value is a team id or is mapped to one in `values`,
 * and lets the row fall through to later rules otherwise. Rows no rule takes stay unallocated
 * (team −1): they are reported, never dropped, so allocated + unallocated = total always.
 */
export function allocate(t: CostTable, input: AllocationInput): Allocation {
  const teams: string[] = [...input.teams];
  const teamIndex = new Map(teams.map((id, i) => [id, i]));
  const services: string[] = [];
  const serviceIndex = new Map<string, number>();
  const indexOf = (list: string[], index: Map<string, number>, id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = list.length;
      list.push(id);
      index.set(id, i);
    }
    return i;
  };

  type Compiled = (row: number) => readonly [team: number, service: number] | undefined;
  const unknown = new Map<string, { rule: number; tag: string; value: string; rows: number; cost: number }>();
  // The first byTag value of the current row that named no team: counted if no later rule takes the row.
  let fellThrough: { rule: number; tag: string; value: string } | undefined;
  const compiled: Compiled[] = input.rules.map((rule, ruleIndex): Compiled => {
    if ('byTag' in rule) {
      const key = rule.byTag;
      const values = rule.values ?? {};
      // Per tag set: the team it names (−1 none), or −2 when the tag holds a value that names no team.
      const teamOfSet = Int32Array.from(t.tags.values, (set) => {
        const v = set[key];
        if (v === undefined || v === '') return -1;
        const team = values[v] ?? (teamIndex.has(v) ? v : undefined);
        return team === undefined ? -2 : indexOf(teams, teamIndex, team);
      });
      return (r) => {
        const c = t.tags.codes[r] ?? -1;
        if (c < 0) return undefined;
        const team = teamOfSet[c] ?? -1;
        if (team === -2) {
          if (fellThrough === undefined) fellThrough = { rule: ruleIndex, tag: key, value: t.tags.values[c]?.[key] ?? '' };
          return undefined;
        }
        return team >= 0 ? [team, -1] : undefined;
      };
    }
    const matches = compileMatch(t, rule.match);
    const teamId = rule.team ?? (rule.service !== undefined ? input.serviceOwners?.get(rule.service) : undefined);
    const team = teamId === undefined ? -1 : indexOf(teams, teamIndex, teamId);
    const service = rule.service === undefined ? -1 : indexOf(services, serviceIndex, rule.service);
    const target = [team, service] as const;
    return (r) => (matches(r) ? target : undefined);
  });

  const n = t.length;
  const teamOf = new Int32Array(n).fill(-1);
  const serviceOf = new Int32Array(n).fill(-1);
  const ruleOf = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    fellThrough = undefined;
    for (let k = 0; k < compiled.length; k++) {
      const hit = compiled[k]?.(r);
      if (hit) {
        teamOf[r] = hit[0];
        serviceOf[r] = hit[1];
        ruleOf[r] = k;
        break;
      }
    }
    if (ruleOf[r] === -1 && fellThrough !== undefined) {
      const f: { rule: number; tag: string; value: string } = fellThrough;
      const k = `${f.rule}\u0000${f.value}`;
      const u = unknown.get(k) ?? { ...f, rows: 0, cost: 0 };
      u.rows++;
      u.cost += input.cost[r] ?? 0;
      unknown.set(k, u);
    }
  }
  return {
    teamOf,
    serviceOf,
    ruleOf,
    teams,
    services,
    unknownTagValues: [...unknown.values()].sort((a, b) => Math.abs(b.cost) - Math.abs(a.cost)),
  };
}
