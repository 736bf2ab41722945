import { describe, expect, it } from 'vitest';
import { checkPlan } from './feasibility.js';
import { buildInstance, type InstanceSpec, type RcpspInstance } from './instance.js';
import { explainDelays, levelSchedule, loadProfile } from './level.js';
import { geneticAlgorithm } from './metaheuristic.js';

const build = (spec: InstanceSpec): RcpspInstance => {
  const r = buildInstance(spec);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** Two resources of 2 and 1 units; 7 activities; the optimum, 10, was found by exhaustive search over start times. */
const seven = build({
  durations: [3, 2, 4, 2, 3, 1, 2],
  demands: [
    [1, 0],
    [2, 0],
    [1, 1],
    [1, 0],
    [0, 1],
    [2, 1],
    [1, 0],
  ],
  edges: [
    [0, 3],
    [1, 4],
    [2, 5],
    [3, 5],
    [4, 6],
  ],
  capacity: [2, 1],
});

describe('levelSchedule', () => {
  it('finds the optimum of a small instance, feasibly', () => {
    const plan = levelSchedule(seven, { schedules: 500, seed: 1 });
    expect(checkPlan(seven, plan.starts)).toEqual([]);
    expect(plan.makespan).toBe(10);
  });

  it('is reproducible per seed and spends exactly the budget unless it reaches the critical-path bound', () => {
    const a = levelSchedule(seven, { schedules: 301, seed: 9 });
    const b = levelSchedule(seven, { schedules: 301, seed: 9 });
    expect(b).toEqual(a);
    expect(a.schedulesUsed).toBe(301);
    for (const budget of [1, 2, 3, 4, 77]) expect(geneticAlgorithm(seven, { schedules: budget, seed: 3 }).schedulesUsed).toBe(budget);
    const restarted = geneticAlgorithm(seven, { schedules: 3000, seed: 2, population: 4, restartAfter: 2 });
    expect(restarted).toMatchObject({ makespan: 10, schedulesUsed: 3000 });
    expect(checkPlan(seven, restarted.starts)).toEqual([]);
    const free = build({ durations: [2, 3], demands: [[1], [1]], edges: [], capacity: [2] });
    expect(levelSchedule(free, { schedules: 1000, seed: 1 })).toMatchObject({ makespan: 3, schedulesUsed: 1 });
  });
});

describe('explainDelays and loadProfile', () => {
  // One person; A(3) and B(2) both ready at 0; C(1) after B. Whatever goes second waits for the person.
  const team = build({ durations: [3, 2, 1], demands: [[1], [1], [1]], edges: [[1, 2]], capacity: [1], ids: ['A', 'B', 'C'] });

  it('says which resource held a delayed activity back, for how long, and how busy it was', () => {
    const starts = Int32Array.from([0, 3, 5]);
    expect(explainDelays(team, starts)).toEqual([
      { activity: 1, delay: 3, wait: 3, resource: 0, period: 2, busy: 1, capacity: 1, need: 1 },
      { activity: 2, delay: 3, wait: 0, predecessor: 1 },
    ]);
  });

  it('blames the resource that is short, under a capacity profile too', () => {
    const inst = build({
      durations: [2],
      demands: [[2, 1]],
      edges: [],
      capacity: [2, 1],
      profile: [
        [2, 2],
        [0, 0],
      ],
    });
    expect(explainDelays(inst, Int32Array.from([2]))).toEqual([
      { activity: 0, delay: 2, wait: 2, resource: 1, period: 1, busy: 0, capacity: 0, need: 1 },
    ]);
  });

  it('gives the load and capacity of each resource per period', () => {
    const p = loadProfile(team, Int32Array.from([0, 3, 5]));
    expect(p.horizon).toBe(6);
    expect(Array.from(p.load)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(p.capacity)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
