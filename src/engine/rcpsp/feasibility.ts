import { capacityAt, type RcpspInstance } from './instance.js';

export type Violation =
  | { readonly kind: 'negative-start'; readonly activity: number; readonly start: number }
  | { readonly kind: 'precedence'; readonly from: number; readonly to: number; readonly earliest: number; readonly start: number }
  | { readonly kind: 'capacity'; readonly resource: number; readonly period: number; readonly load: number; readonly capacity: number };

/**
 * Checks a plan against the instance from first principles, sharing no code with the schedulers:
 * every start is ≥ 0, every precedence edge (with its lag) holds, and in every period every resource
 * is loaded at most to its capacity in that period. Returns every violation found (empty = feasible).
 */
export function checkPlan(inst: RcpspInstance, starts: Int32Array): Violation[] {
  const violations: Violation[] = [];
  const { n, resourceCount } = inst;
  if (starts.length !== n) throw new RangeError(`plan has ${starts.length} starts for ${n} activities`);
  let end = 0;
  for (let j = 0; j < n; j++) {
    const s = starts[j] as number;
    if (s < 0) violations.push({ kind: 'negative-start', activity: j, start: s });
    end = Math.max(end, s + (inst.duration[j] as number));
  }
  for (let j = 0; j < n; j++) {
    for (let k = inst.succStart[j] as number; k < (inst.succStart[j + 1] as number); k++) {
      const to = inst.succ[k] as number;
      const earliest = (starts[j] as number) + (inst.duration[j] as number) + (inst.lag ? (inst.lag[k] as number) : 0);
      if ((starts[to] as number) < earliest) violations.push({ kind: 'precedence', from: j, to, earliest, start: starts[to] as number });
    }
  }
  for (let r = 0; r < resourceCount; r++) {
    const load = new Array<number>(Math.max(end, 0)).fill(0);
    for (let j = 0; j < n; j++) {
      const need = inst.demand[j * resourceCount + r] as number;
      if (need === 0) continue;
      for (let t = Math.max(0, starts[j] as number); t < (starts[j] as number) + (inst.duration[j] as number); t++) {
        load[t] = (load[t] ?? 0) + need;
      }
    }
    load.forEach((l, t) => {
      const c = capacityAt(inst, r, t);
      if (l > c) violations.push({ kind: 'capacity', resource: r, period: t, load: l, capacity: c });
    });
  }
  return violations;
}
