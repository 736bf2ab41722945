import { backwardPass, type CompiledNetwork, forwardPass, hasOnlyForwardConstraints, markCritical } from '../cpm/compiled-network.js';
import { EPSILON } from '../cpm/critical-path.js';
import type { RcpspInstance } from '../rcpsp/instance.js';
import { scheduleByRule } from '../rcpsp/priority-rules.js';
import type { Random } from '../rcpsp/random.js';
import { createWorkspace } from '../rcpsp/schedule-generation.js';
import { type SamplingPlan, sampleDurations } from './duration-sampler.js';
import { runTrialBlocks } from './trial-blocks.js';

/** What every trial needs, all in compiled (topological) order and the network's time unit. */
export interface ForecastModel {
  readonly compiled: CompiledNetwork;
  readonly sampling: SamplingPlan;
  /** Compiled positions of the milestones whose dates are forecast. */
  readonly milestones: Int32Array;
  readonly projectStart: number;
  /**
   * With levelling, each trial is also levelled by capacity: the instance's activities are the
   * network's (original numbering, plus any extra such as a source), its periods `perDay` network
   * units long. Its lags stay those of the base plan; each trial replaces only the durations.
   * Finish and milestone dates then come from the levelled schedule (one serial pass by LFT);
   * criticality stays that of the trial's unlevelled critical path.
   */
  readonly levelling?: { readonly instance: RcpspInstance; readonly perDay: number };
}

/**
 * The raw outcome of a run of trials. Chunks are merged in a fixed order, so a forecast is the same
 * whatever number of workers ran it.
 */
export interface TrialChunk {
  readonly trials: number;
  /** Project finish of each trial. */
  readonly finish: Float64Array;
  /** Finish of each milestone in each trial, trial-major: `[trial * milestones + m]`. */
  readonly milestoneFinish: Float64Array;
  /** Trials in which each activity was critical. */
  readonly criticalCount: Float64Array;
  /** Per activity: Σ duration, Σ duration², Σ duration × project finish (for correlations). */
  readonly sumDuration: Float64Array;
  readonly sumDuration2: Float64Array;
  readonly sumDurationFinish: Float64Array;
}

/**
 * Runs `trials` trials: sample every duration, reschedule by CPM (and level, if asked), record dates
 * and criticality. Unlevelled trials run in blocks (`runTrialBlocks`), with the same result as one
 * by one.
 */
export function runTrials(model: ForecastModel, random: Random, trials: number): TrialChunk {
  if (model.levelling) return runTrialsSerially(model, random, trials);
  const chunk = emptyChunk(trials, model.compiled.n, model.milestones.length);
  runTrialBlocks(model, random, trials, chunk, EPSILON);
  return chunk;
}

function emptyChunk(trials: number, n: number, milestones: number): TrialChunk {
  return {
    trials,
    finish: new Float64Array(trials),
    milestoneFinish: new Float64Array(trials * milestones),
    criticalCount: new Float64Array(n),
    sumDuration: new Float64Array(n),
    sumDuration2: new Float64Array(n),
    sumDurationFinish: new Float64Array(n),
  };
}

/** Runs trials one at a time; levelled trials need this, and it is the reference for the blocks. */
export function runTrialsSerially(model: ForecastModel, random: Random, trials: number): TrialChunk {
  const c = model.compiled;
  const n = c.n;
  const m = model.milestones.length;
  const duration = new Float64Array(n);
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const chunk = emptyChunk(trials, n, m);
  const next = () => random.next();
  const { finish: finishes, milestoneFinish, criticalCount, sumDuration, sumDuration2, sumDurationFinish } = chunk;
  const milestones = model.milestones;
  const levelling = model.levelling;
  // Without deadlines or fixed starts no float is negative, and the critical activities can be
  // found by walking back from the finish instead of a full backward pass (tested equal).
  const walkBack = hasOnlyForwardConstraints(c);
  const critical = new Uint8Array(n);
  const stack = new Int32Array(n);
  const days = levelling ? Int32Array.from(levelling.instance.duration) : new Int32Array(0);
  for (let t = 0; t < trials; t++) {
    sampleDurations(model.sampling, next, duration);
    const cpmFinish = forwardPass(c, duration, model.projectStart, es, ef);
    if (walkBack) markCritical(c, es, ef, cpmFinish, EPSILON, critical, stack);
    else {
      backwardPass(c, duration, cpmFinish, ls, lf);
      for (let v = 0; v < n; v++) critical[v] = (ls[v] as number) - (es[v] as number) <= EPSILON ? 1 : 0;
    }
    let finish = cpmFinish;
    if (levelling) {
      const perDay = levelling.perDay;
      for (let k = 0; k < n; k++) days[c.original[k] as number] = Math.ceil((duration[k] as number) / perDay - 1e-9);
      const ws = createWorkspace({ ...levelling.instance, duration: days });
      const plan = scheduleByRule(ws, 'LFT', 'serial');
      finish = model.projectStart + plan.makespan * perDay;
      for (let k = 0; k < m; k++) {
        const v = c.original[milestones[k] as number] as number;
        milestoneFinish[t * m + k] = model.projectStart + ((plan.starts[v] as number) + (days[v] as number)) * perDay;
      }
    } else for (let k = 0; k < m; k++) milestoneFinish[t * m + k] = ef[milestones[k] as number] as number;
    finishes[t] = finish;
    for (let v = 0; v < n; v++) {
      const d = duration[v] as number;
      criticalCount[v] = (criticalCount[v] as number) + (critical[v] as number);
      sumDuration[v] = (sumDuration[v] as number) + d;
      sumDuration2[v] = (sumDuration2[v] as number) + d * d;
      sumDurationFinish[v] = (sumDurationFinish[v] as number) + d * finish;
    }
  }
  return chunk;
}

/** Concatenates per-trial results and adds sums, in the order given. */
export function mergeChunks(chunks: readonly TrialChunk[], n: number, milestones: number): TrialChunk {
  const merged = emptyChunk(
    chunks.reduce((sum, c) => sum + c.trials, 0),
    n,
    milestones,
  );
  let offset = 0;
  for (const c of chunks) {
    merged.finish.set(c.finish, offset);
    merged.milestoneFinish.set(c.milestoneFinish, offset * milestones);
    offset += c.trials;
    for (let v = 0; v < n; v++) {
      merged.criticalCount[v] = (merged.criticalCount[v] as number) + (c.criticalCount[v] as number);
      merged.sumDuration[v] = (merged.sumDuration[v] as number) + (c.sumDuration[v] as number);
      merged.sumDuration2[v] = (merged.sumDuration2[v] as number) + (c.sumDuration2[v] as number);
      merged.sumDurationFinish[v] = (merged.sumDurationFinish[v] as number) + (c.sumDurationFinish[v] as number);
    }
  }
  return merged;
}

/** The seed of chunk `index` of a forecast seeded `seed`: independent streams, fixed by the chunk, not the worker. */
export function chunkSeed(seed: number, index: number): number {
  return (seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
}
