import type { CompiledNetwork } from '../cpm/compiled-network.js';
import { linkStartBound } from '../cpm/network.js';

/**
 * Early dates after some activities take longer, without recomputing the whole network: only
 * activities downstream of a change are visited, in topological order, and propagation stops
 * wherever a new date equals the old one (float absorbed the change). Property-tested equal to a
 * full forward pass on the changed durations.
 *
 * `es`/`ef` are the early dates for `duration` (compiled order, as `forwardPass` left them);
 * `changed` maps compiled positions to their new durations. Returns new arrays and the positions
 * whose early finish moved, with the project's new finish.
 */
export function propagateDelay(
  c: CompiledNetwork,
  duration: Float64Array,
  es: Float64Array,
  ef: Float64Array,
  start: number,
  changed: ReadonlyMap<number, number>,
): { es: Float64Array; ef: Float64Array; duration: Float64Array; moved: Int32Array; finish: number } {
  const n = c.n;
  const newDuration = duration.slice();
  const newEs = es.slice();
  const newEf = ef.slice();
  const dirty = new Uint8Array(n);
  let first = n;
  for (const [k, d] of changed) {
    newDuration[k] = d;
    dirty[k] = 1;
    if (k < first) first = k;
  }
  const moved: number[] = [];
  const { predStart, pred, predType, predLag, succStart, succ, notBefore, fixedStart } = c;
  for (let k = first; k < n; k++) {
    if (dirty[k] === 0) continue;
    const d = newDuration[k] as number;
    const fixed = fixedStart[k] as number;
    let t: number;
    if (!Number.isNaN(fixed)) t = fixed;
    else {
      t = notBefore[k] as number;
      if (t < start) t = start;
      for (let p = predStart[k] as number; p < (predStart[k + 1] as number); p++) {
        const u = pred[p] as number;
        const bound = linkStartBound(predType[p] as number, predLag[p] as number, newEs[u] as number, newEf[u] as number, d);
        if (bound > t) t = bound;
      }
    }
    const f = t + d;
    if (t === newEs[k] && f === newEf[k]) continue;
    newEs[k] = t;
    newEf[k] = f;
    if (f !== ef[k]) moved.push(k);
    for (let s = succStart[k] as number; s < (succStart[k + 1] as number); s++) dirty[succ[s] as number] = 1;
  }
  let finish = start;
  for (let k = 0; k < n; k++) if ((newEf[k] as number) > finish) finish = newEf[k] as number;
  return { es: newEs, ef: newEf, duration: newDuration, moved: Int32Array.from(moved), finish };
}
