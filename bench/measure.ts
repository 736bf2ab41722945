/** Median of `runs` timings of `work`, in milliseconds, after one warm-up run. */
export function medianMs(runs: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

export async function medianMsAsync(runs: number, work: () => Promise<void>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

/**
 * The memory-bound floor for one pass over a network's links: read each link's endpoint, type and
 * lag and do one max per link, nothing else. Engine time per link is compared against this.
 */
export function rawPass(predStart: Int32Array, pred: Int32Array, lag: Float64Array, values: Float64Array): number {
  let total = 0;
  for (let k = 0; k < values.length; k++) {
    let t = 0;
    for (let p = predStart[k] as number; p < (predStart[k + 1] as number); p++) {
      const v = (values[pred[p] as number] as number) + (lag[p] as number);
      if (v > t) t = v;
    }
    values[k] = t + 1;
    total += t;
  }
  return total;
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
