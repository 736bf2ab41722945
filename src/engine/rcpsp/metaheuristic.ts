import { criticalPathBound, type RcpspInstance } from './instance.js';
import { activityList, priorityValues } from './priority-rules.js';
import { createRandom, type Random } from './random.js';
import { backwardPass, createWorkspace, forwardPass, listByStart, type SgsWorkspace, serialSgs } from './schedule-generation.js';

export interface GaOptions {
  /** Budget of schedules: each serial decoding and each justification pass counts as one. */
  readonly schedules: number;
  readonly seed: number;
  /** Individuals kept per generation; by default 40, growing with budgets above 16,000 (to 150 at 60,000). */
  readonly population?: number;
  /** Chance that a child is shift-mutated at each position. */
  readonly mutation?: number;
  /** Generations without a better best after which all but the elite are replaced by new samples (0 = never; default 40). */
  readonly restartAfter?: number;
  /** Individuals kept through a restart. */
  readonly elite?: number;
}

export interface GaResult {
  readonly starts: Int32Array;
  readonly makespan: number;
  /** Schedules generated: at most the budget; fewer only when the critical-path bound was reached. */
  readonly schedulesUsed: number;
}

/**
 * Activity-list genetic algorithm (Hartmann 1998) with justification of every individual (Valls,
 * Ballestín & Quintanilla 2005, 2008): an individual is decoded by the serial SGS, improved by one
 * backward and one forward pass, and kept as the list of its justified schedule sorted by start.
 * Initial lists come from regret-based biased random sampling on LFT and MinSlack; children come from
 * two-point crossover of tournament-selected parents plus precedence-feasible shift mutation; the
 * population is the best distinct individuals of parents and children. After `restartAfter` generations
 * without progress, all but the elite are replaced by new samples. Deterministic per seed.
 */
export function geneticAlgorithm(inst: RcpspInstance, options: GaOptions, ws: SgsWorkspace = createWorkspace(inst)): GaResult {
  const { n } = inst;
  const budget = Math.max(1, Math.floor(options.schedules));
  const random = createRandom(options.seed);
  const lowerBound = criticalPathBound(inst);
  // A larger population converges later, which pays only when the budget allows many generations (measured on j60).
  const size = Math.max(2, options.population ?? Math.min(150, Math.max(40, Math.round(budget / 400))));
  const mutation = options.mutation ?? 0.05;
  const restartAfter = options.restartAfter ?? 40;
  const elite = Math.min(size, Math.max(1, options.elite ?? 1));
  const e = new Evaluator(ws, budget, lowerBound);

  const lft = priorityValues(inst, 'LFT');
  const mslk = priorityValues(inst, 'MSLK');
  const pos = new Int32Array(n);

  const sample = (pop: Individual[], first: number) => {
    for (let i = first; i < size && !e.finished(); i++) {
      const list = activityList(inst, i % 2 === 0 ? lft : mslk, i < 2 ? undefined : random);
      pop.push(e.evaluate(list));
    }
    return survivors(pop, size);
  };
  let pop = sample([], 0);
  let best = e.bestMakespan;
  let stale = 0;
  while (!e.finished()) {
    if (e.bestMakespan < best) {
      best = e.bestMakespan;
      stale = 0;
    } else if (restartAfter > 0 && ++stale >= restartAfter) {
      pop = sample(pop.slice(0, elite), elite);
      stale = 0;
      continue;
    }
    const children: Individual[] = [];
    for (let c = 0; c < size && !e.finished(); c += 2) {
      const mother = tournament(pop, random);
      const father = tournament(pop, random);
      const [a, b] = twoPointCrossover(mother.list, father.list, random, pos);
      for (const child of [a, b]) {
        if (e.finished()) break;
        shiftMutation(inst, ws, child, mutation, random, pos);
        children.push(e.evaluate(child));
      }
    }
    pop = survivors(pop.concat(children), size);
  }
  return { starts: e.bestStarts, makespan: e.bestMakespan, schedulesUsed: e.used };
}

interface Individual {
  readonly list: Int32Array;
  readonly makespan: number;
  readonly key: string;
}

/** Decodes and justifies lists while counting schedules against the budget; remembers the best plan. */
class Evaluator {
  used = 0;
  bestMakespan = Number.POSITIVE_INFINITY;
  bestStarts: Int32Array;
  private readonly starts: Int32Array;

  constructor(
    private readonly ws: SgsWorkspace,
    private readonly budget: number,
    private readonly lowerBound: number,
  ) {
    this.starts = new Int32Array(ws.n);
    this.bestStarts = new Int32Array(ws.n);
  }

  finished(): boolean {
    return this.used >= this.budget || this.bestMakespan <= this.lowerBound;
  }

  /** Serial SGS, then as many justification passes (up to two) as the budget allows. */
  evaluate(list: Int32Array): Individual {
    const { ws, starts } = this;
    let makespan = serialSgs(ws, list, starts);
    this.used++;
    if (this.used < this.budget && makespan > this.lowerBound) {
      makespan = Math.min(makespan, backwardPass(ws, starts, list));
      this.used++;
      if (this.used < this.budget) {
        makespan = forwardPass(ws, starts, list);
        this.used++;
      }
    }
    const justified = new Int32Array(ws.n);
    listByStart(ws, starts, justified, list);
    if (makespan < this.bestMakespan) {
      this.bestMakespan = makespan;
      this.bestStarts.set(starts);
    }
    return { list: justified, makespan, key: `${makespan}:${hash(starts)}` };
  }
}

function hash(a: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ (a[i] as number), 0x01000193);
  return h >>> 0;
}

/** The `size` best distinct schedules (shorter first; ties keep the earlier individual). */
function survivors(all: Individual[], size: number): Individual[] {
  const sorted = all.map((ind, i) => ({ ind, i })).sort((a, b) => a.ind.makespan - b.ind.makespan || a.i - b.i);
  const seen = new Set<string>();
  const out: Individual[] = [];
  for (const { ind } of sorted) {
    if (seen.has(ind.key)) continue;
    seen.add(ind.key);
    out.push(ind);
    if (out.length === size) return out;
  }
  // Too few distinct ones: refill with duplicates rather than shrink.
  for (const { ind } of sorted) {
    if (out.length === size) break;
    if (!out.includes(ind)) out.push(ind);
  }
  return out;
}

function tournament(pop: Individual[], random: Random): Individual {
  const a = pop[random.int(pop.length)] as Individual;
  const b = pop[random.int(pop.length)] as Individual;
  return b.makespan < a.makespan ? b : a;
}

/**
 * Two-point crossover (Hartmann 1998): the daughter takes the mother's first q1 activities, then the
 * father's not yet taken up to position q2, then the mother's rest; the son likewise with roles
 * swapped. Both stay precedence-feasible.
 */
function twoPointCrossover(mother: Int32Array, father: Int32Array, random: Random, taken: Int32Array): [Int32Array, Int32Array] {
  const n = mother.length;
  let q1 = random.int(n + 1);
  let q2 = random.int(n + 1);
  if (q1 > q2) [q1, q2] = [q2, q1];
  return [cross(mother, father, q1, q2, taken), cross(father, mother, q1, q2, taken)];
}

function cross(first: Int32Array, second: Int32Array, q1: number, q2: number, taken: Int32Array): Int32Array {
  const n = first.length;
  const child = new Int32Array(n);
  taken.fill(0);
  let k = 0;
  for (; k < q1; k++) {
    child[k] = first[k] as number;
    taken[first[k] as number] = 1;
  }
  for (let i = 0; i < n && k < q2; i++) {
    const j = second[i] as number;
    if (!taken[j]) {
      child[k++] = j;
      taken[j] = 1;
    }
  }
  for (let i = 0; i < n && k < n; i++) {
    const j = first[i] as number;
    if (!taken[j]) {
      child[k++] = j;
      taken[j] = 1;
    }
  }
  return child;
}

/**
 * Shift mutation: each position is chosen with probability `rate`; its activity moves to a random
 * position after its last predecessor and before its first successor in the list, so the list stays
 * precedence-feasible.
 */
function shiftMutation(inst: RcpspInstance, ws: SgsWorkspace, list: Int32Array, rate: number, random: Random, pos: Int32Array): void {
  const n = list.length;
  for (let i = 0; i < n; i++) {
    if (random.next() >= rate) continue;
    for (let k = 0; k < n; k++) pos[list[k] as number] = k;
    const j = list[i] as number;
    let lo = 0;
    for (let e = ws.predStart[j] as number; e < (ws.predStart[j + 1] as number); e++)
      lo = Math.max(lo, (pos[ws.pred[e] as number] as number) + 1);
    let hi = n - 1;
    for (let e = inst.succStart[j] as number; e < (inst.succStart[j + 1] as number); e++)
      hi = Math.min(hi, (pos[inst.succ[e] as number] as number) - 1);
    const to = lo + random.int(hi - lo + 1);
    if (to < i) list.copyWithin(to + 1, to, i);
    else if (to > i) list.copyWithin(i, i + 1, to + 1);
    list[to] = j;
  }
}
