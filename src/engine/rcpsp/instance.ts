import { err, ok, type Result } from '../../domain/result.js';
import { buildGraph, findCycles, topologicalOrder as graphOrder } from '../graph.js';

/**
 * A resource-constrained project (RCPSP) in compact form. Activities are 0..n-1; time is in integer
 * periods from 0; activity j occupies periods [start, start + duration[j]).
 *
 * Precedence is finish-to-start: successor k of j may start at `start[j] + duration[j] + lag` or later.
 * Successors of j are `succ[succStart[j] .. succStart[j+1])`, with the matching lag in `lag` (absent = 0).
 * A general SS/FF/SF network is converted by its adapter into finish-to-start lags, which may be
 * negative (an SS link is an FS link with lag − d(pred)); every start stays at or after 0.
 *
 * Resources are renewable: activity j uses `demand[j * resourceCount + r]` units of r in each period it
 * runs. Capacity is `capacity[r]`, or, with a profile, `profile.capacity[r * profile.horizon + t]` for
 * t < profile.horizon (so a team may have fewer people on some working days) and `capacity[r]` after it.
 */
export interface RcpspInstance {
  readonly n: number;
  readonly duration: Int32Array;
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly lag?: Int32Array;
  readonly resourceCount: number;
  readonly demand: Int32Array;
  readonly capacity: Int32Array;
  readonly profile?: CapacityProfile;
  /** The source's own id of each activity (PSPLIB: job numbers "1".."n"). */
  readonly ids?: readonly string[];
}

export interface CapacityProfile {
  readonly horizon: number;
  /** resourceCount × horizon, resource-major. */
  readonly capacity: Int32Array;
}

export type InstanceProblemCode = 'shape' | 'negative-duration' | 'bad-successor' | 'cycle' | 'over-capacity';

export interface InstanceProblem {
  readonly code: InstanceProblemCode;
  readonly message: string;
  /** The activity concerned, when there is one. */
  readonly activity?: number;
}

/** Units of resource r available in period t. */
export function capacityAt(inst: RcpspInstance, r: number, t: number): number {
  const p = inst.profile;
  if (p !== undefined && t < p.horizon) return p.capacity[r * p.horizon + t] as number;
  return inst.capacity[r] as number;
}

/**
 * Checks everything the schedulers rely on: array shapes, non-negative durations, an acyclic
 * network, and each activity's demand within the capacity after the profile (else it could never run).
 */
export function validateInstance(inst: RcpspInstance): Result<RcpspInstance, InstanceProblem[]> {
  const { n, resourceCount: R } = inst;
  const problems: InstanceProblem[] = [];
  const name = (j: number) => inst.ids?.[j] ?? String(j);
  const shape = (ok: boolean, what: string) => {
    if (!ok) problems.push({ code: 'shape', message: what });
  };
  shape(inst.duration.length === n, `duration has ${inst.duration.length} entries, expected ${n}`);
  shape(inst.succStart.length === n + 1, `succStart has ${inst.succStart.length} entries, expected ${n + 1}`);
  shape(inst.succStart[0] === 0 && inst.succStart[n] === inst.succ.length, 'succStart must run from 0 to succ.length');
  shape(inst.lag === undefined || inst.lag.length === inst.succ.length, 'lag must have one entry per successor');
  shape(inst.demand.length === n * R, `demand has ${inst.demand.length} entries, expected ${n * R}`);
  shape(inst.capacity.length === R, `capacity has ${inst.capacity.length} entries, expected ${R}`);
  if (inst.profile) shape(inst.profile.capacity.length === R * inst.profile.horizon, 'profile must hold resourceCount × horizon entries');
  if (problems.length > 0) return err(problems);
  for (let j = 0; j < n; j++) {
    if ((inst.duration[j] as number) < 0)
      problems.push({ code: 'negative-duration', message: `activity ${name(j)} has a negative duration`, activity: j });
    if ((inst.succStart[j + 1] as number) < (inst.succStart[j] as number)) shape(false, 'succStart must not decrease');
    for (let r = 0; r < R; r++) {
      const d = inst.demand[j * R + r] as number;
      if (d < 0 || (d > (inst.capacity[r] as number) && (inst.duration[j] as number) > 0)) {
        problems.push({
          code: 'over-capacity',
          message: `activity ${name(j)} needs ${d} of resource ${r}, which has ${inst.capacity[r]}`,
          activity: j,
        });
      }
    }
  }
  for (let k = 0; k < inst.succ.length; k++) {
    const w = inst.succ[k] as number;
    if (w < 0 || w >= n) problems.push({ code: 'bad-successor', message: `successor entry ${k} names activity ${w}, outside 0..${n - 1}` });
  }
  if (problems.length > 0) return err(problems);
  const from = new Int32Array(inst.succ.length);
  for (let j = 0; j < n; j++) from.fill(j, inst.succStart[j], inst.succStart[j + 1]);
  const cycles = findCycles(buildGraph(n, from, inst.succ));
  for (const cycle of cycles) {
    problems.push({ code: 'cycle', message: `precedence cycle: ${cycle.map(name).join(' → ')}`, activity: cycle[0] as number });
  }
  return problems.length > 0 ? err(problems) : ok(inst);
}

/** Predecessors in CSR form, with the lag of each edge: what the forward schedulers walk. */
export interface Predecessors {
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predLag: Int32Array;
}

export function predecessors(inst: RcpspInstance): Predecessors {
  const { n, succStart, succ } = inst;
  const predStart = new Int32Array(n + 1);
  for (let k = 0; k < succ.length; k++) {
    const i = (succ[k] as number) + 1;
    predStart[i] = (predStart[i] as number) + 1;
  }
  for (let j = 0; j < n; j++) predStart[j + 1] = (predStart[j + 1] as number) + (predStart[j] as number);
  const fill = predStart.slice(0, n);
  const pred = new Int32Array(succ.length);
  const predLag = new Int32Array(succ.length);
  for (let j = 0; j < n; j++) {
    for (let k = succStart[j] as number; k < (succStart[j + 1] as number); k++) {
      const w = succ[k] as number;
      const slot = fill[w] as number;
      pred[slot] = j;
      predLag[slot] = inst.lag ? (inst.lag[k] as number) : 0;
      fill[w] = slot + 1;
    }
  }
  return { predStart, pred, predLag };
}

/** An order in which every activity comes after its predecessors; throws on a cycle (validate first). */
export function topologicalOrder(inst: RcpspInstance): Int32Array {
  const from = new Int32Array(inst.succ.length);
  for (let j = 0; j < inst.n; j++) from.fill(j, inst.succStart[j], inst.succStart[j + 1]);
  const order = graphOrder(buildGraph(inst.n, from, inst.succ));
  if (order === undefined) throw new Error('topologicalOrder: the precedence network has a cycle');
  return order;
}

/** Earliest starts ignoring resources (CPM forward pass). The largest finish is the critical-path lower bound. */
export function earliestStarts(inst: RcpspInstance, order: Int32Array = topologicalOrder(inst)): Int32Array {
  const es = new Int32Array(inst.n);
  for (const j of order) {
    const f = (es[j] as number) + (inst.duration[j] as number);
    for (let k = inst.succStart[j] as number; k < (inst.succStart[j + 1] as number); k++) {
      const w = inst.succ[k] as number;
      const t = f + (inst.lag ? (inst.lag[k] as number) : 0);
      if (t > (es[w] as number)) es[w] = t;
    }
  }
  return es;
}

/** Latest finishes ignoring resources (CPM backward pass) so that everything finishes by `horizon`. */
export function latestFinishes(inst: RcpspInstance, horizon: number, order: Int32Array = topologicalOrder(inst)): Int32Array {
  const lf = new Int32Array(inst.n).fill(horizon);
  for (let i = order.length - 1; i >= 0; i--) {
    const j = order[i] as number;
    let f = lf[j] as number;
    for (let k = inst.succStart[j] as number; k < (inst.succStart[j + 1] as number); k++) {
      const w = inst.succ[k] as number;
      const t = (lf[w] as number) - (inst.duration[w] as number) - (inst.lag ? (inst.lag[k] as number) : 0);
      if (t < f) f = t;
    }
    lf[j] = f;
  }
  return lf;
}

/** The critical-path length: no plan, levelled or not, finishes earlier. */
export function criticalPathBound(inst: RcpspInstance): number {
  const es = earliestStarts(inst);
  let m = 0;
  for (let j = 0; j < inst.n; j++) m = Math.max(m, (es[j] as number) + (inst.duration[j] as number));
  return m;
}

/** Makespan of a plan: the latest finish. */
export function makespanOf(inst: RcpspInstance, starts: Int32Array): number {
  let m = 0;
  for (let j = 0; j < inst.n; j++) m = Math.max(m, (starts[j] as number) + (inst.duration[j] as number));
  return m;
}

/** An instance described as plain lists, for adapters and tests: edges are `[from, to]` or `[from, to, lag]`. */
export interface InstanceSpec {
  readonly durations: readonly number[];
  readonly edges: readonly (readonly [number, number] | readonly [number, number, number])[];
  /** One row per activity, one column per resource. */
  readonly demands: readonly (readonly number[])[];
  readonly capacity: readonly number[];
  /** One row per resource: its capacity in periods 0, 1, …; `capacity` applies after the row ends. */
  readonly profile?: readonly (readonly number[])[];
  readonly ids?: readonly string[];
}

export function buildInstance(spec: InstanceSpec): Result<RcpspInstance, InstanceProblem[]> {
  const n = spec.durations.length;
  const R = spec.capacity.length;
  const edges = spec.edges.map((e, i) => ({ from: e[0], to: e[1], lag: e[2] ?? 0, i }));
  edges.sort((a, b) => a.from - b.from || a.i - b.i);
  const succStart = new Int32Array(n + 1);
  for (const e of edges) if (e.from >= 0 && e.from < n) succStart[e.from + 1] = (succStart[e.from + 1] as number) + 1;
  for (let j = 0; j < n; j++) succStart[j + 1] = (succStart[j + 1] as number) + (succStart[j] as number);
  const valid = edges.filter((e) => e.from >= 0 && e.from < n);
  if (valid.length !== edges.length) return err([{ code: 'bad-successor', message: 'an edge starts outside the activities' }]);
  const demand = new Int32Array(n * R);
  spec.demands.forEach((row, j) => {
    row.forEach((d, r) => {
      if (j < n && r < R) demand[j * R + r] = d;
    });
  });
  const horizon = Math.max(0, ...(spec.profile ?? []).map((row) => row.length));
  const profile =
    spec.profile === undefined
      ? undefined
      : {
          horizon,
          capacity: Int32Array.from({ length: R * horizon }, (_, k) => {
            const r = Math.floor(k / horizon);
            return spec.profile?.[r]?.[k % horizon] ?? (spec.capacity[r] as number);
          }),
        };
  return validateInstance({
    n,
    duration: Int32Array.from(spec.durations),
    succStart,
    succ: Int32Array.from(valid, (e) => e.to),
    ...(valid.some((e) => e.lag !== 0) ? { lag: Int32Array.from(valid, (e) => e.lag) } : {}),
    resourceCount: R,
    demand,
    capacity: Int32Array.from(spec.capacity),
    ...(profile ? { profile } : {}),
    ...(spec.ids ? { ids: spec.ids } : {}),
  });
}
