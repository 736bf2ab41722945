import { criticalPathBound, earliestStarts, latestFinishes, type RcpspInstance, topologicalOrder } from './instance.js';
import type { Random } from './random.js';
import { parallelSgs, type SgsWorkspace, serialSgs } from './schedule-generation.js';

/**
 * Classic priority rules (Kolisch 1996). LFT latest finish, LST latest start, MSLK minimum slack,
 * GRPW greatest rank positional weight (own plus immediate successors' durations), MTS most total
 * successors, LPT/SPT longest/shortest processing time. Latest times use the critical-path length.
 */
export type PriorityRule = 'LFT' | 'LST' | 'MSLK' | 'GRPW' | 'MTS' | 'LPT' | 'SPT';

export const priorityRules: readonly PriorityRule[] = ['LFT', 'LST', 'MSLK', 'GRPW', 'MTS', 'LPT', 'SPT'];

/** Priority values per activity, lower = scheduled first. */
export function priorityValues(inst: RcpspInstance, rule: PriorityRule): Float64Array {
  const { n, duration } = inst;
  const order = topologicalOrder(inst);
  const v = new Float64Array(n);
  const lf = () => latestFinishes(inst, criticalPathBound(inst), order);
  switch (rule) {
    case 'LFT':
      v.set(lf());
      break;
    case 'LST': {
      const f = lf();
      for (let j = 0; j < n; j++) v[j] = (f[j] as number) - (duration[j] as number);
      break;
    }
    case 'MSLK': {
      const f = lf();
      const es = earliestStarts(inst, order);
      for (let j = 0; j < n; j++) v[j] = (f[j] as number) - (duration[j] as number) - (es[j] as number);
      break;
    }
    case 'GRPW':
      for (let j = 0; j < n; j++) {
        let w = duration[j] as number;
        for (let k = inst.succStart[j] as number; k < (inst.succStart[j + 1] as number); k++)
          w += duration[inst.succ[k] as number] as number;
        v[j] = -w;
      }
      break;
    case 'MTS': {
      const count = transitiveSuccessorCounts(inst, order);
      for (let j = 0; j < n; j++) v[j] = -(count[j] as number);
      break;
    }
    case 'LPT':
      for (let j = 0; j < n; j++) v[j] = -(duration[j] as number);
      break;
    case 'SPT':
      v.set(duration);
      break;
  }
  return v;
}

/** Number of activities reachable from each activity, by bitset union in reverse topological order. */
function transitiveSuccessorCounts(inst: RcpspInstance, order: Int32Array): Int32Array {
  const { n } = inst;
  const words = (n + 31) >>> 5;
  const bits = new Uint32Array(n * words);
  const count = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const j = order[i] as number;
    for (let k = inst.succStart[j] as number; k < (inst.succStart[j + 1] as number); k++) {
      const w = inst.succ[k] as number;
      bits[j * words + (w >>> 5)] = (bits[j * words + (w >>> 5)] as number) | (1 << (w & 31));
      for (let x = 0; x < words; x++) bits[j * words + x] = (bits[j * words + x] as number) | (bits[w * words + x] as number);
    }
    let c = 0;
    for (let x = 0; x < words; x++) c += popcount(bits[j * words + x] as number);
    count[j] = c;
  }
  return count;
}

function popcount(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/**
 * A precedence-feasible activity list: repeatedly takes an activity whose predecessors are all listed.
 * Deterministic (best priority, ties by index) without `random`; with it, regret-based biased random
 * sampling (Drexl 1991): eligible j is drawn with weight (max eligible value − value_j + 1)^alpha.
 */
export function activityList(
  inst: RcpspInstance,
  priority: Float64Array,
  random?: Random,
  alpha = 1,
  out = new Int32Array(inst.n),
): Int32Array {
  const { n } = inst;
  const waiting = new Int32Array(n);
  for (let k = 0; k < inst.succ.length; k++) {
    const w = inst.succ[k] as number;
    waiting[w] = (waiting[w] as number) + 1;
  }
  const eligible: number[] = [];
  for (let j = 0; j < n; j++) if (waiting[j] === 0) eligible.push(j);
  const weights: number[] = [];
  for (let pos = 0; pos < n; pos++) {
    let pick = 0;
    if (random === undefined) {
      for (let e = 1; e < eligible.length; e++) {
        const a = eligible[e] as number;
        const b = eligible[pick] as number;
        if ((priority[a] as number) < (priority[b] as number) || (priority[a] === priority[b] && a < b)) pick = e;
      }
    } else {
      let worst = Number.NEGATIVE_INFINITY;
      for (const j of eligible) worst = Math.max(worst, priority[j] as number);
      let total = 0;
      weights.length = 0;
      for (const j of eligible) {
        const w = (worst - (priority[j] as number) + 1) ** alpha;
        weights.push(w);
        total += w;
      }
      let x = random.next() * total;
      pick = eligible.length - 1;
      for (let e = 0; e < eligible.length; e++) {
        x -= weights[e] as number;
        if (x < 0) {
          pick = e;
          break;
        }
      }
    }
    const j = eligible[pick] as number;
    eligible[pick] = eligible[eligible.length - 1] as number;
    eligible.pop();
    out[pos] = j;
    for (let k = inst.succStart[j] as number; k < (inst.succStart[j + 1] as number); k++) {
      const w = inst.succ[k] as number;
      waiting[w] = (waiting[w] as number) - 1;
      if (waiting[w] === 0) eligible.push(w);
    }
  }
  return out;
}

/** One schedule by a rule: the serial scheme on the rule's list, or the parallel scheme with the rule. */
export function scheduleByRule(
  ws: SgsWorkspace,
  rule: PriorityRule,
  scheme: 'serial' | 'parallel',
  starts = new Int32Array(ws.n),
): { starts: Int32Array; makespan: number } {
  const priority = priorityValues(ws.inst, rule);
  const makespan = scheme === 'serial' ? serialSgs(ws, activityList(ws.inst, priority), starts) : parallelSgs(ws, priority, starts);
  return { starts, makespan };
}
