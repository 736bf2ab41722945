import { err, ok, type Result } from '../../domain/result.js';
import { findCycles, topologicalOrder } from '../graph.js';
import { LINK, type ScheduleNetwork } from './network.js';

export interface CpmOptions {
  /** Time 0 of the network: nothing starts before it unless a fixed start says so. */
  readonly projectStart?: number;
  /** The project's late finish; defaults to its early finish (as MS Project does). */
  readonly projectFinish?: number;
  /** Activities with total float at or below this are critical (0 by default; "near-critical" above). */
  readonly criticalThreshold?: number;
}

export interface CpmResult {
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

export type CpmError = { kind: 'cycle'; cycles: number[][] };

/** Float within this of zero counts as zero: sums of fractional durations are not exact. */
export const EPSILON = 1e-9;

/**
 * The critical path method on a network with FS/SS/FF/SF links and lags, start-no-earlier-than
 * constraints, deadlines and fixed starts. O(nodes + edges) over typed arrays; allocation is the
 * output arrays only.
 */
export function criticalPath(net: ScheduleNetwork, options: CpmOptions = {}): Result<CpmResult, CpmError> {
  const g = net.graph;
  const n = g.nodeCount;
  const order = topologicalOrder(g);
  if (!order) return err({ kind: 'cycle', cycles: findCycles(g) });
  const start = options.projectStart ?? 0;
  const d = net.duration;
  const es = new Float64Array(n);
  const ef = new Float64Array(n);

  for (let k = 0; k < n; k++) {
    const v = order[k] as number;
    const fixed = net.fixedStart[v] as number;
    const dv = d[v] as number;
    let t: number;
    if (!Number.isNaN(fixed)) t = fixed;
    else {
      t = Math.max(start, net.notBefore[v] as number);
      for (let p = g.predStart[v] as number; p < (g.predStart[v + 1] as number); p++) {
        const u = g.pred[p] as number;
        const e = g.predEdge[p] as number;
        const lag = net.lag[e] as number;
        let bound: number;
        switch (net.linkType[e]) {
          case LINK.FS:
            bound = (ef[u] as number) + lag;
            break;
          case LINK.SS:
            bound = (es[u] as number) + lag;
            break;
          case LINK.FF:
            bound = (ef[u] as number) + lag - dv;
            break;
          default:
            bound = (es[u] as number) + lag - dv;
        }
        if (bound > t) t = bound;
      }
    }
    es[v] = t;
    ef[v] = t + dv;
  }

  let finish = start;
  for (let v = 0; v < n; v++) if ((ef[v] as number) > finish) finish = ef[v] as number;
  const projectFinish = options.projectFinish ?? finish;

  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const v = order[k] as number;
    const dv = d[v] as number;
    let t = Math.min(projectFinish, net.finishBy[v] as number);
    for (let s = g.succStart[v] as number; s < (g.succStart[v + 1] as number); s++) {
      const w = g.succ[s] as number;
      const e = g.succEdge[s] as number;
      const lag = net.lag[e] as number;
      let bound: number;
      switch (net.linkType[e]) {
        case LINK.FS:
          bound = (ls[w] as number) - lag;
          break;
        case LINK.SS:
          bound = (ls[w] as number) - lag + dv;
          break;
        case LINK.FF:
          bound = (lf[w] as number) - lag;
          break;
        default:
          bound = (lf[w] as number) - lag + dv;
      }
      if (bound < t) t = bound;
    }
    lf[v] = t;
    ls[v] = t - dv;
  }

  const threshold = (options.criticalThreshold ?? 0) + EPSILON;
  const tf = new Float64Array(n);
  const ff = new Float64Array(n);
  const critical = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const total = (ls[v] as number) - (es[v] as number);
    tf[v] = Math.abs(total) < EPSILON ? 0 : total;
    critical[v] = total <= threshold ? 1 : 0;
    let free = projectFinish - (ef[v] as number);
    for (let s = g.succStart[v] as number; s < (g.succStart[v + 1] as number); s++) {
      const slack = linkSlack(net, es, ef, g.succEdge[s] as number, v, g.succ[s] as number);
      if (slack < free) free = slack;
    }
    ff[v] = Math.abs(free) < EPSILON ? 0 : free;
  }
  return ok({ order, earlyStart: es, earlyFinish: ef, lateStart: ls, lateFinish: lf, totalFloat: tf, freeFloat: ff, critical, finish });
}

/** How much later the predecessor `u` could be, on edge `e` alone, without moving `w`'s early dates. */
export function linkSlack(net: ScheduleNetwork, es: Float64Array, ef: Float64Array, e: number, u: number, w: number): number {
  const lag = net.lag[e] as number;
  switch (net.linkType[e]) {
    case LINK.FS:
      return (es[w] as number) - lag - (ef[u] as number);
    case LINK.SS:
      return (es[w] as number) - lag - (es[u] as number);
    case LINK.FF:
      return (ef[w] as number) - lag - (ef[u] as number);
    default:
      return (ef[w] as number) - lag - (es[u] as number);
  }
}
