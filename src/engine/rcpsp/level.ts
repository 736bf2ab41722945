import { capacityAt, earliestStarts, makespanOf, type RcpspInstance } from './instance.js';
import { type GaOptions, geneticAlgorithm } from './metaheuristic.js';

/** `schedules` is the budget of generated schedules (every decoding and every justification pass counts). */
export type LevelOptions = GaOptions;

export interface LevelledPlan {
  readonly starts: Int32Array;
  readonly makespan: number;
  readonly schedulesUsed: number;
}

/** Capacity levelling: a plan that respects every precedence and never loads a resource over capacity. */
export function levelSchedule(inst: RcpspInstance, options: LevelOptions): LevelledPlan {
  return geneticAlgorithm(inst, options);
}

/**
 * Why an activity starts later than its unlevelled (CPM) earliest start. `delay` = start − CPM
 * earliest start. Part of it may come from predecessors that were themselves delayed; `wait` is the
 * part spent ready but without capacity: start − (latest predecessor finish + lag). When `wait` > 0,
 * `resource` is what blocked it in `period` (the period before its start, or the last blocked one):
 * `busy` units were used by other activities out of `capacity`, too many to add its `need`.
 */
export interface DelayReason {
  readonly activity: number;
  readonly delay: number;
  readonly wait: number;
  /** The predecessor whose finish released it, if any. */
  readonly predecessor?: number;
  readonly resource?: number;
  readonly period?: number;
  readonly busy?: number;
  readonly capacity?: number;
  readonly need?: number;
}

export function explainDelays(inst: RcpspInstance, starts: Int32Array): DelayReason[] {
  const { n } = inst;
  const es = earliestStarts(inst);
  const profile = loadProfile(inst, starts);
  const releasedBy = new Int32Array(n).fill(-1);
  const release = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const f = (starts[j] as number) + (inst.duration[j] as number);
    for (let k = inst.succStart[j] as number; k < (inst.succStart[j + 1] as number); k++) {
      const w = inst.succ[k] as number;
      const t = f + (inst.lag ? (inst.lag[k] as number) : 0);
      if (releasedBy[w] === -1 || t > (release[w] as number)) {
        release[w] = t;
        releasedBy[w] = j;
      }
    }
  }
  const reasons: DelayReason[] = [];
  for (let j = 0; j < n; j++) {
    const s = starts[j] as number;
    const delay = s - (es[j] as number);
    if (delay <= 0) continue;
    const wait = s - (release[j] as number);
    const base = { activity: j, delay, wait, ...((releasedBy[j] as number) >= 0 ? { predecessor: releasedBy[j] as number } : {}) };
    const blocked = wait > 0 ? blockingResource(inst, profile, j, s, release[j] as number) : undefined;
    reasons.push(blocked ? { ...base, ...blocked } : base);
  }
  return reasons;
}

/** The latest period before `start` at which `j` could not have run beside the others, and the resource short there. */
function blockingResource(inst: RcpspInstance, profile: LoadProfile, j: number, start: number, release: number) {
  const R = inst.resourceCount;
  const d = inst.duration[j] as number;
  for (let p = start - 1; p >= release; p--) {
    // Running j from p would cover periods p..p+d-1; those at or after start already include j's own load.
    for (let q = p; q < p + Math.max(d, 1); q++) {
      let worst = -1;
      let worstOver = 0;
      for (let r = 0; r < R; r++) {
        const need = inst.demand[j * R + r] as number;
        if (need === 0) continue;
        const busy = (profile.load[r * profile.horizon + q] ?? 0) - (q >= start && q < start + d ? need : 0);
        const capacity = capacityAt(inst, r, q);
        const over = busy + need - capacity;
        if (over > 0 && (worst < 0 || over * (inst.capacity[worst] as number) > worstOver * (inst.capacity[r] as number))) {
          worst = r;
          worstOver = over;
        }
      }
      if (worst >= 0) {
        const busy =
          (profile.load[worst * profile.horizon + q] ?? 0) - (q >= start && q < start + d ? (inst.demand[j * R + worst] as number) : 0);
        return { resource: worst, period: q, busy, capacity: capacityAt(inst, worst, q), need: inst.demand[j * R + worst] as number };
      }
    }
  }
  return undefined;
}

/** Units of each resource in use per period: `load[r * horizon + t]`, with the capacity alongside. */
export interface LoadProfile {
  readonly horizon: number;
  readonly load: Int32Array;
  readonly capacity: Int32Array;
}

export function loadProfile(inst: RcpspInstance, starts: Int32Array): LoadProfile {
  const { n, resourceCount: R } = inst;
  const horizon = makespanOf(inst, starts);
  const load = new Int32Array(R * horizon);
  const capacity = new Int32Array(R * horizon);
  for (let r = 0; r < R; r++) for (let t = 0; t < horizon; t++) capacity[r * horizon + t] = capacityAt(inst, r, t);
  for (let j = 0; j < n; j++) {
    const s = starts[j] as number;
    for (let r = 0; r < R; r++) {
      const need = inst.demand[j * R + r] as number;
      if (need === 0) continue;
      for (let t = s; t < s + (inst.duration[j] as number); t++) load[r * horizon + t] = (load[r * horizon + t] as number) + need;
    }
  }
  return { horizon, load, capacity };
}
