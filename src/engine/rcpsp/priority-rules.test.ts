import { describe, expect, it } from 'vitest';
import { checkPlan } from './feasibility.js';
import { buildInstance } from './instance.js';
import { activityList, priorityRules, priorityValues, scheduleByRule } from './priority-rules.js';
import { createRandom } from './random.js';
import { createWorkspace } from './schedule-generation.js';

// 0 → 1 → 3, 0 → 2 → 3; durations 0, 4, 2, 0; critical path 4, so LF = [0, 4, 4, 4], ES = [0, 0, 0, 4].
const r = buildInstance({
  durations: [0, 4, 2, 0],
  demands: [[0], [1], [1], [0]],
  edges: [
    [0, 1],
    [0, 2],
    [1, 3],
    [2, 3],
  ],
  capacity: [1],
});
if (!r.ok) throw new Error(JSON.stringify(r.error));
const inst = r.value;

describe('priority rules', () => {
  it('computes each rule’s values, lower first', () => {
    expect(Array.from(priorityValues(inst, 'LFT'))).toEqual([0, 4, 4, 4]);
    expect(Array.from(priorityValues(inst, 'LST'))).toEqual([0, 0, 2, 4]);
    expect(Array.from(priorityValues(inst, 'MSLK'))).toEqual([0, 0, 2, 0]);
    expect(Array.from(priorityValues(inst, 'GRPW'))).toEqual([-6, -4, -2, -0]);
    expect(Array.from(priorityValues(inst, 'MTS'))).toEqual([-3, -1, -1, -0]);
    expect(Array.from(priorityValues(inst, 'LPT'))).toEqual([-0, -4, -2, -0]);
    expect(Array.from(priorityValues(inst, 'SPT'))).toEqual([0, 4, 2, 0]);
  });

  it('builds lists that put the rule’s choice first among eligible activities', () => {
    expect(Array.from(activityList(inst, priorityValues(inst, 'LST')))).toEqual([0, 1, 2, 3]);
    expect(Array.from(activityList(inst, priorityValues(inst, 'SPT')))).toEqual([0, 2, 1, 3]);
  });

  it('samples precedence-feasible lists with regret-based bias, reproducibly', () => {
    const a = activityList(inst, priorityValues(inst, 'LFT'), createRandom(5));
    const b = activityList(inst, priorityValues(inst, 'LFT'), createRandom(5));
    expect(a).toEqual(b);
    expect(a[0]).toBe(0);
    expect(a[3]).toBe(3);
  });

  it('gives a feasible schedule with every rule in both schemes', () => {
    const ws = createWorkspace(inst);
    for (const rule of priorityRules) {
      for (const scheme of ['serial', 'parallel'] as const) {
        const { starts, makespan } = scheduleByRule(ws, rule, scheme);
        expect(checkPlan(inst, starts)).toEqual([]);
        expect(makespan).toBe(6);
      }
    }
  });
});
