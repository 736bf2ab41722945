import { err, ok, type Result } from '../../domain/result.js';
import { findCycles, topologicalOrder } from '../graph.js';
import { LINK, linkSlackOf, linkStartBound, type ScheduleNetwork } from './network.js';

/**
 * A network renumbered in topological order, with each activity's predecessor and successor links
 * stored contiguously beside their type and lag. The passes below then sweep memory front to back,
 * which is what makes thousands of Monte Carlo trials on 10^4–10^5 activities affordable.
 * Position `k` holds original activity `original[k]`; `positionOf[v]` is the inverse.
 */
export interface CompiledNetwork {
  readonly n: number;
  /** The original numbering was already topological: positions are activity numbers. */
  readonly identity: boolean;
  readonly original: Int32Array;
  readonly positionOf: Int32Array;
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predType: Uint8Array;
  readonly predLag: Float64Array;
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly succType: Uint8Array;
  readonly succLag: Float64Array;
  readonly notBefore: Float64Array;
  readonly finishBy: Float64Array;
  readonly fixedStart: Float64Array;
}

export type CycleError = { kind: 'cycle'; cycles: number[][] };

export function compileNetwork(net: ScheduleNetwork): Result<CompiledNetwork, CycleError> {
  const g = net.graph;
  const n = g.nodeCount;
  const original = topologicalOrder(g);
  if (!original) return err({ kind: 'cycle', cycles: findCycles(g) });
  const positionOf = new Int32Array(n);
  for (let k = 0; k < n; k++) positionOf[original[k] as number] = k;
  const m = g.edgeCount;
  const predStart = new Int32Array(n + 1);
  const pred = new Int32Array(m);
  const predType = new Uint8Array(m);
  const predLag = new Float64Array(m);
  const succStart = new Int32Array(n + 1);
  const succ = new Int32Array(m);
  const succType = new Uint8Array(m);
  const succLag = new Float64Array(m);
  // Locals, not property loads, in the loop: this runs once per link of 10^5-10^6 link networks.
  const gPredStart = g.predStart;
  const gPred = g.pred;
  const gPredEdge = g.predEdge;
  const gSuccStart = g.succStart;
  const gSucc = g.succ;
  const gSuccEdge = g.succEdge;
  const types = net.linkType;
  const lags = net.lag;
  let p = 0;
  let s = 0;
  for (let k = 0; k < n; k++) {
    const v = original[k] as number;
    predStart[k] = p;
    const pEnd = gPredStart[v + 1] as number;
    for (let i = gPredStart[v] as number; i < pEnd; i++, p++) {
      const e = gPredEdge[i] as number;
      pred[p] = positionOf[gPred[i] as number] as number;
      predType[p] = types[e] as number;
      predLag[p] = lags[e] as number;
    }
    succStart[k] = s;
    const sEnd = gSuccStart[v + 1] as number;
    for (let i = gSuccStart[v] as number; i < sEnd; i++, s++) {
      const e = gSuccEdge[i] as number;
      succ[s] = positionOf[gSucc[i] as number] as number;
      succType[s] = types[e] as number;
      succLag[s] = lags[e] as number;
    }
  }
  predStart[n] = p;
  succStart[n] = s;
  let identity = true;
  for (let k = 0; k < n && identity; k++) identity = original[k] === k;
  return ok({
    n,
    identity,
    original,
    positionOf,
    predStart,
    pred,
    predType,
    predLag,
    succStart,
    succ,
    succType,
    succLag,
    notBefore: permute(net.notBefore, original),
    finishBy: permute(net.finishBy, original),
    fixedStart: permute(net.fixedStart, original),
  });
}

/** `values` (by original activity) in compiled order; a copy, so callers may write to it. */
export function permute(values: Float64Array, original: Int32Array): Float64Array {
  const out = new Float64Array(original.length);
  for (let k = 0; k < original.length; k++) out[k] = values[original[k] as number] as number;
  return out;
}

/** `values` (in compiled order) back by original activity. */
export function unpermute<T extends Float64Array | Uint8Array>(values: T, original: Int32Array, make: (n: number) => T): T {
  const out = make(original.length);
  for (let k = 0; k < original.length; k++) out[original[k] as number] = values[k] as number;
  return out;
}

/**
 * Early dates, in compiled order, into `es`/`ef`; returns the project's early finish.
 * `duration` is in compiled order. Fixed starts win over every link; nothing starts before `start`.
 */
export function forwardPass(c: CompiledNetwork, duration: Float64Array, start: number, es: Float64Array, ef: Float64Array): number {
  let finish = start;
  const { predStart, pred, predType, predLag, notBefore, fixedStart } = c;
  for (let k = 0; k < c.n; k++) {
    const d = duration[k] as number;
    const fixed = fixedStart[k] as number;
    let t: number;
    if (!Number.isNaN(fixed)) t = fixed;
    else {
      t = notBefore[k] as number;
      if (t < start) t = start;
      const end = predStart[k + 1] as number;
      for (let p = predStart[k] as number; p < end; p++) {
        const u = pred[p] as number;
        const bound = linkStartBound(predType[p] as number, predLag[p] as number, es[u] as number, ef[u] as number, d);
        if (bound > t) t = bound;
      }
    }
    es[k] = t;
    const f = t + d;
    ef[k] = f;
    if (f > finish) finish = f;
  }
  return finish;
}

/** Late dates, in compiled order, into `ls`/`lf`, against the project's late finish `finish`. */
export function backwardPass(c: CompiledNetwork, duration: Float64Array, finish: number, ls: Float64Array, lf: Float64Array): void {
  const { succStart, succ, succType, succLag, finishBy } = c;
  for (let k = c.n - 1; k >= 0; k--) {
    const d = duration[k] as number;
    let t = finishBy[k] as number;
    if (t > finish) t = finish;
    const end = succStart[k + 1] as number;
    for (let s = succStart[k] as number; s < end; s++) {
      const w = succ[s] as number;
      const type = succType[s] as number;
      const bound =
        type === LINK.FS
          ? (ls[w] as number) - (succLag[s] as number)
          : type === LINK.SS
            ? (ls[w] as number) - (succLag[s] as number) + d
            : type === LINK.FF
              ? (lf[w] as number) - (succLag[s] as number)
              : (lf[w] as number) - (succLag[s] as number) + d;
      if (bound < t) t = bound;
    }
    lf[k] = t;
    ls[k] = t - d;
  }
}

/** True when no activity has a deadline or a fixed start, so no float can be negative. */
export function hasOnlyForwardConstraints(c: CompiledNetwork): boolean {
  for (let k = 0; k < c.n; k++) {
    if (Number.isFinite(c.finishBy[k] as number) || !Number.isNaN(c.fixedStart[k] as number)) return false;
  }
  return true;
}

/**
 * The activities with zero total float, without a backward pass: those that end the project, and,
 * walking back, every predecessor whose link to a critical activity has no slack. Equal to
 * "late start = early start" when `hasOnlyForwardConstraints(c)` (no deadlines or fixed starts,
 * late finish = early finish), at a cost proportional to the critical activities' links only.
 * Writes 1 into `critical` (compiled order) for each; `stack` needs room for n entries.
 */
export function markCritical(
  c: CompiledNetwork,
  es: Float64Array,
  ef: Float64Array,
  finish: number,
  epsilon: number,
  critical: Uint8Array,
  stack: Int32Array,
): void {
  critical.fill(0);
  let top = 0;
  for (let k = 0; k < c.n; k++) {
    if ((ef[k] as number) >= finish - epsilon) {
      critical[k] = 1;
      stack[top++] = k;
    }
  }
  walkBackCritical(c, 1, es, ef, epsilon, critical, stack, top);
}

/**
 * The walk of `markCritical` for a block of `stride` trials stored activity-major
 * (`[k * stride + b]`; stride 1 is one trial): from the `top` entries on `stack`, already marked,
 * marks every predecessor whose link to a marked activity has no slack. One stack serves all
 * trials, each entry `k * stride + b` naming its trial.
 */
export function walkBackCritical(
  c: CompiledNetwork,
  stride: number,
  es: Float64Array,
  ef: Float64Array,
  epsilon: number,
  critical: Uint8Array,
  stack: Int32Array,
  top: number,
): void {
  const { predStart, pred, predType, predLag } = c;
  while (top > 0) {
    const i = stack[--top] as number;
    const w = (i / stride) | 0;
    const b = i - w * stride;
    const pEnd = predStart[w + 1] as number;
    for (let p = predStart[w] as number; p < pEnd; p++) {
      const j = (pred[p] as number) * stride + b;
      if (critical[j] === 1) continue;
      const slack = linkSlackOf(
        predType[p] as number,
        predLag[p] as number,
        es[j] as number,
        ef[j] as number,
        es[i] as number,
        ef[i] as number,
      );
      if (slack <= epsilon) {
        critical[j] = 1;
        stack[top++] = j;
      }
    }
  }
}
