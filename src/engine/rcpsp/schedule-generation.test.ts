import { describe, expect, it } from 'vitest';
import { checkPlan } from './feasibility.js';
import { buildInstance, type InstanceSpec, type RcpspInstance } from './instance.js';
import { backwardPass, createWorkspace, forwardPass, justify, parallelSgs, serialSgs } from './schedule-generation.js';

const build = (spec: InstanceSpec): RcpspInstance => {
  const r = buildInstance(spec);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** One resource of 2 units. A(2, needs 1) → D(3, needs 2); B(1, needs 2) → C(3, needs 1). Optimum 7 (13 unit-periods / 2). */
const fourJobs = build({
  durations: [2, 1, 3, 3],
  demands: [[1], [2], [1], [2]],
  edges: [
    [0, 3],
    [1, 2],
  ],
  capacity: [2],
});

describe('serial SGS', () => {
  it('places each activity in list order at its earliest feasible start', () => {
    const ws = createWorkspace(fourJobs);
    const starts = new Int32Array(4);
    expect(serialSgs(ws, Int32Array.from([0, 1, 2, 3]), starts)).toBe(9);
    expect(Array.from(starts)).toEqual([0, 2, 3, 6]);
    expect(serialSgs(ws, Int32Array.from([1, 0, 2, 3]), starts)).toBe(7);
    expect(Array.from(starts)).toEqual([1, 0, 1, 4]);
  });

  it('reuses its buffers: decoding the same list twice gives the same plan', () => {
    const ws = createWorkspace(fourJobs);
    const a = new Int32Array(4);
    const b = new Int32Array(4);
    serialSgs(ws, Int32Array.from([0, 1, 2, 3]), a);
    serialSgs(ws, Int32Array.from([1, 0, 2, 3]), b);
    serialSgs(ws, Int32Array.from([0, 1, 2, 3]), b);
    expect(b).toEqual(a);
  });

  it('honours finish-to-start lags and a capacity profile', () => {
    // One person, absent in periods 1 and 2; A(1) → B(2) with a lag of 1.
    const inst = build({ durations: [1, 2], demands: [[1], [1]], edges: [[0, 1, 1]], capacity: [1], profile: [[1, 0, 0, 1]] });
    const starts = new Int32Array(2);
    expect(serialSgs(createWorkspace(inst), Int32Array.from([0, 1]), starts)).toBe(5);
    expect(Array.from(starts)).toEqual([0, 3]);
    expect(checkPlan(inst, starts)).toEqual([]);
  });

  it('starts zero-duration activities at their release without using capacity', () => {
    const inst = build({
      durations: [0, 2, 0],
      demands: [[0], [1], [0]],
      edges: [
        [0, 1],
        [1, 2],
      ],
      capacity: [1],
    });
    const starts = new Int32Array(3);
    expect(serialSgs(createWorkspace(inst), Int32Array.from([0, 1, 2]), starts)).toBe(2);
    expect(Array.from(starts)).toEqual([0, 0, 2]);
  });
});

describe('parallel SGS', () => {
  it('starts eligible activities by priority at each decision time (a non-delay plan)', () => {
    const ws = createWorkspace(fourJobs);
    const starts = new Int32Array(4);
    const list = new Int32Array(4);
    // A first: B must wait for A, then C, then D waits for C: 1 + 3 + 3 after A's 2 periods.
    expect(parallelSgs(ws, Float64Array.from([0, 1, 2, 3]), starts, list)).toBe(9);
    expect(Array.from(starts)).toEqual([0, 2, 3, 6]);
    expect(Array.from(list)).toEqual([0, 1, 2, 3]);
    expect(parallelSgs(ws, Float64Array.from([1, 0, 2, 3]), starts)).toBe(7);
    expect(checkPlan(fourJobs, starts)).toEqual([]);
  });

  it('waits for capacity to return under a profile', () => {
    const inst = build({ durations: [2], demands: [[2]], edges: [], capacity: [2], profile: [[2, 1, 2, 2]] });
    const starts = new Int32Array(1);
    expect(parallelSgs(createWorkspace(inst), Float64Array.from([0]), starts)).toBe(4);
    expect(starts[0]).toBe(2);
  });
});

describe('justification (forward-backward improvement)', () => {
  it('turns the 9-period plan of the list A, B, C, D into the optimal 7', () => {
    const ws = createWorkspace(fourJobs);
    const starts = new Int32Array(4);
    serialSgs(ws, Int32Array.from([0, 1, 2, 3]), starts);
    const right = starts.slice();
    expect(backwardPass(ws, right)).toBe(9);
    // Right-justified against 9 in order D, C, B, A: D [6,9), C [3,6) beside nothing, B [2,3), A [4,6) beside C.
    expect(Array.from(right)).toEqual([4, 2, 3, 6]);
    const { starts: justified, makespan } = justify(fourJobs, starts);
    expect(makespan).toBe(7);
    expect(Array.from(justified)).toEqual([1, 0, 1, 4]);
    expect(checkPlan(fourJobs, justified)).toEqual([]);
  });

  it('keeps an optimal plan optimal', () => {
    const ws = createWorkspace(fourJobs);
    const starts = Int32Array.from([1, 0, 1, 4]);
    expect(backwardPass(ws, starts)).toBe(7);
    expect(forwardPass(ws, starts)).toBe(7);
    expect(checkPlan(fourJobs, starts)).toEqual([]);
  });
});
