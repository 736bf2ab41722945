/**
 * Levelling quality and speed on PSPLIB, as the literature reports it (Kolisch & Hartmann 2006):
 * average deviation from the optimum (j30) or from the critical-path bound (j60), per schedule budget.
 *
 *   npx tsx bench/psplib.ts [--sets j30,j60] [--budgets 1000,5000,50000] [--limit N] [--seed S] [--workers 2]
 *     [--population P] [--mutation M] [--restartAfter G] [--elite E]   (GA tuning; defaults otherwise)
 *
 * Every plan is checked by the independent feasibility checker; the infeasible count must be 0.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { checkPlan } from '../src/engine/rcpsp/feasibility.js';
import { levelSchedule } from '../src/engine/rcpsp/level.js';
import { readPsplib } from '../src/formats/psplib/read-psplib.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpora/psplib/', import.meta.url));

interface Task {
  readonly set: string;
  readonly name: string;
  readonly budget: number;
  readonly seed: number;
  readonly tuning: Tuning;
}
/** Optional overrides of the GA's defaults, for tuning runs. */
type Tuning = { population?: number; mutation?: number; restartAfter?: number; elite?: number };
interface Outcome extends Task {
  readonly makespan: number;
  readonly schedulesUsed: number;
  readonly seconds: number;
  readonly feasible: boolean;
}
interface Answer {
  readonly cpm: number;
  readonly ub: number;
  readonly lb: number;
  readonly optimal: boolean;
}

function solve(task: Task): Outcome {
  const text = readFileSync(`${CORPUS}${task.set}.sm/${task.name}.sm`, 'utf8');
  const parsed = readPsplib(text);
  if (!parsed.ok) throw new Error(`${task.name}: ${JSON.stringify(parsed.error)}`);
  const t0 = performance.now();
  const plan = levelSchedule(parsed.value, { schedules: task.budget, seed: task.seed, ...task.tuning });
  const seconds = (performance.now() - t0) / 1000;
  const feasible = checkPlan(parsed.value, plan.starts).length === 0;
  return { ...task, makespan: plan.makespan, schedulesUsed: plan.schedulesUsed, seconds, feasible };
}

if (!isMainThread) {
  parentPort?.on('message', (tasks: Task[] | null) => {
    if (tasks === null) process.exit(0);
    else parentPort?.postMessage(tasks.map(solve));
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const answers = readAnswers();
  // A worker does not inherit tsx's loader, so it registers it before importing this file.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const workers = Array.from({ length: args.workers }, () => new Worker(boot, { eval: true }));
  console.log(`PSPLIB levelling, seed ${args.seed}, ${args.workers} worker(s)`);
  console.log('set  budget  instances  avg dev %  (vs)   avg dev lb %  avg dev ub %  optimal/at-ub %  avg s/inst  max s  infeasible');
  for (const set of args.sets) {
    const names = sample(instanceNames(set), args.limit);
    for (const budget of args.budgets) {
      const tasks = names.map((name) => ({ set, name, budget, seed: args.seed, tuning: args.tuning }));
      const outcomes = await runAll(workers, tasks);
      report(set, budget, outcomes, answers);
    }
  }
  for (const w of workers) w.postMessage(null);
}

/** Hands out small batches to whichever worker is free, so both cores stay busy to the end. */
async function runAll(workers: Worker[], tasks: Task[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  const batch = 8;
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= tasks.length) {
              w.off('message', onMessage);
              resolve();
              return;
            }
            w.postMessage(tasks.slice(next, next + batch));
            next += batch;
          };
          const onMessage = (results: Outcome[]) => {
            out.push(...results);
            send();
          };
          w.on('message', onMessage);
          w.once('error', reject);
          send();
        }),
    ),
  );
  return out;
}

function report(set: string, budget: number, outcomes: Outcome[], answers: Map<string, Answer>): void {
  let dev = 0;
  let devLb = 0;
  let devUb = 0;
  let hits = 0;
  let total = 0;
  let max = 0;
  let infeasible = 0;
  for (const o of outcomes) {
    const a = answers.get(`${o.set}/${o.name}`);
    if (!a) throw new Error(`no answer for ${o.set}/${o.name}`);
    // j30: every instance is solved, so the optimum is lb = ub; the literature's j60 measure is vs the CPM bound.
    dev += (o.makespan - (set === 'j30' ? a.ub : a.cpm)) / (set === 'j30' ? a.ub : a.cpm);
    devLb += (o.makespan - a.lb) / a.lb;
    devUb += (o.makespan - a.ub) / a.ub;
    if (o.makespan <= a.ub) hits++;
    if (o.makespan < a.lb) throw new Error(`${o.name}: makespan ${o.makespan} below the lower bound ${a.lb}`);
    if (!o.feasible) infeasible++;
    total += o.seconds;
    max = Math.max(max, o.seconds);
  }
  const k = outcomes.length;
  const pct = (x: number) => ((100 * x) / k).toFixed(2).padStart(6);
  console.log(
    [
      set.padEnd(4),
      String(budget).padStart(6),
      String(k).padStart(10),
      `${pct(dev).padStart(10)}  ${set === 'j30' ? '(opt)' : '(cpm)'}`,
      pct(devLb).padStart(12),
      pct(devUb).padStart(13),
      pct(hits).padStart(16),
      (total / k).toFixed(4).padStart(11),
      max.toFixed(3).padStart(6),
      String(infeasible).padStart(11),
    ].join(' '),
  );
}

function readAnswers(): Map<string, Answer> {
  const lines = readFileSync(`${CORPUS}answers.csv`, 'utf8').trim().split('\n');
  const head = (lines[0] ?? '').split(',');
  const col = (name: string) => head.indexOf(name);
  const map = new Map<string, Answer>();
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    map.set(`${c[col('set')]}/${c[col('instance')]}`, {
      cpm: Number(c[col('cpm_makespan')]),
      ub: Number(c[col('ub_best')]),
      lb: Number(c[col('lb_best')]),
      optimal: c[col('optimal')] === '1',
    });
  }
  return map;
}

/** Instance names in (parameter, instance) order. */
function instanceNames(set: string): string[] {
  const key = (name: string) => {
    const m = /^j\d0(\d+)_(\d+)$/.exec(name);
    return m ? Number(m[1]) * 1000 + Number(m[2]) : 0;
  };
  return readdirSync(`${CORPUS}${set}.sm`)
    .filter((f) => f.endsWith('.sm'))
    .map((f) => f.slice(0, -3))
    .sort((a, b) => key(a) - key(b));
}

/** `limit` instances spread evenly over the set (all when no limit). */
function sample(names: string[], limit: number | undefined): string[] {
  if (limit === undefined || limit >= names.length) return names;
  return Array.from({ length: limit }, (_, i) => names[Math.floor((i * names.length) / limit)] as string);
}

function parseArgs(argv: string[]) {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const limit = get('--limit');
  return {
    sets: (get('--sets') ?? 'j30,j60').split(','),
    budgets: (get('--budgets') ?? '1000,5000,50000').split(',').map(Number),
    limit: limit === undefined ? undefined : Number(limit),
    seed: Number(get('--seed') ?? 1),
    workers: Number(get('--workers') ?? Math.min(2, availableParallelism())),
    tuning: Object.fromEntries(
      (['population', 'mutation', 'restartAfter', 'elite'] as const).flatMap((k) => {
        const v = get(`--${k}`);
        return v === undefined ? [] : [[k, Number(v)]];
      }),
    ) as Tuning,
  };
}
