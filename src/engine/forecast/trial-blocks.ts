import { hasOnlyForwardConstraints, walkBackCritical } from '../cpm/compiled-network.js';
import { LINK } from '../cpm/network.js';
import type { Random } from '../rcpsp/random.js';
import type { ForecastModel, TrialChunk } from './monte-carlo.js';
import { createTrialKernel, type TrialKernel } from './trial-kernel.js';

/**
 * Trials per block. A block's dates are stored activity-major, `[k * stride + b]` for activity k
 * in trial b, so each link's endpoint, type and lag are read once per block and then applied to the
 * block's trials, two per SIMD instruction, over contiguous memory. Measured in bench/forecast.ts.
 */
export const BLOCK_TRIALS = 32;

/** One kernel per model, kept while the model lives (a worker runs many chunks of one model). */
const kernels = new WeakMap<ForecastModel, TrialKernel>();

/**
 * Unlevelled trials, a block at a time: sampling and the forward pass run in the WebAssembly
 * kernel, criticality and statistics here. Bit-for-bit equal to running them one by one
 * (property-tested against `runTrialsSerially`): the same uniforms are drawn in the same order
 * (trial by trial, activity by activity), every date is the same sum and max, and every sum is
 * accumulated in trial order.
 */
export function runTrialBlocks(model: ForecastModel, random: Random, trials: number, chunk: TrialChunk, epsilon: number): void {
  const c = model.compiled;
  const n = c.n;
  let kernel = kernels.get(model);
  if (!kernel) {
    kernel = createTrialKernel(c, model.sampling, BLOCK_TRIALS);
    kernels.set(model, kernel);
  }
  const { stride, duration, es, ef, finish, critical, stack } = kernel;
  kernel.clearSums();
  const walkBack = hasOnlyForwardConstraints(c);
  const ls = walkBack ? es : new Float64Array(n * stride);
  const lf = walkBack ? ef : new Float64Array(n * stride);
  let state = random.state();
  for (let first = 0; first < trials; first += stride) {
    const width = Math.min(stride, trials - first);
    state = kernel.sample(width, state);
    kernel.forward(model.projectStart);
    if (walkBack) walkBackCritical(c, stride, es, ef, epsilon, critical, stack, kernel.seedCritical(width, epsilon));
    else {
      backwardBlock(model, stride, duration, finish, ls, lf);
      for (let i = 0; i < n * stride; i++) critical[i] = (ls[i] as number) - (es[i] as number) <= epsilon ? 1 : 0;
    }
    kernel.record(width);
    recordDates(model, chunk, first, width, stride, ef, finish);
  }
  random.setState(state);
  chunk.criticalCount.set(kernel.sums.count);
  chunk.sumDuration.set(kernel.sums.sum);
  chunk.sumDuration2.set(kernel.sums.sum2);
  chunk.sumDurationFinish.set(kernel.sums.sumF);
}

/** Late dates of `width` trials against each trial's own finish. */
function backwardBlock(
  model: ForecastModel,
  width: number,
  duration: Float64Array,
  finish: Float64Array,
  ls: Float64Array,
  lf: Float64Array,
): void {
  const { n, succStart, succ, succType, succLag, finishBy } = model.compiled;
  for (let k = n - 1; k >= 0; k--) {
    const base = k * width;
    const end = base + width;
    const by = finishBy[k] as number;
    for (let i = base, b = 0; i < end; i++, b++) {
      const f = finish[b] as number;
      lf[i] = by > f ? f : by;
    }
    const sEnd = succStart[k + 1] as number;
    for (let s = succStart[k] as number; s < sEnd; s++) {
      const type = succType[s] as number;
      const lag = succLag[s] as number;
      let j = (succ[s] as number) * width;
      if (type === LINK.FS) {
        for (let i = base; i < end; i++, j++) {
          const bound = (ls[j] as number) - lag;
          if (bound < (lf[i] as number)) lf[i] = bound;
        }
      } else if (type === LINK.SS) {
        for (let i = base; i < end; i++, j++) {
          const bound = (ls[j] as number) - lag + (duration[i] as number);
          if (bound < (lf[i] as number)) lf[i] = bound;
        }
      } else if (type === LINK.FF) {
        for (let i = base; i < end; i++, j++) {
          const bound = (lf[j] as number) - lag;
          if (bound < (lf[i] as number)) lf[i] = bound;
        }
      } else {
        for (let i = base; i < end; i++, j++) {
          const bound = (lf[j] as number) - lag + (duration[i] as number);
          if (bound < (lf[i] as number)) lf[i] = bound;
        }
      }
    }
    for (let i = base; i < end; i++) ls[i] = (lf[i] as number) - (duration[i] as number);
  }
}

/** The block's trials' finish and milestone dates into the chunk (statistics are the kernel's `record`). */
function recordDates(
  model: ForecastModel,
  chunk: TrialChunk,
  first: number,
  width: number,
  stride: number,
  ef: Float64Array,
  finish: Float64Array,
): void {
  const m = model.milestones.length;
  const milestones = model.milestones;
  for (let b = 0; b < width; b++) {
    chunk.finish[first + b] = finish[b] as number;
    const row = (first + b) * m;
    for (let x = 0; x < m; x++) chunk.milestoneFinish[row + x] = ef[(milestones[x] as number) * stride + b] as number;
  }
}
