/**
 * Monte Carlo speed: 10,000 trials on a generated 10k-item / ~30k-dependency program, on the warm
 * worker pool (one worker per core), plus the engine's time per link per trial against the raw
 * memory-bound loop.
 * Run: npx tsx bench/forecast.ts [--items 10000] [--trials 10000]
 */
import { availableParallelism } from 'node:os';
import { WorkerPool } from '../src/app/engine-pool/worker-pool.js';
import { compileNetwork, permute } from '../src/engine/cpm/compiled-network.js';
import { samplingPlan } from '../src/engine/forecast/duration-sampler.js';
import { type ForecastModel, runTrials } from '../src/engine/forecast/monte-carlo.js';
import { generateProgram } from '../src/engine/generate/generate-program.js';
import { programInstance } from '../src/engine/plan/program-instance.js';
import { programNetwork } from '../src/engine/plan/program-network.js';
import { createRandom } from '../src/engine/rcpsp/random.js';
import { fmt, medianMs, medianMsAsync, rawPass } from './measure.js';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const items = arg('--items', 10_000);
const trials = arg('--trials', 10_000);
const model = generateProgram({ items, teams: 20, dependenciesPerItem: 3.1 }, createRandom(2));
const built = programNetwork(model);
if (!built.ok) throw new Error('calendar');
const pn = built.value;
const compiled = compileNetwork(pn.network);
if (!compiled.ok) throw new Error('cycle');
const c = compiled.value;
const links = pn.network.graph.edgeCount;
const milestones = pn.items.flatMap((item, v) => (item.kind === 'milestone' ? [c.positionOf[v] as number] : []));
const forecast: ForecastModel = {
  compiled: c,
  sampling: samplingPlan(permute(pn.optimistic, c.original), permute(pn.likely, c.original), permute(pn.pessimistic, c.original), 'pert'),
  milestones: Int32Array.from(milestones),
  projectStart: 0,
};
console.log(`program: ${model.items.length} items, ${model.dependencies.length} dependencies; ${milestones.length} milestones forecast`);

const pool = new WorkerPool();
const wall = await medianMsAsync(3, async () => {
  await pool.run({ model: forecast, trials, seed: 1 });
});
await pool.close();
console.log(`forecast of ${trials} trials on ${pool.size} workers (${availableParallelism()} cores): ${fmt(wall)}  [target < 2000 ms]`);

const sample = 200;
const single = medianMs(3, () => {
  runTrials(forecast, createRandom(3), sample);
});
const perTrial = single / sample;
const values = new Float64Array(c.n);
const raw = medianMs(20, () => {
  rawPass(c.predStart, c.pred, c.predLag, values);
  rawPass(c.succStart, c.succ, c.succLag, values);
});
const ns = (ms: number) => ((ms * 1e6) / (2 * links)).toFixed(2);
console.log(
  `one trial on one thread: ${perTrial.toFixed(3)} ms = ${ns(perTrial)} ns per link visit (sampling, forward pass, critical seeds and statistics in the WebAssembly kernel, 32 trials a block; critical walk-back in JS; counted against both passes)`,
);
console.log(
  `raw memory-bound loop over the same links, one trial at a time in JS: ${raw.toFixed(3)} ms = ${ns(raw)} ns per link visit; a trial costs ${(perTrial / raw).toFixed(2)}x it`,
);

// Levelled forecast: every trial also levelled by team capacity (serial SGS by LFT).
const levelItems = arg('--level-items', 2000);
const levelTrials = arg('--level-trials', 1000);
const small = generateProgram({ items: levelItems, teams: 20 }, createRandom(3));
const smallNet = programNetwork(small);
if (!smallNet.ok) throw new Error('calendar');
const sc = compileNetwork(smallNet.value.network);
if (!sc.ok) throw new Error('cycle');
const inst = programInstance(small, smallNet.value);
if (!inst.ok) throw new Error(inst.error.map((p) => p.message).join('; '));
const levelled: ForecastModel = {
  compiled: sc.value,
  sampling: samplingPlan(
    permute(smallNet.value.optimistic, sc.value.original),
    permute(smallNet.value.likely, sc.value.original),
    permute(smallNet.value.pessimistic, sc.value.original),
    'pert',
  ),
  milestones: Int32Array.from(
    smallNet.value.items.flatMap((item, v) => (item.kind === 'milestone' ? [sc.value.positionOf[v] as number] : [])),
  ),
  projectStart: 0,
  levelling: { instance: inst.value, perDay: smallNet.value.calendar.minutesPerDay },
};
const levelPool = new WorkerPool();
const levelWall = await medianMsAsync(1, async () => {
  await levelPool.run({ model: levelled, trials: levelTrials, seed: 1 });
});
await levelPool.close();
console.log(
  `levelled forecast of ${levelTrials} trials on ${small.items.length} items / ${small.teams.length} teams, ${levelPool.size} workers: ${fmt(levelWall)}  [target < 10000 ms]`,
);
