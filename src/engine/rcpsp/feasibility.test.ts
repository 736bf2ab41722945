import { describe, expect, it } from 'vitest';
import { checkPlan } from './feasibility.js';
import { buildInstance } from './instance.js';

const r = buildInstance({
  durations: [2, 3, 1],
  demands: [
    [2, 0],
    [1, 1],
    [0, 1],
  ],
  edges: [[0, 2, 1]],
  capacity: [2, 1],
  profile: [[], [1, 1, 0]],
});
if (!r.ok) throw new Error(JSON.stringify(r.error));
const inst = r.value;

describe('checkPlan', () => {
  it('accepts a feasible plan', () => {
    expect(checkPlan(inst, Int32Array.from([0, 3, 6]))).toEqual([]);
  });

  it('reports a start before 0, a broken lag and an overload, each with its numbers', () => {
    expect(checkPlan(inst, Int32Array.from([-1, 3, 3]))).toContainEqual({ kind: 'negative-start', activity: 0, start: -1 });
    expect(checkPlan(inst, Int32Array.from([0, 3, 2]))).toContainEqual({ kind: 'precedence', from: 0, to: 2, earliest: 3, start: 2 });
    expect(checkPlan(inst, Int32Array.from([0, 1, 6]))).toContainEqual({ kind: 'capacity', resource: 0, period: 1, load: 3, capacity: 2 });
  });

  it('uses the capacity of each period from the profile', () => {
    // Resource 1 has no capacity in period 2.
    expect(checkPlan(inst, Int32Array.from([0, 0, 4]))).toEqual([
      { kind: 'capacity', resource: 0, period: 0, load: 3, capacity: 2 },
      { kind: 'capacity', resource: 0, period: 1, load: 3, capacity: 2 },
      { kind: 'capacity', resource: 1, period: 2, load: 1, capacity: 0 },
    ]);
  });
});
