import { err, ok, type Result } from '../../domain/result.js';
import { backwardPass, type CycleError, compileNetwork, forwardPass, permute, unpermute } from './compiled-network.js';
import { linkSlackOf, type ScheduleNetwork } from './network.js';

export interface CpmOptions {
  /** Time 0 of the network: nothing starts before it unless a fixed start says so. */
  readonly projectStart?: number;
  /** The project's late finish; defaults to its early finish (as MS Project does). */
  readonly projectFinish?: number;
  /** Activities with total float at or below this are critical (0 by default; "near-critical" above). */
  readonly criticalThreshold?: number;
}

export interface CpmResult {
  /** Activities in a topological order. */
  readonly order: Int32Array;
  readonly earlyStart: Float64Array;
  readonly earlyFinish: Float64Array;
  readonly lateStart: Float64Array;
  readonly lateFinish: Float64Array;
  readonly totalFloat: Float64Array;
  readonly freeFloat: Float64Array;
  readonly critical: Uint8Array;
  /** The latest early finish: when the project ends. */
  readonly finish: number;
}

export type CpmError = CycleError;

/** Float within this of zero counts as zero: sums of fractional durations are not exact. */
export const EPSILON = 1e-9;

/**
 * The critical path method on a network with FS/SS/FF/SF links and lags, start-no-earlier-than
 * constraints, deadlines and fixed starts. O(activities + links) over typed arrays.
 */
export function criticalPath(net: ScheduleNetwork, options: CpmOptions = {}): Result<CpmResult, CpmError> {
  const compiled = compileNetwork(net);
  if (!compiled.ok) return err(compiled.error);
  const c = compiled.value;
  const n = c.n;
  const duration = permute(net.duration, c.original);
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const start = options.projectStart ?? 0;
  const finish = forwardPass(c, duration, start, es, ef);
  backwardPass(c, duration, options.projectFinish ?? finish, ls, lf);

  // Floats in compiled order, where each activity's successor links sit side by side.
  const threshold = (options.criticalThreshold ?? 0) + EPSILON;
  const projectFinish = options.projectFinish ?? finish;
  const tf = new Float64Array(n);
  const ff = new Float64Array(n);
  const crit = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const total = (ls[k] as number) - (es[k] as number);
    tf[k] = Math.abs(total) < EPSILON ? 0 : total;
    crit[k] = total <= threshold ? 1 : 0;
    let free = projectFinish - (ef[k] as number);
    for (let s = c.succStart[k] as number; s < (c.succStart[k + 1] as number); s++) {
      const w = c.succ[s] as number;
      const slack = linkSlackOf(
        c.succType[s] as number,
        c.succLag[s] as number,
        es[k] as number,
        ef[k] as number,
        es[w] as number,
        ef[w] as number,
      );
      if (slack < free) free = slack;
    }
    ff[k] = Math.abs(free) < EPSILON ? 0 : free;
  }
  // Fresh arrays either way; with an identity numbering there is nothing to reorder.
  const back = (a: Float64Array) => (c.identity ? a : unpermute(a, c.original, (k) => new Float64Array(k)));
  return ok({
    order: c.original,
    earlyStart: back(es),
    earlyFinish: back(ef),
    lateStart: back(ls),
    lateFinish: back(lf),
    totalFloat: back(tf),
    freeFloat: back(ff),
    critical: c.identity ? crit : unpermute(crit, c.original, (k) => new Uint8Array(k)),
    finish,
  });
}

/** How much later the predecessor `u` could be, on edge `e` alone, without moving `w`'s early dates. */
export function linkSlack(net: ScheduleNetwork, es: Float64Array, ef: Float64Array, e: number, u: number, w: number): number {
  return linkSlackOf(net.linkType[e] as number, net.lag[e] as number, es[u] as number, ef[u] as number, es[w] as number, ef[w] as number);
}
