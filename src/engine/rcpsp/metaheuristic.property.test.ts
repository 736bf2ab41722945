import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from './feasibility.js';
import { buildInstance, capacityAt, criticalPathBound, type InstanceSpec, type RcpspInstance, topologicalOrder } from './instance.js';
import { levelSchedule } from './level.js';
import { activityList, priorityRules, priorityValues } from './priority-rules.js';
import { createRandom } from './random.js';
import { createWorkspace, justify, parallelSgs, serialSgs } from './schedule-generation.js';

/** Random small instances: forward edges (so acyclic), optional lags (negative ones too: converted SS/FF/SF links), and optionally a capacity profile with dips and peaks. */
const specs = (maxN: number, withLags: boolean, withProfile: boolean) =>
  fc
    .record({ n: fc.integer({ min: 1, max: maxN }), R: fc.integer({ min: 1, max: 3 }) })
    .chain(({ n, R }) =>
      fc.record({
        durations: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
        capacity: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: R, maxLength: R }),
        demandShare: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: R, maxLength: R }), {
          minLength: n,
          maxLength: n,
        }),
        edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), withLags ? fc.integer({ min: -3, max: 2 }) : fc.constant(0)), {
          maxLength: 2 * n,
        }),
        profile: withProfile
          ? fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 12 }), { minLength: R, maxLength: R })
          : fc.constant(undefined),
      }),
    )
    .map(({ durations, capacity, demandShare, edges, profile }): RcpspInstance => {
      const spec: InstanceSpec = {
        durations,
        capacity,
        demands: demandShare.map((row) => row.map((x, r) => Math.floor(x * ((capacity[r] as number) + 1)) % ((capacity[r] as number) + 1))),
        edges: edges.filter(([a, b]) => a < b).map(([a, b, lag]) => [a, b, lag] as const),
        ...(profile ? { profile } : {}),
      };
      const r = buildInstance(spec);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    });

const anyInstance = fc.oneof(specs(10, false, false), specs(10, true, false), specs(8, true, true));

/**
 * The optimum by exhaustive search over start times, written without the schedulers: activities in
 * index order (edges go forward), each at every start from its release up to a safe horizon.
 */
function bruteForceOptimum(inst: RcpspInstance): number {
  const { n, resourceCount: R } = inst;
  let horizon = (inst.profile?.horizon ?? 0) + 1;
  for (let j = 0; j < n; j++) horizon += inst.duration[j] as number;
  for (let k = 0; k < inst.succ.length; k++) horizon += Math.max(0, inst.lag?.[k] ?? 0);
  const load = new Int32Array(R * horizon);
  const starts = new Int32Array(n);
  let best = Number.POSITIVE_INFINITY;
  const fits = (j: number, t: number) => {
    for (let p = t; p < t + (inst.duration[j] as number); p++) {
      for (let r = 0; r < R; r++)
        if ((load[r * horizon + p] as number) + (inst.demand[j * R + r] as number) > capacityAt(inst, r, p)) return false;
    }
    return true;
  };
  const add = (j: number, t: number, sign: number) => {
    for (let p = t; p < t + (inst.duration[j] as number); p++) {
      for (let r = 0; r < R; r++) load[r * horizon + p] = (load[r * horizon + p] as number) + sign * (inst.demand[j * R + r] as number);
    }
  };
  const visit = (j: number, end: number) => {
    if (end >= best) return;
    if (j === n) {
      best = end;
      return;
    }
    let release = 0;
    for (let i = 0; i < j; i++) {
      for (let k = inst.succStart[i] as number; k < (inst.succStart[i + 1] as number); k++) {
        if (inst.succ[k] === j) release = Math.max(release, (starts[i] as number) + (inst.duration[i] as number) + (inst.lag?.[k] ?? 0));
      }
    }
    for (let t = release; t + (inst.duration[j] as number) < Math.min(best, horizon + 1); t++) {
      if (!fits(j, t)) continue;
      starts[j] = t;
      add(j, t, 1);
      visit(j + 1, Math.max(end, t + (inst.duration[j] as number)));
      add(j, t, -1);
    }
  };
  visit(0, 0);
  return best;
}

describe('levelling invariants (property-based)', () => {
  it('serial and parallel SGS give feasible plans no shorter than the critical path, for any list or rule', () => {
    fc.assert(
      fc.property(anyInstance, fc.integer(), (inst, seed) => {
        const ws = createWorkspace(inst);
        const bound = criticalPathBound(inst);
        const starts = new Int32Array(inst.n);
        const random = createRandom(seed);
        for (const rule of priorityRules) {
          const priority = priorityValues(inst, rule);
          const m1 = serialSgs(ws, activityList(inst, priority, random), starts);
          expect(checkPlan(inst, starts)).toEqual([]);
          expect(m1).toBeGreaterThanOrEqual(bound);
          const m2 = parallelSgs(ws, priority, starts);
          expect(checkPlan(inst, starts)).toEqual([]);
          expect(m2).toBeGreaterThanOrEqual(bound);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('justification keeps plans feasible and never lengthens them', () => {
    fc.assert(
      fc.property(anyInstance, fc.integer(), (inst, seed) => {
        const ws = createWorkspace(inst);
        const starts = new Int32Array(inst.n);
        const m = serialSgs(ws, activityList(inst, priorityValues(inst, 'LFT'), createRandom(seed)), starts);
        const once = justify(inst, starts, ws);
        expect(checkPlan(inst, once.starts)).toEqual([]);
        expect(once.makespan).toBeLessThanOrEqual(m);
        const twice = justify(inst, once.starts, ws);
        expect(twice.makespan).toBeLessThanOrEqual(once.makespan);
      }),
      { numRuns: 200 },
    );
  });

  it('the genetic algorithm is feasible, bounded below by the CPM and the optimum, and reproducible per seed', () => {
    fc.assert(
      fc.property(specs(6, true, true), fc.integer(), (inst, seed) => {
        const plan = levelSchedule(inst, { schedules: 200, seed });
        expect(checkPlan(inst, plan.starts)).toEqual([]);
        expect(plan.makespan).toBeGreaterThanOrEqual(criticalPathBound(inst));
        expect(plan.makespan).toBeGreaterThanOrEqual(bruteForceOptimum(inst));
        expect(plan.schedulesUsed).toBeLessThanOrEqual(200);
        expect(levelSchedule(inst, { schedules: 200, seed })).toEqual(plan);
      }),
      { numRuns: 60 },
    );
  });

  it('on instances of up to 6 activities, 300 schedules reach the exhaustive-search optimum', () => {
    fc.assert(
      fc.property(specs(6, true, true), (inst) => {
        expect(levelSchedule(inst, { schedules: 300, seed: 1 }).makespan).toBe(bruteForceOptimum(inst));
      }),
      { numRuns: 60 },
    );
  });

  it('topological order and CPM bound agree with the edges', () => {
    fc.assert(
      fc.property(anyInstance, (inst) => {
        const order = topologicalOrder(inst);
        const pos = new Int32Array(inst.n);
        order.forEach((j, i) => {
          pos[j] = i;
        });
        for (let j = 0; j < inst.n; j++) {
          for (let k = inst.succStart[j] as number; k < (inst.succStart[j + 1] as number); k++)
            expect(pos[j]).toBeLessThan(pos[inst.succ[k] as number] as number);
        }
      }),
    );
  });
});
