import { describe, expect, it } from 'vitest';
import { compileNetwork, permute } from '../cpm/compiled-network.js';
import { testNetwork } from '../cpm/test-network.js';
import { createRandom } from '../rcpsp/random.js';
import { samplingPlan } from './duration-sampler.js';
import { summarizeForecast } from './forecast-summary.js';
import { chunkSeed, type ForecastModel, mergeChunks, runTrials } from './monte-carlo.js';

/** 0 → {1, 2} → 3 (a milestone): two parallel branches of equal spread. */
function model(spread: boolean): ForecastModel {
  const net = testNetwork(
    [2, 5, 5, 0],
    [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
    ],
  );
  const compiled = compileNetwork(net);
  if (!compiled.ok) throw new Error('cycle');
  const c = compiled.value;
  const o = spread ? Float64Array.of(2, 3, 3, 0) : net.duration;
  const p = spread ? Float64Array.of(2, 9, 9, 0) : net.duration;
  const sampling = samplingPlan(permute(o, c.original), permute(net.duration, c.original), permute(p, c.original), 'pert');
  return { compiled: c, sampling, milestones: Int32Array.of(c.positionOf[3] as number), projectStart: 0 };
}

const forecast = (m: ForecastModel, seed: number, chunks: number, perChunk: number, order: number[] = []) => {
  const indices = order.length > 0 ? order : Array.from({ length: chunks }, (_, i) => i);
  const runs = new Map(indices.map((i) => [i, runTrials(m, createRandom(chunkSeed(seed, i)), perChunk)]));
  const merged = mergeChunks(
    Array.from({ length: chunks }, (_, i) => runs.get(i) as ReturnType<typeof runTrials>),
    m.compiled.n,
    1,
  );
  return summarizeForecast(m, merged, Float64Array.of(10));
};

describe('Monte Carlo forecast', () => {
  it('collapses to the CPM dates when nothing is uncertain', () => {
    const f = forecast(model(false), 1, 2, 50);
    expect(f.finish).toEqual({ p10: 7, p50: 7, p80: 7, p90: 7, p95: 7, mean: 7 });
    expect([...f.criticality]).toEqual([1, 1, 1, 1]);
    expect([...f.sensitivity]).toEqual([0, 0, 0, 0]);
    expect(f.milestones[0]?.probabilityOnTime).toBe(1);
  });

  it('splits criticality between two equal branches and ranks their sensitivity alike', () => {
    const f = forecast(model(true), 42, 8, 500);
    expect(f.criticality[0]).toBe(1);
    expect(f.criticality[1]).toBeGreaterThan(0.4);
    expect(f.criticality[1]).toBeLessThan(0.6);
    expect((f.criticality[1] as number) + (f.criticality[2] as number)).toBeCloseTo(1, 1);
    expect(f.sensitivity[1]).toBeGreaterThan(0.4);
    expect(Math.abs((f.sensitivity[1] as number) - (f.sensitivity[2] as number))).toBeLessThan(0.1);
    expect(f.finish.p10).toBeLessThanOrEqual(f.finish.p50);
    expect(f.finish.p50).toBeLessThanOrEqual(f.finish.p95);
    expect(f.finish.p95).toBeLessThanOrEqual(11);
  });

  it('gives the same forecast for the same seed, whatever order the chunks ran in', () => {
    const m = model(true);
    const inOrder = forecast(m, 9, 6, 100);
    const shuffled = forecast(m, 9, 6, 100, [4, 1, 5, 0, 3, 2]);
    expect(shuffled).toEqual(inOrder);
    expect(forecast(m, 10, 6, 100)).not.toEqual(inOrder);
  });
});
